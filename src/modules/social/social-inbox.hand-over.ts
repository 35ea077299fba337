// Handing a public message over: the community manager gives its case to a team's queue, a
// store or a colleague, with a word for them. The case keeps its thread (nothing is copied
// or split); the change goes through the case's own update (cases/case-changes.ts), so the
// timeline, the SLA clocks and the access rules are the ones any change follows, and the
// internal note and the audit line are written in the same transaction.
import { eq } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { socialMessage } from '../../channels/social/social.schema.ts';
import { notFound } from '../../platform/errors.ts';
import { registerCatalog, t } from '../../platform/i18n/i18n.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { postMessage, updateCase } from '../cases/case-changes.ts';
import { loadVisibleCase } from '../cases/cases.read.ts';
import { getCase } from '../cases/cases.service.ts';
import type { CaseDto, UpdateCaseInput } from '../cases/cases.contract.ts';
import type { HandOverInput } from './social.contract.ts';

registerCatalog({
  fr: { 'social.handOver.note': 'Transmis depuis la boîte sociale : message public de {author} sur {channel} (urgence {urgency}).' },
  en: { 'social.handOver.note': 'Handed over from the social inbox: a public message from {author} on {channel} (urgency {urgency}).' },
});

const networkNames: Record<string, string> = { x: 'X', facebook: 'Facebook', instagram: 'Instagram', messenger: 'Messenger', whatsapp: 'WhatsApp', sms: 'SMS', marketplace: 'marketplace' };

export async function handOverMessage(ctx: Ctx, actor: Actor, eventId: string, input: HandOverInput): Promise<{ case: CaseDto; noteEventId: string }> {
  requirePermission(actor, 'cases.write');
  const [message] = await ctx.db
    .select({ caseId: socialMessage.caseId, channel: socialMessage.channel, handle: socialMessage.authorHandle, name: socialMessage.authorName, authorId: socialMessage.authorId, urgency: socialMessage.urgency })
    .from(socialMessage)
    .where(eq(socialMessage.eventId, eventId))
    .limit(1);
  if (!message) throw notFound('social message', eventId);
  // Another brand's message is not there for this reader (404, like its case).
  await loadVisibleCase(ctx, actor, message.caseId).catch(() => {
    throw notFound('social message', eventId);
  });

  const change: UpdateCaseInput = {
    ...(input.teamId !== undefined ? { teamId: input.teamId } : {}),
    ...(input.storeId !== undefined ? { storeId: input.storeId } : {}),
    ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
  };
  const author = message.handle ? `@${message.handle}` : (message.name ?? message.authorId);
  const lead = t(actor.language, 'social.handOver.note', { author, channel: networkNames[message.channel] ?? message.channel, urgency: message.urgency });
  const body = input.note ? `${lead}\n\n${input.note}` : lead;

  return inTransaction(ctx, async (tx) => {
    await updateCase(tx, actor, message.caseId, change);
    const note = await postMessage(tx, actor, message.caseId, { kind: 'note', body });
    await recordAudit(tx, actor, {
      action: 'social.handed_over',
      targetType: 'case',
      targetId: message.caseId,
      details: { eventId, ...change },
    });
    // Read after the note: the version the web app holds next is the latest.
    return { case: await getCase(tx, actor, message.caseId), noteEventId: note.message.id };
  });
}
