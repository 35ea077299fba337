// The calendar editor's conversions: a saved calendar to the draft and back to the spec the
// API takes, closed days kept in order, and a moment read on the calendar's own wall clock.
import { describe, expect, it } from 'vitest';
import type { Calendar } from '../admin.api.ts';
import { draftOf, specOf, withClosure, zonedToIso } from './calendar-draft.ts';

const saved: Calendar = {
  id: '0193e5a0-0000-7000-8000-000000000001',
  name: 'Service client',
  timezone: 'Europe/Paris',
  hours: { mon: [['09:00', '12:30'], ['13:30', '18:00']], sat: [['09:00', '12:30']] },
  holidays: { country: 'FR', region: null, extra: ['2026-08-14'] },
  openings: [{ date: '2026-12-20', hours: [['10:00', '18:00']] }],
  isDefault: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('calendar drafts', () => {
  it('gives every weekday its intervals (none when closed) and goes back to the same spec', () => {
    const draft = draftOf(saved);
    expect(draft.hours.mon).toEqual([['09:00', '12:30'], ['13:30', '18:00']]);
    expect(draft.hours.sun).toEqual([]);
    expect(draft.closures).toEqual(['2026-08-14']);
    expect(specOf(draft)).toEqual({
      timezone: 'Europe/Paris',
      hours: { mon: [['09:00', '12:30'], ['13:30', '18:00']], tue: [], wed: [], thu: [], fri: [], sat: [['09:00', '12:30']], sun: [] },
      holidays: { country: 'FR', region: null, extra: ['2026-08-14'] },
      openings: [{ date: '2026-12-20', hours: [['10:00', '18:00']] }],
    });
  });

  it('sends no holidays at all as null, a region only with its country, Québec with its Easter choice', () => {
    const none = { ...draftOf(saved), country: '' as const, region: 'alsace-moselle', closures: [] };
    expect(specOf(none).holidays).toBeNull();
    expect(specOf({ ...none, closures: ['2026-05-02'] }).holidays).toEqual({ country: null, region: null, extra: ['2026-05-02'] });
    expect(specOf({ ...none, country: 'CA', region: 'QC', quebecEaster: 'easter_monday' }).holidays).toEqual({ country: 'CA', region: 'QC', extra: [], quebecEaster: 'easter_monday' });
  });

  it('keeps closed days once and in date order', () => {
    expect(withClosure(['2026-08-14', '2026-12-24'], '2026-05-02')).toEqual(['2026-05-02', '2026-08-14', '2026-12-24']);
    expect(withClosure(['2026-05-02'], '2026-05-02')).toEqual(['2026-05-02']);
  });
});

describe('a moment on the calendar’s wall clock', () => {
  it('reads summer and winter times in Paris, and Montréal, whatever the browser’s zone', () => {
    expect(zonedToIso('2026-06-12T17:00', 'Europe/Paris')).toBe('2026-06-12T15:00:00.000Z');
    expect(zonedToIso('2026-01-12T09:30', 'Europe/Paris')).toBe('2026-01-12T08:30:00.000Z');
    expect(zonedToIso('2026-06-12T17:00', 'America/Montreal')).toBe('2026-06-12T21:00:00.000Z');
  });

  it('reads the hour before and after the change of 29 March 2026', () => {
    expect(zonedToIso('2026-03-29T01:30', 'Europe/Paris')).toBe('2026-03-29T00:30:00.000Z');
    expect(zonedToIso('2026-03-29T03:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 does not exist that night: read with the winter offset, it is 03:30 summer time.
    expect(zonedToIso('2026-03-29T02:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('refuses what is not a date and a time', () => {
    expect(zonedToIso('', 'Europe/Paris')).toBeNull();
    expect(zonedToIso('2026-06-12', 'Europe/Paris')).toBeNull();
  });
});
