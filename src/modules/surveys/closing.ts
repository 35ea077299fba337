// When a case becomes solved, the customer gets the closing message (survey-messages.ts) in
// their language, and a follow-up check is planned COMPTOIR_SURVEY_FOLLOW_UP_DAYS later. The
// job answers the status change: it sends only if that change is still the case's state (a
// case reopened meanwhile, or solved again since, has the later change speak for it), and
// once per solving, under the case's lock.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { jobType } from '../../platform/jobs/job-types.ts';
import { caseEvent } from '../cases/cases.schema.ts';
import { loadCaseFacts } from '../notifications/case-facts.ts';
import { followUpJob } from './follow-up.ts';
import { sendSurveyMessage, surveyMessageSent } from './survey-messages.ts';

export const closingJob = jobType('surveys.closing', z.object({ caseId: z.uuid(), eventId: z.uuid() }), {
  retry: { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 10 * 60_000 },
  timeoutMs: 60_000,
});

const DAY = 86_400_000;

export type ClosingOutcome = 'sent' | 'already_sent' | 'not_solving' | 'superseded';

export async function sendClosing(ctx: Ctx, caseId: string, eventId: string): Promise<ClosingOutcome> {
  const [change] = await ctx.db
    .select({ type: caseEvent.type, at: caseEvent.at, data: caseEvent.data })
    .from(caseEvent)
    .where(and(eq(caseEvent.id, eventId), eq(caseEvent.caseId, caseId)));
  if (!change || change.type !== 'status_changed' || change.data.to !== 'solved') return 'not_solving';
  return inTransaction(ctx, async (tx) => {
    const facts = await loadCaseFacts(tx, caseId, { lock: true, nextStep: false });
    const solvedAt = facts?.c.solvedAt;
    // Solving stamps the case with the change's own time (case-changes.ts statusChange).
    if (!facts || facts.c.status !== 'solved' || solvedAt?.getTime() !== change.at.getTime()) return 'superseded';
    if (await surveyMessageSent(tx, caseId, 'closing', solvedAt)) return 'already_sent';
    await sendSurveyMessage(tx, facts, 'closing', solvedAt);
    const days = tx.config.care.followUpDays;
    if (days > 0) await tx.jobs.enqueue(tx.db, followUpJob, { caseId, solvedAt: solvedAt.toISOString() }, { runAt: new Date(solvedAt.getTime() + days * DAY) });
    return 'sent';
  });
}
