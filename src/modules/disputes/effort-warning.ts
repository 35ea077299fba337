// Warning about customer effort (effort.ts): when a case's back-and-forth reaches the
// threshold, or a further multiple of it, an internal `effort_warning` event (the banner the
// agent sees on the case) and a notification to the manager — once per crossing, whatever
// the number of runs of the job.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { caseEvent } from '../cases/cases.schema.ts';
import { appendEvents } from '../cases/timeline.ts';
import { lockCase } from './case-lock.ts';
import { countExchanges, effortWarningDue, type TurnSide } from './effort.ts';
import { managersOf, tellUsers } from './tell-managers.ts';

type Row = { type: string; actorType: string; visibility: string; data: Record<string, unknown> };

/** The side of the conversation a timeline event is on, when it is a turn of it. */
function sideOf(e: Row): TurnSide | null {
  if (e.type === 'message_in' && e.actorType === 'customer') return 'customer';
  if (e.type === 'message_out' && e.actorType === 'user' && e.visibility === 'public') return 'agent';
  return null;
}

/** The case's exchanges so far, and the highest level already warned about. */
export async function effortOf(ctx: Ctx, caseId: string): Promise<{ exchanges: number; warnedLevel: number; warnedAt: Date | null }> {
  const rows = await ctx.db
    .select({ type: caseEvent.type, actorType: caseEvent.actorType, visibility: caseEvent.visibility, data: caseEvent.data, at: caseEvent.at })
    .from(caseEvent)
    .where(and(eq(caseEvent.caseId, caseId), inArray(caseEvent.type, ['message_in', 'message_out', 'effort_warning'])))
    .orderBy(asc(caseEvent.id));
  const sides = rows.map(sideOf).filter((s): s is TurnSide => s !== null);
  const warnings = rows.filter((r) => r.type === 'effort_warning');
  const last = warnings[warnings.length - 1];
  return {
    exchanges: countExchanges(sides),
    warnedLevel: Math.max(0, ...warnings.map((w) => Number(w.data.level) || 0)),
    warnedAt: last?.at ?? null,
  };
}

export type EffortOutcome = { warned: false } | { warned: true; exchanges: number; level: number; told: number };

export async function checkEffort(ctx: Ctx, caseId: string): Promise<EffortOutcome> {
  const threshold = ctx.config.care.effortThreshold;
  return inTransaction(ctx, async (tx) => {
    const row = await lockCase(tx, caseId);
    if (!row) return { warned: false };
    const effort = await effortOf(tx, caseId);
    const level = effortWarningDue(effort.exchanges, threshold, effort.warnedLevel);
    if (level === null) return { warned: false };
    const managers = await managersOf(tx, row.c);
    const [event] = await appendEvents(
      tx,
      row.c,
      [{ type: 'effort_warning', actorType: 'system', visibility: 'internal', data: { exchanges: effort.exchanges, threshold, level, told: managers } }],
      tx.clock.now(),
    );
    await tellUsers(tx, managers, 'effort', row.c, event!.id);
    return { warned: true, exchanges: effort.exchanges, level, told: managers.length };
  });
}
