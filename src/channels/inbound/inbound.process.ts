// Processing a stored inbound message (the `inbound.process` job): the connector turns the raw
// bytes into the common inbound message; then, in one transaction with the message's row
// locked, the customer is found or created, the thread decides the case (an existing one, a
// new one, or a new one following a closed one), the message joins the timeline with its
// files, its ids are recorded for the answers to come, and the row says how it ended. A job
// run twice, or a worker killed half-way, leaves one message on one case.
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { fixedClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/database.ts';
import { PermanentJobError } from '../../platform/jobs/job-types.ts';
import { systemActor } from '../../modules/access/actor.ts';
import { linkAttachments, storeUpload, type Upload } from '../../modules/cases/attachments.service.ts';
import { openCase } from '../../modules/cases/cases.service.ts';
import { recordCustomerMessage } from '../../modules/cases/customer-messages.ts';
import { resolveCustomer } from '../../modules/customers/customers.resolve.ts';
import { channelAccount } from '../accounts/accounts.schema.ts';
import { caseRoutingOf, ParseError, type CommonInbound, type Connector, type InboundOutcome } from '../connector.ts';
import { findThread } from '../email/inbound/threading.ts';
import { connectorFor } from '../registry.ts';
import { attachBounce } from './bounces.ts';

interface InboundRow {
  id: string;
  account_id: string;
  channel: string;
  raw: Buffer | Uint8Array;
  state: string;
}

type Outcome = InboundOutcome;

async function finish(ctx: Ctx, id: string, o: Outcome): Promise<void> {
  await ctx.db.execute(sql`
    UPDATE inbound_message SET state = ${o.state}, detail = ${o.detail}, case_id = ${o.caseId ?? null},
      event_id = ${'eventId' in o ? o.eventId : null}, processed_at = ${ctx.clock.now().toISOString()}
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

export async function processInbound(ctx: Ctx, id: string): Promise<Outcome | null> {
  const [row] = await queryRows<InboundRow>(ctx.db, sql`SELECT id, account_id, channel, raw, state FROM inbound_message WHERE id = ${id}`);
  if (!row || row.state === 'processed' || row.state === 'ignored') return null;
  const account = await ctx.accounts.account(ctx.db, row.account_id);
  if (!account) throw new PermanentJobError(`channel account ${row.account_id} is gone`);
  const connector = connectorFor(row.channel);
  if (connector?.process) return processByConnector(ctx, id, account, connector.process.bind(connector));
  if (!connector?.normalise) throw new PermanentJobError(`no connector reads ${row.channel} messages`);

  let message: CommonInbound;
  try {
    message = await connector.normalise(Buffer.from(row.raw), account);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    // Kept as it came, with the reason: an admin can look at it and retry.
    const outcome: Outcome = { state: 'failed', detail: error.message };
    await finish(ctx, id, outcome);
    return outcome;
  }

  const own = await ownAddresses(ctx);
  if (message.from.email && own.has(message.from.email)) {
    const outcome: Outcome = { state: 'ignored', detail: `sent from our own address ${message.from.email} (a loop, or someone pretending to be us)` };
    await finish(ctx, id, outcome);
    return outcome;
  }
  if (message.bounce) {
    const outcome = await attachBounce(ctx, message.bounce);
    await finish(ctx, id, outcome);
    return outcome;
  }
  if (!message.from.email && !message.from.phone) {
    const outcome: Outcome = { state: 'failed', detail: 'no sender address: nobody to answer' };
    await finish(ctx, id, outcome);
    return outcome;
  }

  const files = await storeFiles(ctx, message);
  const flags = [...message.flags, ...files.refused.map((r) => `attachment_refused: ${r}`)];
  const messageData = {
    ...(message.ownRefs[0] ? { messageId: message.ownRefs[0] } : {}),
    ...(message.subject ? { subject: message.subject } : {}),
    ...(flags.length ? { flags } : {}),
    ...(message.folded ? { folded: message.folded } : {}),
    inboundId: id,
  };

  return inTransaction(ctx, async (db) => {
    const [locked] = await queryRows<{ state: string; received_at: Date | string }>(db.db, sql`SELECT state, received_at FROM inbound_message WHERE id = ${id} FOR UPDATE`);
    if (!locked || locked.state === 'processed' || locked.state === 'ignored') return null;
    // The message is written at the moment it arrived, not when its job ran: the timeline keeps
    // the order messages came in (two processed at once, or one late after an outage), and its
    // SLA clocks start when the customer wrote.
    const tx = { ...db, clock: fixedClock(new Date(locked.received_at)) };
    const customer = await resolveCustomer(tx, { email: message.from.email, phone: message.from.phone, displayName: message.from.displayName, seenOn: account.channel });
    const thread = await findThread(tx, { customerId: customer.id, caseNumber: message.thread.caseNumber, refs: message.thread.refs, subject: message.subject });
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
    for (const ref of message.ownRefs) {
      await tx.db.execute(sql`INSERT INTO message_ref (channel, ref, case_id, event_id, created_at) VALUES ('email', ${ref}, ${caseId}, ${eventId}, ${tx.clock.now().toISOString()}) ON CONFLICT DO NOTHING`);
    }
    const outcome: Outcome = { state: 'processed', caseId, eventId, detail };
    await finish(tx, id, outcome);
    return outcome;
  });
}

/** A connector that handles its own rows: the same lock, the same single outcome, as a message. */
async function processByConnector(ctx: Ctx, id: string, account: typeof channelAccount.$inferSelect, handle: NonNullable<Connector['process']>): Promise<Outcome | null> {
  return inTransaction(ctx, async (tx) => {
    const [locked] = await queryRows<InboundRow & { received_at: Date | string }>(tx.db, sql`SELECT id, raw, state, received_at FROM inbound_message WHERE id = ${id} FOR UPDATE`);
    if (!locked || locked.state === 'processed' || locked.state === 'ignored') return null;
    const outcome = await handle(tx, { id, raw: Buffer.from(locked.raw), receivedAt: new Date(locked.received_at), account });
    await finish(tx, id, outcome);
    return outcome;
  });
}

/** Every address Comptoir receives or sends mail as: mail from them is ours coming back. */
async function ownAddresses(ctx: Ctx): Promise<Set<string>> {
  const addresses = await ctx.accounts.emailAddresses(ctx.db);
  const from = /<([^<>]+)>\s*$/.exec(ctx.config.outbound.mail.from)?.[1] ?? ctx.config.outbound.mail.from;
  return new Set([...addresses, from.toLowerCase()].filter(Boolean));
}
