// The workflows' use cases: start one on a case, list a case's, apply an event to the
// current step, cancel. Starting writes the workflow, its steps, the case's new step and the
// first job in one transaction (the caller's when given one: an approval executor starts a
// refund inside its own). The refund amount (workflowCost) is pure, for authority checks.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, conflict, forbidden, invalid, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { t } from '../../platform/i18n/i18n.ts';
import { uuidv7 } from '../../platform/ids.ts';
import './workflow.words.ts';
import { caseAccess } from '../access/access.policy.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { loadVisibleCase } from '../cases/cases.read.ts';
import { store } from '../org/org.schema.ts';
import { enterStep, loadLocked, progress, unwind, type StepRow } from './workflow.driver.ts';
import { applyEventEffect, type WorkflowRow } from './workflow.effects.ts';
import { recordOnCase } from './workflow.case.ts';
import { applyEvent, planSteps, steps as definitions, type StepKey } from './workflow.machine.ts';
import { workflowStartBody, type WorkflowDto, type WorkflowEventInput, type WorkflowStartInput } from './workflows.contract.ts';
import { refund, returnAuthorisation, workflow, workflowStep } from './workflows.schema.ts';

export { workflowCost } from './workflow.machine.ts';

/** The case, for a change by `actor`: cases.write and full access (its store's staff, or the brand's agents). */
async function caseForChange(ctx: Ctx, actor: Actor, caseId: string) {
  requirePermission(actor, 'cases.write');
  const { row, access } = await loadVisibleCase(ctx, actor, caseId);
  if (access !== 'full') throw forbidden('This case belongs to another store: you can read its history, not change it');
  return row;
}

async function checkStore(ctx: Ctx, actor: Actor, brandId: string, storeId: string): Promise<void> {
  const [s] = await ctx.db.select().from(store).where(eq(store.id, storeId));
  if (!s || !s.active) throw invalid('storeId', 'unknown or inactive store');
  if (s.brandId !== brandId) throw invalid('storeId', 'belongs to another brand');
  if (s.kind !== 'store') throw invalid('storeId', `is a ${s.kind}, not a store customers can walk into`);
  if (caseAccess(actor.scope, { brandId: s.brandId, storeId: s.id }) !== 'full') throw forbidden('You can only choose one of your stores');
}

