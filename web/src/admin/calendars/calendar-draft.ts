// A calendar as the editor holds it while the admin changes it, and back: the weekly hours
// (a list of [open, close] per day), the holiday rules, the extra closed days and exceptional
// openings. The same spec feeds the live promise preview and the save, so what the preview
// promises is what the saved calendar will promise. Pure functions, tested in calendar-draft.test.ts.
import type { z } from 'zod';
import type { calendarSpecSchema, holidayCountries } from '../../../../src/modules/sla/sla.contract.ts';
import type { Calendar } from '../admin.api.ts';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
export type Interval = [string, string];
export type HolidayCountry = (typeof holidayCountries)[number];
export type CalendarSpec = z.input<typeof calendarSpecSchema>;

export interface CalendarDraft {
  name: string;
  timezone: string;
  hours: Record<Weekday, Interval[]>;
  /** '' : no public holidays from rules. */
  country: HolidayCountry | '';
  region: string;
  quebecEaster: 'good_friday' | 'easter_monday';
  /** Extra closed days, YYYY-MM-DD, in order. */
  closures: string[];
  openings: { date: string; hours: Interval[] }[];
}

export function draftOf(c: Calendar): CalendarDraft {
  const hours = Object.fromEntries(weekdays.map((d) => [d, (c.hours[d] ?? []).map(([a, b]) => [a, b] as Interval)])) as Record<Weekday, Interval[]>;
  const country = (c.holidays?.country ?? '') as HolidayCountry | '';
  return {
    name: c.name,
    timezone: c.timezone,
    hours,
    country,
    region: c.holidays?.region ?? '',
    quebecEaster: c.holidays?.quebecEaster === 'easter_monday' ? 'easter_monday' : 'good_friday',
    closures: [...(c.holidays?.extra ?? [])].sort(),
    openings: c.openings.map((o) => ({ date: o.date, hours: o.hours.map(([a, b]) => [a, b] as Interval) })),
  };
}

/** The calendar the API takes (preview and save): no holidays at all is `null`. */
export function specOf(d: CalendarDraft): CalendarSpec {
  const holidays =
    d.country || d.closures.length
      ? {
          country: d.country || null,
          region: d.country && d.region ? d.region : null,
          extra: d.closures,
          ...(d.country === 'CA' ? { quebecEaster: d.quebecEaster } : {}),
        }
      : null;
  return { timezone: d.timezone, hours: d.hours, holidays, openings: d.openings };
}

/** Adds a closed day once, keeping the list in date order. */
export function withClosure(closures: readonly string[], date: string): string[] {
  return [...new Set([...closures, date])].sort();
}

/** Regions with holiday rules of their own, per country (the server knows the same). */
export const regionsOf: Record<HolidayCountry, string[]> = { FR: ['', 'alsace-moselle'], BE: [''], CA: ['QC'] };

/** The offset of `zone` from UTC at `utcMs`, in ms (Paris in summer: +2 h). */
function offsetMs(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(utcMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(utcMs / 1000) * 1000;
}

/**
 * "2026-06-12T17:00" read on the wall clocks of `zone` (not the browser's), as an instant.
 * A time skipped by a daylight-saving change is read with the offset before it.
 */
export function zonedToIso(local: string, zone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  let guess = asUtc - offsetMs(asUtc, zone);
  guess = asUtc - offsetMs(guess, zone);
  return new Date(guess).toISOString();
}
