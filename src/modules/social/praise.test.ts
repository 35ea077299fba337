import { describe, expect, it } from 'vitest';
import { isPraise } from './praise.ts';

describe('praise after a settled case', () => {
  it.each([
    'Wow, après mon tweet rageur ce WE @Truffaut a réagi et me le remplace. Chapeau le SAV !',
    '@Truffaut merci à vous pour votre réaction !',
    'Bravo, vous avez tout compris',
    'MERCI !',
    'Thanks a lot, great job',
    'Félicitations à l’équipe du magasin',
  ])('is praise: %s', (text) => expect(isPraise(text)).toBe(true));

  it.each([
    'Merci de me rembourser, c’est une arnaque',
    'Merci pour rien, jamais plus chez vous',
    'Toujours rien reçu',
    'Thanks for nothing, worst service ever',
    'Supermarché fermé', // "super" inside another word
    'topologie',
  ])('is not praise: %s', (text) => expect(isPraise(text)).toBe(false));
});
