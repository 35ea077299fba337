// The customer's side of the survey: what the page shows for a link, and recording an answer
// — once per closing (a second send, a double click, shows the answer already given), on the
// case's timeline (a survey_answered event, the comment as its text, searchable with the
// case's messages) in the same transaction.
import { and, eq } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError } from '../../platform/errors.ts';
import { limitPublicRead, limitPublicWrite } from '../../platform/http/public-limits.ts';
import { parseFields } from '../../platform/http/validate.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { loadCaseRow, type CaseRow } from '../cases/cases.read.ts';
import { savCase } from '../cases/cases.schema.ts';
import { appendEvents } from '../cases/timeline.ts';
import { brand } from '../org/org.schema.ts';
import { reopenUntil } from './closing-facts.ts';
import { readSurveyToken, type SurveyRound } from './survey-link.ts';
import { surveyAnswerBody, type SurveyAnswerDto } from './surveys.contract.ts';
import { surveyResponse } from './surveys.schema.ts';

export const unknownSurvey = () => new AppError('not_found', 'This survey link does not lead to a survey');

export interface SurveyView {
  number: string;
  brandName: string;
  /** The case's language: the page's unless the customer chose the other. */
  language: Language;
  round: SurveyRound;
  answer: SurveyAnswerDto | null;
  /** solved: still as we left it; reopened: we are on it again; closed: no more messages. */
  state: 'solved' | 'reopened' | 'closed';
  /** Until when answering our message reopens the case (null: the window is over or off). */
  reopenUntil: Date | null;
}

type Row = typeof surveyResponse.$inferSelect;

export const presentAnswer = (r: Row): SurveyAnswerDto => ({
  csat: r.csat,
  nps: r.nps,
  comment: r.comment,
  language: r.language,
  answeredAt: r.answeredAt.toISOString(),
});

async function caseOf(ctx: Ctx, token: string): Promise<{ round: SurveyRound; c: CaseRow }> {
  const round = readSurveyToken(ctx, token);
  if (!round) throw unknownSurvey();
  const row = await loadCaseRow(ctx, eq(savCase.id, round.caseId));
  if (!row) throw unknownSurvey();
  return { round, c: row.c };
}

async function answerOf(ctx: Ctx, round: SurveyRound): Promise<Row | undefined> {
  const [found] = await ctx.db
    .select()
    .from(surveyResponse)
    .where(and(eq(surveyResponse.caseId, round.caseId), eq(surveyResponse.solvedAt, round.solvedAt)));
  return found;
}

function stateOf(c: CaseRow, round: SurveyRound): SurveyView['state'] {
  if (c.status === 'closed') return 'closed';
  return c.status === 'solved' && c.solvedAt?.getTime() === round.solvedAt.getTime() ? 'solved' : 'reopened';
}

async function viewOf(ctx: Ctx, round: SurveyRound, c: CaseRow): Promise<SurveyView> {
  const [b] = await ctx.db.select({ name: brand.name }).from(brand).where(eq(brand.id, c.brandId));
  const answer = await answerOf(ctx, round);
  const state = stateOf(c, round);
  const until = state === 'solved' ? reopenUntil(ctx, round.solvedAt) : null;
  return {
    number: c.number,
    brandName: b?.name ?? '',
    language: c.language,
    round,
    answer: answer ? presentAnswer(answer) : null,
    state,
    reopenUntil: until && until.getTime() > ctx.clock.now().getTime() ? until : null,
  };
}

/** The survey behind a link (counted against the visitor's and the link's read limits), or a plain 404. */
export async function getSurvey(ctx: Ctx, token: string, visitor: { ip: string }): Promise<SurveyView> {
  await limitPublicRead(ctx, visitor.ip, `survey:${token}`);
  const { round, c } = await caseOf(ctx, token);
  return viewOf(ctx, round, c);
}

export type AnswerOutcome = { recorded: boolean; view: SurveyView };

/** Records the answer sent from the survey page; the one already given stands. */
export async function answerSurvey(ctx: Ctx, token: string, visitor: { ip: string }, fields: unknown, language: Language): Promise<AnswerOutcome> {
  await limitPublicWrite(ctx, visitor.ip, `survey:${token}`);
  const { round, c } = await caseOf(ctx, token);
  const input = parseFields(surveyAnswerBody, fields);
  const recorded = await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const id = uuidv7(now.getTime());
    const [inserted] = await tx.db
      .insert(surveyResponse)
      .values({ id, caseId: c.id, solvedAt: round.solvedAt, csat: input.csat ?? null, nps: input.nps ?? null, comment: input.comment ?? null, language, answeredAt: now })
      .onConflictDoNothing()
      .returning({ id: surveyResponse.id });
    if (!inserted) return false;
    const [event] = await appendEvents(
      tx,
      c,
      [
        {
          type: 'survey_answered',
          actorType: 'customer',
          actorCustomerId: c.customerId,
          visibility: 'internal',
          bodyText: input.comment ?? null,
          data: { csat: input.csat ?? null, nps: input.nps ?? null, solvedAt: round.solvedAt.toISOString(), language, responseId: id },
        },
      ],
      now,
    );
    await tx.db.update(surveyResponse).set({ eventId: event!.id }).where(eq(surveyResponse.id, id));
    return true;
  });
  return { recorded, view: await viewOf(ctx, round, c) };
}
