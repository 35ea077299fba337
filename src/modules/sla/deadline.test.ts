// The deadline function, with exact instants. Unless a test says otherwise: Europe/Paris,
// French public holidays, Monday to Friday 09:00–12:30 and 13:30–18:00 (8 hours a day).
import { describe, expect, it } from 'vitest';
import { BusinessCalendar, CalendarError, type CalendarSpec } from './calendar.ts';
import { computeDeadline, type Pause, type Target } from './deadline.ts';
import { promiseText } from './deadline-text.ts';
import { isoWithOffset } from './zone.ts';

const split: [string, string][] = [['09:00', '12:30'], ['13:30', '18:00']];
const weekdaysOnly = (hours: [string, string][]) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] });

function cal(over: Partial<CalendarSpec> = {}): BusinessCalendar {
  return new BusinessCalendar({ timezone: 'Europe/Paris', hours: weekdaysOnly(split), holidays: { country: 'FR', region: null, extra: [] }, ...over });
}

function due(c: BusinessCalendar, start: string, target: Target, pauses: [string, string][] = []): string {
  const p: Pause[] = pauses.map(([from, to]) => ({ from: Date.parse(from), to: Date.parse(to) }));
  return isoWithOffset(c.timezone, computeDeadline(c, Date.parse(start), target, p));
}

describe('business hours', () => {
  const c = cal();
  it.each([
    ['within one day', '2026-03-02T09:00:00+01:00', 3, '2026-03-02T12:00:00+01:00'],
    ['across the lunch break', '2026-03-02T11:00:00+01:00', 3, '2026-03-02T15:00:00+01:00'],
    ['ending exactly at closing time', '2026-03-02T09:00:00+01:00', 8, '2026-03-02T18:00:00+01:00'],
    ['overnight', '2026-03-02T10:00:00+01:00', 8, '2026-03-03T10:00:00+01:00'],
    ['over the weekend', '2026-03-06T17:00:00+01:00', 2, '2026-03-09T10:00:00+01:00'],
    ['started on a Saturday', '2026-03-07T11:00:00+01:00', 1, '2026-03-09T10:00:00+01:00'],
    ['started during lunch', '2026-03-02T12:45:00+01:00', 1, '2026-03-02T14:30:00+01:00'],
    ['started after closing', '2026-03-02T19:00:00+01:00', 1, '2026-03-03T10:00:00+01:00'],
    ['started before opening', '2026-03-02T06:00:00+01:00', 0.5, '2026-03-02T09:30:00+01:00'],
    ['48 business hours (six days of 8 h)', '2026-03-02T09:00:00+01:00', 48, '2026-03-09T18:00:00+01:00'],
  ])('%s', (_, start, hours, expected) => expect(due(c, start, { businessHours: hours })).toBe(expected));

  it('skips Easter Monday 2026 (France)', () => {
    expect(due(c, '2026-04-02T17:00:00+02:00', { businessHours: 16 })).toBe('2026-04-07T17:00:00+02:00');
  });

  it('skips Good Friday too in Alsace-Moselle', () => {
    const alsace = cal({ holidays: { country: 'FR', region: 'alsace-moselle', extra: [] } });
    expect(due(alsace, '2026-04-02T17:00:00+02:00', { businessHours: 16 })).toBe('2026-04-08T17:00:00+02:00');
  });

  it('gives the issue’s example: Friday before Easter, 17:00, 5 hours of a 09:00–18:00 day', () => {
    const plain = cal({ hours: weekdaysOnly([['09:00', '18:00']]) });
    const deadline = computeDeadline(plain, Date.parse('2026-04-03T17:00:00+02:00'), { businessHours: 5 });
    expect(isoWithOffset('Europe/Paris', deadline)).toBe('2026-04-07T13:00:00+02:00');
    expect(promiseText(deadline, 'Europe/Paris')).toEqual({ fr: 'au plus tard le mardi 7 avril 2026 à 13:00', en: 'by Tuesday 7 April 2026 at 13:00' });
  });

  it('honours extra closed days and exceptional openings', () => {
    const c2 = cal({ holidays: { country: 'FR', region: null, extra: ['2026-03-09'] }, openings: [{ date: '2026-03-07', hours: [['10:00', '16:00']] }] });
    // Friday 17:00 + 1 h: Friday 17–18; + 6 h: Saturday's exceptional opening; Monday is closed.
    expect(due(c2, '2026-03-06T17:00:00+01:00', { businessHours: 1 })).toBe('2026-03-06T18:00:00+01:00');
    expect(due(c2, '2026-03-06T17:00:00+01:00', { businessHours: 7 })).toBe('2026-03-07T16:00:00+01:00');
    expect(due(c2, '2026-03-06T17:00:00+01:00', { businessHours: 8 })).toBe('2026-03-10T10:00:00+01:00');
  });

  it('opens on a holiday when told to (a Sunday before Christmas, 11 November)', () => {
    const c3 = cal({ openings: [{ date: '2026-11-11', hours: [['10:00', '12:00']] }] });
    expect(due(c3, '2026-11-10T17:30:00+01:00', { businessHours: 1 })).toBe('2026-11-11T10:30:00+01:00');
  });
});

