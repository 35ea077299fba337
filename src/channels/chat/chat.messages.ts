// What a visitor does in a conversation: write (stored first in the inbound store under the
// widget's id for the message, then processed at once — the inbound job is the fallback —
// so a retried POST is one message), leave a message offline, say they are typing or have
// read, end the conversation.
import { and, asc, eq, sql } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { queryRows } from '../../platform/db/database.ts';
import { limitPublicWrite, limitSubjectWrites } from '../../platform/http/public-limits.ts';
import { enforce } from '../../platform/http/rate-limit.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { caseEvent, savCase } from '../../modules/cases/cases.schema.ts';
import { normaliseAll } from '../../modules/customers/customers.service.ts';
import { learnIdentities } from '../../modules/customers/merge-suggestions.ts';
import type { AccountRow } from '../connector.ts';
import { processInbound } from '../inbound/inbound.process.ts';
import { storeInbound } from '../inbound/inbound.store.ts';
import { acknowledge } from '../webform/webform.acknowledgment.ts';
import type { Acknowledgment } from '../webform/webform.contract.ts';
import { checkedEmail, touchVisitor, type ConversationRow } from './chat.conversations.ts';
import { markChatRead } from './chat.outbound.ts';
import { encodeRaw, type RawChatMessage } from './chat.raw.ts';
import { chatConversation } from './chat.schema.ts';
import { publishChatSignal } from './chat.signals.ts';
import { transcriptJob } from './chat.transcript.ts';

const HOUR = 3_600_000;

/**
 * A chat is many short messages: the web form's hourly write limit would stop a lively
 * conversation, so chat messages have their own, per IP and per conversation.
 */
async function limitChatMessages(ctx: Ctx, ip: string, conversationId: string): Promise<void> {
  const max = ctx.config.chat.messagesPerHour;
  const now = ctx.clock.now();
  await enforce(ctx.db, { key: `chat:messages:ip:${ip}`, max, windowMs: HOUR }, now, 'Too many messages sent from here; try again later');
  await enforce(ctx.db, { key: `chat:messages:conversation:${conversationId}`, max, windowMs: HOUR }, now, 'Too many messages in this conversation; try again later');
}

/** Stores the message, processes it, and says what became of it. */
async function storeAndProcess(ctx: Ctx, account: AccountRow, providerId: string, raw: RawChatMessage): Promise<{ caseId: string; eventId: string; replayed: boolean }> {
  const stored = await storeInbound(ctx, { accountId: account.id, channel: 'chat', providerId, raw: encodeRaw(raw), summary: { kind: raw.kind } });
  await processInbound(ctx, stored.id);
  const [row] = await queryRows<{ state: string; detail: string | null; case_id: string | null; event_id: string | null }>(
    ctx.db,
    sql`SELECT state, detail, case_id, event_id FROM inbound_message WHERE id = ${stored.id}`,
  );
  if (row?.state !== 'processed' || !row.case_id || !row.event_id) throw new AppError('internal', `the chat message could not be processed: ${row?.detail ?? 'unknown'}`);
  return { caseId: row.case_id, eventId: row.event_id, replayed: !stored.created };
}

/** Whether this message is the first of its case (the one that opened it). */
async function openedItsCase(ctx: Ctx, caseId: string, eventId: string): Promise<boolean> {
  const [first] = await ctx.db.select({ id: caseEvent.id }).from(caseEvent).where(and(eq(caseEvent.caseId, caseId), eq(caseEvent.type, 'message_in'))).orderBy(asc(caseEvent.id)).limit(1);
  return first?.id === eventId;
}

export interface MessageSent {
  eventId: string;
  caseNumber: string;
  acknowledgment: Acknowledgment | null;
  replayed: boolean;
}

