// Driving a workflow: a job runs each step that needs no event (enqueued in the transaction
// that made the step current: the outbox), an event completes a waiting step, and a step that
// fails for good — a rejection, or a temporary error still there after the job's last retry —
// undoes the completed steps in reverse order, puts the case back on the step it had before
// the workflow, and tells the agent. Every change locks the workflow row first, so a job
// and an agent's click never move the same workflow at once.
import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { asProviderError } from '../../channels/provider-errors.ts';
import { t } from '../../platform/i18n/i18n.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { jobType } from '../../platform/jobs/job-types.ts';
import type { JobRun } from '../../platform/jobs/registry.ts';
import { systemActor, type Actor } from '../access/actor.ts';
import { caseOrderLine, order, orderLine, orderSource } from '../commerce/commerce.schema.ts';
import { shopifyClientFor } from '../commerce/shopify/shopify.backfill.ts';
import { createShopifyRefund } from '../commerce/shopify/shopify.refunds.ts';
import { amountToPay, recordFinanceRefund, runStep, StepFailure, undoStep, type StepOutputs, type WorkflowRow } from './workflow.effects.ts';
import { loadCaseForWorkflow, recordOnCase, tellAgent, type StepChange } from './workflow.case.ts';
import { branchSteps, completeStep, compensationOrder, isAutomatic, steps as definitions, type StepKey } from './workflow.machine.ts';
import { refund, workflow, workflowStep } from './workflows.schema.ts';

export type StepRow = Omit<typeof workflowStep.$inferSelect, 'key'> & { key: StepKey };

export const advanceWorkflowJob = jobType('workflow.advance', z.object({ workflowId: z.uuid(), position: z.number().int() }), {
  retry: { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 10 * 60_000 },
});

export async function loadLocked(tx: Ctx, workflowId: string): Promise<{ wf: WorkflowRow; steps: StepRow[] } | null> {
  const [wf] = await tx.db.select().from(workflow).where(eq(workflow.id, workflowId)).for('update');
  if (!wf) return null;
  const list = (await tx.db.select().from(workflowStep).where(eq(workflowStep.workflowId, workflowId)).orderBy(asc(workflowStep.position))) as StepRow[];
  return { wf, steps: list };
}

export const outputsOf = (list: readonly StepRow[]): StepOutputs => Object.fromEntries(list.filter((s) => s.state === 'done').map((s) => [s.key, s.output]));

async function saveSteps(tx: Ctx, before: readonly StepRow[], after: readonly StepRow[]): Promise<void> {
  for (const s of after) {
    const old = before.find((b) => b.position === s.position);
    if (old && old.state === s.state && old.output === s.output && old.detail === s.detail) continue;
    await tx.db
      .insert(workflowStep)
      .values(s)
      .onConflictDoUpdate({ target: [workflowStep.workflowId, workflowStep.position], set: { state: s.state, output: s.output, detail: s.detail, startedAt: s.startedAt, doneAt: s.doneAt, undoneAt: s.undoneAt } });
  }
}

async function saveWorkflow(tx: Ctx, wf: WorkflowRow, set: Partial<WorkflowRow>, now: Date): Promise<void> {
  await tx.db.update(workflow).set({ ...set, version: wf.version + 1, updatedAt: now }).where(eq(workflow.id, wf.id));
}

const change = (wf: WorkflowRow, s: StepRow, state: StepChange['state'], detail?: string | null): StepChange => ({
  workflowId: wf.id,
  kind: wf.kind,
  position: s.position,
  step: s.key,
  state,
  detail: detail ?? null,
  ...(state === 'done' && Object.keys(s.output).length ? { output: s.output } : {}),
});

/** Makes `step` current (a new workflow, or the next step): the case moves, a job runs it when it needs no event. */
export async function enterStep(tx: Ctx, wf: WorkflowRow, step: StepRow): Promise<void> {
  if (isAutomatic(step.key)) await tx.jobs.enqueue(tx.db, advanceWorkflowJob, { workflowId: wf.id, position: step.position });
}