describe('daylight saving time', () => {
  const allDay = cal({ hours: { mon: [['00:00', '24:00']], tue: [['00:00', '24:00']], wed: [['00:00', '24:00']], thu: [['00:00', '24:00']], fri: [['00:00', '24:00']], sat: [['00:00', '24:00']], sun: [['00:00', '24:00']] }, holidays: null });

  it('counts the 23-hour spring Sunday as 23 hours', () => {
    expect(due(allDay, '2026-03-29T00:00:00+01:00', { businessHours: 8 })).toBe('2026-03-29T09:00:00+02:00');
    expect(due(allDay, '2026-03-29T00:00:00+01:00', { businessHours: 24 })).toBe('2026-03-30T01:00:00+02:00');
  });

  it('counts the 25-hour autumn Sunday as 25 hours', () => {
    expect(due(allDay, '2026-10-25T00:00:00+02:00', { businessHours: 4 })).toBe('2026-10-25T03:00:00+01:00');
    expect(due(allDay, '2026-10-25T00:00:00+02:00', { businessHours: 25 })).toBe('2026-10-26T00:00:00+01:00');
  });

  it('keeps opening hours in local time on both sides of the change', () => {
    const c = cal();
    expect(due(c, '2026-03-27T17:00:00+01:00', { businessHours: 2 })).toBe('2026-03-30T10:00:00+02:00');
    expect(due(c, '2026-10-23T17:00:00+02:00', { businessHours: 2 })).toBe('2026-10-26T10:00:00+01:00');
  });

  it('counts calendar hours as real hours', () => {
    const c = cal();
    expect(due(c, '2026-03-28T12:00:00+01:00', { calendarHours: 24 })).toBe('2026-03-29T13:00:00+02:00');
    expect(due(c, '2026-10-24T12:00:00+02:00', { calendarHours: 24 })).toBe('2026-10-25T11:00:00+01:00');
  });

  it('keeps the time of day for business days across the change', () => {
    expect(due(cal(), '2026-10-23T10:00:00+02:00', { businessDays: 1 })).toBe('2026-10-26T10:00:00+01:00');
  });

  it('opens at 03:00 on the spring Sunday when the day starts at 02:00', () => {
    const early = cal({ hours: { sun: [['02:00', '05:00']] }, holidays: null });
    expect(due(early, '2026-03-28T20:00:00+01:00', { businessHours: 1 })).toBe('2026-03-29T04:00:00+02:00');
  });

  it('works in other zones (Montréal)', () => {
    const mtl = new BusinessCalendar({ timezone: 'America/Toronto', hours: weekdaysOnly([['08:00', '17:00']]), holidays: { country: 'CA', region: 'QC', extra: [] } });
    // 8 March 2026: DST starts in North America; Friday 6 March 16:00 + 2 h.
    expect(due(mtl, '2026-03-06T16:00:00-05:00', { businessHours: 2 })).toBe('2026-03-09T09:00:00-04:00');
    // Journée nationale des patriotes, Monday 18 May 2026.
    expect(due(mtl, '2026-05-15T16:00:00-04:00', { businessHours: 2 })).toBe('2026-05-19T09:00:00-04:00');
  });
});

