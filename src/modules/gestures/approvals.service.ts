// Deciding approval requests: the pending ones a reader may see, and approve or refuse in one
// click. A decision is taken once: the request is locked, a second click with the same decision
// answers what was decided, a different one is a 409. Approving runs the request's executor in
// the same transaction (approvals.actions.ts); a manager whose own authority does not cover it
// sends it up to the admins instead. Each step is on the case's timeline and in the audit log.
import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { decodeCursor, paginate } from '../../platform/http/pagination.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { scopeConditions } from '../cases/case-filters.ts';
import { savCase } from '../cases/cases.schema.ts';
import { actorColumns, appendEvents } from '../cases/timeline.ts';
import { lockCase } from '../disputes/case-lock.ts';
import { tellUsers } from '../disputes/tell-managers.ts';
import { approversOf, canDecide, loadApproval, presentApprovals, type ApprovalRow } from './approval-request.ts';
import { executorFor } from './approvals.actions.ts';
import type { ApprovalDto, ApprovalStatus } from './gestures.contract.ts';
import { approvalRequest } from './gestures.schema.ts';

const scopeOf = { id: savCase.id, number: savCase.number, brandId: savCase.brandId, storeId: savCase.storeId };

/** Requests of the cases the reader fully sees, newest first. */
export async function listApprovals(ctx: Ctx, actor: Actor, q: { status: ApprovalStatus; limit: number; cursor?: string | undefined }) {
  requirePermission(actor, 'cases.read');
  const where: (SQL | undefined)[] = [eq(approvalRequest.status, q.status), ...scopeConditions(actor.scope)];
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, 2) as [string, string];
    where.push(or(lt(approvalRequest.requestedAt, new Date(at)), and(eq(approvalRequest.requestedAt, new Date(at)), lt(approvalRequest.id, id))));
  }
  const rows = await ctx.db
    .select({ a: approvalRequest, c: scopeOf })
    .from(approvalRequest)
    .innerJoin(savCase, eq(savCase.id, approvalRequest.caseId))
    .where(and(...where))
    .orderBy(desc(approvalRequest.requestedAt), desc(approvalRequest.id))
    .limit(q.limit + 1);
  const page = paginate(rows, q.limit, (r) => [r.a.requestedAt.toISOString(), r.a.id]);
  return { items: await presentApprovals(ctx, actor, page.items), nextCursor: page.nextCursor };
}

/** The requests of one case (all of them, newest first), for its gesture panel. */
export async function approvalsOfCase(ctx: Ctx, actor: Actor, caseId: string): Promise<ApprovalDto[]> {
  const rows = await ctx.db
    .select({ a: approvalRequest, c: scopeOf })
    .from(approvalRequest)
    .innerJoin(savCase, eq(savCase.id, approvalRequest.caseId))
    .where(eq(approvalRequest.caseId, caseId))
    .orderBy(desc(approvalRequest.requestedAt));
  return presentApprovals(ctx, actor, rows);
}

type Locked = { tx: Ctx; caseRow: NonNullable<Awaited<ReturnType<typeof lockCase>>>; a: ApprovalRow; scope: NonNullable<Awaited<ReturnType<typeof loadApproval>>>['c'] };

/**
 * Runs `change` on the request in a transaction that holds its case and then itself (the order
 * every change of a case takes), once it is sure the actor sees the case; then presents it.
 * A request already in `same` state is left alone (a double click); any other settled state is a 409.
 */
async function changeApproval(ctx: Ctx, actor: Actor, id: string, same: ApprovalStatus, change: (locked: Locked) => Promise<void>): Promise<ApprovalDto> {
  requirePermission(actor, 'cases.write');
  const visible = await loadApproval(ctx, id);
  if (!visible || !(await seesCase(ctx, actor, visible.c.id))) throw notFound('approval request', id);
  await inTransaction(ctx, async (tx) => {
    const caseRow = (await lockCase(tx, visible.c.id))!;
    await queryRows(tx.db, sql`SELECT id FROM approval_request WHERE id = ${id} FOR UPDATE`);
    const { a } = (await loadApproval(tx, id))!;
    if (a.status === same) return;
    if (a.status !== 'pending') throw conflict(`This request was already ${a.status}`, { currentStatus: a.status });
    await change({ tx, caseRow, a, scope: visible.c });
  });
  return present(ctx, actor, id);
}

async function present(ctx: Ctx, actor: Actor, id: string): Promise<ApprovalDto> {
  const found = await loadApproval(ctx, id);
  return (await presentApprovals(ctx, actor, [found!]))[0]!;
}

const decided: Record<'approve' | 'refuse', ApprovalStatus> = { approve: 'approved', refuse: 'refused' };

