// Writing the closing and the follow-up to the customer: the same rule as every automatic
// message (the channel they chose, else the one they wrote on when it carries our messages,
// else e-mail, else SMS), except the live chat, whose visitor is gone by then and could not
// open the survey later. Kept on the timeline with the closing they belong to (data.solvedAt).
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { caseEvent } from '../cases/cases.schema.ts';
import type { CaseFacts } from '../notifications/case-facts.ts';
import { composeMessage } from '../notifications/compose.ts';
import { sendAutomaticMessage } from '../notifications/deliveries.ts';
import { addressesOfCase, chooseDestination } from '../notifications/destination.ts';
import { templateChannelOf } from '../notifications/notifications.contract.ts';
import { effectiveTemplate } from '../notifications/templates.service.ts';
import { closingVariables, loadClosingFacts } from './closing-facts.ts';

export type SurveyMessageKind = 'closing' | 'follow_up';

/** Whether this closing's message of `kind` was written already (a job run twice). */
export async function surveyMessageSent(ctx: Ctx, caseId: string, kind: SurveyMessageKind, solvedAt: Date): Promise<boolean> {
  const [found] = await ctx.db
    .select({ id: caseEvent.id })
    .from(caseEvent)
    .where(
      and(
        eq(caseEvent.caseId, caseId),
        eq(caseEvent.type, 'message_out'),
        sql`${caseEvent.data} ->> 'kind' = ${kind}`,
        sql`${caseEvent.data} ->> 'solvedAt' = ${solvedAt.toISOString()}`,
      ),
    )
    .limit(1);
  return !!found;
}

export async function sendSurveyMessage(tx: Ctx, facts: CaseFacts, kind: SurveyMessageKind, solvedAt: Date): Promise<string> {
  const c = facts.c;
  const addresses = await addressesOfCase(tx, c);
  const destination = chooseDestination(c.notifyVia, c.channel, { ...addresses, chat: null });
  const channel = templateChannelOf(destination.channel);
  const template = await effectiveTemplate(tx, { key: kind, channel, language: c.language });
  const message = composeMessage(template, channel, closingVariables(tx, facts, await loadClosingFacts(tx, c.id), solvedAt, c.language));
  const sent = await sendAutomaticMessage(tx, c, { kind, template: kind, destination, message, language: c.language, data: { solvedAt: solvedAt.toISOString() } });
  return sent.eventId;
}