/** The current step is done with `output`; the next one becomes current (or the workflow completes). */
export async function progress(
  tx: Ctx,
  actor: Actor,
  wf: WorkflowRow,
  list: StepRow[],
  position: number,
  output: Record<string, unknown>,
  branch: { skip?: StepKey[]; replaceRest?: StepKey[] } = {},
): Promise<void> {
  const now = tx.clock.now();
  let next = list.map((s) => (s.position === position ? { ...s, output: { ...s.output, ...output }, doneAt: now } : s));
  if (branch.skip) next = next.map((s) => (s.position > position && s.state === 'pending' && branch.skip!.includes(s.key) ? { ...s, state: 'skipped' as const, detail: t(actor.language, 'workflows.skip.notNeeded') } : s));
  if (branch.replaceRest) {
    next = branchSteps(next, position, branch.replaceRest, (key, p) => ({ workflowId: wf.id, position: p, key, state: 'pending', output: {}, detail: null, startedAt: null, doneAt: null, undoneAt: null }));
  }
  const moved = completeStep(next, position);
  const after = moved.steps.map((s) => (moved.next && s.position === moved.next.position ? { ...s, startedAt: now } : s));
  await saveSteps(tx, list, after);
  const done = after.find((s) => s.position === position)!;
  const changes: StepChange[] = [change(wf, done, 'done')];
  for (const s of after) if (s.state === 'skipped' && list.find((b) => b.position === s.position)?.state !== 'skipped') changes.push(change(wf, s, 'skipped', s.detail));
  if (moved.completed) {
    await saveWorkflow(tx, wf, { state: 'completed' }, now);
    changes.push({ workflowId: wf.id, kind: wf.kind, position, step: done.key, state: 'completed' });
    await recordOnCase(tx, actor, wf.caseId, changes, null, now);
    return;
  }
  const current = after.find((s) => s.position === moved.next!.position)!;
  changes.push(change(wf, current, 'current'));
  await saveWorkflow(tx, wf, {}, now);
  await recordOnCase(tx, actor, wf.caseId, changes, definitions[current.key].caseStep, now);
  await enterStep(tx, wf, current);
}

/**
 * Ends a workflow that cannot go on: the failed step (none for a cancel) is marked, the done
 * steps with an effect are undone last first, the steps not reached are skipped, the case goes
 * back to its step before the workflow, and the agent is told.
 */
export async function unwind(tx: Ctx, actor: Actor, wf: WorkflowRow, list: StepRow[], failedPosition: number | null, reason: string, end: 'failed' | 'cancelled'): Promise<void> {
  const now = tx.clock.now();
  const changes: StepChange[] = [];
  let after = list.map((s) => (s.position === failedPosition ? { ...s, state: 'failed' as const, detail: reason } : s));
  const failed = after.find((s) => s.position === failedPosition);
  if (failed) changes.push(change(wf, failed, 'failed', reason));
  for (const s of compensationOrder(after)) {
    const said = await undoStep(tx, wf, s.key, actor.language);
    after = after.map((x) => (x.position === s.position ? { ...x, state: 'undone' as const, undoneAt: now, detail: said } : x));
    changes.push(change(wf, { ...s, state: 'undone' }, 'undone', said));
  }
  after = after.map((s) => (s.state === 'pending' || s.state === 'current' ? { ...s, state: 'skipped' as const, detail: t(actor.language, end === 'cancelled' ? 'workflows.skip.cancelled' : 'workflows.skip.notReached') } : s));
  await saveSteps(tx, list, after);
  await saveWorkflow(tx, wf, { state: end, failure: reason }, now);
  if (end === 'cancelled') changes.push({ workflowId: wf.id, kind: wf.kind, position: failedPosition ?? 0, step: (failed ?? list[0]!).key, state: 'cancelled', detail: reason });
  const eventId = await recordOnCase(tx, actor, wf.caseId, changes, wf.stepBefore ?? 'intake', now);
  if (eventId && end === 'failed') await tellAgent(tx, wf.caseId, wf.startedBy, eventId);
}

interface ShopifyTarget {
  source: typeof orderSource.$inferSelect;
  orderGid: string;
  orderId: string;
  gateway: string;
}

/** The Shopify order the case's purchase is, when its shop gave us an access token. */
async function shopifyOrderOf(tx: Ctx, caseId: string): Promise<ShopifyTarget | null> {
  const [found] = await tx.db
    .select({ source: orderSource, order })
    .from(caseOrderLine)
    .innerJoin(orderLine, eq(orderLine.id, caseOrderLine.orderLineId))
    .innerJoin(order, eq(order.id, orderLine.orderId))
    .innerJoin(orderSource, eq(orderSource.id, order.sourceId))
    .where(eq(caseOrderLine.caseId, caseId))
    .orderBy(desc(caseOrderLine.linkedAt))
    .limit(1);
  if (!found || found.source.kind !== 'shopify' || found.source.state === 'disabled') return null;
  if (!shopifyClientFor(tx, found.source)) return null;
  return { source: found.source, orderGid: found.order.externalId, orderId: found.order.id, gateway: found.order.paymentMethod ?? 'manual' };
}

