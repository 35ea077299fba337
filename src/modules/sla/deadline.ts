// The deadline function: when a target of N business hours, N business days or N calendar
// hours, started at an instant and paused for some periods, falls due. Pure and exact across
// weekends, holidays, split days, starts outside opening hours and daylight-saving changes.
import type { BusinessCalendar } from './calendar.ts';
import { instantOf, localMinuteOf } from './zone.ts';

export type Target = { businessHours: number } | { businessDays: number } | { calendarHours: number };

export interface Pause {
  from: number;
  to: number;
}

const HOUR = 3_600_000;

/** Pauses sorted and merged, ignoring what ends before `from`. */
function normalise(pauses: Pause[], from: number): Pause[] {
  const sorted = pauses.filter((p) => p.to > from && p.to > p.from).sort((a, b) => a.from - b.from);
  const out: Pause[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else out.push({ from: Math.max(p.from, from), to: p.to });
  }
  return out;
}

/** Walks the running time (spans minus pauses) and returns where `duration` ms run out. */
function consume(spans: Iterable<[number, number]>, pauses: Pause[], duration: number): number {
  let remaining = duration;
  let p = 0;
  for (const [start, end] of spans) {
    let cursor = start;
    while (cursor < end) {
      while (p < pauses.length && pauses[p]!.to <= cursor) p++;
      const pause = pauses[p];
      if (pause && pause.from <= cursor) {
        cursor = Math.min(end, pause.to);
        continue;
      }
      const runUntil = pause ? Math.min(end, pause.from) : end;
      if (remaining <= runUntil - cursor) return cursor + remaining;
      remaining -= runUntil - cursor;
      cursor = runUntil;
    }
  }
  throw new Error('unreachable: spans are endless');
}

function* always(from: number): Generator<[number, number]> {
  yield [from, Number.MAX_SAFE_INTEGER];
}

/** Business time (ms) the calendar is open during the given pauses, after `from`. */
function openTimeDuring(calendar: BusinessCalendar, pauses: Pause[]): number {
  let total = 0;
  for (const pause of pauses) {
    for (const [a, b] of calendar.openSpans(pause.from)) {
      if (a >= pause.to) break;
      total += Math.min(b, pause.to) - a;
    }
  }
  return total;
}

export function computeDeadline(calendar: BusinessCalendar, start: number, target: Target, pauses: Pause[] = []): number {
  const paused = normalise(pauses, start);
  if ('calendarHours' in target) return consume(always(start), paused, target.calendarHours * HOUR);
  if ('businessHours' in target) return consume(calendar.openSpans(start), paused, target.businessHours * HOUR);
  return addBusinessDays(calendar, start, target.businessDays, paused);
}

/**
 * N business days: the same time of day, N open days later. A start outside opening hours
 * counts from the next opening. When the target day closes earlier than that time of day (or
 * is in its lunch break), the promise is its last open instant before it; when it opens later,
 * its opening. Paused open time is added afterwards as business time.
 */
function addBusinessDays(calendar: BusinessCalendar, start: number, days: number, pauses: Pause[]): number {
  const reference = calendar.isOpenAt(start) ? start : calendar.nextOpen(start);
  const minute = localMinuteOf(calendar.timezone, reference);
  let day = calendar.dayOf(reference);
  for (let counted = 0; counted < days; ) {
    day++;
    if (calendar.openOn(day).length > 0) counted++;
  }
  const wanted = instantOf(calendar.timezone, day, minute);
  const spans = calendar.openOn(day);
  let deadline = spans[0]![0];
  for (const [a, b] of spans) {
    if (a <= wanted) deadline = Math.min(wanted, b);
  }
  const extra = openTimeDuring(calendar, pauses);
  return extra > 0 ? consume(calendar.openSpans(deadline), [], extra) : deadline;
}
