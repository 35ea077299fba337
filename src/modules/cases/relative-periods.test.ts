// Relative periods resolved to instants: exact bounds in several zones, across local midnight,
// month and year ends, leap February and daylight-saving changes (days of 23 and 25 hours, a
// midnight that does not exist).
import { describe, expect, it } from 'vitest';
import { parseRelativePeriod, relativePeriod, type RelativePeriod } from './relative-periods.contract.ts';
import { periodBounds } from './relative-periods.ts';

const PARIS = 'Europe/Paris';

/** The bounds of `words` at `now`, as ISO strings (undefined: open). */
function bounds(words: string, now: string, zone = PARIS) {
  const period = parseRelativePeriod(words);
  if (!period) throw new Error(`not a period: ${words}`);
  const b = periodBounds(period, new Date(now), zone);
  return { from: b.from?.toISOString(), to: b.to?.toISOString() };
}

const hours = (b: { from?: string; to?: string }) => (Date.parse(b.to!) - Date.parse(b.from!)) / 3_600_000;

describe('reading a period', () => {
  it('reads the named periods and the counted ones', () => {
    expect(parseRelativePeriod('today')).toEqual({ kind: 'today' });
    expect(parseRelativePeriod('last_month')).toEqual({ kind: 'last_month' });
    expect(parseRelativePeriod('last_7_days')).toEqual<RelativePeriod>({ kind: 'last_days', days: 7 });
    expect(parseRelativePeriod('older_than_365_days')).toEqual<RelativePeriod>({ kind: 'older_than', days: 365 });
  });

  it('refuses anything else', () => {
    for (const words of ['tomorrow', 'last_0_days', 'older_than_0_days', 'last_07_days', 'last_1000_days', 'last_7_day', ' today', 'TODAY', '']) {
      expect({ words, parsed: parseRelativePeriod(words) }).toEqual({ words, parsed: null });
      expect(relativePeriod.safeParse(words).success).toBe(false);
    }
    expect(relativePeriod.safeParse('last_999_days').success).toBe(true);
  });
});

