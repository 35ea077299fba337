// Queueing a message to a customer: the message_out event on the timeline (append-only), its
// message_delivery row and the job that sends it, all in the caller's transaction — a
// rollback takes the three, a commit guarantees the job. SMS due during quiet hours wait
// (not_before, and the job's run_at); e-mail never waits. An SMS to a number that opted out
// is suppressed, with the reason.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { eachCall, preparedEach } from '../../platform/db/prepared.ts';
import { insertJobsFrom } from '../../platform/jobs/queue.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { optOutDetail, optOutOf } from '../../channels/sms/opt-out.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { appendEvents, type CaseRouting } from '../cases/timeline.ts';
import { isoWithOffset } from '../sla/zone.ts';
import type { ComposedMessage } from './compose.ts';
import { deliverJob } from './delivery.job.ts';
import type { Destination } from './destination.ts';
import type { TemplateKey } from './notifications.contract.ts';
import { quietUntil } from './quiet-hours.ts';

export interface DeliveryRequest {
  /** The message_out event this delivers. */
  eventId: string;
  caseId: string;
  destination: Destination;
  message: ComposedMessage;
  language: Language;
  automatic: boolean;
}

// The delivery and its job in one prepared statement, for any number of concurrent callers
// (platform/db/coalescing.ts): each call's job is written only along with its delivery.
const queueStatement = preparedEach<{ delivery: Record<string, unknown>; job: Record<string, unknown> | null }, { delivery_id: string }>(
  'comptoir_queue_delivery',
  sql`WITH given AS (SELECT a.call, a.p, (a.p -> 'delivery' ->> 'id')::uuid AS delivery_id FROM ${eachCall}),
      d AS (
        INSERT INTO message_delivery (id, event_id, case_id, channel, recipient, status, attempts, detail, not_before, created_at, updated_at)
        SELECT x.id, x.event_id, x.case_id, x.channel, x.recipient, x.status, 0, x.detail, x.not_before, x.at, x.at
        FROM given, jsonb_to_record(given.p -> 'delivery') AS x(id uuid, event_id uuid, case_id uuid, channel text, recipient text,
          status text, detail text, not_before timestamptz, at timestamptz)
        ON CONFLICT (event_id) DO NOTHING
        RETURNING id
      ), j AS (${insertJobsFrom(sql`given.p -> 'job'`, sql`given JOIN d ON d.id = given.delivery_id`, sql`jsonb_typeof(given.p -> 'job') = 'object'`)})
      SELECT given.call, d.id AS delivery_id FROM given JOIN d ON d.id = given.delivery_id`,
);

/** Writes the delivery and its job (one statement); null when that event has a delivery already (a job run twice). */
export async function queueDelivery(tx: Ctx, r: DeliveryRequest): Promise<string | null> {
  const now = tx.clock.now();
  const zone = tx.config.defaults.timezone;
  const { destination: to } = r;
  // A number that answered STOP gets nothing more by SMS: the message is recorded, not sent.
  const stopped = to.channel === 'sms' && !to.suppressed ? await optOutOf(tx, to.recipient) : null;
  const suppressed = to.suppressed ?? (stopped ? optOutDetail(stopped, zone) : null);
  const held = to.channel === 'sms' && !suppressed ? quietUntil(now, zone, tx.config.outbound.sms.quietHours) : null;
  const id = uuidv7(now.getTime());
  const job = suppressed
    ? null
    : tx.jobs.prepare(
        deliverJob,
        { deliveryId: id, subject: r.message.subject, text: r.message.text, language: r.language, automatic: r.automatic },
        held ? { runAt: held } : {},
      );
  const [row] = await queueStatement.rows(tx.db, {
    delivery: {
      id,
      event_id: r.eventId,
      case_id: r.caseId,
      channel: to.channel,
      recipient: to.recipient,
      status: suppressed ? 'suppressed' : 'queued',
      detail: suppressed ?? (held ? `quiet hours: held until ${isoWithOffset(zone, held.getTime())}` : null),
      not_before: held?.toISOString() ?? null,
      at: now.toISOString(),
    },
    job: job?.row ?? null,
  });
  if (!row?.delivery_id) return null;
  job?.written(tx.db);
  return row.delivery_id;
}

export interface AutomaticMessage {
  /** What it is, for the timeline and for idempotency checks (data.kind). */
  kind: 'acknowledgment' | 'step_update' | 'transcript' | 'closing' | 'follow_up';
  template: TemplateKey;
  destination: Destination;
  message: ComposedMessage;
  language: Language;
  /** More facts for the event's data (the step change it announces…). */
  data?: Record<string, unknown>;
}

/** A message the system writes to the customer: its public message_out event, then its delivery. */
export async function sendAutomaticMessage(tx: Ctx, c: CaseRouting, m: AutomaticMessage): Promise<{ eventId: string; deliveryId: string | null }> {
  const now = tx.clock.now();
  const eventId = uuidv7(now.getTime());
  // The event and its delivery go in one round trip (the event's statement first).
  const [, deliveryId] = await Promise.all([
    appendEvents(
      tx,
      c,
      [
        {
          id: eventId,
          type: 'message_out',
          actorType: 'system',
          channel: m.destination.channel,
          visibility: 'public',
          bodyText: m.message.text,
          data: { kind: m.kind, template: m.template, language: m.language, ...(m.message.subject ? { subject: m.message.subject } : {}), ...m.data },
        },
      ],
      now,
    ),
    queueDelivery(tx, { eventId, caseId: c.id, destination: m.destination, message: m.message, language: m.language, automatic: true }),
  ]);
  return { eventId, deliveryId };
}
