// Deadline computations per second on one core: the SLA engine's pure function, on a French
// calendar with split days and holidays, over a mix of targets and start instants spread over
// two years (weekends, nights, holidays, both daylight-saving changes), a fifth with a pause.
import { BusinessCalendar } from '../../src/modules/sla/calendar.ts';
import { computeDeadline, type Pause, type Target } from '../../src/modules/sla/deadline.ts';
import { prng } from '../corpus.ts';

export interface DeadlineResult {
  computations: number;
  seconds: number;
  perSecond: number;
  /** The same mix with a calendar compiled for every computation (no day cache). */
  coldPerSecond: number;
}

const split: [string, string][] = [['09:00', '12:30'], ['13:30', '18:00']];
const spec = {
  timezone: 'Europe/Paris',
  hours: { mon: split, tue: split, wed: split, thu: split, fri: split, sat: [['09:00', '12:30']] as [string, string][] },
  holidays: { country: 'FR', region: 'alsace-moselle', extra: [] },
};
const targets: Target[] = [{ businessHours: 4 }, { businessHours: 8 }, { businessHours: 16 }, { businessHours: 48 }, { businessDays: 2 }, { businessDays: 5 }, { calendarHours: 24 }];

function workload(n: number): { start: number; target: Target; pauses: Pause[] }[] {
  const random = prng(20261201);
  const from = Date.parse('2026-01-01T00:00:00Z');
  const span = 2 * 365 * 86_400_000;
  return Array.from({ length: n }, () => {
    const start = from + Math.floor(random() * span);
    const pauses = random() < 0.2 ? [{ from: start + 3_600_000, to: start + 3_600_000 + Math.floor(random() * 3 * 86_400_000) }] : [];
    return { start, target: targets[Math.floor(random() * targets.length)]!, pauses };
  });
}

export function measureDeadlines(options: { durationMs: number }): DeadlineResult {
  const items = workload(10_000);
  const calendar = new BusinessCalendar(spec);
  let sink = 0;
  for (const w of items) sink += computeDeadline(calendar, w.start, w.target, w.pauses); // warm-up (JIT, day cache)
  let computations = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < options.durationMs) {
    for (const w of items) sink += computeDeadline(calendar, w.start, w.target, w.pauses);
    computations += items.length;
  }
  const seconds = (performance.now() - t0) / 1000;
  let cold = 0;
  const c0 = performance.now();
  for (const w of items.slice(0, 2_000)) {
    sink += computeDeadline(new BusinessCalendar(spec), w.start, w.target, w.pauses);
    cold++;
  }
  const coldSeconds = (performance.now() - c0) / 1000;
  if (sink === 42) console.log(''); // keeps the results alive
  return { computations, seconds: Number(seconds.toFixed(2)), perSecond: Math.round(computations / seconds), coldPerSecond: Math.round(cold / coldSeconds) };
}

if (import.meta.main) console.log(measureDeadlines({ durationMs: 3_000 }));
