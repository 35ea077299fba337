import { describe, expect, it } from 'vitest';
import { newVoucherCode, normalizeVoucherCode, VOUCHER_ALPHABET, VOUCHER_CODE_PATTERN } from './voucher-code.ts';

describe('voucher codes', () => {
  it('are SAV- and two groups of four unambiguous characters', () => {
    for (let i = 0; i < 500; i++) expect(newVoucherCode()).toMatch(VOUCHER_CODE_PATTERN);
  });
  it('leave out every look-alike', () => {
    for (const c of '0O1IL5S2Z8B') expect(VOUCHER_ALPHABET).not.toContain(c);
    expect(VOUCHER_ALPHABET).toHaveLength(25);
    expect(new Set(VOUCHER_ALPHABET).size).toBe(25);
  });
  it('are made of what the random source draws, in order', () => {
    const draws = [0, 1, 2, 3, 24, 23, 22, 21];
    expect(newVoucherCode(() => draws.shift()!)).toBe('SAV-3467-YXWV');
  });
  it('do not repeat over many draws', () => {
    const codes = new Set(Array.from({ length: 10_000 }, () => newVoucherCode()));
    expect(codes.size).toBe(10_000);
  });
  it('are read back as typed, in any case, with or without dashes', () => {
    expect(normalizeVoucherCode('sav 7k3m q9xd')).toBe('SAV-7K3M-Q9XD');
    expect(normalizeVoucherCode('SAV7K3MQ9XD')).toBe('SAV-7K3M-Q9XD');
    expect(normalizeVoucherCode('SAV-7K3M-Q9X0')).toBeNull();
    expect(normalizeVoucherCode('SAV-7K3M')).toBeNull();
  });
});
