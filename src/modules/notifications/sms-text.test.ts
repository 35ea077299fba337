import { describe, expect, it } from 'vitest';
import { smsSize, toGsm } from './sms-text.ts';

describe('SMS text', () => {
  it('keeps the French letters GSM has and spells the others the closest way', () => {
    expect(toGsm('Réparation à Lyon, où ça ? Déjà ÉTÉ')).toBe('Réparation à Lyon, où ca ? Déjà ÉTÉ');
    expect(toGsm('prête, fenêtre, île, hôtel, août, Noël, maïs, cœur')).toBe('prete, fenetre, ile, hotel, aout, Noel, mais, coeur');
    expect(toGsm('L’équipe « SAV » – 10\u00a0h…')).toBe('L\'équipe "SAV" - 10 h...');
  });

  it('counts GSM-7 segments (160, then 153 each) with extension characters as two', () => {
    expect(smsSize('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSize('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(smsSize('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(smsSize('a'.repeat(307))).toMatchObject({ segments: 3 });
    expect(smsSize('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
  });

  it('counts UCS-2 segments (70, then 67 each) when one character needs it', () => {
    expect(smsSize('ê'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsSize(`${'a'.repeat(70)}’`)).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
  });
});
