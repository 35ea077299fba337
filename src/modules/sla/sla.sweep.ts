// The minute-by-minute sweep: warns before a deadline, records the breach at it, and runs the
// policy's escalation (e-mail the team lead, raise the priority, move to a queue). It runs as
// a scheduled job: once per minute slot however many workers run, and catching up after an
// outage. Each case is handled in its own transaction, the case row locked first (the order
// every change of a case takes), so a sweep and an agent never step on each other.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { jobType } from '../../platform/jobs/job-types.ts';
import { priorities, type Priority } from '../cases/cases.contract.ts';
import { savCase } from '../cases/cases.schema.ts';
import { appendEvents, type NewEvent } from '../cases/timeline.ts';
import { breachedAt, dueAt, sweep, type ClockMove } from './clock-rules.ts';
import { clockEvent, dueClocks, lockClocks, saveClocks } from './clocks.service.ts';

export const slaSweepJob = jobType('sla.sweep', z.object({}), { retry: { maxAttempts: 3, baseDelayMs: 5_000 }, timeoutMs: 5 * 60_000 });

const BATCH = 200;

export async function runSlaSweep(ctx: Ctx): Promise<{ cases: number; moves: number }> {
  let cases = 0;
  let moves = 0;
  for (;;) {
    const now = ctx.clock.now();
    const due = await dueClocks(ctx, now, BATCH);
    for (const { caseId } of due) {
      moves += await sweepCase(ctx, caseId, now);
      cases++;
    }
    if (due.length < BATCH) return { cases, moves };
  }
}

function raised(priority: Priority): Priority {
  return priorities[Math.min(priorities.length - 1, priorities.indexOf(priority) + 1)]!;
}

async function sweepCase(ctx: Ctx, caseId: string, now: Date): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const [c] = await tx.db.select().from(savCase).where(eq(savCase.id, caseId)).for('update');
    if (!c) return 0;
    const clocks = await lockClocks(tx, caseId);
    const moves: ClockMove[] = clocks.flatMap((clock) => sweep(clock, now.getTime()));
    if (moves.length === 0) return 0;

    const events: NewEvent[] = moves.map(clockEvent);
    const set: Partial<typeof savCase.$inferInsert> = {};
    for (const move of moves.filter((m) => m.transition === 'breached')) {
      const { escalation } = move.clock.terms;
      if (move.clock.escalatedAt !== null) continue;
      const done: string[] = [];
      const priority = set.priority ?? c.priority;
      if (escalation.raisePriority && priority !== 'urgent') {
        set.priority = raised(priority);
        events.push({ type: 'priority_changed', actorType: 'system', visibility: 'public', data: { from: priority, to: set.priority, reason: 'sla_breach' } });
        done.push('priority');
      }
      const teamId = set.teamId !== undefined ? set.teamId : c.teamId;
      if (escalation.moveToTeamId && escalation.moveToTeamId !== teamId) {
        set.teamId = escalation.moveToTeamId;
        events.push({ type: 'assignment_changed', actorType: 'system', visibility: 'internal', data: { team: { from: teamId, to: escalation.moveToTeamId }, reason: 'sla_breach' } });
        done.push('team');
      }
      if (escalation.notifyLead) done.push('lead');
      move.clock = { ...move.clock, escalatedAt: now.getTime() };
      if (done.length) {
        const escalated: ClockMove = { metric: move.metric, transition: 'escalated', clock: move.clock };
        events.push({ ...clockEvent(escalated), data: { ...clockEvent(escalated).data, actions: done } });
      }
    }

    const final = new Map(clocks.map((k) => [k.metric, k]));
    for (const move of moves) final.set(move.metric, move.clock);
    const due = dueAt(final.values());
    const breach = breachedAt(final.values());
    const visible = set.priority !== undefined || set.teamId !== undefined;
    const [after] = await tx.db
      .update(savCase)
      .set({ ...set, slaDueAt: due === null ? null : new Date(due), slaBreachedAt: breach === null ? null : new Date(breach), ...(visible ? { version: c.version + 1, updatedAt: now } : {}) })
      .where(eq(savCase.id, caseId))
      .returning();
    await saveClocks(tx, caseId, [...new Map(moves.map((m) => [m.metric, m.clock])).values()]);
    await appendEvents(tx, after!, events, now);
    await tx.events.emit(
      tx.db,
      ...moves
        .filter((m) => m.transition === 'warned' || m.transition === 'breached')
        .map((m) => ({
          type: m.transition === 'warned' ? ('sla.warned' as const) : ('sla.breached' as const),
          caseId,
          metric: m.metric,
          deadline: new Date(m.clock.deadlineAt).toISOString(),
          notifyLead: m.transition === 'breached' && m.clock.terms.escalation.notifyLead,
          teamId: after!.teamId,
          assigneeId: after!.assigneeId,
          at: now.toISOString(),
        })),
    );
    return moves.length;
  });
}
