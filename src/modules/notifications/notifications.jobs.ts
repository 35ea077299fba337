// The notifications module's background work: what it listens to (durable subscribers, whose
// jobs are written in the transaction of the change they answer) and who runs each job.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { fixedClock } from '../../platform/clock.ts';
import { queryRows, type Db } from '../../platform/db/database.ts';
import type { DomainEvent } from '../../domain-events.ts';
import type { DomainEvents } from '../../platform/events/domain-events.ts';
import type { JobRegistry } from '../../platform/jobs/registry.ts';
import { acknowledgeCase, acknowledgeJob, acknowledgeWithCase } from './acknowledgment.ts';
import { deliverJob, runDelivery } from './delivery.job.ts';
import { sendSlaMail, slaMailJob, slaMailOf } from './sla-mail.ts';
import { announceTimelineEvent, isCustomerNews, timelineNoticeJob } from './timeline-notices.ts';
import { disputeFlagJob, effortCheckJob } from '../disputes/disputes.jobs.ts';
import { closingJob } from '../surveys/closing.ts';

export function subscribeNotifications(events: DomainEvents<DomainEvent>, ctxFor: (db: Db) => Ctx): void {
  events
    // The acknowledgment is written with the case (acknowledgment.ts): its delivery job is
    // queued at once, behind no other work.
    .within('case.created', (db, e) => acknowledgeWithCase({ ...ctxFor(db), clock: fixedClock(new Date(e.at)) }, e.caseId))
    .on('case.timeline', timelineNoticeJob, (e) => ({ caseId: e.caseId, eventId: e.eventId }), isCustomerNews)
    .on('sla.warned', slaMailJob, slaMailOf, (e) => e.assigneeId !== null)
    .on('sla.breached', slaMailJob, slaMailOf, (e) => e.notifyLead && e.teamId !== null);
}

export function handleNotificationJobs(registry: JobRegistry<Ctx>): JobRegistry<Ctx> {
  return registry
    .handle(acknowledgeJob, async (p, ctx) => void (await acknowledgeCase(ctx, p.caseId)))
    .handle(timelineNoticeJob, (p, ctx) => announceTimelineEvent(ctx, p.caseId, p.eventId))
    .handle(deliverJob, (p, ctx, run) => runDelivery(ctx, p, run))
    .handle(slaMailJob, (p, ctx, run) => sendSlaMail(ctx, p, run));
}

/**
 * Drops the notifications still waiting for these cases, in the caller's transaction: for
 * history replayed after the fact (the demo), whose customers must not be written to now —
 * demo phone numbers are valid mobile numbers, someone's. The closing, dispute and effort
 * checks go too: what happened months ago is not flagged or announced today.
 */
export async function discardNotificationsOf(ctx: Ctx, caseIds: string[]): Promise<number> {
  if (caseIds.length === 0) return 0;
  const names = [acknowledgeJob, timelineNoticeJob, slaMailJob, closingJob, disputeFlagJob, effortCheckJob].map((j) => j.name);
  const rows = await queryRows<{ id: string }>(
    ctx.db,
    sql`DELETE FROM job WHERE state = 'pending' AND name = ANY(${sql.param(names)}::text[]) AND payload ->> 'caseId' = ANY(${sql.param(caseIds)}::text[]) RETURNING id`,
  );
  // Messages already written with their cases (acknowledgments) stay on the timeline, marked
  // as never sent.
  const held = await queryRows<{ id: string }>(
    ctx.db,
    sql`UPDATE message_delivery SET status = 'suppressed', detail = 'history replayed after the fact: not sent', updated_at = ${ctx.clock.now().toISOString()}
        WHERE status = 'queued' AND case_id = ANY(${sql.param(caseIds)}::uuid[]) RETURNING id`,
  );
  const deliveries = held.map((d) => d.id);
  const jobs = deliveries.length
    ? await queryRows<{ id: string }>(
        ctx.db,
        sql`DELETE FROM job WHERE state = 'pending' AND name = ${deliverJob.name} AND payload ->> 'deliveryId' = ANY(${sql.param(deliveries)}::text[]) RETURNING id`,
      )
    : [];
  return rows.length + jobs.length;
}
