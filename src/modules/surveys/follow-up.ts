// The follow-up check, some days after the closing (COMPTOIR_SURVEY_FOLLOW_UP_DAYS, 7 by
// default): "is everything still fine?", with the survey link again — only when the customer
// has neither answered the survey nor written since, and the case was not reopened (a case
// solved again has its own closing and its own follow-up).
import { and, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { jobType } from '../../platform/jobs/job-types.ts';
import { caseEvent } from '../cases/cases.schema.ts';
import { loadCaseFacts } from '../notifications/case-facts.ts';
import { sendSurveyMessage, surveyMessageSent } from './survey-messages.ts';
import { surveyResponse } from './surveys.schema.ts';

export const followUpJob = jobType('surveys.follow_up', z.object({ caseId: z.uuid(), solvedAt: z.iso.datetime({ offset: true }) }), {
  retry: { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 10 * 60_000 },
  timeoutMs: 60_000,
});

export type FollowUpOutcome = 'sent' | 'already_sent' | 'reopened' | 'answered';

export async function sendFollowUp(ctx: Ctx, caseId: string, solvedAtIso: string): Promise<FollowUpOutcome> {
  const solvedAt = new Date(solvedAtIso);
  return inTransaction(ctx, async (tx) => {
    const facts = await loadCaseFacts(tx, caseId, { lock: true, nextStep: false });
    const c = facts?.c;
    if (!facts || !c || (c.status !== 'solved' && c.status !== 'closed') || c.solvedAt?.getTime() !== solvedAt.getTime()) return 'reopened';
    const [answer] = await tx.db
      .select({ id: surveyResponse.id })
      .from(surveyResponse)
      .where(and(eq(surveyResponse.caseId, caseId), eq(surveyResponse.solvedAt, solvedAt)));
    // Thanks on a solved case join it without reopening it (social/praise.ts): an answer too.
    const [wrote] = await tx.db
      .select({ id: caseEvent.id })
      .from(caseEvent)
      .where(and(eq(caseEvent.caseId, caseId), eq(caseEvent.type, 'message_in'), gt(caseEvent.at, solvedAt)))
      .limit(1);
    if (answer || wrote) return 'answered';
    if (await surveyMessageSent(tx, caseId, 'follow_up', solvedAt)) return 'already_sent';
    await sendSurveyMessage(tx, facts, 'follow_up', solvedAt);
    return 'sent';
  });
}
