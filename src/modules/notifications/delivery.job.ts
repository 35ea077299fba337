// The delivery job: sends one message_delivery through its channel's client and records what
// happened — sent (with the provider's id), or, after a failure, a retry with backoff or the
// final failure with its reason. Nothing is dropped silently: a delivery ends sent, delivered,
// failed or suppressed, and the timeline shows which.
import { eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { eachCall, preparedEach } from '../../platform/db/prepared.ts';
import { messageIdDomain, type EmailAttachment } from '../../channels/email/email-sender.ts';
import { asProviderError, decideAfterFailure, ProviderError } from '../../channels/provider-errors.ts';
import { optOutDetail, recordOptOut, TWILIO_UNSUBSCRIBED, TWILIO_UNSUBSCRIBED_KEYWORD } from '../../channels/sms/opt-out.ts';
import { SMS_STATUS_PATH } from '../../channels/sms/sms.routes.ts';
import { pushToChat } from '../../channels/chat/chat.outbound.ts';
import { sendOnNetwork } from '../../channels/social/social.outbound.ts';
import { jobType, PermanentJobError, RetryJobLater } from '../../platform/jobs/job-types.ts';
import type { JobRun } from '../../platform/jobs/registry.ts';
import { isoWithOffset } from '../sla/zone.ts';
import { htmlOf } from './compose.ts';
import { isSocialChannel } from './destination.ts';
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

/** What sending a delivery needs to know of it. */
interface Delivery {
  id: string;
  eventId: string;
  caseId: string;
  channel: string;
  recipient: string;
  status: string;
  attempts: number;
}

/** A public file of the message, as the delivery reads it. */
interface SentFile {
  filename: string;
  contentType: string;
  blobKey: string;
  size: number;
}

/**
 * What the e-mail carries of the message's files, in order, up to a total most mail servers
 * take; beyond it the customer finds them on the tracking page, like every file of the case.
 */
const MAX_ATTACHED_BYTES = 15 * 1024 * 1024;

async function attachmentsOf(ctx: Ctx, files: SentFile[] | null): Promise<EmailAttachment[]> {
  const attached: EmailAttachment[] = [];
  let total = 0;
  for (const f of files ?? []) {
    if (total + f.size > MAX_ATTACHED_BYTES) break;
    total += f.size;
    const chunks = await (await ctx.blobs.get(f.blobKey)).toArray();
    attached.push({ filename: f.filename, contentType: f.contentType, content: Buffer.concat(chunks as Buffer[]) });
  }
  return attached;
}

/** E-mail threading: the customer's latest e-mail on the case, and the case's last ten ids. */
interface EmailThread {
  inReplyTo?: string;
  references?: string[];
}

/**
 * The delivery, with — for e-mail — the case's thread as it stands, and this message's id
 * recorded at once: recorded before it leaves, so the customer's answer (In-Reply-To: this id)
 * finds its case. One statement: the thread is read from the snapshot before the new id. For
 * any number of deliveries running at once (platform/db/coalescing.ts).
 */
const loadDelivery = preparedEach<
  { id: string; messageId: string; now: string },
  {
    id: string;
    event_id: string;
    case_id: string;
    channel: string;
    recipient: string;
    status: string;
    attempts: number;
    thread: { ref: string; inbound: boolean }[] | null;
    files: SentFile[] | null;
    opt_out: { phone: string; keyword: string; optedOutAt: string } | null;
  }
>(
  'comptoir_load_delivery',
  sql`WITH d AS (
        SELECT a.call, a.p ->> 'messageId' AS message_id, (a.p ->> 'now')::timestamptz AS now,
          m.id, m.event_id, m.case_id, m.channel, m.recipient, m.status, m.attempts
        FROM ${eachCall}, LATERAL (SELECT * FROM message_delivery WHERE id = (a.p ->> 'id')::uuid OFFSET 0) m
      ), recorded AS (
        INSERT INTO message_ref (channel, ref, case_id, event_id, created_at)
        SELECT 'email', d.message_id, d.case_id, d.event_id, d.now FROM d
        WHERE d.channel = 'email' AND d.status = 'queued'
        ON CONFLICT DO NOTHING
      )
      SELECT d.call, d.id, d.event_id, d.case_id, d.channel, d.recipient, d.status, d.attempts,
        CASE WHEN d.channel = 'email' THEN (
          SELECT json_agg(json_build_object('ref', t.ref, 'inbound', t.inbound) ORDER BY t.created_at DESC) FROM (
            SELECT r.ref, r.created_at, (e.actor_type = 'customer') AS inbound
            FROM message_ref r LEFT JOIN case_event e ON e.id = r.event_id
            WHERE r.channel = 'email' AND r.case_id = d.case_id ORDER BY r.created_at DESC LIMIT 10) t
        ) END AS thread,
        CASE WHEN d.channel = 'email' THEN (
          SELECT json_agg(json_build_object('filename', a.filename, 'contentType', a.content_type, 'blobKey', a.blob_key, 'size', a.size) ORDER BY a.created_at, a.id)
          FROM case_attachment a WHERE a.event_id = d.event_id AND a.visibility = 'public'
        ) END AS files,
        CASE WHEN d.channel = 'sms' THEN (
          SELECT json_build_object('phone', o.phone, 'keyword', o.keyword, 'optedOutAt', o.opted_out_at) FROM sms_opt_out o WHERE o.phone = d.recipient
        ) END AS opt_out
      FROM d`,
);

/**
 * A delivery sent: recorded, its job ended in the same statement (JobRun.completionKey). A
 * status callback may have moved it on already: never step back from delivered. A person's
 * answer (not `automatic`) also marks the customer's social messages on the case as answered
 * (the social inbox's response times).
 */
const recordSent = preparedEach<
  { id: string; caseId: string; attempts: number; providerId: string; at: string; automatic: boolean; jobId: string; lockedBy: string },
  never
>(
  'comptoir_delivery_sent',
  // Each table is reached through its index (= ANY of the ids given): joined to the calls
  // directly, the planner scans the whole table for what it takes for a hundred rows.
  sql`WITH given AS (SELECT a.call, a.p, (a.p ->> 'id')::uuid AS id FROM ${eachCall}),
      done AS (
        DELETE FROM job j USING given
        WHERE j.id = ANY(ARRAY(SELECT (p ->> 'jobId')::uuid FROM given)) AND j.id = (given.p ->> 'jobId')::uuid AND j.locked_by = given.p ->> 'lockedBy'
      ), answered AS (
        UPDATE social_message s SET responded_at = (given.p ->> 'at')::timestamptz FROM given
        WHERE s.case_id = ANY(ARRAY(SELECT (p ->> 'caseId')::uuid FROM given WHERE NOT (p ->> 'automatic')::boolean))
          AND NOT (given.p ->> 'automatic')::boolean AND s.case_id = (given.p ->> 'caseId')::uuid AND s.direction = 'in'
          AND s.responded_at IS NULL AND s.posted_at <= (given.p ->> 'at')::timestamptz
      ), sent AS (
        UPDATE message_delivery m SET status = CASE WHEN m.status = 'queued' THEN 'sent' ELSE m.status END,
          attempts = (given.p ->> 'attempts')::int, provider_id = given.p ->> 'providerId', sent_at = (given.p ->> 'at')::timestamptz,
          not_before = NULL, detail = NULL, updated_at = (given.p ->> 'at')::timestamptz
        FROM given WHERE m.id = ANY(ARRAY(SELECT id FROM given)) AND m.id = given.id
      )
      SELECT NULL::bigint AS call WHERE false`,
);

/** The message a delivery stands for, through the client of its channel. */
async function sendThrough(ctx: Ctx, d: Delivery, p: DeliverPayload, thread: EmailThread, messageId: string, files: SentFile[] | null): Promise<string> {
  if (d.channel === 'email') {
    const attachments = await attachmentsOf(ctx, files);
    const sent = await ctx.channels.email.send({
      to: d.recipient,
      subject: p.subject ?? '',
      text: p.text,
      html: htmlOf({ subject: p.subject, text: p.text }, 'email', p.language),
      messageId,
      ...thread,
      ...(attachments.length ? { attachments } : {}),
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
  if (isSocialChannel(d.channel)) return sendOnNetwork(ctx, d, p.text, p.automatic);
  throw new ProviderError('not_configured', `no outbound client for the ${d.channel} channel`);
}

/** In-Reply-To: the customer's latest e-mail on the case; References: its e-mail ids, oldest first. */
function emailThreadOf(rows: { ref: string; inbound: boolean }[] | null): EmailThread {
  if (!rows?.length) return {};
  const customer = rows.find((r) => r.inbound);
  return { ...(customer ? { inReplyTo: customer.ref } : {}), references: rows.map((r) => r.ref).reverse() };
}

export async function runDelivery(ctx: Ctx, p: DeliverPayload, run: JobRun): Promise<void> {
  const messageId = `${p.deliveryId}@${messageIdDomain(ctx.config.outbound.mail.from)}`;
  const [row] = await loadDelivery.rows(ctx.db, { id: p.deliveryId, messageId, now: ctx.clock.now().toISOString() });
  // Already settled (a job run twice, a status callback first): nothing left to do.
  if (!row || row.status !== 'queued') return;
  const d: Delivery = { id: row.id, eventId: row.event_id, caseId: row.case_id, channel: row.channel, recipient: row.recipient, status: row.status, attempts: row.attempts };
  const now = ctx.clock.now();
  const update = (set: PgUpdateSetSource<typeof messageDelivery>) =>
    ctx.db.update(messageDelivery).set({ ...set, updatedAt: ctx.clock.now() }).where(eq(messageDelivery.id, d.id));

  // The number answered STOP after this SMS was queued (or while it waited for the morning).
  if (row.opt_out) {
    await update({ status: 'suppressed', detail: optOutDetail({ ...row.opt_out, optedOutAt: new Date(row.opt_out.optedOutAt) }, ctx.config.defaults.timezone) });
    return;
  }
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
    const providerId = await sendThrough(ctx, d, p, emailThreadOf(row.thread), messageId, row.files);
    await recordSent.rows(ctx.db, {
      id: d.id,
      caseId: d.caseId,
      attempts,
      providerId,
      at: now.toISOString(),
      automatic: p.automatic,
      ...run.completionKey(),
    });
  } catch (error) {
    const failure = asProviderError(error);
    // Twilio knows the number said STOP (to it, or to another of our senders): so do we now.
    if (d.channel === 'sms' && failure.providerCode === TWILIO_UNSUBSCRIBED) {
      await recordOptOut(ctx, { phone: d.recipient, keyword: TWILIO_UNSUBSCRIBED_KEYWORD, accountId: null, at: now });
    }
    // A run cut short (a worker that died mid-send) counts too: never past the job's last try.
    const decision = decideAfterFailure(failure, Math.max(attempts, run.attempt), run.maxAttempts);
    const where = { deliveryId: d.id, caseId: d.caseId, channel: d.channel, err: failure };
    if (decision.action === 'fail') {
      await update({ status: 'failed', attempts, detail: decision.detail });
      ctx.log.error(where, `delivery failed: ${decision.detail}`);
      throw new PermanentJobError(decision.detail, { cause: failure });
    }
    // Waiting for the time the provider named (a rate limit's reset) spends no attempt: a
    // burst that hits a daily limit is sent later, not given up.
    await update({ attempts: decision.action === 'retry_at' ? d.attempts : attempts, detail: decision.detail });
    ctx.log.warn(where, `delivery will be retried: ${decision.detail}`);
    if (decision.action === 'retry_at') throw new RetryJobLater(decision.at, decision.detail);
    throw failure;
  }
}
