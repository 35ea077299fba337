import { describe, expect, it } from 'vitest';
import { privateMoveText } from './private-move.ts';

describe('the reply that moves to private messages', () => {
  it('says DM on X, in French and English', () => {
    expect(privateMoveText({ channel: 'x', language: 'fr', who: '@nhoizey', brand: 'Truffaut' })).toBe(
      'Bonjour @nhoizey, nous sommes désolés de ce qui vous arrive et voulons le régler avec vous. Pourriez-vous nous envoyer en message privé (DM) vos coordonnées (e-mail, téléphone) et n° de commande ? Nous vous répondons là-bas très vite. L’équipe Truffaut',
    );
    expect(privateMoveText({ channel: 'x', language: 'en', who: '@nhoizey', brand: 'Truffaut' })).toBe(
      'Hello @nhoizey, we are sorry about this and we want to put it right with you. Could you send us your contact details (e-mail, phone) and your order number by direct message (DM)? We will get back to you there as soon as we can. The Truffaut team',
    );
  });

  it('says private message on Facebook and Instagram', () => {
    for (const channel of ['facebook', 'instagram'] as const) {
      expect(privateMoveText({ channel, language: 'fr', who: 'Marie', brand: 'Truffaut' })).toContain('en message privé ?');
      expect(privateMoveText({ channel, language: 'en', who: 'Marie', brand: 'Truffaut' })).toContain('in a private message?');
    }
  });

  it('greets nobody in particular without a name, and signs without a brand', () => {
    expect(privateMoveText({ channel: null, language: 'fr', who: null, brand: null })).toMatch(/^Bonjour, nous .* en privé \? .* Le service client$/);
    expect(privateMoveText({ channel: 'sms', language: 'en', who: null, brand: null })).toMatch(/^Hello, we .* Customer service$/);
  });

  it('fits in a tweet with a long handle and a long brand name', () => {
    const who = `@${'h'.repeat(15)}`;
    const brand = 'B'.repeat(25);
    for (const language of ['fr', 'en'] as const) expect(privateMoveText({ channel: 'x', language, who, brand }).length).toBeLessThanOrEqual(280);
  });
});
