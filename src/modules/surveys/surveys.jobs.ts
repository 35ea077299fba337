// The surveys module's background work: a status change queues the closing job (which sends
// only for a case that became solved), and the closing plans its follow-up check.
import type { Ctx } from '../../context.ts';
import type { DomainEvent } from '../../domain-events.ts';
import type { DomainEvents } from '../../platform/events/domain-events.ts';
import type { JobRegistry } from '../../platform/jobs/registry.ts';
import { closingJob, sendClosing } from './closing.ts';
import { followUpJob, sendFollowUp } from './follow-up.ts';

export function subscribeSurveys(events: DomainEvents<DomainEvent>): void {
  events.on('case.timeline', closingJob, (e) => ({ caseId: e.caseId, eventId: e.eventId }), (e) => e.eventType === 'status_changed');
}

export function handleSurveyJobs(registry: JobRegistry<Ctx>): JobRegistry<Ctx> {
  return registry
    .handle(closingJob, async (p, ctx) => void (await sendClosing(ctx, p.caseId, p.eventId)))
    .handle(followUpJob, async (p, ctx) => void (await sendFollowUp(ctx, p.caseId, p.solvedAt)));
}
