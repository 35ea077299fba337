// A business calendar: weekly opening hours (several intervals a day), an IANA time zone,
// public holidays from rules, extra closed days and exceptional openings. Compiled once,
// it answers "when is it open" as instants, caching each day it has worked out.
import { parseIsoDate, weekday, yearOf, type IsoDate } from './dates.ts';
import { holidayDays, isSupported, type HolidayRules } from './holidays.ts';
import { instantOf, localDayOf } from './zone.ts';

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

/** ["09:00", "12:30"]: a half-open interval of wall-clock time; "24:00" ends at midnight. */
export type HoursInterval = [string, string];

export interface CalendarSpec {
  timezone: string;
  hours: Partial<Record<Weekday, HoursInterval[]>>;
  holidays: {
    country: string | null;
    region: string | null;
    /** Extra closed days (a store's inventory day, an overseas department's holiday…). */
    extra: IsoDate[];
    quebecEaster?: 'good_friday' | 'easter_monday';
  } | null;
  /** Exceptional openings: these dates use these hours, holiday or not (a Sunday before Christmas). */
  openings?: { date: IsoDate; hours: HoursInterval[] }[];
}

export class CalendarError extends Error {}

type Span = [start: number, end: number];

export function parseTime(text: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!m || (m[1] === '24' && m[2] !== '00')) throw new CalendarError(`"${text}" is not a time (HH:MM)`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function parseIntervals(list: HoursInterval[], where: string): [number, number][] {
  const out = list.map(([from, to]) => {
    const a = parseTime(from);
    const b = parseTime(to);
    if (b <= a) throw new CalendarError(`${where}: ${from}–${to} ends before it starts`);
    return [a, b] as [number, number];
  });
  out.sort((x, y) => x[0] - y[0]);
  for (let i = 1; i < out.length; i++) {
    if (out[i]![0] < out[i - 1]![1]) throw new CalendarError(`${where}: intervals overlap`);
  }
  return out;
}

export class BusinessCalendar {
  readonly timezone: string;
  private readonly weekly: [number, number][][];
  private readonly closed: Set<number>;
  private readonly openings: Map<number, [number, number][]>;
  private readonly holidayRules: HolidayRules | null;
  private readonly holidayYears = new Map<number, Set<number>>();
  private readonly days = new Map<number, Span[]>();

  constructor(spec: CalendarSpec) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: spec.timezone });
    } catch {
      throw new CalendarError(`"${spec.timezone}" is not an IANA time zone`);
    }
    this.timezone = spec.timezone;
    this.weekly = weekdays.map((d) => parseIntervals(spec.hours[d] ?? [], d));
    const h = spec.holidays;
    this.closed = new Set((h?.extra ?? []).map(parseIsoDate));
    this.openings = new Map((spec.openings ?? []).map((o) => [parseIsoDate(o.date), parseIntervals(o.hours, o.date)]));
    if (h?.country) {
      if (!isSupported(h.country, h.region)) throw new CalendarError(`no public holiday rules for ${h.country}${h.region ? `/${h.region}` : ''}`);
      this.holidayRules = { country: h.country, region: h.region, ...(h.quebecEaster ? { quebecEaster: h.quebecEaster } : {}) };
    } else {
      this.holidayRules = null;
    }
    if (this.weekly.every((d) => d.length === 0) && this.openings.size === 0) throw new CalendarError('the calendar is never open');
  }

  isHoliday(day: number): boolean {
    if (!this.holidayRules) return false;
    const year = yearOf(day);
    let set = this.holidayYears.get(year);
    if (!set) this.holidayYears.set(year, (set = holidayDays(this.holidayRules, year, year)));
    return set.has(day);
  }

  /** Open spans of a local day, as instants (ms), in order. */
  openOn(day: number): Span[] {
    let spans = this.days.get(day);
    if (spans) return spans;
    let hours: [number, number][];
    if (this.openings.has(day)) hours = this.openings.get(day)!;
    else if (this.closed.has(day) || this.isHoliday(day)) hours = [];
    else hours = this.weekly[weekday(day)]!;
    spans = hours.map(([a, b]) => [instantOf(this.timezone, day, a), instantOf(this.timezone, day, b)] as Span);
    if (this.days.size > 20_000) this.days.clear();
    this.days.set(day, spans);
    return spans;
  }

  dayOf(instant: number): number {
    return localDayOf(this.timezone, instant);
  }

  /** Open spans from `from` onwards, clipped, day by day; stops after two years without any. */
  *openSpans(from: number): Generator<Span> {
    let day = this.dayOf(from);
    let idle = 0;
    for (;;) {
      const spans = this.openOn(day);
      if (spans.length === 0 && ++idle > 750) throw new CalendarError('the calendar is not open in the next two years');
      for (const [a, b] of spans) {
        if (b <= from) continue;
        idle = 0;
        yield [Math.max(a, from), b];
      }
      day++;
    }
  }

  isOpenAt(instant: number): boolean {
    return this.openOn(this.dayOf(instant)).some(([a, b]) => a <= instant && instant < b);
  }

  /** The first open instant at or after `instant`. */
  nextOpen(instant: number): number {
    for (const [a] of this.openSpans(instant)) return a;
    throw new CalendarError('unreachable');
  }
}
