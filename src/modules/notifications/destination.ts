// Where a message to the customer goes: the channel they asked for, else the one they wrote
// on when it can carry our answer (the live chat only while its visitor is connected), else
// e-mail, else SMS — each only if we have an address for it. With none, the message is recorded as suppressed, saying why: never silently lost.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Ctx } from '../../context.ts';
import { reachableConversationOf } from '../../channels/chat/chat.reach.ts';
import type { Channel, NotifyChannel } from '../cases/cases.contract.ts';
import { customerIdentity } from '../customers/customers.schema.ts';

export type OutboundChannel = NotifyChannel | 'chat';

export type Destination =
  | { channel: OutboundChannel; recipient: string; suppressed?: undefined }
  | { channel: OutboundChannel; recipient: ''; suppressed: string };

export interface Addresses {
  /** Best first: verified, then the most recent. */
  emails: string[];
  /** E.164 numbers that can receive an SMS (landlines left out). */
  mobiles: string[];
  /** The live chat conversation of the case whose visitor is connected (or was, a moment ago). */
  chat?: string | null;
}

const carries = (c: string | null | undefined, a: Addresses): c is OutboundChannel => c === 'email' || c === 'sms' || (c === 'chat' && !!a.chat);

/**
 * `preferred`: the customer's choice for news (the case's notifyVia); `wroteOn`: the channel
 * of the case, or of an agent's reply, which the answer goes back on when it can.
 */
export function chooseDestination(preferred: OutboundChannel | null, wroteOn: Channel | null, addresses: Addresses): Destination {
  const order = [...new Set([preferred, carries(wroteOn, addresses) ? wroteOn : null, 'email', 'sms'].filter((c) => carries(c, addresses)))];
  for (const channel of order) {
    const recipient = channel === 'email' ? addresses.emails[0] : channel === 'chat' ? addresses.chat : addresses.mobiles[0];
    if (recipient) return { channel, recipient };
  }
  return { channel: order[0]!, recipient: '', suppressed: 'no e-mail address or mobile number known for this customer' };
}

/** A number an SMS can reach: anything but a known landline. */
export function canReceiveSms(e164: string): boolean {
  const type = parsePhoneNumberFromString(e164)?.getType();
  return type !== 'FIXED_LINE' && type !== 'VOIP' && type !== 'SHARED_COST' && type !== 'TOLL_FREE' && type !== 'PREMIUM_RATE';
}

/** Addresses from what was just learnt (a case opening), without asking the database. */
export function addressesFrom(contact: { emails: string[]; phones: string[] }): Addresses {
  return { emails: contact.emails, mobiles: contact.phones.filter(canReceiveSms) };
}

export async function addressesOf(ctx: Ctx, customerId: string): Promise<Addresses> {
  const rows = await ctx.db
    .select({ kind: customerIdentity.kind, value: customerIdentity.value })
    .from(customerIdentity)
    .where(and(eq(customerIdentity.customerId, customerId), inArray(customerIdentity.kind, ['email', 'phone'])))
    .orderBy(desc(customerIdentity.verified), desc(customerIdentity.createdAt), desc(customerIdentity.id));
  return {
    emails: rows.filter((r) => r.kind === 'email').map((r) => r.value),
    mobiles: rows.filter((r) => r.kind === 'phone' && canReceiveSms(r.value)).map((r) => r.value),
  };
}

/** The customer's addresses, plus the case's live chat when its visitor is there to read. */
export async function addressesOfCase(ctx: Ctx, c: { id: string; customerId: string; channel: Channel }): Promise<Addresses> {
  const addresses = await addressesOf(ctx, c.customerId);
  return c.channel === 'chat' ? { ...addresses, chat: await reachableConversationOf(ctx, c.id) } : addresses;
}
