// What comes next for a case whose return, exchange, repair or refund is running: its plan says
// it, where the steps list's order would only guess (after "Retour autorisé" comes the refund the
// return was started with, not the next step by position, "Avoir"). Read by the step messages
// (notifications/case-facts.ts) and the tracking page.
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { nextCaseStep, type StepKey } from './workflow.machine.ts';
import { workflow, workflowStep } from './workflows.schema.ts';

/** undefined: no workflow runs on the case (guess by position); null: it plans no other step. */
export async function plannedNextStep(ctx: Ctx, caseId: string, caseStepNow: string | null): Promise<string | null | undefined> {
  const rows = await ctx.db
    .select({ key: workflowStep.key, state: workflowStep.state, position: workflowStep.position })
    .from(workflow)
    .innerJoin(workflowStep, eq(workflowStep.workflowId, workflow.id))
    .where(and(eq(workflow.caseId, caseId), eq(workflow.state, 'running')))
    .orderBy(asc(workflowStep.position));
  if (rows.length === 0) return undefined;
  return nextCaseStep(rows.map((r) => ({ position: r.position, key: r.key as StepKey, state: r.state })), caseStepNow);
}
