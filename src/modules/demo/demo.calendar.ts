// Wall-clock time where the work happens: agents answer during opening hours in their time
// zone, not at 3 a.m., and not on French public holidays. A thin layer over the SLA module's
// zones, holidays and business calendars, shaped for planning the demo's timelines.
import { BusinessCalendar, weekdays, type HoursInterval } from '../sla/calendar.ts';
import { dayNumber, weekday as weekdayOf } from '../sla/dates.ts';
import { computeDeadline } from '../sla/deadline.ts';
import { formatDateTime } from '../sla/deadline-text.ts';
import { holidayDays } from '../sla/holidays.ts';
import { instantOf, localDayOf, localMinuteOf } from '../sla/zone.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Hours as a decimal, 14.5 = 14:30. */
  hour: number;
}

export function localParts(at: Date, timeZone: string): LocalParts {
  const day = localDayOf(timeZone, at.getTime());
  const date = new Date(day * DAY);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: weekdayOf(day),
    hour: localMinuteOf(timeZone, at.getTime()) / 60,
  };
}

/** The instant when the wall clock of `timeZone` shows that local day at `hour` (decimal; 36 = noon the next day). */
export function atLocal(day: Pick<LocalParts, 'year' | 'month' | 'day'>, hour: number, timeZone: string): Date {
  const extraDays = Math.floor(hour / 24);
  return new Date(instantOf(timeZone, dayNumber(day.year, day.month, day.day) + extraDays, Math.round((hour - extraDays * 24) * 60)));
}

const holidaysByYear = new Map<number, Set<number>>();

export function isFrenchHoliday(p: Pick<LocalParts, 'year' | 'month' | 'day'>): boolean {
  let set = holidaysByYear.get(p.year);
  if (!set) holidaysByYear.set(p.year, (set = holidayDays({ country: 'FR', region: null }, p.year, p.year)));
  return set.has(dayNumber(p.year, p.month, p.day));
}

/** Opening hours of a kind of work, by weekday (0 = Sunday): [open, close] as decimal hours, or null when closed. */
export type Hours = readonly ([number, number] | null)[];

/** Back office and stores: Monday to Saturday, shorter Saturday, closed on holidays. */
export const officeHours: Hours = [null, [8.5, 19], [8.5, 19], [8.5, 19], [8.5, 19], [8.5, 19], [9, 17]];
/** Community managers watch the social accounts every day until late (the brand still answers at 22:40). */
export const socialHours: Hours = [[9, 21], [8, 23], [8, 23], [8, 23], [8, 23], [8, 23], [9, 22]];

const clock = (hours: number) => `${String(Math.floor(hours)).padStart(2, '0')}:${String(Math.round((hours % 1) * 60)).padStart(2, '0')}`;

const calendars = new Map<string, BusinessCalendar>();

/** The business calendar of these hours in that zone, with French public holidays closed. */
function calendarOf(hours: Hours, timeZone: string): BusinessCalendar {
  const key = `${timeZone}|${JSON.stringify(hours)}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    const spec = Object.fromEntries(weekdays.map((d, i) => [d, hours[i] ? [[clock(hours[i]![0]), clock(hours[i]![1])] as HoursInterval] : []]));
    calendar = new BusinessCalendar({ timezone: timeZone, hours: spec, holidays: { country: 'FR', region: null, extra: [] } });
    calendars.set(key, calendar);
  }
  return calendar;
}

/**
 * The first moment at or after `at` inside `hours`, plus `settle` minutes when the desk has
 * to open first (nobody answers at 8:30:00 sharp).
 */
export function nextWorkingMoment(at: Date, timeZone: string, hours: Hours, settleMinutes: number): Date {
  const calendar = calendarOf(hours, timeZone);
  if (calendar.isOpenAt(at.getTime())) return at;
  return new Date(calendar.nextOpen(at.getTime()) + settleMinutes * MINUTE);
}

/** "mardi 14 avril 2026 à 12:00": the precise delay a reply promises. */
export function formatPromise(at: Date, language: 'fr' | 'en'): string {
  return formatDateTime(at.getTime(), 'Europe/Paris', language);
}

/** `days` working days after `from`, inside office hours: the deadline a reply promises ("sous 48h ouvrées" = 2). */
export function addWorkingDays(from: Date, days: number, timeZone = 'Europe/Paris'): Date {
  return new Date(computeDeadline(calendarOf(officeHours, timeZone), from.getTime(), { businessDays: days }));
}
