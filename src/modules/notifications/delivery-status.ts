// What a provider tells us after sending: Twilio's status callbacks move an SMS delivery to
// delivered, or to failed with the carrier's error; WhatsApp's statuses to delivered, read or
// failed. A status only moves forward (a late "sent" never undoes "read"), and a status for
// a delivery we do not know changes nothing. Twilio's error 21610 (the recipient said STOP)
// records the number's opt-out.
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { recordOptOut, TWILIO_UNSUBSCRIBED, TWILIO_UNSUBSCRIBED_KEYWORD } from '../../channels/sms/opt-out.ts';
import type { DeliveryStatus } from './notifications.contract.ts';
import { messageDelivery } from './notifications.schema.ts';

export interface SmsStatusReport {
  /** Our delivery id, from the callback URL we gave. */
  deliveryId: string | null;
  messageSid: string;
  /** Twilio's MessageStatus: queued, sending, sent, delivered, undelivered, failed… */
  status: string;
  errorCode: string | null;
}

/** The status a provider's status (Twilio's MessageStatus, WhatsApp's) moves a delivery to, and from which. */
function transitionOf(status: string): { to: DeliveryStatus; from: DeliveryStatus[] } | null {
  switch (status) {
    case 'sent':
      return { to: 'sent', from: ['queued'] };
    case 'delivered':
      return { to: 'delivered', from: ['queued', 'sent'] };
    case 'read':
      return { to: 'read', from: ['queued', 'sent', 'delivered'] };
    case 'undelivered':
    case 'failed':
      return { to: 'failed', from: ['queued', 'sent'] };
    default:
      return null;
  }
}

export async function recordSmsStatus(ctx: Ctx, r: SmsStatusReport): Promise<'updated' | 'ignored' | 'unknown'> {
  return recordDeliveryStatus(ctx, { channel: 'sms', deliveryId: r.deliveryId, providerId: r.messageSid, status: r.status, errorCode: r.errorCode });
}

export interface DeliveryStatusReport {
  channel: string;
  /** Our delivery id, when the provider carries it back (a callback URL); else the provider id finds it. */
  deliveryId: string | null;
  providerId: string;
  status: string;
  errorCode: string | null;
  /** The provider's explanation of a failure (WhatsApp's error title), when it gives one. */
  detail?: string | null;
}

export async function recordDeliveryStatus(ctx: Ctx, r: DeliveryStatusReport): Promise<'updated' | 'ignored' | 'unknown'> {
  const where = r.deliveryId
    ? and(eq(messageDelivery.id, r.deliveryId), eq(messageDelivery.channel, r.channel))
    : and(eq(messageDelivery.channel, r.channel), eq(messageDelivery.providerId, r.providerId));
  const [d] = await ctx.db.select().from(messageDelivery).where(where);
  if (!d || (d.providerId !== null && d.providerId !== r.providerId)) {
    ctx.log.warn({ ...r }, 'delivery status for an unknown delivery');
    return 'unknown';
  }
  const now = ctx.clock.now();
  // Through a Messaging Service, a number that said STOP is refused after the send, here.
  if (r.channel === 'sms' && r.errorCode === TWILIO_UNSUBSCRIBED) await recordOptOut(ctx, { phone: d.recipient, keyword: TWILIO_UNSUBSCRIBED_KEYWORD, accountId: null, at: now });
  const move = transitionOf(r.status);
  if (!move || !move.from.includes(d.status)) return 'ignored';
  const updated = await ctx.db
    .update(messageDelivery)
    .set({
      status: move.to,
      providerId: r.providerId,
      ...(move.to === 'failed'
        ? { detail: `rejected${r.errorCode ? ` (${r.errorCode})` : ''}: ${r.channel === 'sms' ? 'the carrier reported the SMS' : `${r.channel} reported the message`} ${r.status}${r.detail ? ` — ${r.detail}` : ''}` }
        : {}),
      ...(move.to !== 'failed' && d.sentAt === null ? { sentAt: now } : {}),
      updatedAt: now,
    })
    .where(and(eq(messageDelivery.id, d.id), inArray(messageDelivery.status, move.from)))
    .returning({ id: messageDelivery.id });
  return updated.length ? 'updated' : 'ignored';
}
