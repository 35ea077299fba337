// A relative period ("last 7 days", "this month") as the instants it spans at a given moment, in
// a time zone: days begin at local midnight, so "today" in Paris and in Montreal are different
// instants, and a day of 23 or 25 hours (daylight saving) is still one day. Resolved at query
// time, which is what keeps a saved view "created in the last 7 days" true tomorrow.
import { instantOf, localDayOf } from '../sla/zone.ts';
import type { RelativePeriod } from './relative-periods.contract.ts';

/** `from` included, `to` excluded; a missing bound is open. */
export interface PeriodBounds {
  from?: Date;
  to?: Date;
}

const DAY_MS = 86_400_000;

/** Day numbers (days since 1970-01-01) ↔ calendar dates, in no zone. */
const dateOfDay = (day: number) => new Date(day * DAY_MS);
const dayOfDate = (year: number, month: number, date: number) => Math.floor(Date.UTC(year, month, date) / DAY_MS);

/** The first day of the month `plusMonths` after the month of `day`. */
function monthStart(day: number, plusMonths = 0): number {
  const d = dateOfDay(day);
  return dayOfDate(d.getUTCFullYear(), d.getUTCMonth() + plusMonths, 1);
}

/** The Monday of the week of `day` (1970-01-01 was a Thursday). */
const mondayOf = (day: number) => day - ((((day + 3) % 7) + 7) % 7);

/** The local days a period spans at `now` in `timeZone`: [first, end) in day numbers. */
export function periodDays(period: RelativePeriod, now: Date, timeZone: string): { first?: number; end?: number } {
  const today = localDayOf(timeZone, now.getTime());
  switch (period.kind) {
    case 'today':
      return { first: today, end: today + 1 };
    case 'yesterday':
      return { first: today - 1, end: today };
    case 'this_week':
      return { first: mondayOf(today), end: mondayOf(today) + 7 };
    case 'last_week':
      return { first: mondayOf(today) - 7, end: mondayOf(today) };
    case 'this_month':
      return { first: monthStart(today), end: monthStart(today, 1) };
    case 'last_month':
      return { first: monthStart(today, -1), end: monthStart(today) };
    case 'last_days':
      return { first: today - period.days + 1, end: today + 1 };
    case 'older_than':
      return { end: today - period.days };
  }
}

/** The instants a period spans: from the first local midnight of its days to the one after them. */
export function periodBounds(period: RelativePeriod, now: Date, timeZone: string): PeriodBounds {
  const { first, end } = periodDays(period, now, timeZone);
  const midnight = (day: number) => new Date(instantOf(timeZone, day, 0));
  return { ...(first !== undefined ? { from: midnight(first) } : {}), ...(end !== undefined ? { to: midnight(end) } : {}) };
}
