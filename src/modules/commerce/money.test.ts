import { describe, expect, it } from 'vitest';
import { currencyDigits, requireMinorUnits, toMinorUnits } from './money.ts';

describe('amounts in the currency’s smallest unit', () => {
  it('reads shops’ decimal strings exactly, without floating point', () => {
    expect(toMinorUnits('199.00', 'EUR')).toBe(19900);
    expect(toMinorUnits('0.30', 'EUR')).toBe(30);
    expect(toMinorUnits('29.900000', 'EUR')).toBe(2990);
    expect(toMinorUnits('1234567.89', 'EUR')).toBe(123456789);
    expect(toMinorUnits(29.9, 'EUR')).toBe(2990);
    expect(toMinorUnits(0.1 + 0.2, 'EUR')).toBe(30);
    expect(toMinorUnits('12', 'EUR')).toBe(1200);
    expect(toMinorUnits('.5', 'EUR')).toBe(50);
    expect(toMinorUnits('-15.50', 'EUR')).toBe(-1550);
  });

  it('rounds half away from zero past the currency’s decimals', () => {
    expect(toMinorUnits('10.005', 'EUR')).toBe(1001);
    expect(toMinorUnits('10.004999', 'EUR')).toBe(1000);
    expect(toMinorUnits('-10.005', 'EUR')).toBe(-1001);
  });

  it('counts each currency’s own decimals (ISO 4217)', () => {
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('cad')).toBe(2);
    expect(currencyDigits('KWD')).toBe(3);
    expect(toMinorUnits('1500', 'JPY')).toBe(1500);
    expect(toMinorUnits('1.250', 'KWD')).toBe(1250);
    expect(toMinorUnits('399.99', 'CAD')).toBe(39999);
  });

  it('says when it is not an amount', () => {
    expect(toMinorUnits('abc', 'EUR')).toBeNull();
    expect(toMinorUnits('', 'EUR')).toBeNull();
    expect(toMinorUnits('1.2.3', 'EUR')).toBeNull();
    expect(toMinorUnits(null, 'EUR')).toBeNull();
    expect(toMinorUnits(Number.NaN, 'EUR')).toBeNull();
    expect(() => requireMinorUnits('12,50', 'EUR', 'total_price')).toThrow('total_price is not an amount: 12,50');
    expect(requireMinorUnits(undefined, 'EUR', 'total_discount')).toBe(0);
  });
});
