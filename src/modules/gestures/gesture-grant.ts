// Granting a goodwill gesture on a case. Within the granter's authority it is recorded at once
// (cost, who, when, the voucher's code) and, for a voucher of a customer who buys on a Shopify
// shop, its push to the shop queued in the same transaction; beyond it, the grant becomes an
// approval request, and the `gesture` executor grants it once a manager approves.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, conflict, forbidden, invalid, isUniqueViolation } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadVisibleCase, type CaseListRow } from '../cases/cases.read.ts';
import { actorColumns, appendEvents } from '../cases/timeline.ts';
import { order, orderSource } from '../commerce/commerce.schema.ts';
import { customerChain } from '../commerce/orders.read.ts';
import { lockCase } from '../disputes/case-lock.ts';
import { createApprovalRequest, type ApprovalRow } from './approval-request.ts';
import type { ApprovalExecutor } from './approvals.actions.ts';
import { checkAuthority } from './authority.ts';
import { costOf, formatMoney, gestureWords } from './gesture-scale.ts';
import { currentSetting, limitsSetting, scaleSetting } from './gesture-settings.service.ts';
import { gestureKinds, severities, type GestureKind, type GrantInput } from './gestures.contract.ts';
import { caseSeverity, gesture } from './gestures.schema.ts';
import { voucherPushJob } from './gestures.jobs.ts';
import { lockSpending, spentOnCase, spentThisMonth } from './spending.ts';
import { newVoucherCode } from './voucher-code.ts';

export type GestureRow = typeof gesture.$inferSelect;

const withAmount: readonly GestureKind[] = ['voucher', 'upgrade', 'refund', 'exchange'];

/** The gesture as asked, checked for what its kind needs. */
export function checkGrantShape(input: Pick<GrantInput, 'kind' | 'amount' | 'points'>): void {
  if (withAmount.includes(input.kind) && !input.amount) throw invalid('amount', `a ${input.kind} needs an amount above 0 (minor units)`);
  if (!withAmount.includes(input.kind) && input.amount !== undefined) throw invalid('amount', `a ${input.kind} has no amount of its own`);
  if (input.kind === 'loyalty_points' && !input.points) throw invalid('points', 'loyalty points need how many');
  if (input.kind !== 'loyalty_points' && input.points !== undefined) throw invalid('points', 'only loyalty points have points');
}

/** What an approved gesture grants: the request's payload. */
export const gesturePayload = z.object({
  kind: z.enum(gestureKinds),
  amount: z.int().optional(),
  points: z.int().optional(),
  note: z.string().optional(),
  cost: z.int(),
  currency: z.string(),
});
export type GesturePayload = z.infer<typeof gesturePayload>;

/** The Shopify shop the customer bought from most recently (an active source), if any. */
export async function shopifySourceFor(ctx: Ctx, customerId: string): Promise<string | null> {
  const chain = await customerChain(ctx, customerId);
  const [found] = await ctx.db
    .select({ id: orderSource.id })
    .from(order)
    .innerJoin(orderSource, eq(orderSource.id, order.sourceId))
    .where(and(inArray(order.customerId, chain), eq(orderSource.kind, 'shopify'), eq(orderSource.state, 'active')))
    .orderBy(desc(order.purchasedAt))
    .limit(1);
  return found?.id ?? null;
}

interface Granting {
  payload: GesturePayload;
  granter: { userId: string | null; label: string };
  approvedBy: string | null;
  approvalId: string | null;
}

/** Records the gesture on the locked case: its row, its timeline event, its audit line, its voucher push. */
export async function insertGesture(tx: Ctx, actor: Actor, caseRow: CaseListRow, g: Granting): Promise<GestureRow> {
  const now = tx.clock.now();
  const c = caseRow.c;
  const sourceId = g.payload.kind === 'voucher' ? await shopifySourceFor(tx, c.customerId) : null;
  const base = {
    id: uuidv7(now.getTime()),
    caseId: c.id,
    kind: g.payload.kind,
    costAmount: g.payload.cost,
    currency: g.payload.currency,
    points: g.payload.points ?? null,
    note: g.payload.note ?? null,
    grantedBy: g.granter.userId,
    grantedByLabel: g.granter.label,
    approvedBy: g.approvedBy,
    approvalId: g.approvalId,
    grantedAt: now,
    pushState: sourceId ? ('pending' as const) : ('none' as const),
    pushDetail: null,
    discountId: null,
    pushSourceId: sourceId,
  };
  let row: GestureRow | undefined;
  // A code already taken (one chance in 10^11) is drawn again, in a savepoint of its own.
  for (let attempt = 0; !row; attempt++) {
    const candidate: GestureRow = { ...base, voucherCode: g.payload.kind === 'voucher' ? newVoucherCode() : null };
    try {
      await inTransaction(tx, (sp) => sp.db.insert(gesture).values(candidate));
      row = candidate;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3 || candidate.voucherCode === null) throw error;
    }
  }
  const words = { fr: gestureWords(g.payload, g.payload.currency, 'fr'), en: gestureWords(g.payload, g.payload.currency, 'en') };
  await appendEvents(
    tx,
    c,
    [
      {
        type: 'gesture_granted',
        ...actorColumns(actor),
        visibility: 'internal',
        bodyText: g.payload.note ?? null,
        data: { gestureId: row.id, kind: row.kind, cost: row.costAmount, currency: row.currency, points: row.points, voucherCode: row.voucherCode, approvalId: row.approvalId, text: words },
      },
    ],
    now,
  );
  await recordAudit(tx, actor, {
    action: 'gesture.granted',
    targetType: 'gesture',
    targetId: row.id,
    details: { caseId: c.id, kind: row.kind, cost: row.costAmount, currency: row.currency, approvalId: row.approvalId, grantedBy: row.grantedBy },
  });
  if (sourceId) await tx.jobs.enqueue(tx.db, voucherPushJob, { gestureId: row.id });
  return row;
}

