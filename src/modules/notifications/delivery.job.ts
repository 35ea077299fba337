// The delivery job: sends one message_delivery through its channel's client and records what
// happened — sent (with the provider's id), or, after a failure, a retry with backoff or the
// final failure with its reason. Nothing is dropped silently: a delivery ends sent, delivered,
// failed or suppressed, and the timeline shows which.
import { eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { messageIdDomain } from '../../channels/email/email-sender.ts';
import { asProviderError, decideAfterFailure, ProviderError } from '../../channels/provider-errors.ts';
import { SMS_STATUS_PATH } from '../../channels/sms/sms.routes.ts';
import { pushToChat } from '../../channels/chat/chat.outbound.ts';
import { jobType, PermanentJobError, RetryJobLater } from '../../platform/jobs/job-types.ts';
import type { JobRun } from '../../platform/jobs/registry.ts';
import { isoWithOffset } from '../sla/zone.ts';
import { htmlOf } from './compose.ts';
import { messageDelivery } from './notifications.schema.ts';
import { quietUntil } from './quiet-hours.ts';

export const deliverJob = jobType(
  'notifications.deliver',
  z.object({
    deliveryId: z.uuid(),
    /** What is sent, fixed when the message was written (a later template edit does not change it). */
    subject: z.string().nullable(),
    text: z.string(),
    language: z.enum(['fr', 'en']),
    /** Written by the system (acknowledgments, step news), not by a person. */
    automatic: z.boolean(),
  }),
  // About two hours of tries with backoff: a relay restart or a provider incident passes.
  // Immediate: a customer is waiting for it, it should not queue behind other work.
  { retry: { maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 30 * 60_000 }, timeoutMs: 5 * 60_000, immediate: true },
);
export type DeliverPayload = z.infer<typeof deliverJob.schema>;

type Delivery = typeof messageDelivery.$inferSelect;

/** The message a delivery stands for, through the client of its channel. */
async function sendThrough(ctx: Ctx, d: Delivery, p: DeliverPayload): Promise<string> {
  if (d.channel === 'email') {
    const messageId = `${d.id}@${messageIdDomain(ctx.config.outbound.mail.from)}`;
    const thread = await emailThreadOf(ctx, d.caseId);
    // Recorded before it leaves: the customer's answer (In-Reply-To: this id) finds its case.
    await ctx.db.execute(sql`INSERT INTO message_ref (channel, ref, case_id, event_id, created_at)
      VALUES ('email', ${messageId}, ${d.caseId}, ${d.eventId}, ${ctx.clock.now().toISOString()}) ON CONFLICT DO NOTHING`);
    const sent = await ctx.channels.email.send({
      to: d.recipient,
      subject: p.subject ?? '',
      text: p.text,
      html: htmlOf({ subject: p.subject, text: p.text }, 'email', p.language),
      messageId,
      ...thread,
      automatic: p.automatic,
    });
    return sent.providerId;
  }
  if (d.channel === 'sms') {
    if (!ctx.channels.sms) throw new ProviderError('not_configured', 'no SMS provider is configured (COMPTOIR_TWILIO_ACCOUNT_SID)');
    const sent = await ctx.channels.sms.send({
      to: d.recipient,
      body: p.text,
      statusCallback: `${ctx.config.http.publicUrl}${SMS_STATUS_PATH}?delivery=${d.id}`,
    });
    return sent.providerId;
  }
  if (d.channel === 'chat') return pushToChat(ctx, d);
  throw new ProviderError('not_configured', `no outbound client for the ${d.channel} channel`);
}

/**
 * In-Reply-To: the customer's latest e-mail on the case; References: the case's e-mail ids,
 * oldest first (the last ten), so the customer's mail client shows one conversation.
 */
async function emailThreadOf(ctx: Ctx, caseId: string): Promise<{ inReplyTo?: string; references?: string[] }> {
  const rows = await queryRows<{ ref: string; inbound: boolean }>(
    ctx.db,
    sql`SELECT r.ref, (e.actor_type = 'customer') AS inbound FROM message_ref r LEFT JOIN case_event e ON e.id = r.event_id
        WHERE r.channel = 'email' AND r.case_id = ${caseId} ORDER BY r.created_at DESC LIMIT 10`,
  );
  if (rows.length === 0) return {};
  const customer = rows.find((r) => r.inbound);
  return { ...(customer ? { inReplyTo: customer.ref } : {}), references: rows.map((r) => r.ref).reverse() };
}

export async function runDelivery(ctx: Ctx, p: DeliverPayload, run: JobRun): Promise<void> {
  const [d] = await ctx.db.select().from(messageDelivery).where(eq(messageDelivery.id, p.deliveryId));
  // Already settled (a job run twice, a status callback first): nothing left to do.
  if (!d || d.status !== 'queued') return;
  const now = ctx.clock.now();
  const update = (set: PgUpdateSetSource<typeof messageDelivery>) =>
    ctx.db.update(messageDelivery).set({ ...set, updatedAt: ctx.clock.now() }).where(eq(messageDelivery.id, d.id));

  if (d.channel === 'sms') {
    const zone = ctx.config.defaults.timezone;
    const until = quietUntil(now, zone, ctx.config.outbound.sms.quietHours);
    if (until) {
      // A retry that lands at night waits for the morning too; waiting spends no attempt.
      await update({ notBefore: until, detail: `quiet hours: held until ${isoWithOffset(zone, until.getTime())}` });
      throw new RetryJobLater(until, 'SMS quiet hours');
    }
  }

  const attempts = d.attempts + 1;
  try {
    const providerId = await sendThrough(ctx, d, p);
    // A status callback may have moved it on already: never step back from delivered.
    await update({
      status: sql`CASE WHEN ${messageDelivery.status} = 'queued' THEN 'sent' ELSE ${messageDelivery.status} END`,
      attempts,
      providerId,
      sentAt: now,
      notBefore: null,
      detail: null,
    });
  } catch (error) {
    const failure = asProviderError(error);
    // A run cut short (a worker that died mid-send) counts too: never past the job's last try.
    const decision = decideAfterFailure(failure, Math.max(attempts, run.attempt), run.maxAttempts);
    const where = { deliveryId: d.id, caseId: d.caseId, channel: d.channel, err: failure };
    if (decision.action === 'fail') {
      await update({ status: 'failed', attempts, detail: decision.detail });
      ctx.log.error(where, `delivery failed: ${decision.detail}`);
      throw new PermanentJobError(decision.detail, { cause: failure });
    }
    await update({ attempts, detail: decision.detail });
    ctx.log.warn(where, `delivery will be retried: ${decision.detail}`);
    if (decision.action === 'retry_at') throw new RetryJobLater(decision.at, decision.detail);
    throw failure;
  }
}
