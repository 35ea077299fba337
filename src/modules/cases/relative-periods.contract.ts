// Date ranges relative to today, for the case filters and saved views: "created in the last 7
// days", "no activity for more than 30 days". A view keeps the words (`last_7_days`), not the
// dates, so it stays true tomorrow; the server turns them into instants when it lists or counts
// (relative-periods.ts), in the time zone of whoever asks. Shared with the web app: zod and
// plain data only.
import { z } from 'zod';
import { timezone } from '../org/org.contract.ts';

/** The periods named by a word. Weeks start on Monday. */
export const namedPeriods = ['today', 'yesterday', 'this_week', 'last_week', 'this_month', 'last_month'] as const;
export type NamedPeriod = (typeof namedPeriods)[number];

/** Today and the `days − 1` days before it. */
export const lastDaysPeriod = (days: number) => `last_${days}_days`;
/** Before the day `days` days ago: created (or last active) more than `days` whole days ago. */
export const olderThanPeriod = (days: number) => `older_than_${days}_days`;

export const MAX_PERIOD_DAYS = 999;

export type RelativePeriod = { kind: NamedPeriod } | { kind: 'last_days'; days: number } | { kind: 'older_than'; days: number };

const pattern = /^(?:(today|yesterday|this_week|last_week|this_month|last_month)|last_([1-9]\d{0,2})_days|older_than_([1-9]\d{0,2})_days)$/;

/** A period's words read back (`last_7_days` → last 7 days), or null when they are not one. */
export function parseRelativePeriod(text: string): RelativePeriod | null {
  const m = pattern.exec(text);
  if (!m) return null;
  if (m[1]) return { kind: m[1] as NamedPeriod };
  if (m[2]) return { kind: 'last_days', days: Number(m[2]) };
  return { kind: 'older_than', days: Number(m[3]) };
}

export const relativePeriod = z
  .string()
  .regex(pattern, `today, yesterday, this_week, last_week, this_month, last_month, last_<N>_days or older_than_<N>_days (N from 1 to ${MAX_PERIOD_DAYS})`)
  .describe('A date range relative to today, in the time zone of the request: today, yesterday, this_week, last_week (weeks start on Monday), this_month, last_month, last_<N>_days (today and the N − 1 days before), older_than_<N>_days (before the day N days ago)');

/** The zone days are counted in: the browser's, else the server's COMPTOIR_TIMEZONE. */
export const periodTimeZone = timezone.describe('IANA time zone in which relative periods (createdPeriod, activityPeriod) count their days; default: the server’s COMPTOIR_TIMEZONE');
