// The SLA clocks of cases, in the database: started when a case opens, moved by every change
// of the case in the same transaction (replies, customer messages, statuses), each move a
// timeline event. The rules themselves are pure (clock-rules.ts).
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { param, preparedRows, rowJson, writtenColumns } from '../../platform/db/prepared.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { NewEvent } from '../cases/timeline.ts';
import { applyChange, breachedAt, dueAt, type CaseChange, type Clock, type ClockMove } from './clock-rules.ts';
import { clockOf } from './clocks.read.ts';
import { termsFor, type CaseFacts } from './policy-match.ts';
import { clockMetrics, slaClock } from './sla.schema.ts';
import { isoWithOffset } from './zone.ts';

const updatable = Object.values(getTableColumns(slaClock))
  .map((c) => c.name)
  .filter((name) => !['id', 'case_id', 'metric', 'created_at'].includes(name));

// One statement writes every clock a change moved (new ones inserted, others updated).
const saveStatement = preparedRows(
  'comptoir_save_clocks',
  sql`INSERT INTO sla_clock (${writtenColumns(slaClock)})
      SELECT ${writtenColumns(slaClock)} FROM jsonb_populate_recordset(NULL::sla_clock, ${param('rows')}::jsonb)
      ON CONFLICT (case_id, metric) DO UPDATE SET ${sql.raw(updatable.map((n) => `"${n}" = EXCLUDED."${n}"`).join(', '))}`,
);

export async function saveClocks(ctx: Ctx, caseId: string, clocks: Clock[]): Promise<void> {
  if (clocks.length === 0) return;
  const now = ctx.clock.now();
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  const rows = clocks.map((c) =>
    rowJson(slaClock, {
      id: uuidv7(now.getTime()),
      caseId,
      metric: c.metric,
      policyId: c.policyId,
      terms: c.terms,
      state: c.state,
      startedAt: new Date(c.startedAt),
      deadlineAt: new Date(c.deadlineAt),
      pauses: c.pauses.map((p) => ({ from: new Date(p.from).toISOString(), to: new Date(p.to).toISOString() })),
      pausedAt: date(c.pausedAt),
      achievedAt: date(c.achievedAt),
      breachedAt: date(c.breachedAt),
      warnedAt: date(c.warnedAt),
      escalatedAt: date(c.escalatedAt),
      cycle: c.cycle,
      createdAt: now,
      updatedAt: now,
    }),
  );
  await saveStatement.rows(ctx.db, { rows: JSON.stringify(rows) });
}

/** The timeline event of one clock move (internal: agents see clocks, customers see promises). */
export function clockEvent(move: ClockMove): NewEvent {
  const c = move.clock;
  const zone = c.terms.calendar.timezone;
  return {
    type: 'sla_clock',
    actorType: 'system',
    visibility: 'internal',
    data: {
      metric: move.metric,
      transition: move.transition,
      state: c.state,
      policy: c.terms.policyName,
      target: c.terms.target,
      deadline: isoWithOffset(zone, c.deadlineAt),
      ...(c.cycle > 1 ? { cycle: c.cycle } : {}),
    },
  };
}

export interface ClockPlan {
  /** Every clock the change moved, in its final state. */
  clocks: Clock[];
  events: NewEvent[];
  /** The case's new earliest running deadline. */
  dueAt: Date | null;
  /** The case's new earliest breach not met since. */
  breachedAt: Date | null;
}

function planOf(moves: ClockMove[], all: Iterable<Clock>): ClockPlan {
  const final = new Map<string, Clock>();
  for (const move of moves) final.set(move.metric, move.clock);
  const merged = new Map<string, Clock>();
  for (const c of all) merged.set(c.metric, c);
  for (const [metric, c] of final) merged.set(metric, c);
  const due = dueAt(merged.values());
  const breach = breachedAt(merged.values());
  const clocks = [...final.values()].sort((a, b) => clockMetrics.indexOf(a.metric) - clockMetrics.indexOf(b.metric));
  return { clocks, events: moves.map(clockEvent), dueAt: due === null ? null : new Date(due), breachedAt: breach === null ? null : new Date(breach) };
}

/** The clocks of a case about to be opened: computed before it is written, no query (the PolicyBook is in memory). */
export async function planNewCaseClocks(ctx: Ctx, facts: CaseFacts, at: Date, customerWrote: boolean): Promise<ClockPlan> {
  const book = await ctx.policyBook.get(ctx.db);
  const moves = applyChange(
    [],
    { from: null, to: 'new', agentReplied: false, customerWrote, answeredBefore: false },
    at.getTime(),
    termsFor(book.policies, facts, book.lookup),
  );
  return planOf(moves, []);
}

/** Loads a case's clocks, locked for this transaction (the caller holds the case row already). */
export async function lockClocks(ctx: Ctx, caseId: string): Promise<Clock[]> {
  const rows = await ctx.db.select().from(slaClock).where(eq(slaClock.caseId, caseId)).for('update');
  return rows.map(clockOf);
}

/** Moves the clocks of an existing case through one change. */
export async function planClockChanges(ctx: Ctx, caseId: string, facts: CaseFacts, change: CaseChange, at: Date): Promise<ClockPlan> {
  const clocks = await lockClocks(ctx, caseId);
  const book = await ctx.policyBook.get(ctx.db);
  const moves = applyChange(clocks, change, at.getTime(), termsFor(book.policies, facts, book.lookup));
  return planOf(moves, clocks);
}

/** Clocks due for a warning or a breach at `at` (the sweep's work list). */
export async function dueClocks(ctx: Ctx, at: Date, limit: number): Promise<{ caseId: string }[]> {
  // Warnings come up to a week ahead (the policy's warnBeforeMinutes bounds it); the row's own
  // terms decide exactly, in the sweep.
  return ctx.db
    .selectDistinct({ caseId: slaClock.caseId })
    .from(slaClock)
    .where(
      and(
        eq(slaClock.state, 'active'),
        // The bound the index serves (warnings are at most a week ahead), then each clock's own.
        sql`${slaClock.deadlineAt} <= ${at.toISOString()}::timestamptz + interval '7 days'`,
        sql`${slaClock.deadlineAt} <= ${at.toISOString()}::timestamptz + make_interval(mins => (${slaClock.terms} ->> 'warnBeforeMinutes')::int)`,
        sql`(${slaClock.warnedAt} IS NULL OR ${slaClock.deadlineAt} <= ${at.toISOString()}::timestamptz)`,
      ),
    )
    .limit(limit);
}
