import { describe, expect, it } from 'vitest';
import { localDate, parseInstant, parseWallClock, requireInstant } from './shop-times.ts';

describe('shop dates', () => {
  it('reads instants with an offset, and *_gmt times without one as UTC', () => {
    expect(parseInstant('2026-03-02T10:00:00-05:00')?.toISOString()).toBe('2026-03-02T15:00:00.000Z');
    expect(parseInstant('2026-03-02T09:00:00')?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(parseInstant('2026-03-02T09:00:00Z')?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(parseInstant('not a date')).toBeNull();
    expect(parseInstant(null)).toBeNull();
    expect(() => requireInstant('', 'created_at')).toThrow('created_at is not a date');
  });

  it('gives the calendar day in the shop’s zone (a late evening order in Paris is that day, not the next UTC one)', () => {
    expect(localDate(new Date('2026-03-02T23:30:00Z'), 'Europe/Paris')).toBe('2026-03-03');
    expect(localDate(new Date('2026-03-02T22:30:00Z'), 'Europe/Paris')).toBe('2026-03-02');
    expect(localDate(new Date('2026-03-03T02:00:00Z'), 'America/Montreal')).toBe('2026-03-02');
  });

  it('reads PrestaShop’s wall clock in the shop’s zone, both sides of a DST change', () => {
    expect(parseWallClock('2026-03-02 10:00:00', 'Europe/Paris')?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(parseWallClock('2026-07-02 10:00:30', 'Europe/Paris')?.toISOString()).toBe('2026-07-02T08:00:30.000Z');
    expect(parseWallClock('0000-00-00 00:00:00', 'Europe/Paris')).toBeNull();
    expect(parseWallClock('', 'Europe/Paris')).toBeNull();
    expect(parseWallClock('2026-03-29 02:30:00', 'Europe/Paris')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});
