// The shared pipeline of every social and messaging network (X, Facebook, Messenger,
// Instagram, WhatsApp, SMS, marketplaces), run by the inbound job inside its transaction with
// the stored row locked: a connector has parsed its row into one SocialEvent, and this finds
// the customer by their id on the network, the case (the thread it answers, else their open
// case, else a new one triaged by urgency), writes the message on the timeline at the moment
// it arrived, records it in social_message with its triage, and the network id answers will
// name. A status (delivered, read) moves the delivery it reports on. Our own messages coming
// back are dropped, or replies would loop.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { fixedClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/database.ts';
import { systemActor } from '../../modules/access/actor.ts';
import { linkAttachments, type Upload } from '../../modules/cases/attachments.service.ts';
import type { Priority } from '../../modules/cases/cases.contract.ts';
import { openCase } from '../../modules/cases/cases.service.ts';
import { recordCustomerMessage } from '../../modules/cases/customer-messages.ts';
import { resolveNetworkCustomer, type ResolvedCustomer } from '../../modules/customers/customers.resolve.ts';
import { normaliseAll } from '../../modules/customers/customers.service.ts';
import { learnIdentities } from '../../modules/customers/merge-suggestions.ts';
import { recordDeliveryStatus } from '../../modules/notifications/delivery-status.ts';
import { extractContactDetails } from '../../modules/social/personal-data.ts';
import { isPraise } from '../../modules/social/praise.ts';
import { triageMessage } from '../../modules/social/triage.ts';
import { caseRoutingOf, type InboundOutcome, type StoredInbound } from '../connector.ts';
import { findSocialThread } from './social-threading.ts';
import type { SocialEvent, SocialMessage, SocialStatus } from './social.types.ts';

/** `null`: what the connector recognised but is not a message (a follow, an edit): kept, nothing done. */
export async function processSocialEvent(ctx: Ctx, row: StoredInbound, event: SocialEvent | null, files: Upload[] = []): Promise<InboundOutcome> {
  if (!event) return { state: 'ignored', detail: 'not a message: nothing to do' };
  if (event.kind === 'status') return applyStatus(ctx, event);
  if (event.own) return { state: 'ignored', detail: `sent by our own ${row.account.name} account (an echo of our message)` };
  return processMessage(ctx, row, event, files);
}

async function applyStatus(ctx: Ctx, s: SocialStatus): Promise<InboundOutcome> {
  const result = await recordDeliveryStatus(ctx, { channel: s.channel, deliveryId: null, providerId: s.messageId, status: s.status, errorCode: s.errorCode, detail: s.detail });
  if (result === 'unknown') return { state: 'ignored', detail: `a ${s.status} status for a message we do not know (${s.messageId})` };
  return { state: 'processed', caseId: null, eventId: null, detail: `${s.status}${result === 'ignored' ? ' (no change: the delivery had moved on)' : ''}` };
}

/** Urgency decides the new case's priority: the angriest public complaints first. */
export function priorityOfUrgency(urgency: number): Priority {
  return urgency >= 70 ? 'urgent' : urgency >= 40 ? 'high' : 'normal';
}

/** A short subject for a case a network message opens: who, and the start of what they said. */
export function subjectOf(m: SocialMessage): string {
  const who = m.author.handle ? `@${m.author.handle}` : (m.author.displayName ?? m.channel);
  const words = m.text.replace(/\s+/g, ' ').trim();
  const start = words.length > 70 ? `${words.slice(0, 70).replace(/\s+\S*$/, '')}…` : words;
  return `${who} : ${start || '(média)'}`;
}

async function earlierComplaints(ctx: Ctx, authorId: string, channel: string): Promise<number> {
  const since = new Date(ctx.clock.now().getTime() - 30 * 86_400_000).toISOString();
  const [row] = await queryRows<{ n: number }>(
    ctx.db,
    sql`SELECT count(*)::int AS n FROM social_message WHERE author_id = ${authorId} AND channel = ${channel} AND direction = 'in' AND posted_at > ${since}::timestamptz`,
  );
  return row?.n ?? 0;
}

