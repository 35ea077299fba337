// What the customer hears when their case moves: a step change becomes a step_update message
// ("Réparation : nous avons tout ce qu'il faut… Prochaine étape : …, prévue au plus tard
// le …"); an agent's public reply is delivered as it is, wrapped with the tracking link.
// Only changes made by people or by the case's progress are announced; the system's own
// messages never trigger another one (no loops).
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { jobType } from '../../platform/jobs/job-types.ts';
import { appUser } from '../access/access.schema.ts';
import { caseEvent } from '../cases/cases.schema.ts';
import type { DomainEvent } from '../../domain-events.ts';
import { caseVariables, loadCaseFacts, stepUpdateVariables } from './case-facts.ts';
import { composeMessage } from './compose.ts';
import { queueDelivery, sendAutomaticMessage } from './deliveries.ts';
import { addressesOfCase, chooseDestination } from './destination.ts';
import { templateChannelOf } from './notifications.contract.ts';
import { effectiveTemplate } from './templates.service.ts';

export const timelineNoticeJob = jobType('notifications.timeline', z.object({ caseId: z.uuid(), eventId: z.uuid() }), {
  retry: { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 10 * 60_000 },
  timeoutMs: 60_000,
});

type TimelineEvent = Extract<DomainEvent, { type: 'case.timeline' }>;

/** The timeline events the customer is told about. */
export function isCustomerNews(e: TimelineEvent): boolean {
  if (e.visibility !== 'public') return false;
  return e.eventType === 'step_changed' || (e.eventType === 'message_out' && e.actorType === 'user');
}

export async function announceTimelineEvent(ctx: Ctx, caseId: string, eventId: string): Promise<void> {
  const [event] = await ctx.db.select().from(caseEvent).where(and(eq(caseEvent.id, eventId), eq(caseEvent.caseId, caseId)));
  if (!event || event.visibility !== 'public') return;
  if (event.type === 'step_changed') return announceStep(ctx, event);
  if (event.type === 'message_out' && event.actorType === 'user') return deliverAgentReply(ctx, event);
}

type EventRow = typeof caseEvent.$inferSelect;

async function announceStep(ctx: Ctx, event: EventRow): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const facts = await loadCaseFacts(tx, event.caseId, { lock: true });
    if (!facts) return;
    const to = (event.data as { to?: string | null }).to ?? null;
    // Moved again since (or the step cleared): the latest change speaks for itself.
    if (!to || facts.step?.key !== to) return;
    const [done] = await tx.db
      .select({ id: caseEvent.id })
      .from(caseEvent)
      .where(and(eq(caseEvent.caseId, event.caseId), eq(caseEvent.type, 'message_out'), sql`${caseEvent.data} ->> 'announces' = ${event.id}`))
      .limit(1);
    if (done) return;
    const destination = chooseDestination(facts.c.notifyVia, facts.c.channel, await addressesOfCase(tx, facts.c));
    const language = facts.c.language;
    const channel = templateChannelOf(destination.channel);
    const template = await effectiveTemplate(tx, { key: 'step_update', channel, language });
    const message = composeMessage(template, channel, stepUpdateVariables(tx, facts, language));
    await sendAutomaticMessage(tx, facts.c, { kind: 'step_update', template: 'step_update', destination, message, language, data: { announces: event.id, step: to } });
  });
}

/** The agent's reply itself goes out: its delivery row is keyed on the reply's event id. */
async function deliverAgentReply(ctx: Ctx, event: EventRow): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const facts = await loadCaseFacts(tx, event.caseId);
    if (!facts) return;
    const [author] = event.actorUserId ? await tx.db.select({ name: appUser.name }).from(appUser).where(eq(appUser.id, event.actorUserId)) : [];
    // The customer's choice first, then the channel the agent answered on, then e-mail, SMS;
    // a channel the agent chose on purpose (data.replyOn) comes before the customer's choice.
    const chosen = typeof event.data.replyOn === 'string';
    const destination = chooseDestination(chosen ? null : facts.c.notifyVia, event.channel, await addressesOfCase(tx, facts.c), true);
    const language = facts.c.language;
    // A public reply (under a tweet, a comment) is posted as the agent wrote it: no greeting
    // template, and never the tracking link, which opens the case to whoever holds it.
    const inPublic = event.data.audience === 'public' && destination.channel === event.channel;
    const channel = templateChannelOf(destination.channel);
    const message = inPublic
      ? { subject: null, text: event.bodyText ?? '' }
      : composeMessage(await effectiveTemplate(tx, { key: 'agent_reply', channel, language }), channel, {
          ...caseVariables(tx, facts, language),
          message: event.bodyText ?? '',
          'agent.firstName': author?.name.split(/\s+/)[0] ?? '',
        });
    await queueDelivery(tx, { eventId: event.id, caseId: event.caseId, destination, message, language, automatic: false });
  });
}
