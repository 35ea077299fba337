// Asking for an approval: what is beyond the requester's authority is written as a request
// with what a manager needs to decide in one look — the rulebook's verdict on the purchase, what
// the customer is worth — put on the case's timeline (internal), audited, and told to the
// people who may decide (the bell). Also how requests are presented and who may decide them.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { caseAccess } from '../access/access.policy.ts';
import { appUser } from '../access/access.schema.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { CaseListRow } from '../cases/cases.read.ts';
import { caseEvent, savCase } from '../cases/cases.schema.ts';
import { actorColumns, appendEvents } from '../cases/timeline.ts';
import { customerValue } from '../commerce/customer-360.ts';
import { managersOf, tellUsers } from '../disputes/tell-managers.ts';
import { evaluateForCaseIfAny } from '../policies/evaluate-case.ts';
import type { PolicyRequestKind } from '../policies/law/verdict.ts';
import { fullAccessTo } from '../user-notifications/mentions.ts';
import type { ApprovalDto, AuthorityReason } from './gestures.contract.ts';
import { approvalRequest } from './gestures.schema.ts';

export type ApprovalRow = typeof approvalRequest.$inferSelect;

export interface NewApproval {
  action: string;
  payload: Record<string, unknown>;
  summary: { fr: string; en: string };
  amount: number | null;
  currency: string | null;
  reasons: AuthorityReason[];
  /** The request the rulebook is asked about (default: a defect). */
  policyRequest?: PolicyRequestKind;
}

/** The rulebook's verdict on the case's purchase; null when it has none linked or no law applies. */
async function verdictFor(tx: Ctx, actor: Actor, caseId: string, request: PolicyRequestKind): Promise<Record<string, unknown> | null> {
  const judged = await evaluateForCaseIfAny(tx, actor, caseId, { request });
  return judged ? (judged.verdict as unknown as Record<string, unknown>) : null;
}

/**
 * Who decides: the case team's lead when a manager, else the managers who fully see the case,
 * else the admins; once escalated, the admins. Never the requester (a manager asking beyond
 * their own authority is decided by another).
 */
export async function approversOf(tx: Ctx, c: CaseListRow['c'], escalated: boolean, requester: string | null): Promise<string[]> {
  const others = (ids: string[]) => ids.filter((id) => id !== requester);
  const ofRole = async (roles: ('manager' | 'admin')[]) =>
    others((await tx.db.select({ id: appUser.id }).from(appUser).where(and(inArray(appUser.role, roles), fullAccessTo(c)))).map((u) => u.id));
  if (escalated) return ofRole(['admin']);
  const leads = others(await managersOf(tx, c));
  const deciders = leads.length ? (await tx.db.select({ id: appUser.id, role: appUser.role }).from(appUser).where(inArray(appUser.id, leads))).filter((u) => u.role === 'manager' || u.role === 'admin') : [];
  if (deciders.length) return deciders.map((u) => u.id);
  const managers = await ofRole(['manager']);
  return managers.length ? managers : ofRole(['admin']);
}

/** Writes the request in the caller's transaction (the case is locked by the caller). */
export async function createApprovalRequest(tx: Ctx, actor: Actor, caseRow: CaseListRow, input: NewApproval): Promise<ApprovalRow> {
  const now = tx.clock.now();
  const c = caseRow.c;
  const [policyVerdict, value] = await Promise.all([verdictFor(tx, actor, c.id, input.policyRequest ?? 'defect'), customerValue(tx, actor, c.customerId)]);
  const row: ApprovalRow = {
    id: uuidv7(now.getTime()),
    caseId: c.id,
    action: input.action,
    payload: input.payload,
    summary: input.summary,
    amount: input.amount,
    currency: input.currency,
    status: 'pending',
    reasons: input.reasons,
    escalated: false,
    policyVerdict,
    customerValue: { lifetimeValue: value.lifetimeValue.map((v) => ({ currency: v.currency, amount: v.amount })), orderCount: value.orderCount, incidentCount: value.incidentCount },
    requestedBy: actor.userId,
    requestedByLabel: actor.label,
    requestedAt: now,
    decidedBy: null,
    decidedAt: null,
    comment: null,
    result: null,
  };
  await tx.db.insert(approvalRequest).values(row);
  const approvers = await approversOf(tx, c, false, actor.userId);
  const [event] = await appendEvents(
    tx,
    c,
    [
      {
        type: 'approval_requested',
        ...actorColumns(actor),
        visibility: 'internal',
        bodyText: input.summary[c.language],
        data: { approvalId: row.id, action: row.action, amount: row.amount, currency: row.currency, reasons: row.reasons, told: approvers },
      },
    ],
    now,
  );
  await recordAudit(tx, actor, { action: 'approval.requested', targetType: 'approval_request', targetId: row.id, details: { caseId: c.id, action: row.action, amount: row.amount, currency: row.currency, reasons: row.reasons } });
  await tellUsers(tx, approvers, 'approval_requested', c, event!.id);
  return row;
}

