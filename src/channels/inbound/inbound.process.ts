// Processing a stored inbound message (the `inbound.process` job), in one transaction with the
// message's row locked from the first read: the connector turns the raw bytes into the common
// inbound message, the customer is found or created, the thread decides the case (an existing
// one, a new one, or a new one following a closed one), the message joins the timeline with its
// files, its ids are recorded for the answers to come, and the row says how it ended — in the
// statement that also ends the job. A job run twice, or a worker killed half-way, leaves one
// message on one case.
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { inSharedTransaction, type Ctx } from '../../context.ts';
import { fixedClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/database.ts';
import { txLocal } from '../../platform/db/transaction.ts';
import { PermanentJobError } from '../../platform/jobs/job-types.ts';
import type { JobRun } from '../../platform/jobs/registry.ts';
import { systemActor } from '../../modules/access/actor.ts';
import { linkAttachments, storeUpload, type Upload } from '../../modules/cases/attachments.service.ts';
import { openCase } from '../../modules/cases/cases.service.ts';
import { recordCustomerMessage } from '../../modules/cases/customer-messages.ts';
import { resolveCustomer } from '../../modules/customers/customers.resolve.ts';
import { channelAccount } from '../accounts/accounts.schema.ts';
import { caseRoutingOf, ParseError, type CommonInbound, type Connector, type InboundOutcome } from '../connector.ts';
import { findThread } from '../email/inbound/threading.ts';
import { addressOf } from '../email/mime.ts';
import { connectorFor } from '../registry.ts';
import { attachBounce } from './bounces.ts';

interface InboundRow {
  id: string;
  account_id: string;
  channel: string;
  raw: Buffer | Uint8Array;
  state: string;
  received_at: Date | string;
}

type Outcome = InboundOutcome;

/**
 * Records how the message ended, with the message ids its answers will quote, and — when a
 * job runs it — ends the job in the same statement (one round trip, one commit for all).
 */
async function finish(ctx: Ctx, id: string, o: Outcome, run: JobRun | undefined, refs: string[] = []): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const ctes = [
    ...(run ? [sql`done AS (${run.completion()})`] : []),
    ...(refs.length
      ? [
          sql`recorded AS (INSERT INTO message_ref (channel, ref, case_id, event_id, created_at)
            SELECT 'email', ref, ${o.caseId ?? null}::uuid, ${'eventId' in o ? o.eventId : null}::uuid, ${now}::timestamptz
            FROM unnest(${sql.param(refs)}::text[]) AS ref ON CONFLICT DO NOTHING)`,
        ]
      : []),
  ];
  await ctx.db.execute(sql`
    ${ctes.length ? sql`WITH ${sql.join(ctes, sql`, `)}` : sql``}
    UPDATE inbound_message SET state = ${o.state}, detail = ${o.detail}, case_id = ${o.caseId ?? null},
      event_id = ${'eventId' in o ? o.eventId : null}, processed_at = ${now}
    WHERE id = ${id}`);
}

