// The workflows' background work: the job that runs each step needing no event.
import type { Ctx } from '../../context.ts';
import type { JobRegistry } from '../../platform/jobs/registry.ts';
import { advanceWorkflow, advanceWorkflowJob } from './workflow.driver.ts';

export function handleWorkflowJobs(registry: JobRegistry<Ctx>): JobRegistry<Ctx> {
  return registry.handle(advanceWorkflowJob, (p, ctx, run) => advanceWorkflow(ctx, p, run));
}
