// The transcript: when a conversation ends (the visitor closes it, or the case is solved and
// the visitor asks), its lines go to the visitor by e-mail, rendered from the chat_transcript
// template (fr, en; admins may rewrite it). It is a message on the case's timeline with its
// delivery, like every message to a customer, and is sent once per conversation.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { registerCatalog, t, type Language } from '../../platform/i18n/i18n.ts';
import { jobType } from '../../platform/jobs/job-types.ts';
import { caseVariables, loadCaseFacts } from '../../modules/notifications/case-facts.ts';
import { composeMessage } from '../../modules/notifications/compose.ts';
import { sendAutomaticMessage } from '../../modules/notifications/deliveries.ts';
import { addressesOf } from '../../modules/notifications/destination.ts';
import { effectiveTemplate } from '../../modules/notifications/templates.service.ts';
import { chatLines, type ChatLine } from './chat.history.ts';
import { chatConversation } from './chat.schema.ts';

registerCatalog({
  fr: { 'chat.transcript.you': 'Vous', 'chat.transcript.agent': 'Conseiller' },
  en: { 'chat.transcript.you': 'You', 'chat.transcript.agent': 'Adviser' },
});

export const transcriptJob = jobType('chat.transcript', z.object({ conversationId: z.uuid() }), {
  retry: { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 10 * 60_000 },
  timeoutMs: 60_000,
});

/** "[14:02] Vous : Bonjour…", one line per message, in the case's time zone. */
export function transcriptText(lines: ChatLine[], language: Language, timezone: string): string {
  const time = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { timeZone: timezone, hour: '2-digit', minute: '2-digit' });
  const colon = language === 'fr' ? ' :' : ':';
  return lines
    .map((l) => {
      const who = l.author === 'visitor' ? t(language, 'chat.transcript.you') : (l.name ?? t(language, 'chat.transcript.agent'));
      return `[${time.format(new Date(l.at))}] ${who}${colon} ${l.text.replace(/\n+/g, '\n    ')}`;
    })
    .join('\n');
}

export type TranscriptOutcome = 'sent' | 'already_sent' | 'no_email' | 'no_case';

export async function sendTranscript(ctx: Ctx, conversationId: string): Promise<TranscriptOutcome> {
  return inTransaction(ctx, async (tx) => {
    const [conversation] = await queryRows<{ case_id: string | null; visitor_email: string | null; transcript_sent_at: Date | null }>(
      tx.db,
      sql`SELECT case_id, visitor_email, transcript_sent_at FROM chat_conversation WHERE id = ${conversationId} FOR UPDATE`,
    );
    if (!conversation?.case_id) return 'no_case';
    if (conversation.transcript_sent_at) return 'already_sent';
    const facts = await loadCaseFacts(tx, conversation.case_id);
    if (!facts) return 'no_case';
    const email = conversation.visitor_email ?? (await addressesOf(tx, facts.c.customerId)).emails[0];
    if (!email) return 'no_email';
    const language = facts.c.language;
    const template = await effectiveTemplate(tx, { key: 'chat_transcript', channel: 'email', language });
    const transcript = transcriptText(await chatLines(tx, facts.c.id), language, tx.config.defaults.timezone);
    const message = composeMessage(template, 'email', { ...caseVariables(tx, facts, language), transcript });
    await sendAutomaticMessage(tx, facts.c, { kind: 'transcript', template: 'chat_transcript', destination: { channel: 'email', recipient: email }, message, language, data: { conversationId } });
    await tx.db.update(chatConversation).set({ transcriptSentAt: tx.clock.now(), updatedAt: tx.clock.now() }).where(eq(chatConversation.id, conversationId));
    return 'sent';
  });
}
