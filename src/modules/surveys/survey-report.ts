// The agents' and managers' side of the surveys: a case's closings and what the customer
// answered, and the report over a period — CSAT average and NPS of the answers given in it,
// for the cases the reader may see, with the answers themselves, latest first.
import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { forbidden, invalid } from '../../platform/errors.ts';
import { decodeCursor, paginate } from '../../platform/http/pagination.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { loadVisibleCase } from '../cases/cases.read.ts';
import { caseEvent, savCase } from '../cases/cases.schema.ts';
import { formatDay, parseIsoDate } from '../sla/dates.ts';
import { instantOf, localDayOf } from '../sla/zone.ts';
import { netPromoterScore, summariseCsat } from './survey-stats.ts';
import { presentAnswer } from './survey-answers.ts';
import type { CaseSurveyDto, SurveyReportDto, SurveyReportQuery } from './surveys.contract.ts';
import { surveyResponse } from './surveys.schema.ts';

export async function caseSurvey(ctx: Ctx, actor: Actor, caseId: string): Promise<CaseSurveyDto> {
  requirePermission(actor, 'cases.read');
  // Answers are internal, like the events that record them: not for another store's history.
  const { access } = await loadVisibleCase(ctx, actor, caseId);
  if (access !== 'full') throw forbidden('This case belongs to another store: its survey answers are for its own team');
  const sent = await ctx.db
    .select({ at: caseEvent.at, data: caseEvent.data })
    .from(caseEvent)
    .where(and(eq(caseEvent.caseId, caseId), eq(caseEvent.type, 'message_out'), sql`${caseEvent.data} ->> 'kind' IN ('closing', 'follow_up')`))
    .orderBy(asc(caseEvent.id));
  const answers = await ctx.db.select().from(surveyResponse).where(eq(surveyResponse.caseId, caseId));
  const rounds = new Map<string, CaseSurveyDto['items'][number]>();
  const round = (solvedAt: string) => {
    let r = rounds.get(solvedAt);
    if (!r) rounds.set(solvedAt, (r = { solvedAt, closingSentAt: null, followUpSentAt: null, answer: null }));
    return r;
  };
  for (const m of sent) {
    if (typeof m.data.solvedAt !== 'string') continue;
    const r = round(m.data.solvedAt);
    if (m.data.kind === 'closing') r.closingSentAt ??= m.at.toISOString();
    else r.followUpSentAt ??= m.at.toISOString();
  }
  for (const a of answers) round(a.solvedAt.toISOString()).answer = presentAnswer(a);
  return { items: [...rounds.values()].sort((a, b) => b.solvedAt.localeCompare(a.solvedAt)) };
}

/** The period's days, checked: `to` defaults to today, `from` to 30 days before it. */
function periodOf(ctx: Ctx, q: SurveyReportQuery): { from: string; to: string; start: Date; end: Date } {
  const zone = ctx.config.defaults.timezone;
  const day = (value: string, field: string) => {
    try {
      return parseIsoDate(value);
    } catch {
      throw invalid(field, 'not a calendar date');
    }
  };
  const last = q.to ? day(q.to, 'to') : localDayOf(zone, ctx.clock.now().getTime());
  const first = q.from ? day(q.from, 'from') : last - 29;
  if (first > last) throw invalid('from', 'must not be after `to`');
  if (last - first > 3660) throw invalid('from', 'a period of ten years at most');
  return { from: formatDay(first), to: formatDay(last), start: new Date(instantOf(zone, first, 0)), end: new Date(instantOf(zone, last + 1, 0)) };
}

/** The cases the actor sees in full (their brands and stores), as a condition. */
function inScope(actor: Actor): SQL | undefined {
  return and(
    actor.scope.brandIds ? inArray(savCase.brandId, [...actor.scope.brandIds]) : undefined,
    actor.scope.storeIds ? inArray(savCase.storeId, [...actor.scope.storeIds]) : undefined,
  );
}

export async function surveyReport(ctx: Ctx, actor: Actor, q: SurveyReportQuery): Promise<SurveyReportDto> {
  requirePermission(actor, 'cases.read');
  const period = periodOf(ctx, q);
  const where = and(
    gte(surveyResponse.answeredAt, period.start),
    lt(surveyResponse.answeredAt, period.end),
    inScope(actor),
    q.brandId ? eq(savCase.brandId, q.brandId) : undefined,
  );
  const scores = await ctx.db
    .select({ csat: surveyResponse.csat, nps: surveyResponse.nps })
    .from(surveyResponse)
    .innerJoin(savCase, eq(savCase.id, surveyResponse.caseId))
    .where(where);
  const page: (SQL | undefined)[] = [where];
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, 2) as [string, string];
    page.push(or(lt(surveyResponse.answeredAt, new Date(at)), and(eq(surveyResponse.answeredAt, new Date(at)), lt(surveyResponse.id, id))));
  }
  const rows = await ctx.db
    .select({ r: surveyResponse, number: savCase.number })
    .from(surveyResponse)
    .innerJoin(savCase, eq(savCase.id, surveyResponse.caseId))
    .where(and(...page))
    .orderBy(desc(surveyResponse.answeredAt), desc(surveyResponse.id))
    .limit(q.limit + 1);
  const listed = paginate(rows, q.limit, (row) => [row.r.answeredAt.toISOString(), row.r.id]);
  const csat = summariseCsat(scores.flatMap((s) => (s.csat === null ? [] : [s.csat])));
  const nps = netPromoterScore(scores.flatMap((s) => (s.nps === null ? [] : [s.nps])));
  return {
    from: period.from,
    to: period.to,
    answers: scores.length,
    csat,
    nps,
    items: listed.items.map(({ r, number }) => ({
      caseId: r.caseId,
      caseNumber: number,
      solvedAt: r.solvedAt.toISOString(),
      csat: r.csat,
      nps: r.nps,
      comment: r.comment,
      answeredAt: r.answeredAt.toISOString(),
    })),
    nextCursor: listed.nextCursor,
  };
}
