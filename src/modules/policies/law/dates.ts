// Calendar-day arithmetic as consumer law counts it, on day numbers (day 0 = 1970-01-01, the
// sla module's convention: src/modules/sla/dates.ts), with no Date objects on the way so a
// verdict costs a few hundred nanoseconds.
//
// How periods are counted (the reference, /work/shared/reference/service-levels-and-law.md,
// gives the lengths, not the counting; we follow the texts that do):
// - A period in days does not count the day of the event that starts it: "14 days from
//   receipt" on 2 March ends on 16 March (Code de procédure civile art. 641 al. 1; EU
//   Regulation 1182/71 art. 3(1), which the withdrawal directive 2011/83 relies on).
// - A period in months or years ends on the day that bears the same date as the starting day:
//   2 years from 10 March 2026 end on 10 March 2028 (that day is in, the 11th is out); when the
//   last month has no such date, on its last day (29 Feb 2024 + 1 year → 28 Feb 2025)
//   (CPC art. 641 al. 2; Regulation 1182/71 art. 3(2)(c)).
import { weekday, type IsoDate } from '../../sla/dates.ts';

export { weekday, type IsoDate };

/** Howard Hinnant's civil_from_days, in integers: the civil date packed as yyyymmdd. */
function civilOf(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10_000 + m * 100 + d;
}

// Every verdict turns a handful of days into dates, each several times (ISO, French, English):
// the days of 1900–2199 are worked out once, in one table filled on first use (110,000 days,
// a few milliseconds), and each date's words are kept once made.
const FIRST = -25_567; // 1900-01-01
const SPAN = 109_573; // to 2199-12-31
let table: Int32Array | undefined;
// Allocated whole on first use: an array filled at scattered indices would turn sparse and slow.
type Words = (string | undefined)[];
const words: { iso?: Words; french?: Words; english?: Words } = {};

function fillTable(): Int32Array {
  const t = new Int32Array(SPAN);
  for (let i = 0; i < SPAN; i++) t[i] = civilOf(FIRST + i);
  return (table = t);
}

/** A day number's civil date packed as yyyymmdd (20260316): one number, no allocation. */
export function ymdOf(day: number): number {
  const i = day - FIRST;
  return i >= 0 && i < SPAN ? (table ?? fillTable())[i]! : civilOf(day);
}

/** Words made once per day of the table's range (any other day is simply made each time). */
function cached(kind: keyof typeof words, day: number, make: (day: number) => string): string {
  const i = day - FIRST;
  if (i < 0 || i >= SPAN) return make(day);
  const cache = (words[kind] ??= new Array<string | undefined>(SPAN).fill(undefined));
  return (cache[i] ??= make(day));
}

/** yyyy-mm-dd → day number (days_from_civil): the sla module's dayNumber without Date.UTC, which costs ten times more. */
export function dayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function yearOfDay(day: number): number {
  return Math.floor(ymdOf(day) / 10_000);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The digit at `i`, or -1000 so that any number it is part of goes out of range. */
function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1000;
}

/** "2026-03-16" → its day number; NaN for anything that is not a real calendar date. */
export function parseDay(text: IsoDate): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  const y = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const m = digit(text, 5) * 10 + digit(text, 6);
  const d = digit(text, 8) * 10 + digit(text, 9);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  return dayOf(y, m, d);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** Day number → "2026-03-16". */
export function formatDay(day: number): IsoDate {
  return cached('iso', day, isoOf);
}

function isoOf(day: number): IsoDate {
  const ymd = ymdOf(day);
  return `${Math.floor(ymd / 10_000)}-${pad2(Math.floor(ymd / 100) % 100)}-${pad2(ymd % 100)}`;
}

/** The same date `months` later (the last day of the month when it has no such date). */
export function addMonths(day: number, months: number): number {
  const ymd = ymdOf(day);
  const total = Math.floor(ymd / 10_000) * 12 + (Math.floor(ymd / 100) % 100) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return dayOf(year, month, Math.min(ymd % 100, daysInMonth(year, month)));
}

const monthsFr = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1er mars 2026", "16 mars 2026": the date as a French letter writes it. */
export function frenchDate(day: number): string {
  return cached('french', day, frenchOf);
}

function frenchOf(day: number): string {
  const ymd = ymdOf(day);
  const d = ymd % 100;
  return `${d === 1 ? '1er' : d} ${monthsFr[(Math.floor(ymd / 100) % 100) - 1]} ${Math.floor(ymd / 10_000)}`;
}

/** "16 March 2026". */
export function englishDate(day: number): string {
  return cached('english', day, englishOf);
}

function englishOf(day: number): string {
  const ymd = ymdOf(day);
  return `${ymd % 100} ${monthsEn[(Math.floor(ymd / 100) % 100) - 1]} ${Math.floor(ymd / 10_000)}`;
}
