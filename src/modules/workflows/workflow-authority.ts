// Who may start a workflow that gives the customer money or goods without asking a manager:
// the authority limits of src/modules/gestures, applied to the remedy the workflow grants — a
// refund (a refund, a return settled by refund, a credit note) or an exchange in store (worth
// the price of the purchase it replaces). A repair costs the customer nothing and needs no one's
// yes. Within the limits the workflow starts at once; beyond them the start becomes an approval
// request, and the `workflow` executor below starts it, in the decision's own transaction, once
// a manager approves. A refund owed under the rulebook is not a goodwill gesture: it is bounded
// per case and per month by the limits but does not spend the granter's monthly budget.
import { desc, eq } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { forbidden } from '../../platform/errors.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { loadVisibleCase, type CaseListRow } from '../cases/cases.read.ts';
import { caseOrderLine, order, orderLine } from '../commerce/commerce.schema.ts';
import { lockCase } from '../disputes/case-lock.ts';
import { createApprovalRequest, type ApprovalRow } from '../gestures/approval-request.ts';
import type { ApprovalExecutor } from '../gestures/approvals.actions.ts';
import { checkAuthority, effectiveLimit, type AuthorityVerdict } from '../gestures/authority.ts';
import { formatMoney } from '../gestures/gesture-scale.ts';
import { currentSetting, limitsSetting } from '../gestures/gesture-settings.service.ts';
import type { GestureKind } from '../gestures/gestures.contract.ts';
import { workflowCost } from './workflow.machine.ts';
import { workflowStartBody, type WorkflowDto, type WorkflowStartInput } from './workflows.contract.ts';
import { startWorkflow } from './workflows.service.ts';

/** What the workflow grants, for the limits: its kind and what it costs. Null: nothing to authorise. */
export interface Remedy {
  kind: Extract<GestureKind, 'refund' | 'exchange'>;
  amount: number;
  currency: string;
}

async function remedyOf(ctx: Ctx, caseId: string, input: WorkflowStartInput): Promise<Remedy | null> {
  const cost = workflowCost(input);
  if (cost) return { kind: 'refund', ...cost };
  if (input.kind === 'credit_note') return { kind: 'refund', ...input.amount };
  if (input.kind !== 'exchange_in_store') return null;
  // The exchange is worth what the customer paid for the purchase it replaces (the line linked last).
  const [line] = await ctx.db
    .select({ amount: orderLine.unitPriceAmount, currency: order.currency })
    .from(caseOrderLine)
    .innerJoin(orderLine, eq(orderLine.id, caseOrderLine.orderLineId))
    .innerJoin(order, eq(order.id, orderLine.orderId))
    .where(eq(caseOrderLine.caseId, caseId))
    .orderBy(desc(caseOrderLine.linkedAt))
    .limit(1);
  return { kind: 'exchange', amount: line?.amount ?? 0, currency: line?.currency ?? '' };
}

/**
 * The actor's authority over the remedy. Limits count in one currency; a remedy in another is
 * beyond every budget but an unlimited one (an admin's by default), since no rate is known here.
 */
async function authorityOver(ctx: Ctx, actor: Actor, remedy: Remedy): Promise<AuthorityVerdict> {
  const limits = (await currentSetting(ctx, limitsSetting)).document;
  const who = { role: actor.role, storeIds: actor.scope.storeIds };
  if (remedy.currency && remedy.currency !== limits.currency && remedy.amount > 0) {
    const limit = effectiveLimit(limits, who);
    const unlimited = limit.perCase === null && limit.perMonth === null && limit.kinds[remedy.kind]?.max === null;
    return unlimited ? { within: true } : { within: false, reasons: ['other_currency'] };
  }
  return checkAuthority(limits, who, { kind: remedy.kind, amount: remedy.amount }, 0, 0);
}

export type WorkflowStartOutcome = { outcome: 'started'; workflow: WorkflowDto } | { outcome: 'approval_requested'; approval: ApprovalRow };

const words: Record<WorkflowStartInput['kind'], { fr: string; en: string }> = {
  return: { fr: 'Retour avec remboursement', en: 'Return with a refund' },
  exchange_in_store: { fr: 'Échange en magasin', en: 'Exchange in store' },
  repair: { fr: 'Réparation', en: 'Repair' },
  refund: { fr: 'Remboursement', en: 'Refund' },
  credit_note: { fr: 'Avoir', en: 'Credit note' },
};

function summaryOf(input: WorkflowStartInput, remedy: Remedy): { fr: string; en: string } {
  const what = words[input.kind];
  if (!remedy.amount) return what;
  return { fr: `${what.fr} de ${formatMoney(remedy.amount, remedy.currency, 'fr')}`, en: `${what.en} of ${formatMoney(remedy.amount, remedy.currency, 'en')}` };
}

/** Starts the workflow when the actor may grant what it gives; else asks the managers in scope. */
export async function startOrAskApproval(ctx: Ctx, actor: Actor, caseId: string, input: WorkflowStartInput): Promise<WorkflowStartOutcome> {
  requirePermission(actor, 'cases.write');
  const { access } = await loadVisibleCase(ctx, actor, caseId);
  if (access !== 'full') throw forbidden('This case belongs to another store: you can read its history, not change it');
  const remedy = await remedyOf(ctx, caseId, input);
  const verdict = remedy ? await authorityOver(ctx, actor, remedy) : ({ within: true } as const);
  if (verdict.within) return { outcome: 'started', workflow: await startWorkflow(ctx, actor, caseId, input) };
  return inTransaction(ctx, async (tx) => {
    const caseRow = (await lockCase(tx, caseId)) as CaseListRow;
    const approval = await createApprovalRequest(tx, actor, caseRow, {
      action: 'workflow',
      payload: input as unknown as Record<string, unknown>,
      summary: summaryOf(input, remedy!),
      amount: remedy!.amount || null,
      currency: remedy!.currency || null,
      reasons: verdict.reasons,
      policyRequest: 'request' in input && input.request ? input.request : 'defect',
    });
    return { outcome: 'approval_requested', approval };
  });
}

/** On approval: starts the workflow asked for, on the approver's authority, in the decision's transaction. */
export const workflowExecutor: ApprovalExecutor<WorkflowStartInput> = {
  action: 'workflow',
  payload: workflowStartBody,
  async authorize({ tx, payload, approver, approval }) {
    const remedy = await remedyOf(tx, approval.caseId, payload);
    return remedy ? authorityOver(tx, approver, remedy) : { within: true };
  },
  async execute({ tx, payload, approver, approval }) {
    const started = await startWorkflow(tx, approver, approval.caseId, payload);
    return { workflowId: started.id, kind: started.kind };
  },
};
