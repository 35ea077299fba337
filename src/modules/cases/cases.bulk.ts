// Bulk changes from the inbox: assign, status, priority, tags on up to 200 cases at once.
// Each case goes through updateCase, like a single PATCH: the same access checks, the same
// timeline events, SLA clocks and realtime news, in its own transaction. So one refused case
// (another store's, a closed one) is reported and the others are still changed.
import type { Ctx } from '../../context.ts';
import { AppError, forbidden, invalid } from '../../platform/errors.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import type { BulkAction, BulkInput } from './bulk.contract.ts';
import type { CaseDto } from './cases.contract.ts';
import { updateCase } from './case-changes.ts';
import { getCase } from './cases.service.ts';
import { retryOnConflict } from './conflict-retry.ts';

const MAX_TAGS = 30;

export type BulkOutcome = { caseId: string; ok: true; version: number } | { caseId: string; ok: false; error: AppError };

/** Adds and removes tags on the case as it is now, sent with its version: a change made meanwhile is read again. */
function retag(ctx: Ctx, actor: Actor, caseId: string, add: string[], remove: string[]): Promise<CaseDto> {
  return retryOnConflict(
    async () => {
      const current = await getCase(ctx, actor, caseId);
      const next = [...new Set([...current.tags.filter((t) => !remove.includes(t)), ...add.filter((t) => !remove.includes(t))])];
      if (next.length > MAX_TAGS) throw invalid('tags', `a case carries at most ${MAX_TAGS} tags`);
      if (next.length === current.tags.length && next.every((t) => current.tags.includes(t))) return current;
      return updateCase(ctx, actor, caseId, { tags: next }, current.version);
    },
    3,
    ['conflict', 'precondition_failed'],
  );
}

function apply(ctx: Ctx, actor: Actor, caseId: string, action: BulkAction): Promise<CaseDto> {
  switch (action.type) {
    case 'assign': {
      if (action.assigneeId === 'me' && !actor.userId) throw forbidden('Only a signed-in user can take cases');
      const assigneeId = action.assigneeId === 'me' ? actor.userId : action.assigneeId;
      return updateCase(ctx, actor, caseId, { ...(assigneeId !== undefined ? { assigneeId } : {}), ...(action.teamId !== undefined ? { teamId: action.teamId } : {}) });
    }
    case 'status':
      return updateCase(ctx, actor, caseId, { status: action.status });
    case 'priority':
      return updateCase(ctx, actor, caseId, { priority: action.priority });
    case 'tags':
      return retag(ctx, actor, caseId, action.add, action.remove);
  }
}

export async function bulkChange(ctx: Ctx, actor: Actor, input: BulkInput): Promise<BulkOutcome[]> {
  requirePermission(actor, 'cases.write');
  const outcomes: BulkOutcome[] = [];
  // One after the other: a bulk change must not take every database connection from the others.
  for (const caseId of new Set(input.caseIds)) {
    try {
      const changed = await apply(ctx, actor, caseId, input.action);
      outcomes.push({ caseId, ok: true, version: changed.version });
    } catch (error) {
      if (!(error instanceof AppError)) ctx.log.error({ err: error, caseId }, 'bulk change failed on a case');
      outcomes.push({ caseId, ok: false, error: error instanceof AppError ? error : new AppError('internal', 'This case could not be changed; try again', { cause: error }) });
    }
  }
  return outcomes;
}
