// The disputes module's background work. Every turn of a conversation (a customer's message
// on any channel, an agent's public reply) is screened inside the transaction that records
// it, with one read: a customer message with dispute words queues the flag job; a case whose
// message counters reach the effort threshold queues the effort check. The other messages —
// nearly all of them — cost no job at all.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../platform/db/database.ts';
import { eachCall, preparedEach } from '../../platform/db/prepared.ts';
import type { DomainEvent } from '../../domain-events.ts';
import type { DomainEvents } from '../../platform/events/domain-events.ts';
import { jobType } from '../../platform/jobs/job-types.ts';
import type { JobRegistry } from '../../platform/jobs/registry.ts';
import { openedCase } from '../cases/opened-case.ts';
import { flagDispute, messageText } from './dispute-flag.ts';
import { detectDisputeSignals } from './dispute-signals.ts';
import { checkEffort } from './effort-warning.ts';

export const disputeFlagJob = jobType('disputes.flag', z.object({ caseId: z.uuid(), eventId: z.uuid() }), {
  retry: { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 10 * 60_000 },
  timeoutMs: 60_000,
});
export const effortCheckJob = jobType('disputes.effort', z.object({ caseId: z.uuid() }), {
  retry: { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 10 * 60_000 },
  timeoutMs: 60_000,
});

type TimelineEvent = Extract<DomainEvent, { type: 'case.timeline' }>;

const isCustomerMessage = (e: TimelineEvent) => e.eventType === 'message_in' && e.actorType === 'customer';
const isAgentReply = (e: TimelineEvent) => e.eventType === 'message_out' && e.actorType === 'user' && e.visibility === 'public';

// One read per message, for any number of openings sharing a transaction (platform/db/coalescing.ts).
// OFFSET 0 keeps the lookup per call, by primary key (platform/db/prepared.ts, eachCall).
const turnStatement = preparedEach<{ eventId: string }, { body_text: string | null; data: Record<string, unknown>; language: 'fr' | 'en'; messages: number }>(
  'comptoir_dispute_turn',
  sql`SELECT a.call, t.* FROM ${eachCall}, LATERAL (
        SELECT e.body_text, e.data, c.language, c.customer_message_count + c.agent_message_count AS messages
        FROM case_event e JOIN sav_case c ON c.id = e.case_id WHERE e.id = (a.p ->> 'eventId')::uuid OFFSET 0) t`,
);

/** Decides, in the message's own transaction, which checks it calls for. */
export async function screenTurn(ctx: Ctx, e: TimelineEvent): Promise<void> {
  const customer = isCustomerMessage(e);
  if (!customer && !isAgentReply(e)) return;
  // A case opening in this transaction knows its first message: nothing to read back.
  const opened = openedCase(ctx.db, e.caseId);
  const known = opened?.firstMessage?.eventId === e.eventId ? opened : undefined;
  const [row] = known?.firstMessage
    ? [{ body_text: known.firstMessage.bodyText, data: known.firstMessage.data, language: known.row.language, messages: known.row.customerMessageCount + known.row.agentMessageCount }]
    : await turnStatement.rows(ctx.db, { eventId: e.eventId });
  if (!row) return;
  if (customer && detectDisputeSignals(messageText({ bodyText: row.body_text, data: row.data }), row.language).length > 0) {
    await ctx.jobs.enqueue(ctx.db, disputeFlagJob, { caseId: e.caseId, eventId: e.eventId });
  }
  // Exchanges never outnumber messages (effort.ts): below the threshold there is nothing to count.
  if (Number(row.messages) >= ctx.config.care.effortThreshold) await ctx.jobs.enqueue(ctx.db, effortCheckJob, { caseId: e.caseId });
}

export function subscribeDisputes(events: DomainEvents<DomainEvent>, ctxFor: (db: Db) => Ctx): void {
  events.within('case.timeline', (db, e) => screenTurn(ctxFor(db), e));
}

export function handleDisputeJobs(registry: JobRegistry<Ctx>): JobRegistry<Ctx> {
  return registry
    .handle(disputeFlagJob, async (p, ctx) => void (await flagDispute(ctx, p.caseId, p.eventId)))
    .handle(effortCheckJob, async (p, ctx) => void (await checkEffort(ctx, p.caseId)));
}
