// A stored chat message becomes a case message (the connector's `process`, run by the
// inbound.process job and, at once, by the request that stored it). In the job's transaction,
// with the stored row and the conversation locked: the first message of a conversation opens a
// `chat` case for the visitor, the next ones join it (a closed case: a new one), the
// conversation learns its case, and the row says how it ended. Run twice, or by the request
// and the job at once, it leaves one message on one case.
import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { fixedClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/database.ts';
import { registerCatalog, t, type Language } from '../../platform/i18n/i18n.ts';
import { systemActor } from '../../modules/access/actor.ts';
import { openCase } from '../../modules/cases/cases.service.ts';
import { savCase } from '../../modules/cases/cases.schema.ts';
import { recordCustomerMessage } from '../../modules/cases/customer-messages.ts';
import { caseRoutingOf, type AccountRow, type InboundOutcome, type StoredInbound } from '../connector.ts';
import { rawChatMessage, type RawChatMessage } from './chat.raw.ts';
import { chatConversation } from './chat.schema.ts';
import { publishChatSignal } from './chat.signals.ts';

registerCatalog({
  fr: { 'chat.subject': 'Chat : {start}', 'chat.offline.subject': 'Message laissé hors ligne : {start}', 'chat.visitor': 'Visiteur du chat' },
  en: { 'chat.subject': 'Chat: {start}', 'chat.offline.subject': 'Message left offline: {start}', 'chat.visitor': 'Chat visitor' },
});

/** The first words of the first message, for the case's subject. */
function startOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

async function openChatCase(tx: Ctx, account: AccountRow, m: { name: string | null; email: string | null; text: string; language: Language; offline: boolean; data: Record<string, unknown> }) {
  const opened = await openCase(
    tx,
    systemActor('channel:chat'),
    {
      customer: { displayName: m.name || t(m.language, 'chat.visitor'), ...(m.email ? { email: m.email } : {}), language: m.language },
      subject: t(m.language, m.offline ? 'chat.offline.subject' : 'chat.subject', { start: startOf(m.text) }),
      message: m.text,
      channel: 'chat',
      ...caseRoutingOf(account),
      priority: 'normal',
      tags: [],
      language: m.language,
      // Left while nobody was there: the visitor expects the answer by e-mail.
      ...(m.offline ? { notifyVia: 'email' as const } : {}),
    },
    { messageData: m.data },
  );
  return { caseId: opened.case.id, eventId: opened.messageEventId! };
}

async function processMessage(tx: Ctx, account: AccountRow, inboundId: string, m: Extract<RawChatMessage, { kind: 'message' }>): Promise<InboundOutcome> {
  const [conversation] = await queryRows<{ case_id: string | null; visitor_name: string | null; visitor_email: string | null; language: Language }>(
    tx.db,
    sql`SELECT case_id, visitor_name, visitor_email, language FROM chat_conversation WHERE id = ${m.conversationId} FOR UPDATE`,
  );
  if (!conversation) return { state: 'failed', detail: `conversation ${m.conversationId} is gone` };
  const data = { inboundId, conversationId: m.conversationId, clientId: m.clientId };
  if (conversation.case_id) {
    const [c] = await tx.db.select({ status: savCase.status }).from(savCase).where(eq(savCase.id, conversation.case_id));
    if (c && c.status !== 'closed') {
      const written = await recordCustomerMessage(tx, conversation.case_id, { body: m.text, channel: 'chat', data });
      return { state: 'processed', caseId: conversation.case_id, eventId: written.event.id, detail: 'joined its conversation’s case' };
    }
  }
  const opened = await openChatCase(tx, account, { name: conversation.visitor_name, email: conversation.visitor_email, text: m.text, language: conversation.language, offline: false, data });
  await tx.db.update(chatConversation).set({ caseId: opened.caseId, updatedAt: tx.clock.now() }).where(eq(chatConversation.id, m.conversationId));
  // The visitor's open stream learns its case (agents' answers and the case's state follow it).
  publishChatSignal(tx, { kind: 'case', conversationId: m.conversationId, caseId: opened.caseId });
  return { state: 'processed', ...opened, detail: conversation.case_id ? 'a new case, the previous one being closed' : 'a new case' };
}

/** Inside the inbound job's transaction, the stored row locked (inbound.process.ts). */
export async function processChatInbound(db: Ctx, row: StoredInbound): Promise<InboundOutcome> {
  let parsed: ReturnType<typeof rawChatMessage.safeParse>;
  try {
    parsed = rawChatMessage.safeParse(JSON.parse(row.raw.toString('utf8')));
  } catch (error) {
    return { state: 'failed', detail: `not a chat message: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!parsed.success) return { state: 'failed', detail: `not a chat message: ${parsed.error.issues[0]?.message}` };
  const m = parsed.data;
  // Written at the moment the visitor sent it: the order of the conversation, and the SLA clocks.
  const tx = { ...db, clock: fixedClock(row.receivedAt) };
  if (m.kind === 'message') return processMessage(tx, row.account, row.id, m);
  const opened = await openChatCase(tx, row.account, { name: m.name, email: m.email, text: m.text, language: m.language, offline: true, data: { inboundId: row.id, offline: true } });
  return { state: 'processed', ...opened, detail: 'a new case, left offline' };
}
