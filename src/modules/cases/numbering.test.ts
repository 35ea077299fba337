import { describe, expect, it } from 'vitest';
import { formatCaseNumber, parseCaseNumber, yearIn } from './numbering.ts';

describe('case numbers', () => {
  it('pads the sequence to six digits and grows beyond', () => {
    expect(formatCaseNumber('SAV', 2026, 123)).toBe('SAV-2026-000123');
    expect(formatCaseNumber('SAV', 2026, 1_234_567)).toBe('SAV-2026-1234567');
  });

  it('counts the year where the business is', () => {
    // 23:30 UTC on 31 December is already 00:30 on 1 January in Paris.
    expect(yearIn('Europe/Paris', new Date('2026-12-31T23:30:00Z'))).toBe(2027);
    expect(yearIn('America/Montreal', new Date('2027-01-01T03:00:00Z'))).toBe(2026);
  });

  it('parses what it formats, case-insensitively', () => {
    expect(parseCaseNumber(' sav-2026-000123 ')).toEqual({ prefix: 'SAV', year: 2026, seq: 123 });
    expect(parseCaseNumber('SAV-26-1')).toBeNull();
  });
});