export type GrantOutcome = { outcome: 'granted'; gesture: GestureRow } | { outcome: 'approval_requested'; approval: ApprovalRow };

export async function grantGesture(ctx: Ctx, actor: Actor, caseId: string, input: GrantInput): Promise<GrantOutcome> {
  requirePermission(actor, 'cases.write');
  const { access } = await loadVisibleCase(ctx, actor, caseId);
  if (access !== 'full') throw forbidden('Only those who work this case grant gestures on it');
  checkGrantShape(input);
  return inTransaction(ctx, async (tx) => {
    const caseRow = (await lockCase(tx, caseId))!;
    const [limits, scale] = await Promise.all([currentSetting(tx, limitsSetting), currentSetting(tx, scaleSetting)]);
    const currency = limits.document.currency;
    if (scale.document.currency !== currency) throw conflict(`The authority limits count in ${currency} and the gesture scale in ${scale.document.currency}: an admin must make them agree`);
    if (input.severity) await setSeverityIn(tx, actor, caseId, input.severity);
    const cost = costOf(scale.document, input);
    await lockSpending(tx, actor.userId);
    const payload: GesturePayload = { kind: input.kind, amount: input.amount, points: input.points, note: input.note, cost, currency };
    const [month, onCase] = await Promise.all([spentThisMonth(tx, actor.userId, currency), spentOnCase(tx, caseId, currency)]);
    const verdict = checkAuthority(limits.document, { role: actor.role, storeIds: actor.scope.storeIds }, { kind: input.kind, amount: cost }, month, onCase);
    if (verdict.within) return { outcome: 'granted', gesture: await insertGesture(tx, actor, caseRow, { payload, granter: actor, approvedBy: null, approvalId: null }) };
    const approval = await createApprovalRequest(tx, actor, caseRow, {
      action: 'gesture',
      payload: payload as Record<string, unknown>,
      summary: { fr: `Geste commercial : ${gestureWords(payload, currency, 'fr')} (coût ${formatMoney(cost, currency, 'fr')})`, en: `Goodwill gesture: ${gestureWords(payload, currency, 'en')} (cost ${formatMoney(cost, currency, 'en')})` },
      amount: cost,
      currency,
      reasons: verdict.reasons,
    });
    return { outcome: 'approval_requested', approval };
  });
}

async function setSeverityIn(tx: Ctx, actor: Actor, caseId: string, severity: (typeof severities)[number]): Promise<void> {
  const now = tx.clock.now();
  await tx.db
    .insert(caseSeverity)
    .values({ caseId, severity, setBy: actor.userId, setAt: now })
    .onConflictDoUpdate({ target: caseSeverity.caseId, set: { severity, setBy: actor.userId, setAt: now } });
}

/** The severity the agent judged the case, for the scale (PUT …/gestures/severity). */
export async function setCaseSeverity(ctx: Ctx, actor: Actor, caseId: string, severity: (typeof severities)[number]): Promise<void> {
  requirePermission(actor, 'cases.write');
  const { access } = await loadVisibleCase(ctx, actor, caseId);
  if (access !== 'full') throw forbidden('Only those who work this case judge its severity');
  await setSeverityIn(ctx, actor, caseId, severity);
}

/** On approval: grants the gesture asked for, on the approver's authority. */
export const gestureExecutor: ApprovalExecutor<GesturePayload> = {
  action: 'gesture',
  payload: gesturePayload,
  async authorize({ tx, payload, approver, approval }) {
    const limits = (await currentSetting(tx, limitsSetting)).document;
    if (limits.currency !== payload.currency) throw new AppError('conflict', `The limits now count in ${limits.currency}, the request in ${payload.currency}`);
    await lockSpending(tx, approver.userId);
    const [month, onCase] = await Promise.all([spentThisMonth(tx, approver.userId, payload.currency), spentOnCase(tx, approval.caseId, payload.currency)]);
    return checkAuthority(limits, { role: approver.role, storeIds: approver.scope.storeIds }, { kind: payload.kind, amount: payload.cost }, month, onCase);
  },
  async execute({ tx, payload, approver, approval, caseRow }) {
    const row = await insertGesture(tx, approver, caseRow, {
      payload,
      granter: { userId: approval.requestedBy, label: approval.requestedByLabel },
      approvedBy: approver.userId,
      approvalId: approval.id,
    });
    return { gestureId: row.id, voucherCode: row.voucherCode };
  },
};
