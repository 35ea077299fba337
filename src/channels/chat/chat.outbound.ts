// The live chat as an outbound channel (the delivery job's client for `chat` deliveries): the
// message is already on the timeline; sending it is telling the visitor's open stream, which
// shows it and marks the delivery delivered, then read when the widget says so.
import { and, eq, inArray, lte } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { messageDelivery } from '../../modules/notifications/notifications.schema.ts';
import { publishChatSignal } from './chat.signals.ts';

export async function pushToChat(ctx: Ctx, d: { recipient: string; eventId: string }): Promise<string> {
  publishChatSignal(ctx, { kind: 'message', conversationId: d.recipient, eventId: d.eventId });
  return `chat:${d.recipient}`;
}

/** The visitor's screen showed it. */
export async function markChatDelivered(ctx: Pick<Ctx, 'db' | 'clock'>, eventId: string): Promise<void> {
  await ctx.db
    .update(messageDelivery)
    .set({ status: 'delivered', updatedAt: ctx.clock.now() })
    .where(and(eq(messageDelivery.eventId, eventId), eq(messageDelivery.channel, 'chat'), inArray(messageDelivery.status, ['queued', 'sent'])));
}

/** The visitor read up to this message: it and the chat messages before it on the case are read. */
export async function markChatRead(ctx: Pick<Ctx, 'db' | 'clock'>, caseId: string, upToEventId: string): Promise<number> {
  const rows = await ctx.db
    .update(messageDelivery)
    .set({ status: 'read', updatedAt: ctx.clock.now() })
    .where(and(eq(messageDelivery.caseId, caseId), eq(messageDelivery.channel, 'chat'), lte(messageDelivery.eventId, upToEventId), inArray(messageDelivery.status, ['queued', 'sent', 'delivered'])))
    .returning({ id: messageDelivery.id });
  return rows.length;
}
