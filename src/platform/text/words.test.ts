import { describe, expect, it } from 'vitest';
import { findAsWritten, foldText, wordsPattern } from './words.ts';

describe('words', () => {
  it('folds accents, case, apostrophes and spaces', () => {
    expect(foldText('Ça  NE   marche\npas, l’ARNAQUÉ')).toBe("ca ne marche pas, l'arnaque");
  });

  it('finds whole words only', () => {
    const re = wordsPattern(['arnaqu(?:e|ee)', '#fail']);
    expect(re.test(foldText('Une arnaque !'))).toBe(true);
    expect(re.test(foldText('#fail total'))).toBe(true);
    expect(re.test(foldText('désarnaquer'))).toBe(false);
  });

  it('gives back what it found as it was written', () => {
    const re = wordsPattern(['demande a ete refusee', 'hors garantie'], 'gu');
    expect(findAsWritten('Votre DEMANDE  a été\nrefusée : produit Hors Garantie.', re)).toEqual(['DEMANDE  a été\nrefusée', 'Hors Garantie']);
    // Decomposed accents (e + U+0301) are one letter with their mark.
    expect(findAsWritten('hors garantie\u0301', wordsPattern(['hors garantie'], 'gu'))).toEqual(['hors garantie\u0301']);
    expect(findAsWritten('rien', re)).toEqual([]);
  });
});
