// What a workflow does to its case: every step change is an internal `workflow_step` event on
// the timeline, and the case's SAV step follows the workflow's current step (a public
// `step_changed`, so the tracking page and the step notifications follow as for an agent's
// change). A failed workflow tells the agent in charge (the bell).
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { invalid } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { commitChange } from '../cases/case-changes.ts';
import { loadCaseRow, type CaseListRow } from '../cases/cases.read.ts';
import { caseStep, savCase } from '../cases/cases.schema.ts';
import { actorColumns, type NewEvent } from '../cases/timeline.ts';
import { tellUsers } from '../disputes/tell-managers.ts';
import type { StepKey } from './workflow.machine.ts';
import type { StepState, WorkflowKind } from './workflows.contract.ts';

export interface StepChange {
  workflowId: string;
  kind: WorkflowKind;
  position: number;
  step: StepKey;
  state: StepState | 'completed' | 'cancelled';
  detail?: string | null;
  output?: Record<string, unknown>;
}

export async function loadCaseForWorkflow(ctx: Ctx, caseId: string): Promise<CaseListRow> {
  const row = await loadCaseRow(ctx, eq(savCase.id, caseId));
  if (!row) throw invalid('caseId', 'unknown case');
  return row;
}

/**
 * Writes the step changes on the timeline and, when `toStep` differs from the case's step,
 * moves the case there — one version bump, one transaction (the caller's). Returns the id of
 * the first workflow event (a failure's: what the agent's notification points to).
 */
export async function recordOnCase(tx: Ctx, actor: Actor, caseId: string, changes: StepChange[], toStep: string | null, now: Date): Promise<string | null> {
  const before = await loadCaseForWorkflow(tx, caseId);
  const by = actorColumns(actor);
  const events: NewEvent[] = changes.map((c) => ({
    type: 'workflow_step',
    ...by,
    visibility: 'internal',
    bodyText: c.detail ?? null,
    data: { workflowId: c.workflowId, kind: c.kind, position: c.position, step: c.step, state: c.state, ...(c.output ? { output: c.output } : {}) },
  }));
  const set: { stepId?: string | null } = {};
  if (toStep !== null && toStep !== before.stepKey) {
    const [target] = await tx.db.select({ id: caseStep.id }).from(caseStep).where(and(eq(caseStep.key, toStep), eq(caseStep.active, true)));
    // A step an admin switched off is not forced back: the case keeps its step, the timeline still says why.
    if (target) {
      set.stepId = target.id;
      events.push({ type: 'step_changed', ...by, visibility: 'public', data: { from: before.stepKey, to: toStep, workflowId: changes[0]?.workflowId ?? null } });
    }
  }
  if (events.length === 0) return null;
  const { events: written } = await commitChange(tx, before, set, events, now);
  return written.find((e) => e.type === 'workflow_step')?.id ?? null;
}

/** The bell for the agent in charge of the case, else for whoever started the workflow. */
export async function tellAgent(tx: Ctx, caseId: string, startedBy: string | null, eventId: string): Promise<void> {
  const c = await loadCaseForWorkflow(tx, caseId);
  const who = c.c.assigneeId ?? startedBy;
  if (!who) return;
  await tellUsers(tx, [who], 'workflow', { id: c.c.id, brandId: c.c.brandId, storeId: c.c.storeId, teamId: c.c.teamId }, eventId);
}