/** Files the customer meant to send, stored before the transaction; the others said why in the flags. */
async function storeFiles(ctx: Ctx, message: CommonInbound): Promise<{ uploads: Upload[]; refused: string[] }> {
  const uploads: Upload[] = [];
  const refused: string[] = [];
  for (const a of message.attachments) {
    if (a.inline) continue; // logos and signatures shown in the body
    try {
      uploads.push(await storeUpload(ctx, { filename: a.filename, stream: Readable.from([a.content]) }));
    } catch (error) {
      refused.push(`${a.filename}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { uploads, refused };
}

export async function processInbound(ctx: Ctx, id: string, run?: JobRun): Promise<Outcome | null> {
  // Messages processed at the same moment (a burst of mail) share a transaction and a round
  // trip per statement (platform/db/group-commit.ts).
  return inSharedTransaction(ctx, 'inbound-processing', async (tx) => {
    // The row lock below does not keep out a second run of the same message in this very
    // transaction (the same job twice in one group): the first one takes it.
    const key = `inbound-processing:${id}`;
    if (txLocal.get(tx.db, key)) return null;
    txLocal.set(tx.db, key, true);
    const [row] = await queryRows<InboundRow>(tx.db, sql`SELECT id, account_id, channel, raw, state, received_at FROM inbound_message WHERE id = ${id} FOR UPDATE`);
    if (!row || row.state === 'processed' || row.state === 'ignored') return null;
    const account = await tx.accounts.account(tx.db, row.account_id);
    if (!account) throw new PermanentJobError(`channel account ${row.account_id} is gone`);
    const connector = connectorFor(row.channel);
    const raw = Buffer.from(row.raw);
    if (connector?.process) {
      const outcome = await connector.process(tx, { id, raw, receivedAt: new Date(row.received_at), account });
      await finish(tx, id, outcome, run);
      return outcome;
    }
    if (!connector?.normalise) throw new PermanentJobError(`no connector reads ${row.channel} messages`);
    const outcome = await processMessage(tx, row, account, connector.normalise.bind(connector), run);
    return outcome;
  });
}

/** A message for the common pipeline, inside the transaction that holds its row. */
async function processMessage(
  ctx: Ctx,
  row: InboundRow,
  account: typeof channelAccount.$inferSelect,
  normalise: NonNullable<Connector['normalise']>,
  run: JobRun | undefined,
): Promise<Outcome> {
  const { id } = row;
  const end = async (outcome: Outcome) => {
    await finish(ctx, id, outcome, run);
    return outcome;
  };
  let message: CommonInbound;
  try {
    message = await normalise(Buffer.from(row.raw), account);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    // Kept as it came, with the reason: an admin can look at it and retry.
    return end({ state: 'failed', detail: error.message });
  }

  const own = await ownAddresses(ctx);
  if (message.from.email && own.has(message.from.email)) {
    return end({ state: 'ignored', detail: `sent from our own address ${message.from.email} (a loop, or someone pretending to be us)` });
  }
  if (message.bounce) return end(await attachBounce(ctx, message.bounce));
  if (!message.from.email && !message.from.phone) return end({ state: 'failed', detail: 'no sender address: nobody to answer' });

  const files = await storeFiles(ctx, message);
  const flags = [...message.flags, ...files.refused.map((r) => `attachment_refused: ${r}`)];
  const messageData = {
    ...(message.ownRefs[0] ? { messageId: message.ownRefs[0] } : {}),
    ...(message.subject ? { subject: message.subject } : {}),
    ...(flags.length ? { flags } : {}),
    ...(message.folded ? { folded: message.folded } : {}),
    inboundId: id,
  };

  // The message is written at the moment it arrived, not when its job ran: the timeline keeps
  // the order messages came in (two processed at once, or one late after an outage), and its
  // SLA clocks start when the customer wrote.
  const tx = { ...ctx, clock: fixedClock(new Date(row.received_at)) };
  const customer = await resolveCustomer(tx, { email: message.from.email, phone: message.from.phone, displayName: message.from.displayName, seenOn: account.channel });
  const thread = await findThread(tx, { customerId: customer.id, newCustomer: customer.created, caseNumber: message.thread.caseNumber, refs: message.thread.refs, subject: message.subject });
  const body = message.text;
  let caseId: string;
  let eventId: string;
  let detail: string | null = null;
  if (thread.kind === 'append') {
    const written = await recordCustomerMessage(tx, thread.caseId, { body, channel: 'email', data: messageData, attachments: files.uploads });
    caseId = thread.caseId;
    eventId = written.event.id;
    detail = `joined its case (by ${thread.via})`;
  } else {
    const opened = await openCase(
      tx,
      systemActor(`channel:${account.channel}`),
      {
        customer: { id: customer.id },
        subject: message.subject ?? '(sans objet)',
        message: body || '(message vide)',
        channel: 'email',
        ...caseRoutingOf(account),
        priority: 'normal',
        tags: [],
      },
      {
        messageData: { ...messageData, ...(thread.kind === 'follow-up' ? { followsCaseId: thread.previousCaseId } : {}) },
        noAutoReply: message.noAutoReply,
        resolved: customer,
      },
    );
    caseId = opened.case.id;
    eventId = opened.messageEventId!;
    await linkAttachments(tx, { caseId, eventId, visibility: 'public' }, files.uploads);
    detail = thread.kind === 'follow-up' ? 'a new case, following a closed one' : 'a new case';
  }
  const outcome: Outcome = { state: 'processed', caseId, eventId, detail };
  await finish(tx, id, outcome, run, message.ownRefs);
  return outcome;
}

/** Every address Comptoir receives or sends mail as: mail from them is ours coming back. */
async function ownAddresses(ctx: Ctx): Promise<Set<string>> {
  const addresses = await ctx.accounts.emailAddresses(ctx.db);
  return new Set([...addresses, addressOf(ctx.config.outbound.mail.from).toLowerCase()].filter(Boolean));
}