async function processMessage(ctx: Ctx, row: StoredInbound, m: SocialMessage, files: Upload[]): Promise<InboundOutcome> {
  // Written at the moment it arrived, not when its job ran: the timeline keeps the order
  // messages came in, and the SLA clocks start when the customer wrote.
  const tx = { ...ctx, clock: fixedClock(row.receivedAt) };
  const found = await resolveNetworkCustomer(tx, {
    identity: m.author.identity,
    shownAs: m.author.handle ? `@${m.author.handle}` : null,
    displayName: m.author.displayName,
    seenOn: m.channel,
  });
  const customer: ResolvedCustomer = {
    ...found,
    contact: { ...found.contact, social: { [m.channel]: { recipient: m.author.identity.value, private: m.audience === 'private' } } },
  };
  const triage = triageMessage({
    text: m.text,
    language: null,
    media: m.media,
    followers: m.author.followers,
    verified: m.author.verified,
    priorComplaints: customer.created ? 0 : await earlierComplaints(tx, m.author.identity.value, m.channel),
  });
  const praise = isPraise(m.text, triage.signals);
  const thread = await findSocialThread(tx, { customerId: customer.id, newCustomer: customer.created, channel: m.channel, refs: m.refs, praise });
  const data = {
    audience: m.audience,
    providerId: m.providerId,
    ...(m.url ? { url: m.url } : {}),
    author: { handle: m.author.handle, name: m.author.displayName, followers: m.author.followers },
    ...(m.media.length ? { media: m.media } : {}),
    ...(triage.signals.length ? { signals: triage.signals, urgency: triage.urgency } : {}),
    ...(praise ? { praise: true } : {}),
    ...m.data,
    inboundId: row.id,
  };

  let caseId: string;
  let eventId: string;
  let detail: string;
  if (thread.kind === 'append') {
    // Thanks on a solved case are its happy end, not a reason to reopen it.
    const written = await recordCustomerMessage(tx, thread.caseId, { body: m.text, channel: m.channel, data, attachments: files, keepSolved: praise });
    caseId = thread.caseId;
    eventId = written.event.id;
    const via = { references: 'the thread it answers', open_case: 'the customer’s open case', solved_case: 'the case solved last: thanks' }[thread.via];
    detail = `joined its case (by ${via})${praise && written.case.status === 'solved' ? ', which stays solved' : ''}`;
  } else {
    const opened = await openCase(
      tx,
      systemActor(`channel:${row.account.channel}`),
      {
        customer: { id: customer.id },
        subject: subjectOf(m),
        message: m.text || '(média)',
        channel: m.channel,
        ...caseRoutingOf(row.account),
        priority: priorityOfUrgency(triage.urgency),
        ...(m.orderRef ? { orderRef: m.orderRef.slice(0, 100) } : {}),
        tags: [],
      },
      {
        messageData: { ...data, ...(thread.kind === 'follow-up' ? { followsCaseId: thread.previousCaseId } : {}) },
        // A public post gets no automatic answer: it would be posted for everyone to read,
        // tracking link included. The community team answers in person.
        noAutoReply: m.audience === 'public' ? 'a public message: the community team answers it in person' : null,
        resolved: customer,
      },
    );
    caseId = opened.case.id;
    eventId = opened.messageEventId!;
    await linkAttachments(tx, { caseId, eventId, visibility: 'public' }, files);
    detail = thread.kind === 'follow-up' ? 'a new case, following a closed one' : 'a new case';
  }

  await tx.db.execute(sql`
    WITH ref AS (
      INSERT INTO message_ref (channel, ref, case_id, event_id, created_at)
      VALUES (${m.channel}, ${m.providerId}, ${caseId}, ${eventId}, ${row.receivedAt.toISOString()}) ON CONFLICT DO NOTHING
    )
    INSERT INTO social_message (event_id, case_id, account_id, channel, direction, audience, provider_id, author_id, author_handle, author_name,
      followers, urgency, signals, url, data, posted_at)
    VALUES (${eventId}, ${caseId}, ${row.account.id}, ${m.channel}, 'in', ${m.audience}, ${m.providerId}, ${m.author.identity.value},
      ${m.author.handle}, ${m.author.displayName}, ${m.author.followers}, ${triage.urgency}, ${sql.param(triage.signals)}::text[], ${m.url},
      ${JSON.stringify(m.data)}::jsonb, ${m.sentAt.toISOString()})
    ON CONFLICT DO NOTHING`);

  // Contact details a customer gives in private are theirs: attached, or a merge suggested
  // when another customer has them. Never from public posts (anyone can type anyone's e-mail).
  if (m.audience === 'private') detail += await learnContactDetails(tx, customer.id, m);
  return { state: 'processed', caseId, eventId, detail };
}

async function learnContactDetails(ctx: Ctx, customerId: string, m: SocialMessage): Promise<string> {
  const given = extractContactDetails(m.text, ctx.config.defaults.country);
  const identities = [...given.emails.map((value) => ({ kind: 'email' as const, value })), ...given.phones.map((value) => ({ kind: 'phone' as const, value }))];
  // Something that looked like an address but is not one teaches nothing; the others still do.
  const normalised = identities.flatMap((i) => {
    try {
      return normaliseAll(ctx, [i]);
    } catch {
      return [];
    }
  });
  if (normalised.length === 0) return '';
  const { suggested } = await learnIdentities(ctx, customerId, normalised, m.channel);
  return `; contact details given: ${normalised.map((i) => i.value).join(', ')}${suggested.length ? ` (a merge is suggested: ${suggested.length})` : ''}`;
}