export async function startWorkflow(ctx: Ctx, actor: Actor, caseId: string, input: WorkflowStartInput): Promise<WorkflowDto> {
  const parsed = workflowStartBody.safeParse(input);
  if (!parsed.success) throw new AppError('validation_failed', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const start = parsed.data;
  const row = await caseForChange(ctx, actor, caseId);
  if (row.c.status === 'closed') throw conflict('The case is closed: open a new case to start a workflow');
  if (start.kind === 'return' && start.mode === 'drop_off' && !start.storeId) throw invalid('storeId', 'a drop-off needs the store the customer brings the product to');
  if ((start.kind === 'return' || start.kind === 'exchange_in_store') && start.storeId) await checkStore(ctx, actor, row.c.brandId, start.storeId);
  const now = ctx.clock.now();
  const id = uuidv7(now.getTime());
  const keys = planSteps(start);
  try {
    await inTransaction(ctx, async (tx) => {
      const [running] = await tx.db.select({ id: workflow.id, kind: workflow.kind }).from(workflow).where(and(eq(workflow.caseId, caseId), eq(workflow.state, 'running')));
      if (running) throw conflict(`A ${running.kind} workflow is already running on this case: finish or cancel it first`, { workflowId: running.id });
      const wf: WorkflowRow = {
        id,
        caseId,
        kind: start.kind,
        state: 'running',
        input: start,
        stepBefore: row.stepKey,
        failure: null,
        startedBy: actor.userId,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await tx.db.insert(workflow).values(wf);
      const list: StepRow[] = keys.map((key, i) => ({ workflowId: id, position: i + 1, key, state: i === 0 ? 'current' : 'pending', output: {}, detail: null, startedAt: i === 0 ? now : null, doneAt: null, undoneAt: null }));
      await tx.db.insert(workflowStep).values(list);
      const first = list[0]!;
      await recordOnCase(tx, actor, caseId, [{ workflowId: id, kind: start.kind, position: 1, step: first.key, state: 'current' }], definitions[first.key].caseStep, now);
      await enterStep(tx, wf, first);
    });
  } catch (error) {
    // Two starts at once: the one-running-workflow-per-case index lets one through.
    if (isUniqueViolation(error, 'workflow_case_running_key')) throw conflict('A workflow is already running on this case: finish or cancel it first');
    throw error;
  }
  return getWorkflow(ctx, actor, id);
}

async function loadWorkflowFor(ctx: Ctx, actor: Actor, id: string, change: boolean): Promise<WorkflowRow> {
  const [wf] = await ctx.db.select().from(workflow).where(eq(workflow.id, id));
  if (!wf) throw notFound('workflow', id);
  try {
    if (change) await caseForChange(ctx, actor, wf.caseId);
    else {
      requirePermission(actor, 'cases.read');
      await loadVisibleCase(ctx, actor, wf.caseId);
    }
  } catch (error) {
    // A workflow of a case the actor cannot see does not exist for them.
    if (error instanceof AppError && error.code === 'not_found') throw notFound('workflow', id);
    throw error;
  }
  return wf;
}

export async function postWorkflowEvent(ctx: Ctx, actor: Actor, id: string, event: WorkflowEventInput): Promise<WorkflowDto> {
  await loadWorkflowFor(ctx, actor, id, true);
  await inTransaction(ctx, async (tx) => {
    const loaded = await loadLocked(tx, id);
    if (!loaded) throw notFound('workflow', id);
    const { wf, steps: list } = loaded;
    const outcome = applyEvent(list, event);
    if (outcome.kind === 'replayed') return;
    if (outcome.kind === 'refused') throw conflict(outcome.reason, { state: wf.state });
    const current = list.find((s) => s.state === 'current')!;
    if (outcome.kind === 'fail') {
      const said = t(actor.language, `workflows.fail.${outcome.because}`);
      await unwind(tx, actor, wf, list, current.position, outcome.note ? t(actor.language, 'workflows.fail.withNote', { what: said, note: outcome.note }) : said, 'failed');
      return;
    }
    const effect = await applyEventEffect(tx, wf, current.key, event);
    await progress(tx, actor, wf, list, current.position, { ...outcome.output, ...effect }, { ...(outcome.skip ? { skip: outcome.skip } : {}), ...(outcome.replaceRest ? { replaceRest: outcome.replaceRest } : {}) });
  });
  return getWorkflow(ctx, actor, id);
}

export async function cancelWorkflow(ctx: Ctx, actor: Actor, id: string, reason: string | undefined): Promise<WorkflowDto> {
  await loadWorkflowFor(ctx, actor, id, true);
  await inTransaction(ctx, async (tx) => {
    const loaded = await loadLocked(tx, id);
    if (!loaded) throw notFound('workflow', id);
    if (loaded.wf.state !== 'running') throw conflict(`The workflow is ${loaded.wf.state}: there is nothing to cancel`);
    const current = loaded.steps.find((s) => s.state === 'current') ?? null;
    await unwind(tx, actor, loaded.wf, loaded.steps, current?.position ?? null, reason ?? t(actor.language, 'workflows.cancelledBy', { who: actor.label }), 'cancelled');
  });
  return getWorkflow(ctx, actor, id);
}

export async function getWorkflow(ctx: Ctx, actor: Actor, id: string): Promise<WorkflowDto> {
  const wf = await loadWorkflowFor(ctx, actor, id, false);
  const [dto] = await present(ctx, [wf]);
  return dto!;
}

export async function listWorkflows(ctx: Ctx, actor: Actor, caseId: string): Promise<{ items: WorkflowDto[] }> {
  requirePermission(actor, 'cases.read');
  await loadVisibleCase(ctx, actor, caseId);
  const rows = await ctx.db.select().from(workflow).where(eq(workflow.caseId, caseId)).orderBy(desc(workflow.createdAt), desc(workflow.id));
  return { items: await present(ctx, rows) };
}

export async function present(ctx: Ctx, rows: WorkflowRow[]): Promise<WorkflowDto[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const stepRows = await ctx.db.select().from(workflowStep).where(inArray(workflowStep.workflowId, ids)).orderBy(asc(workflowStep.position));
  const rmas = await ctx.db.select({ r: returnAuthorisation, storeName: store.name }).from(returnAuthorisation).leftJoin(store, eq(store.id, returnAuthorisation.storeId)).where(inArray(returnAuthorisation.workflowId, ids));
  const refunds = await ctx.db.select().from(refund).where(inArray(refund.workflowId, ids));
  return rows.map((wf) => {
    const rma = rmas.find((x) => x.r.workflowId === wf.id);
    const money = refunds.find((x) => x.workflowId === wf.id);
    return {
      id: wf.id,
      caseId: wf.caseId,
      kind: wf.kind,
      state: wf.state,
      input: wf.input as unknown as Record<string, unknown>,
      failure: wf.failure,
      steps: stepRows
        .filter((s) => s.workflowId === wf.id)
        .map((s) => ({
          position: s.position,
          key: s.key,
          state: s.state,
          waitsFor: [...(definitions[s.key as StepKey]?.waitsFor ?? [])],
          output: s.output,
          detail: s.detail,
          startedAt: s.startedAt?.toISOString() ?? null,
          doneAt: s.doneAt?.toISOString() ?? null,
          undoneAt: s.undoneAt?.toISOString() ?? null,
        })),
      rma: rma
        ? {
            number: rma.r.number,
            mode: rma.r.mode,
            state: rma.r.state,
            storeId: rma.r.storeId,
            storeName: rma.storeName,
            labelUrl: rma.r.labelIssuedAt && !rma.r.labelVoidedAt ? `/api/v1/workflows/${wf.id}/return-label.pdf` : null,
          }
        : null,
      refund: money
        ? {
            kind: money.kind,
            method: money.method,
            state: money.state,
            number: money.number,
            amount: money.amount,
            currency: money.currency,
            dueBy: money.dueBy,
            creditNoteUrl: money.kind === 'credit_note' ? `/api/v1/workflows/${wf.id}/credit-note.pdf` : null,
          }
        : null,
      createdAt: wf.createdAt.toISOString(),
      updatedAt: wf.updatedAt.toISOString(),
    };
  });
}
