// Reassigning in one action: a manager moves a selection of cases, or a whole bucket of the
// workload (an agent's cases, a team's, "over 7 days and breached"…), to another agent or team.
// Each case goes through the same update as a single change (cases/case-changes.ts): the
// same access rule, the same timeline events and SLA clocks, the same compare-and-set; so
// one case refused (another store's, closed meanwhile) does not stop the others, and the
// answer says what happened to each. The action as a whole is written to the audit log.
import { inArray, sql } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { updateCase } from '../cases/case-changes.ts';
import { savCase } from '../cases/cases.schema.ts';
import { retryOnConflict } from '../cases/conflict-retry.ts';
import { resolveRefs } from '../cases/references.ts';
import { REASSIGN_MAX, type CaseBucket, type ReassignInput, type ReassignResultDto } from './workload.contract.ts';
import { bucketCondition, classifiedOpenCases } from './workload.sql.ts';

/** The oldest open cases of a bucket, one more than a call moves (to tell whether more remain). */
async function casesOfBucket(ctx: Ctx, actor: Actor, bucket: CaseBucket): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    ctx.db,
    sql`SELECT o.id FROM ${classifiedOpenCases(actor.scope, ctx.clock.now())} o
        WHERE ${bucketCondition(bucket)}
        ORDER BY o.created_at, o.id
        LIMIT ${REASSIGN_MAX + 1}`,
  );
  return rows.map((r) => r.id);
}

/** An unknown team or agent is wrong for every case: refused once, before any is touched. */
async function checkTarget(ctx: Ctx, to: ReassignInput['to']): Promise<void> {
  try {
    await resolveRefs(ctx, { teamId: to.teamId, assigneeId: to.assigneeId });
  } catch (error) {
    if (!(error instanceof AppError) || !error.errors) throw error;
    const errors = error.errors.map((e) => ({ field: `to.${e.field}`, message: e.message }));
    throw new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  }
}

export async function reassignCases(ctx: Ctx, actor: Actor, input: ReassignInput): Promise<ReassignResultDto> {
  requirePermission(actor, 'workload.manage');
  await checkTarget(ctx, input.to);
  let ids = input.caseIds ? [...new Set(input.caseIds)] : await casesOfBucket(ctx, actor, input.bucket!);
  const more = ids.length > REASSIGN_MAX;
  ids = ids.slice(0, REASSIGN_MAX);
  const to = { ...(input.to.assigneeId !== undefined ? { assigneeId: input.to.assigneeId } : {}), ...(input.to.teamId !== undefined ? { teamId: input.to.teamId } : {}) };

  // Versions before, to tell a move from a case that was already there; read without scope,
  // and used only for the cases the update let through.
  const before = new Map(
    ids.length ? (await ctx.db.select({ id: savCase.id, version: savCase.version }).from(savCase).where(inArray(savCase.id, ids))).map((r) => [r.id, r.version]) : [],
  );
  const results: ReassignResultDto['results'] = [];
  for (const caseId of ids) {
    try {
      const after = await retryOnConflict(() => updateCase(ctx, actor, caseId, to));
      results.push({ caseId, number: after.number, outcome: after.version === before.get(caseId) ? 'unchanged' : 'moved', problem: null });
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'internal' || error.code === 'unavailable') throw error;
      results.push({ caseId, number: null, outcome: 'failed', problem: { code: error.code, detail: error.message } });
    }
  }
  const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
  const summary = { moved: count('moved'), unchanged: count('unchanged'), failed: count('failed') };
  if (summary.moved > 0) {
    await inTransaction(ctx, (tx) =>
      recordAudit(tx, actor, {
        action: 'workload.reassigned',
        targetType: 'case',
        details: { to, ...(input.bucket ? { bucket: input.bucket } : {}), ...summary, caseIds: results.filter((r) => r.outcome === 'moved').map((r) => r.caseId) },
      }),
    );
  }
  return { results, ...summary, more };
}