describe('a period at a moment, in Paris', () => {
  // Monday 2 March 2026, 13:00 in Paris (UTC+1).
  const now = '2026-03-02T12:00:00Z';

  it('today, yesterday: from local midnight to the next', () => {
    expect(bounds('today', now)).toEqual({ from: '2026-03-01T23:00:00.000Z', to: '2026-03-02T23:00:00.000Z' });
    expect(bounds('yesterday', now)).toEqual({ from: '2026-02-28T23:00:00.000Z', to: '2026-03-01T23:00:00.000Z' });
  });

  it('weeks start on Monday, and a Sunday is in the week of the Monday before', () => {
    expect(bounds('this_week', now)).toEqual({ from: '2026-03-01T23:00:00.000Z', to: '2026-03-08T23:00:00.000Z' });
    expect(bounds('last_week', now)).toEqual({ from: '2026-02-22T23:00:00.000Z', to: '2026-03-01T23:00:00.000Z' });
    // Sunday 8 March, 23:30 in Paris: still the week of Monday 2 March.
    expect(bounds('this_week', '2026-03-08T22:30:00Z')).toEqual({ from: '2026-03-01T23:00:00.000Z', to: '2026-03-08T23:00:00.000Z' });
    // Half an hour later it is Monday 9 March.
    expect(bounds('this_week', '2026-03-08T23:30:00Z').from).toBe('2026-03-08T23:00:00.000Z');
  });

  it('months end at the next month’s midnight, in the offset of that day', () => {
    // 1 April is in summer time (UTC+2).
    expect(bounds('this_month', now)).toEqual({ from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z' });
    expect(bounds('last_month', now)).toEqual({ from: '2026-01-31T23:00:00.000Z', to: '2026-02-28T23:00:00.000Z' });
  });

  it('the last N days are today and the N − 1 days before', () => {
    expect(bounds('last_7_days', now)).toEqual({ from: '2026-02-23T23:00:00.000Z', to: '2026-03-02T23:00:00.000Z' });
    expect(bounds('last_1_days', now)).toEqual(bounds('today', now));
    expect(bounds('last_30_days', now)).toEqual({ from: '2026-01-31T23:00:00.000Z', to: '2026-03-02T23:00:00.000Z' });
  });

  it('older than N days: before the day N days ago, no lower bound', () => {
    // 30 days before 2 March is 31 January: older means 30 January or before.
    expect(bounds('older_than_30_days', now)).toEqual({ from: undefined, to: '2026-01-30T23:00:00.000Z' });
    expect(bounds('older_than_1_days', now)).toEqual({ from: undefined, to: '2026-02-28T23:00:00.000Z' });
  });

  it('the same words tomorrow are tomorrow’s days', () => {
    expect(bounds('last_7_days', '2026-03-03T12:00:00Z')).toEqual({ from: '2026-02-24T23:00:00.000Z', to: '2026-03-03T23:00:00.000Z' });
  });
});

describe('local midnight, not UTC’s', () => {
  // 00:30 on 2 March in Paris is still 1 March in UTC and in Montreal (18:30, UTC−5).
  const now = '2026-03-01T23:30:00Z';

  it('counts days in the zone asked for', () => {
    expect(bounds('today', now, PARIS)).toEqual({ from: '2026-03-01T23:00:00.000Z', to: '2026-03-02T23:00:00.000Z' });
    expect(bounds('today', now, 'America/Montreal')).toEqual({ from: '2026-03-01T05:00:00.000Z', to: '2026-03-02T05:00:00.000Z' });
    expect(bounds('today', now, 'UTC')).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' });
    // Auckland (UTC+13): 2 March, 12:30; yesterday began at 11:00 UTC on 28 February.
    expect(bounds('yesterday', now, 'Pacific/Auckland')).toEqual({ from: '2026-02-28T11:00:00.000Z', to: '2026-03-01T11:00:00.000Z' });
  });
});

describe('month and year ends', () => {
  it('the month changes at local midnight', () => {
    // 31 March, 23:30 in Paris: March; an hour later, 1 April 00:30: April.
    expect(bounds('this_month', '2026-03-31T21:30:00Z').from).toBe('2026-02-28T23:00:00.000Z');
    expect(bounds('this_month', '2026-03-31T22:30:00Z')).toEqual({ from: '2026-03-31T22:00:00.000Z', to: '2026-04-30T22:00:00.000Z' });
    expect(bounds('last_month', '2026-03-31T22:30:00Z')).toEqual({ from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z' });
  });

  it('last month in January is December of the year before', () => {
    expect(bounds('last_month', '2027-01-15T12:00:00Z')).toEqual({ from: '2026-11-30T23:00:00.000Z', to: '2026-12-31T23:00:00.000Z' });
    // New Year's Day, 00:15 in Paris: yesterday is 31 December.
    expect(bounds('yesterday', '2026-12-31T23:15:00Z')).toEqual({ from: '2026-12-30T23:00:00.000Z', to: '2026-12-31T23:00:00.000Z' });
  });

  it('a leap February has 29 days', () => {
    const feb = bounds('this_month', '2028-02-10T12:00:00Z');
    expect(feb).toEqual({ from: '2028-01-31T23:00:00.000Z', to: '2028-02-29T23:00:00.000Z' });
    expect(hours(feb)).toBe(29 * 24);
    expect(hours(bounds('last_month', '2027-03-10T12:00:00Z'))).toBe(28 * 24);
  });

  it('the last 30 days reach back over a month end', () => {
    expect(bounds('last_30_days', '2026-03-10T12:00:00Z').from).toBe('2026-02-08T23:00:00.000Z');
  });
});

describe('daylight saving', () => {
  it('a spring day has 23 hours, and a week across it 167', () => {
    // Paris moves to summer time on Sunday 29 March 2026 at 02:00.
    const sunday = bounds('yesterday', '2026-03-30T10:00:00Z');
    expect(sunday).toEqual({ from: '2026-03-28T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z' });
    expect(hours(sunday)).toBe(23);
    const week = bounds('last_7_days', '2026-03-31T10:00:00Z');
    expect(week).toEqual({ from: '2026-03-24T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z' });
    expect(hours(week)).toBe(7 * 24 - 1);
  });

  it('an autumn day has 25 hours', () => {
    // Back to winter time on Sunday 25 October 2026 at 03:00.
    const sunday = bounds('yesterday', '2026-10-26T11:00:00Z');
    expect(sunday).toEqual({ from: '2026-10-24T22:00:00.000Z', to: '2026-10-25T23:00:00.000Z' });
    expect(hours(sunday)).toBe(25);
    expect(bounds('last_week', '2026-10-26T11:00:00Z')).toEqual({ from: '2026-10-18T22:00:00.000Z', to: '2026-10-25T23:00:00.000Z' });
  });

  it('a day whose midnight does not exist starts when the clocks say 01:00', () => {
    // Santiago de Chile moves from 24:00 on 5 September 2026 straight to 01:00 on the 6th (UTC−4 → UTC−3).
    const zone = 'America/Santiago';
    expect(bounds('today', '2026-09-06T15:00:00Z', zone)).toEqual({ from: '2026-09-06T04:00:00.000Z', to: '2026-09-07T03:00:00.000Z' });
    expect(hours(bounds('yesterday', '2026-09-07T15:00:00Z', zone))).toBe(23);
    // And back on 5 April 2026: midnight, then 23:00 of the 4th again. The 5th starts at its only midnight.
    expect(bounds('today', '2026-04-05T15:00:00Z', zone)).toEqual({ from: '2026-04-05T04:00:00.000Z', to: '2026-04-06T04:00:00.000Z' });
    expect(hours(bounds('yesterday', '2026-04-05T15:00:00Z', zone))).toBe(25);
  });
});