type Pending = { kind: 'shopify'; target: ShopifyTarget; refundId: string; amount: number; currency: string; caseNumber: string };

/** The job: runs the step at `position` if it is still the current one (a replayed job does nothing). */
export async function advanceWorkflow(ctx: Ctx, payload: { workflowId: string; position: number }, run: Pick<JobRun, 'attempt' | 'maxAttempts'>): Promise<void> {
  const actor = systemActor('workflows');
  const pending = await inTransaction(ctx, async (tx): Promise<Pending | null> => {
    const loaded = await loadLocked(tx, payload.workflowId);
    if (!loaded || loaded.wf.state !== 'running') return null;
    const { wf, steps: list } = loaded;
    const step = list.find((s) => s.position === payload.position);
    if (!step || step.state !== 'current' || !isAutomatic(step.key)) return null;
    if (step.key === 'refund') {
      const target = await shopifyOrderOf(tx, wf.caseId);
      if (target) return openShopifyRefund(tx, wf, list, target);
    }
    try {
      const output = step.key === 'refund' ? await recordFinanceRefund(tx, wf, outputsOf(list)) : await runStep(tx, wf, step.key, outputsOf(list), actor.language);
      await progress(tx, actor, wf, list, step.position, output);
    } catch (error) {
      if (!(error instanceof StepFailure)) throw error;
      await unwind(tx, actor, wf, list, step.position, error.message, 'failed');
    }
    return null;
  });
  if (pending) await finishShopifyRefund(ctx, actor, payload, pending, run);
}

/** The refund row, written (and committed) before Shopify is asked: a retry finds it. */
async function openShopifyRefund(tx: Ctx, wf: WorkflowRow, list: StepRow[], target: ShopifyTarget): Promise<Pending> {
  const now = tx.clock.now();
  const money = amountToPay(wf, outputsOf(list));
  const [existing] = await tx.db.select().from(refund).where(eq(refund.workflowId, wf.id));
  const id = existing?.id ?? uuidv7(now.getTime());
  if (!existing) {
    await tx.db
      .insert(refund)
      .values({ id, workflowId: wf.id, caseId: wf.caseId, kind: 'refund', method: 'shopify', state: 'pending', amount: money.amount, currency: money.currency, orderId: target.orderId, createdAt: now, updatedAt: now });
  }
  const c = await loadCaseForWorkflow(tx, wf.caseId);
  return { kind: 'shopify', target, refundId: id, amount: existing?.amount ?? money.amount, currency: existing?.currency ?? money.currency, caseNumber: c.c.number };
}

async function finishShopifyRefund(ctx: Ctx, actor: Actor, payload: { workflowId: string; position: number }, p: Pending, run: Pick<JobRun, 'attempt' | 'maxAttempts'>): Promise<void> {
  let providerRefundId: string;
  try {
    const client = shopifyClientFor(ctx, p.target.source)!;
    const made = await createShopifyRefund(client, { orderGid: p.target.orderGid, gateway: p.target.gateway, amount: p.amount, currency: p.currency, reference: p.refundId, note: `SAV ${p.caseNumber}` });
    providerRefundId = made.refundId;
  } catch (error) {
    const failure = asProviderError(error);
    // A temporary error (throttled, Shopify down) is retried by the job; at the last attempt it counts as a failure.
    if (failure.code === 'temporary' && run.attempt < run.maxAttempts) throw failure;
    await inTransaction(ctx, async (tx) => {
      const loaded = await loadLocked(tx, payload.workflowId);
      const step = loaded?.steps.find((s) => s.position === payload.position);
      if (!loaded || loaded.wf.state !== 'running' || step?.state !== 'current') return;
      await tx.db.update(refund).set({ state: 'failed', detail: failure.detail, updatedAt: tx.clock.now() }).where(eq(refund.id, p.refundId));
      await unwind(tx, actor, loaded.wf, loaded.steps, payload.position, `Shopify refused the refund — ${failure.detail}`, 'failed');
    });
    return;
  }
  await inTransaction(ctx, async (tx) => {
    const loaded = await loadLocked(tx, payload.workflowId);
    const step = loaded?.steps.find((s) => s.position === payload.position);
    await tx.db.update(refund).set({ state: 'refunded', providerRefundId, detail: null, updatedAt: tx.clock.now() }).where(eq(refund.id, p.refundId));
    if (!loaded || loaded.wf.state !== 'running' || step?.state !== 'current') return;
    await progress(tx, actor, loaded.wf, loaded.steps, payload.position, { refundId: p.refundId, method: 'shopify', state: 'refunded', providerRefundId });
  });
}
