import { describe, expect, it } from 'vitest';
import { toWinAnsi } from './win-ansi.ts';

describe('toWinAnsi', () => {
  it('keeps French and the Windows-1252 punctuation', () => {
    expect(toWinAnsi('Dossier n° SAV-2026-000123 — « réparé » l’été, 12 €, cœur')).toBe('Dossier n° SAV-2026-000123 — « réparé » l’été, 12 €, cœur');
  });
  it('writes other spaces and dashes as their twins, anything else as ?', () => {
    expect(toWinAnsi('Prêt\u202f?\u2011ok 🙂 中')).toBe('Prêt ?-ok ? ?');
  });
  it('composes decomposed accents first', () => {
    expect(toWinAnsi('e\u0301te\u0301')).toBe('été');
  });
});
