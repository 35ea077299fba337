// Shops' dates as the law counts them: an instant (Shopify's "2026-03-02T10:00:00-05:00",
// WooCommerce's *_gmt fields) and the calendar day it falls on in the shop's time zone (the
// withdrawal period counts days where the consumer lives), and PrestaShop's wall-clock times
// ("2026-03-02 10:00:00", no zone: the shop's) turned into instants.
import { dayNumber, formatDay } from '../sla/dates.ts';
import { instantOf, localDayOf } from '../sla/zone.ts';

/** An ISO 8601 instant, or null when absent or not one. A time without offset is read as UTC (WooCommerce's *_gmt). */
export function parseInstant(text: unknown): Date | null {
  if (typeof text !== 'string' || !text.trim()) return null;
  const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text.trim()) ? text.trim() : `${text.trim()}Z`;
  const at = new Date(withZone);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in the zone. */
export function localDate(at: Date, timeZone: string): string {
  return formatDay(localDayOf(timeZone, at.getTime()));
}

/** "2026-03-02 10:00:00" on the shop's clock as an instant; null for PrestaShop's "0000-00-00 00:00:00" (never). */
export function parseWallClock(text: unknown, timeZone: string): Date | null {
  if (typeof text !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m || m[1] === '0000') return null;
  const day = dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
  const minutes = Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0);
  return new Date(instantOf(timeZone, day, minutes) + Number(m[6] ?? 0) * 1000);
}

/** An instant the order cannot do without (its purchase date): a payload without one fails with the field's name. */
export function requireInstant(text: unknown, field: string): Date {
  const at = parseInstant(text);
  if (!at) throw new Error(`${field} is not a date: ${String(text)}`);
  return at;
}