interface CaseScope {
  number: string;
  brandId: string;
  storeId: string | null;
}

/** The reader may approve or refuse it now: a manager (an admin once escalated) who fully sees the case, not its requester. */
export function canDecide(actor: Actor, row: ApprovalRow, c: CaseScope): boolean {
  if (row.status !== 'pending' || actor.kind !== 'user' || actor.userId === row.requestedBy) return false;
  if (caseAccess(actor.scope, c) !== 'full') return false;
  return actor.role === 'admin' || (actor.role === 'manager' && !row.escalated);
}

export async function presentApprovals(ctx: Ctx, actor: Actor, rows: { a: ApprovalRow; c: CaseScope }[]): Promise<ApprovalDto[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.a.requestedBy, r.a.decidedBy]).filter((id): id is string => id !== null))];
  const names = new Map(ids.length ? (await ctx.db.select({ id: appUser.id, name: appUser.name }).from(appUser).where(inArray(appUser.id, ids))).map((u) => [u.id, u.name]) : []);
  const events = new Map<string, string[]>();
  if (rows.length) {
    const asked = await ctx.db
      .select({ id: caseEvent.id, approvalId: sql<string>`${caseEvent.data} ->> 'approvalId'` })
      .from(caseEvent)
      .where(and(inArray(caseEvent.caseId, [...new Set(rows.map((r) => r.a.caseId))]), eq(caseEvent.type, 'approval_requested')));
    for (const e of asked) events.set(e.approvalId, [...(events.get(e.approvalId) ?? []), e.id]);
  }
  return rows.map(({ a, c }) => ({
    id: a.id,
    caseId: a.caseId,
    caseNumber: c.number,
    action: a.action,
    payload: a.payload,
    summary: a.summary,
    amount: a.amount !== null && a.currency ? { amount: a.amount, currency: a.currency } : null,
    status: a.status,
    reasons: a.reasons,
    escalated: a.escalated,
    policyVerdict: a.policyVerdict,
    customerValue: a.customerValue,
    requestedBy: { id: a.requestedBy, name: (a.requestedBy && names.get(a.requestedBy)) ?? a.requestedByLabel },
    requestedAt: a.requestedAt.toISOString(),
    decidedBy: a.decidedBy ? { id: a.decidedBy, name: names.get(a.decidedBy) ?? '' } : null,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    comment: a.comment,
    canDecide: canDecide(actor, a, c),
    eventIds: events.get(a.id) ?? [],
  }));
}

/** One request with its case's scope. */
export async function loadApproval(ctx: Ctx, id: string): Promise<{ a: ApprovalRow; c: CaseScope & { id: string } } | undefined> {
  const [row] = await ctx.db
    .select({ a: approvalRequest, c: { id: savCase.id, number: savCase.number, brandId: savCase.brandId, storeId: savCase.storeId } })
    .from(approvalRequest)
    .innerJoin(savCase, eq(savCase.id, approvalRequest.caseId))
    .where(eq(approvalRequest.id, id));
  return row;
}

/** The 202 answer of whatever was sent for approval instead of done (a gesture, a workflow). */
export async function approvalRequestedReply(ctx: Ctx, actor: Actor, approvalId: string): Promise<{ statusCode: 202; body: { outcome: 'approval_requested'; approval: ApprovalDto } }> {
  const found = (await loadApproval(ctx, approvalId))!;
  return { statusCode: 202, body: { outcome: 'approval_requested', approval: (await presentApprovals(ctx, actor, [found]))[0]! } };
}
