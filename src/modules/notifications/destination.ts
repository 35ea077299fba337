// Where a message to the customer goes: the channel they asked for, else the one they wrote
// on when it can carry our answer (the live chat only while its visitor is connected), else
// e-mail, else SMS — each only if we have an address for it. A number that answered STOP is
// no address for SMS, so the news goes by e-mail rather than being suppressed at send time.
// With none, the message is recorded as suppressed, saying why: never silently lost.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { reachableConversationOf } from '../../channels/chat/chat.reach.ts';
import type { Channel, NotifyChannel } from '../cases/cases.contract.ts';
import { smsOptOut } from '../../channels/sms/sms.schema.ts';
import { customerIdentity } from '../customers/customers.schema.ts';

export type OutboundChannel = NotifyChannel | 'chat' | SocialChannel;

/** The networks a message can go back on, to the customer's id there (src/channels/social). */
export const socialChannels = ['x', 'facebook', 'messenger', 'instagram', 'whatsapp', 'marketplace'] as const satisfies readonly Channel[];
export type SocialChannel = (typeof socialChannels)[number];
export const isSocialChannel = (c: string | null | undefined): c is SocialChannel => (socialChannels as readonly string[]).includes(c ?? '');

/** Where the customer wrote us on a network: their id there, and whether they ever wrote privately. */
export interface SocialAddress {
  recipient: string;
  /** False when they only posted in public: nothing automatic goes there (it would be posted for all to see). */
  private: boolean;
}

export type Destination =
  | { channel: OutboundChannel; recipient: string; suppressed?: undefined }
  | { channel: OutboundChannel; recipient: ''; suppressed: string };

export interface Addresses {
  /** Best first: verified, then the most recent. */
  emails: string[];
  /** E.164 numbers that can receive an SMS (landlines and numbers that answered STOP left out). */
  mobiles: string[];
  /** Mobiles left out because they answered STOP: the destination of last resort, suppressed with the reason. */
  optedOut?: string[];
  /** The live chat conversation of the case whose visitor is connected (or was, a moment ago). */
  chat?: string | null;
  /** The networks the customer wrote this case on. */
  social?: Partial<Record<SocialChannel, SocialAddress>>;
}

/** A network carries what a person wrote; what the system writes only where the customer wrote privately. */
const carries = (c: string | null | undefined, a: Addresses, byPerson: boolean): c is OutboundChannel =>
  c === 'email' ||
  c === 'sms' ||
  (c === 'chat' && !!a.chat) ||
  (isSocialChannel(c) && !!a.social?.[c] && (byPerson || a.social[c]!.private));

function recipientOn(channel: OutboundChannel, a: Addresses): string | null | undefined {
  if (channel === 'email') return a.emails[0];
  if (channel === 'sms') return a.mobiles[0];
  if (channel === 'chat') return a.chat;
  return a.social?.[channel]?.recipient;
}

/**
 * `preferred`: the customer's choice for news (the case's notifyVia); `wroteOn`: the channel
 * of the case, or of an agent's reply, which the answer goes back on when it can;
 * `byPerson`: an agent's reply (which may go in public where the customer posted), not a
 * message the system writes.
 */
export function chooseDestination(preferred: OutboundChannel | null, wroteOn: Channel | null, addresses: Addresses, byPerson = false): Destination {
  const order = [...new Set([preferred, carries(wroteOn, addresses, byPerson) ? wroteOn : null, 'email', 'sms'].filter((c) => carries(c, addresses, byPerson)))];
  for (const channel of order) {
    const recipient = recipientOn(channel, addresses);
    if (recipient) return { channel, recipient };
  }
  // Nowhere else to go: to the number that said STOP, whose sending is then suppressed saying when and with which word.
  const stopped = addresses.optedOut?.[0];
  if (stopped && order.includes('sms')) return { channel: 'sms', recipient: stopped };
  return { channel: order[0]!, recipient: '', suppressed: 'no e-mail address or mobile number known for this customer' };
}

/** A number an SMS can reach: anything but a known landline. */
export function canReceiveSms(e164: string): boolean {
  const type = parsePhoneNumberFromString(e164)?.getType();
  return type !== 'FIXED_LINE' && type !== 'VOIP' && type !== 'SHARED_COST' && type !== 'TOLL_FREE' && type !== 'PREMIUM_RATE';
}

/** Addresses from what was just learnt (a case opening), without asking the database. */
export function addressesFrom(contact: { emails: string[]; phones: string[]; social?: Addresses['social'] }): Addresses {
  return { emails: contact.emails, mobiles: contact.phones.filter(canReceiveSms), ...(contact.social ? { social: contact.social } : {}) };
}

export async function addressesOf(ctx: Ctx, customerId: string): Promise<Addresses> {
  const rows = await ctx.db
    .select({ kind: customerIdentity.kind, value: customerIdentity.value, optedOut: sql<boolean>`${smsOptOut.phone} IS NOT NULL` })
    .from(customerIdentity)
    .leftJoin(smsOptOut, and(eq(customerIdentity.kind, 'phone'), eq(smsOptOut.phone, customerIdentity.value)))
    .where(and(eq(customerIdentity.customerId, customerId), inArray(customerIdentity.kind, ['email', 'phone'])))
    .orderBy(desc(customerIdentity.verified), desc(customerIdentity.createdAt), desc(customerIdentity.id));
  const mobiles = rows.filter((r) => r.kind === 'phone' && canReceiveSms(r.value));
  const optedOut = mobiles.filter((r) => r.optedOut).map((r) => r.value);
  return {
    emails: rows.filter((r) => r.kind === 'email').map((r) => r.value),
    mobiles: mobiles.filter((r) => !r.optedOut).map((r) => r.value),
    ...(optedOut.length ? { optedOut } : {}),
  };
}

/**
 * The customer's addresses, plus the case's live chat when its visitor is there to read, and
 * the networks they wrote this case on — whatever channel opened it: an e-mail case the
 * customer later wrote about in a DM can be answered there (one index probe when they did not).
 */
export async function addressesOfCase(ctx: Ctx, c: { id: string; customerId: string; channel: Channel }): Promise<Addresses> {
  // One after the other: `ctx` may be a transaction, one connection.
  const addresses = await addressesOf(ctx, c.customerId);
  const social = await socialAddressesOf(ctx, c.id);
  const chat = c.channel === 'chat' ? await reachableConversationOf(ctx, c.id) : undefined;
  return { ...addresses, ...(Object.keys(social).length ? { social } : {}), ...(chat !== undefined ? { chat } : {}) };
}

async function socialAddressesOf(ctx: Ctx, caseId: string): Promise<NonNullable<Addresses['social']>> {
  const rows = await queryRows<{ channel: SocialChannel; recipient: string; private: boolean }>(
    ctx.db,
    sql`SELECT channel, (array_agg(author_id ORDER BY posted_at DESC))[1] AS recipient, bool_or(audience = 'private') AS private
        FROM social_message WHERE case_id = ${caseId} AND direction = 'in' GROUP BY channel`,
  );
  return Object.fromEntries(rows.filter((r) => isSocialChannel(r.channel)).map((r) => [r.channel, { recipient: r.recipient, private: r.private }]));
}
