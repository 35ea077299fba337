// Every job handler, schedule and durable event subscriber, registered once. A new background
// task is declared in its module (<module>.jobs.ts) and wired here.
import type { Ctx } from './context.ts';
import type { Db } from './platform/db/database.ts';
import type { DomainEvent } from './domain-events.ts';
import type { DomainEvents } from './platform/events/domain-events.ts';
import { JobRegistry } from './platform/jobs/registry.ts';
import type { Schedule } from './platform/jobs/scheduler.ts';
import { housekeepingJob, runHousekeeping } from './housekeeping.ts';
import { handleNotificationJobs, subscribeNotifications } from './modules/notifications/notifications.jobs.ts';
import { runSlaSweep, slaSweepJob } from './modules/sla/sla.sweep.ts';
import { processInbound } from './channels/inbound/inbound.process.ts';
import { processInboundJob } from './channels/inbound/inbound.store.ts';
import { accountFailingJob, tellAdminsAccountFailing } from './channels/accounts/account-alerts.ts';
import { sendTranscript, transcriptJob } from './channels/chat/chat.transcript.ts';
import { commerceSchedules, handleCommerceJobs } from './modules/commerce/commerce.jobs.ts';
import { handleDisputeJobs, subscribeDisputes } from './modules/disputes/disputes.jobs.ts';
import { handleSurveyJobs, subscribeSurveys } from './modules/surveys/surveys.jobs.ts';
import { handleGestureJobs } from './modules/gestures/gestures.jobs.ts';
import { importOrdersJob } from './modules/commerce/import/import.jobs.ts';
import { runImport } from './modules/commerce/import/import-run.ts';
import { handleWorkflowJobs } from './modules/workflows/workflows.jobs.ts';

export function buildJobRegistry(): JobRegistry<Ctx> {
  const registry = new JobRegistry<Ctx>()
    .handle(housekeepingJob, (_payload, ctx) => runHousekeeping(ctx))
    .handle(slaSweepJob, async (_payload, ctx) => void (await runSlaSweep(ctx)))
    .handle(processInboundJob, async (p, ctx, run) => void (await processInbound(ctx, p.id, run)))
    .handle(accountFailingJob, (p, ctx) => tellAdminsAccountFailing(ctx, p))
    .handle(transcriptJob, async (p, ctx) => void (await sendTranscript(ctx, p.conversationId)))
    .handle(importOrdersJob, (p, ctx, run) => runImport(ctx, p.importId, run));
  return handleGestureJobs(handleWorkflowJobs(handleSurveyJobs(handleDisputeJobs(handleCommerceJobs(handleNotificationJobs(registry))))));
}

/**
 * The durable subscribers: each domain event they listen to enqueues their job in its
 * transaction (or, for `within`, runs in it); `ctxFor` gives them a context on that transaction.
 */
export function registerSubscribers(events: DomainEvents<DomainEvent>, ctxFor: (db: Db) => Ctx): DomainEvents<DomainEvent> {
  subscribeNotifications(events, ctxFor);
  subscribeDisputes(events, ctxFor);
  subscribeSurveys(events);
  return events;
}

export function buildSchedules(timezone: string): Schedule[] {
  return [
    { name: 'housekeeping', cron: '17 * * * *', timezone, job: housekeepingJob, payload: {} } as Schedule,
    // Warnings and breaches are recorded to the minute.
    { name: 'sla-sweep', cron: '* * * * *', timezone, job: slaSweepJob, payload: {} } as Schedule,
    ...commerceSchedules(timezone),
  ];
}
