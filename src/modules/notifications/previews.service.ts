// Seeing a message before anyone receives it: an admin's template (saved or not) rendered with
// a real case or with sample data, and the acknowledgment of a case as its customer gets it —
// on the counter's printer too (the ticket; the PDF with its QR code comes later).
import { chatLines } from '../../channels/chat/chat.history.ts';
import { transcriptText } from '../../channels/chat/chat.transcript.ts';
import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { caseEvent } from '../cases/cases.schema.ts';
import { closingVariables, loadClosingFacts } from '../surveys/closing-facts.ts';
import { loadVisibleCase } from '../cases/cases.read.ts';
import { acknowledgmentDestination, composeAcknowledgment } from './acknowledgment.ts';
import { acknowledgmentVariables, caseVariables, earliestRunning, loadCaseFacts, stepUpdateVariables, type CaseFacts } from './case-facts.ts';
import { composeMessage, presentRendered } from './compose.ts';
import { templateChannelOf, type PreviewTemplateInput, type RenderedMessageDto, type TemplateChannel, type TemplateKey } from './notifications.contract.ts';
import { sampleVariables } from './preview-samples.ts';
import { slaVariables } from './sla-mail.ts';
import { assertValidTemplate, effectiveTemplate, requireSlot } from './templates.service.ts';

/** The signed-in person's name (a system actor has none). */
const nameOf = (actor: Actor): string => ('name' in actor && typeof actor.name === 'string' ? actor.name : '');

async function factsFor(ctx: Ctx, actor: Actor, caseId: string): Promise<CaseFacts> {
  await loadVisibleCase(ctx, actor, caseId);
  const facts = await loadCaseFacts(ctx, caseId);
  if (!facts) throw notFound('case', caseId);
  return facts;
}

/** A template's variables filled from a real case. */
async function caseValues(ctx: Ctx, actor: Actor, key: TemplateKey, facts: CaseFacts, language: Language): Promise<Record<string, string>> {
  const sample = sampleVariables(ctx.config, language);
  switch (key) {
    case 'acknowledgment':
      return acknowledgmentVariables(ctx, facts, language);
    case 'step_update':
      return stepUpdateVariables(ctx, facts, language);
    case 'agent_reply': {
      const [reply] = await ctx.db
        .select({ body: caseEvent.bodyText })
        .from(caseEvent)
        .where(and(eq(caseEvent.caseId, facts.c.id), eq(caseEvent.type, 'message_out'), eq(caseEvent.actorType, 'user'), eq(caseEvent.visibility, 'public')))
        .orderBy(desc(caseEvent.id))
        .limit(1);
      return { ...caseVariables(ctx, facts, language), message: reply?.body ?? sample.message!, 'agent.firstName': nameOf(actor).split(/\s+/)[0] ?? '' };
    }
    case 'chat_transcript': {
      const lines = await chatLines(ctx, facts.c.id);
      return { ...caseVariables(ctx, facts, language), transcript: lines.length ? transcriptText(lines, language, ctx.config.defaults.timezone) : sample.transcript! };
    }
    case 'closing':
    case 'follow_up':
      return closingVariables(ctx, facts, await loadClosingFacts(ctx, facts.c.id), facts.c.solvedAt ?? ctx.clock.now(), language);
    case 'sla_warning':
    case 'sla_escalation': {
      const clock = earliestRunning(facts.clocks) ?? facts.clocks[0];
      return slaVariables(ctx, facts, language, {
        metric: clock?.metric ?? 'first_reply',
        deadline: clock?.deadline ?? new Date(ctx.clock.now()).toISOString(),
        recipientName: nameOf(actor),
        teamName: sample['team.name']!,
        assigneeName: null,
      });
    }
  }
}

export async function previewTemplate(ctx: Ctx, actor: Actor, input: PreviewTemplateInput): Promise<RenderedMessageDto> {
  requirePermission(actor, 'org.manage');
  const { key, channel, language } = input;
  requireSlot(key, channel);
  const current = await effectiveTemplate(ctx, { key, channel, language });
  const template = { subject: input.subject ?? current.subject, body: input.body ?? current.body };
  assertValidTemplate(key, channel, template);
  const values = input.caseId ? await caseValues(ctx, actor, key, await factsFor(ctx, actor, input.caseId), language) : sampleVariables(ctx.config, language);
  return presentRendered(key, channel, language, composeMessage(template, channel, values));
}

export async function renderCaseAcknowledgment(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  q: { channel?: TemplateChannel | undefined; language?: Language | undefined },
): Promise<RenderedMessageDto> {
  requirePermission(actor, 'cases.read');
  const facts = await factsFor(ctx, actor, caseId);
  const channel = q.channel ?? templateChannelOf((await acknowledgmentDestination(ctx, facts)).channel);
  const language = q.language ?? facts.c.language;
  return presentRendered('acknowledgment', channel, language, await composeAcknowledgment(ctx, facts, channel, language));
}
