// Reading a case's SLA clocks for the agent API: the target, the deadline in the calendar's
// offset, the state and the time left or overdue right now.
import { inArray } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { clockMetrics, type ClockDto } from './sla.contract.ts';
import { slaClock } from './sla.schema.ts';
import { isRunning, type Clock } from './clock-rules.ts';
import { promiseText } from './deadline-text.ts';
import { isoWithOffset } from './zone.ts';

export type ClockRow = typeof slaClock.$inferSelect;

export function clockOf(row: ClockRow): Clock {
  const ms = (d: Date | null) => (d ? d.getTime() : null);
  return {
    metric: row.metric,
    state: row.state,
    policyId: row.policyId,
    terms: row.terms,
    startedAt: row.startedAt.getTime(),
    deadlineAt: row.deadlineAt.getTime(),
    pauses: row.pauses.map((p) => ({ from: Date.parse(p.from), to: Date.parse(p.to) })),
    pausedAt: ms(row.pausedAt),
    achievedAt: ms(row.achievedAt),
    breachedAt: ms(row.breachedAt),
    warnedAt: ms(row.warnedAt),
    escalatedAt: ms(row.escalatedAt),
    cycle: row.cycle,
  };
}

export function presentClock(clock: Clock, now: Date): ClockDto {
  const zone = clock.terms.calendar.timezone;
  const at = (ms: number | null) => (ms === null ? null : isoWithOffset(zone, ms));
  // Time left runs down while active and stands still while paused; overdue is negative.
  const from = clock.state === 'paused' && clock.pausedAt !== null ? clock.pausedAt : now.getTime();
  return {
    metric: clock.metric,
    state: clock.state,
    policy: clock.terms.policyName,
    target: clock.terms.target as Record<string, number>,
    startedAt: isoWithOffset(zone, clock.startedAt),
    deadline: isoWithOffset(zone, clock.deadlineAt),
    remainingMs: isRunning(clock) ? clock.deadlineAt - from : null,
    pausedAt: at(clock.pausedAt),
    achievedAt: at(clock.achievedAt),
    breachedAt: at(clock.breachedAt),
    promise: promiseText(clock.deadlineAt, zone),
  };
}

/** The clocks of each case, in metric order (first reply, next reply, resolution). */
export async function clocksOf(ctx: Ctx, caseIds: string[]): Promise<Map<string, ClockDto[]>> {
  const map = new Map<string, ClockDto[]>();
  if (caseIds.length === 0) return map;
  const rows = await ctx.db.select().from(slaClock).where(inArray(slaClock.caseId, caseIds));
  rows.sort((a, b) => clockMetrics.indexOf(a.metric) - clockMetrics.indexOf(b.metric));
  const now = ctx.clock.now();
  for (const row of rows) map.set(row.caseId, [...(map.get(row.caseId) ?? []), presentClock(clockOf(row), now)]);
  return map;
}
