// Wall-clock time in an IANA zone, both ways, exact across daylight-saving changes and fast
// enough for hundreds of thousands of deadlines a second: UTC offsets are read from Intl once
// per zone and quarter-hour, then served from a cache.

const MINUTE = 60_000;
const SLOT = 15 * MINUTE; // every real zone changes offset on a quarter-hour boundary
const MAX_CACHED_SLOTS = 200_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, f);
  }
  return f;
}

function computeOffset(timezone: string, instant: number): number {
  const parts = formatter(timezone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return local - Math.floor(instant / 1000) * 1000;
}

/** The zone's UTC offset at an instant, in milliseconds (Paris in summer: +7,200,000). */
export function offsetAt(timezone: string, instant: number): number {
  let cache = offsets.get(timezone);
  if (!cache) offsets.set(timezone, (cache = new Map()));
  const slot = Math.floor(instant / SLOT);
  let offset = cache.get(slot);
  if (offset === undefined) {
    if (cache.size > MAX_CACHED_SLOTS) cache.clear();
    offset = computeOffset(timezone, slot * SLOT);
    cache.set(slot, offset);
  }
  return offset;
}

/** The local calendar day (day number) an instant falls on in the zone. */
export function localDayOf(timezone: string, instant: number): number {
  return Math.floor((instant + offsetAt(timezone, instant)) / 86_400_000);
}

/** Minutes since local midnight of an instant. */
export function localMinuteOf(timezone: string, instant: number): number {
  const local = instant + offsetAt(timezone, instant);
  return Math.floor((local - Math.floor(local / 86_400_000) * 86_400_000) / MINUTE);
}

/**
 * The instant a wall-clock time occurs on a local day. A time that occurs twice (autumn) gives
 * the first occurrence; a time that does not exist (spring gap) is shifted forward by the
 * length of the gap (02:30 becomes 03:30), like Temporal's "compatible" disambiguation.
 */
export function instantOf(timezone: string, day: number, minuteOfDay: number): number {
  const local = day * 86_400_000 + minuteOfDay * MINUTE;
  const earlier = local - offsetAt(timezone, local - 86_400_000 / 2);
  const later = local - offsetAt(timezone, local + 86_400_000 / 2);
  const candidates = [earlier, later].filter((t) => t + offsetAt(timezone, t) === local).sort((a, b) => a - b);
  if (candidates.length) return candidates[0]!;
  // In the gap: read the wall time with the offset from before the change.
  return Math.max(earlier, later);
}

/** ISO 8601 with the zone's offset at that instant: 2026-04-07T13:00:00+02:00. */
export function isoWithOffset(timezone: string, instant: number): string {
  const offset = offsetAt(timezone, instant);
  const local = new Date(instant + offset).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset) / MINUTE;
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