export async function decideApproval(ctx: Ctx, actor: Actor, id: string, body: { decision: 'approve' | 'refuse'; comment?: string | undefined }): Promise<ApprovalDto> {
  return changeApproval(ctx, actor, id, decided[body.decision], async ({ tx, caseRow, a, scope }) => {
    // A manager who sent it up to the admins clicking again: nothing more to do.
    if (a.escalated && body.decision === 'approve' && actor.role === 'manager' && a.result?.escalatedBy === actor.userId) return;
    if (!canDecide(actor, a, scope)) {
      throw forbidden(a.requestedBy === actor.userId ? 'Nobody approves their own request' : a.escalated ? 'It waits for an admin' : 'Only a manager of this case decides it');
    }
    const now = tx.clock.now();
    const comment = body.comment ?? null;
    if (body.decision === 'refuse') {
      await tx.db.update(approvalRequest).set({ status: 'refused', decidedBy: actor.userId, decidedAt: now, comment }).where(eq(approvalRequest.id, id));
      await recordDecision(tx, actor, caseRow.c, a, 'refused', comment, {});
      return;
    }
    const executor = executorFor(a.action);
    if (!executor) throw new AppError('internal', `No executor is registered for approval action ${a.action}`);
    const run = { tx, approval: a, payload: executor.payload.parse(a.payload), caseRow, approver: actor };
    const authority = await executor.authorize(run);
    if (!authority.within && actor.role !== 'admin') {
      await tx.db.update(approvalRequest).set({ escalated: true, result: { escalatedBy: actor.userId, escalatedReasons: authority.reasons } }).where(eq(approvalRequest.id, id));
      await escalate(tx, actor, caseRow.c, a, authority.reasons, comment);
      return;
    }
    const result = await executor.execute(run);
    await tx.db.update(approvalRequest).set({ status: 'approved', decidedBy: actor.userId, decidedAt: now, comment, result }).where(eq(approvalRequest.id, id));
    await recordDecision(tx, actor, caseRow.c, a, 'approved', comment, result);
  });
}

async function seesCase(ctx: Ctx, actor: Actor, caseId: string): Promise<boolean> {
  const [row] = await ctx.db.select({ id: savCase.id }).from(savCase).where(and(eq(savCase.id, caseId), ...scopeConditions(actor.scope)));
  return row !== undefined;
}

type CaseOf = Parameters<typeof approversOf>[1];

async function recordDecision(tx: Ctx, actor: Actor, c: CaseOf, a: ApprovalRow, status: 'approved' | 'refused' | 'cancelled', comment: string | null, result: Record<string, unknown>) {
  const [event] = await appendEvents(
    tx,
    c,
    [{ type: 'approval_decided', ...actorColumns(actor), visibility: 'internal', bodyText: comment ?? a.summary[c.language], data: { approvalId: a.id, action: a.action, status, result, summary: a.summary } }],
    tx.clock.now(),
  );
  await recordAudit(tx, actor, { action: `approval.${status}`, targetType: 'approval_request', targetId: a.id, details: { caseId: c.id, action: a.action, amount: a.amount, currency: a.currency, comment, result } });
  if (a.requestedBy && a.requestedBy !== actor.userId) await tellUsers(tx, [a.requestedBy], 'approval_decided', c, event!.id);
}

async function escalate(tx: Ctx, actor: Actor, c: CaseOf, a: ApprovalRow, reasons: string[], comment: string | null) {
  const admins = await approversOf(tx, c, true, a.requestedBy);
  const [event] = await appendEvents(
    tx,
    c,
    [{ type: 'approval_requested', ...actorColumns(actor), visibility: 'internal', bodyText: comment ?? a.summary[c.language], data: { approvalId: a.id, action: a.action, amount: a.amount, currency: a.currency, escalated: true, reasons, told: admins } }],
    tx.clock.now(),
  );
  await recordAudit(tx, actor, { action: 'approval.escalated', targetType: 'approval_request', targetId: a.id, details: { caseId: c.id, reasons, comment } });
  await tellUsers(tx, admins, 'approval_requested', c, event!.id);
}

/** The requester withdraws a pending request (cancelling twice is one cancellation). */
export async function cancelApproval(ctx: Ctx, actor: Actor, id: string): Promise<ApprovalDto> {
  return changeApproval(ctx, actor, id, 'cancelled', async ({ tx, caseRow, a }) => {
    if (a.requestedBy !== actor.userId && actor.role !== 'admin') throw forbidden('Only its requester withdraws a request');
    await tx.db.update(approvalRequest).set({ status: 'cancelled', decidedBy: actor.userId, decidedAt: tx.clock.now() }).where(eq(approvalRequest.id, id));
    await recordDecision(tx, actor, caseRow.c, a, 'cancelled', null, {});
  });
}