describe('business days', () => {
  const c = cal();
  it.each([
    ['two days later, same time', '2026-03-02T10:00:00+01:00', 2, '2026-03-04T10:00:00+01:00'],
    ['over the weekend', '2026-03-06T16:00:00+01:00', 2, '2026-03-10T16:00:00+01:00'],
    ['over Easter Monday', '2026-04-02T10:00:00+02:00', 2, '2026-04-07T10:00:00+02:00'],
    ['from a Friday evening: counted from Monday’s opening', '2026-03-06T20:00:00+01:00', 2, '2026-03-11T09:00:00+01:00'],
    ['from the lunch break: counted from 13:30', '2026-03-02T12:45:00+01:00', 1, '2026-03-03T13:30:00+01:00'],
  ])('%s', (_, start, days, expected) => expect(due(c, start, { businessDays: days })).toBe(expected));

  it('promises the target day’s closing time when it closes earlier', () => {
    const shortMonday = cal({ hours: { ...weekdaysOnly([['09:00', '18:00']]), mon: [['09:00', '17:00']] } });
    expect(due(shortMonday, '2026-03-06T17:30:00+01:00', { businessDays: 1 })).toBe('2026-03-09T17:00:00+01:00');
  });

  it('adds the open time spent paused (11:00–15:00 holds 3 open hours)', () => {
    expect(due(c, '2026-03-02T10:00:00+01:00', { businessDays: 1 }, [['2026-03-02T11:00:00+01:00', '2026-03-02T15:00:00+01:00']])).toBe('2026-03-03T14:00:00+01:00');
  });
});

describe('pauses', () => {
  const c = cal();
  it('stop the business clock', () => {
    expect(due(c, '2026-03-02T09:00:00+01:00', { businessHours: 8 }, [['2026-03-02T10:00:00+01:00', '2026-03-02T11:00:00+01:00']])).toBe('2026-03-03T10:00:00+01:00');
  });

  it('merge when they overlap and ignore closed time', () => {
    const pauses: [string, string][] = [
      ['2026-03-02T10:00:00+01:00', '2026-03-02T11:00:00+01:00'],
      ['2026-03-02T10:30:00+01:00', '2026-03-02T11:30:00+01:00'],
      ['2026-03-02T19:00:00+01:00', '2026-03-03T08:00:00+01:00'],
    ];
    expect(due(c, '2026-03-02T09:00:00+01:00', { businessHours: 8 }, pauses)).toBe('2026-03-03T10:30:00+01:00');
  });

  it('stop calendar clocks too, and pauses before the start are ignored', () => {
    expect(due(c, '2026-03-02T09:00:00+01:00', { calendarHours: 4 }, [['2026-03-01T00:00:00+01:00', '2026-03-02T08:00:00+01:00'], ['2026-03-02T10:00:00+01:00', '2026-03-02T12:00:00+01:00']])).toBe('2026-03-02T15:00:00+01:00');
  });
});

describe('bad calendars', () => {
  it('refuse to be built, with a reason', () => {
    expect(() => cal({ hours: {} })).toThrow(/never open/);
    expect(() => cal({ timezone: 'Europe/Lutece' })).toThrow(CalendarError);
    expect(() => cal({ hours: { mon: [['18:00', '09:00']] } })).toThrow(/ends before it starts/);
    expect(() => cal({ hours: { mon: [['09:00', '13:00'], ['12:00', '18:00']] } })).toThrow(/overlap/);
    expect(() => cal({ hours: { mon: [['9h', '18:00']] } })).toThrow(/not a time/);
    expect(() => cal({ holidays: { country: 'DE', region: null, extra: [] } })).toThrow(/no public holiday rules/);
  });

  it('say so when a calendar only opens on a date long past', () => {
    const once = cal({ hours: {}, openings: [{ date: '2020-01-06', hours: [['09:00', '10:00']] }] });
    expect(() => computeDeadline(once, Date.parse('2026-01-01T00:00:00Z'), { businessHours: 1 })).toThrow(/not open in the next two years/);
  });
});