export async function receiveVisitorMessage(ctx: Ctx, ip: string, conversation: ConversationRow, account: AccountRow, input: { clientId: string; text: string }): Promise<MessageSent> {
  if (conversation.state === 'ended') throw conflict('This conversation has ended: start a new one');
  await limitChatMessages(ctx, ip, conversation.id);
  const raw: RawChatMessage = { kind: 'message', conversationId: conversation.id, clientId: input.clientId, text: input.text };
  const done = await storeAndProcess(ctx, account, `${conversation.id}/${input.clientId}`, raw);
  await touchVisitor(ctx, conversation.id);
  const [c] = await ctx.db.select({ number: savCase.number }).from(savCase).where(eq(savCase.id, done.caseId));
  const opened = await openedItsCase(ctx, done.caseId, done.eventId);
  const ack = opened ? await acknowledge(ctx, done.caseId, conversation.language) : null;
  return { eventId: done.eventId, caseNumber: c!.number, acknowledgment: ack ? stripToken(ack) : null, replayed: done.replayed };
}

const stripToken = ({ trackingToken: _token, ...ack }: Acknowledgment & { trackingToken: string }): Acknowledgment => ack;

/** Nobody is there: the visitor's message opens a case answered by e-mail (its acknowledgment goes there too). */
export async function leaveOfflineMessage(
  ctx: Ctx,
  ip: string,
  account: AccountRow,
  input: { clientId: string; name: string; email: string; message: string; language: Language },
): Promise<{ acknowledgment: Acknowledgment; replayed: boolean }> {
  await limitPublicWrite(ctx, ip);
  const email = checkedEmail(ctx, input.email)!;
  await limitSubjectWrites(ctx, `chat:offline:${email}`);
  const raw: RawChatMessage = { kind: 'offline', clientId: input.clientId, name: input.name, email, text: input.message, language: input.language };
  const done = await storeAndProcess(ctx, account, `offline/${input.clientId}`, raw);
  return { acknowledgment: stripToken(await acknowledge(ctx, done.caseId, input.language)), replayed: done.replayed };
}

export function visitorTyping(ctx: Ctx, conversation: ConversationRow, typing: boolean): void {
  // Before the first message there is no case, and no agent watching it.
  if (conversation.caseId) publishChatSignal(ctx, { kind: 'visitor_typing', conversationId: conversation.id, caseId: conversation.caseId, typing });
}

export async function visitorRead(ctx: Ctx, conversation: ConversationRow, eventId: string): Promise<void> {
  if (!conversation.caseId) return;
  await markChatRead(ctx, conversation.caseId, eventId);
  await ctx.db.update(chatConversation).set({ visitorReadEventId: eventId, updatedAt: ctx.clock.now() }).where(eq(chatConversation.id, conversation.id));
  publishChatSignal(ctx, { kind: 'visitor_read', conversationId: conversation.id, caseId: conversation.caseId, eventId });
}

export async function endConversation(ctx: Ctx, conversation: ConversationRow, input: { transcript: boolean; email?: string | undefined }): Promise<'queued' | 'no_email' | 'not_asked' | 'already_sent'> {
  const email = checkedEmail(ctx, input.email) ?? conversation.visitorEmail;
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    await tx.db
      .update(chatConversation)
      .set({ state: 'ended', endedAt: sql`coalesce(${chatConversation.endedAt}, ${now.toISOString()}::timestamptz)`, visitorEmail: email, updatedAt: now })
      .where(eq(chatConversation.id, conversation.id));
    publishChatSignal(tx, { kind: 'ended', conversationId: conversation.id, caseId: conversation.caseId });
    // An e-mail given only now (for the transcript) is the customer's too: attached when nobody
    // else has it, else a merge suggested to the agents.
    if (email && email !== conversation.visitorEmail && conversation.caseId) {
      const [owner] = await tx.db.select({ customerId: savCase.customerId }).from(savCase).where(eq(savCase.id, conversation.caseId));
      if (owner) await learnIdentities(tx, owner.customerId, normaliseAll(tx, [{ kind: 'email', value: email }]), 'chat');
    }
    if (!input.transcript) return 'not_asked';
    if (conversation.transcriptSentAt) return 'already_sent';
    if (!email || !conversation.caseId) return 'no_email';
    await tx.jobs.enqueue(tx.db, transcriptJob, { conversationId: conversation.id });
    return 'queued';
  });
}
