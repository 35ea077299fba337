import { describe, expect, it } from 'vitest';
import { comparable, parseCondition, parseMinorUnits, parseMoment, parseQuantity } from './local-values.ts';

describe('parseMinorUnits (amounts as tills write them → cents)', () => {
  it.each([
    ['1 234,56', 123456],
    ['1\u00a0234,56 €', 123456],
    ['1\u202f234,56', 123456],
    ['1234,56', 123456],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1234.56', 123456],
    ['399', 39900],
    ['399,9', 39990],
    ['0,99', 99],
    [',5', 50],
    ['-12,50', -1250],
    ['12,50-', -1250],
    ['(12,50)', -1250],
    ['−3,00', -300],
    ['EUR 49,90', 4990],
    ['49,90 TTC', 4990],
    ['1.234.567', 123456700],
    ['1,234,567', 123456700],
    // Three decimals: French reads a decimal comma, rounded half away from zero.
    ['12,345', 1235],
    ['0,004', 0],
    ['19.899999999999999', 1990],
  ])('%s → %i', (text, cents) => {
    expect(parseMinorUnits(text, 2)).toBe(cents);
  });

  it('uses the currency’s digits (none for yen)', () => {
    expect(parseMinorUnits('1 500', 0)).toBe(1500);
    expect(parseMinorUnits('1 500,4', 0)).toBe(1500);
  });

  it.each(['', 'abc', '12,34,5', '1.23.4', '1,234.567,89', '12a', '--1', '1e5', '12.34.56,7'])('refuses %j', (text) => {
    expect(parseMinorUnits(text, 2)).toBeNull();
  });
});

describe('parseQuantity', () => {
  it('reads whole quantities, returns included', () => {
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('-1')).toBe(-1);
    expect(parseQuantity('3,00')).toBe(3);
    expect(parseQuantity('1 000')).toBe(1000);
  });
  it('refuses fractions and text', () => {
    expect(parseQuantity('1,5')).toBeNull();
    expect(parseQuantity('deux')).toBeNull();
  });
});

describe('parseMoment (French dates first)', () => {
  it.each([
    ['31/12/2026', '2026-12-31 12:00:00', null, true],
    ['31/12/2026 14:32', '2026-12-31 14:32:00', null, false],
    ['31/12/2026 14:32:05', '2026-12-31 14:32:05', null, false],
    ['1/2/2026', '2026-02-01 12:00:00', null, true],
    ['31.12.26', '2026-12-31 12:00:00', null, true],
    ['31-12-2026 à 9h05', '2026-12-31 09:05:00', null, false],
    ['2026-12-31', '2026-12-31 12:00:00', null, true],
    ['2026-12-31T14:32:05+01:00', '2026-12-31 14:32:05', '+01:00', false],
    ['2026-12-31 14:32:05.123Z', '2026-12-31 14:32:05', 'Z', false],
    ['2026-12-31T14:32:05+0100', '2026-12-31 14:32:05', '+01:00', false],
    ['2026/12/31', '2026-12-31 12:00:00', null, true],
    ['20261231', '2026-12-31 12:00:00', null, true],
    ['20261231 143205', '2026-12-31 14:32:05', null, false],
    // Excel's day numbers, as a spreadsheet stores dates: 46022 is 2025-12-31.
    ['46022', '2025-12-31 12:00:00', null, true],
    ['46022.5', '2025-12-31 12:00:00', null, false],
    ['46022.75', '2025-12-31 18:00:00', null, false],
  ])('%s', (text, local, offset, dateOnly) => {
    expect(parseMoment(text)).toEqual({ local, offset, dateOnly });
  });

  it('reads month first when told (English exports)', () => {
    expect(parseMoment('12/31/2026', 'mdy')?.local).toBe('2026-12-31 12:00:00');
    expect(parseMoment('12/31/2026', 'dmy')).toBeNull();
  });

  it.each(['31/02/2026', '29/02/2025', '32/01/2026', '31/12/2026 24:00', '31/12/2026 12:60', 'demain', '2026-13-01', '12345', '1/1/1850'])('refuses %j', (text) => {
    expect(parseMoment(text)).toBeNull();
  });

  it('knows leap years', () => {
    expect(parseMoment('29/02/2028')?.local).toBe('2028-02-29 12:00:00');
  });
});

describe('parseCondition and comparable', () => {
  it('reads the product condition in French and English', () => {
    expect(parseCondition('Neuf')).toBe('new');
    expect(parseCondition('OCCASION')).toBe('used');
    expect(parseCondition("d'occasion")).toBe('used');
    expect(parseCondition('Reconditionné')).toBe('used');
    expect(parseCondition('refurbished')).toBe('used');
    expect(parseCondition('cassé')).toBeNull();
  });

  it('compares headers without case, accents or punctuation', () => {
    expect(comparable(' N° Ticket ')).toBe('n ticket');
    expect(comparable('Qté')).toBe('qte');
    expect(comparable('Prix unitaire T.T.C.')).toBe('prix unitaire t t c');
  });
});
