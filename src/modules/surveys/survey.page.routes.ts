// The survey page at /s/{token} — the link in the closing and follow-up messages — and its
// form. GET shows it (?csat=4 or ?nps=9 pre-selects a score, so a template may offer one link
// per score; the answer is only recorded by the form's POST, because mail scanners open every
// link of a message and would otherwise vote for the customer). POST records, then sends back
// to the page (303) with the thanks; a refused form comes back with the problem in words.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorCodes, type AppError } from '../../platform/errors.ts';
import type { Api } from '../../platform/http/api.ts';
import { sendPage } from '../../platform/http/public-page.ts';
import { toAppError } from '../../platform/http/problem.ts';
import { negotiateLanguage, t, type Language } from '../../platform/i18n/i18n.ts';
import { tokenParams } from '../tracking/tracking.contract.ts';
import { answerSurvey, getSurvey } from './survey-answers.ts';
import { surveyPath } from './survey-link.ts';
import { renderSurveyPage, renderSurveyProblem, type SurveyPageInput } from './survey.page.ts';

const pageQuery = z.object({
  lang: z.enum(['fr', 'en']).optional().catch(undefined),
  sent: z.string().optional(),
  csat: z.string().max(2).optional(),
  nps: z.string().max(2).optional(),
});
const hidden = { config: { auth: 'public' as const }, schema: { hide: true, params: tokenParams, querystring: pageQuery } };

type PageRequest = FastifyRequest<{ Params: { token: string }; Querystring: z.infer<typeof pageQuery> }>;

const fieldsOf = (body: unknown): Record<string, string> =>
  body && typeof body === 'object' ? Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};

function problemOf(error: AppError, lang: Language): NonNullable<SurveyPageInput['problem']> {
  if (error.code === 'rate_limited') return { field: null, text: t(lang, 'survey.error.rate', { minutes: Math.ceil((error.retryAfterSeconds ?? 60) / 60) }) };
  if (error.errors?.some((e) => e.field === 'comment')) return { field: 'comment', text: t(lang, 'survey.error.too_long') };
  return { field: 'csat', text: t(lang, 'survey.error.choose') };
}

function showLinkProblem(req: PageRequest, reply: FastifyReply, error: AppError) {
  const lang = req.query.lang ?? negotiateLanguage(req.headers['accept-language']);
  const path = surveyPath(req.params.token);
  if (error.code === 'not_found') return sendPage(reply, 404, renderSurveyProblem(lang, path, 'missing'));
  if (error.code === 'rate_limited') {
    const seconds = error.retryAfterSeconds ?? 60;
    reply.header('retry-after', String(seconds));
    return sendPage(reply, 429, renderSurveyProblem(lang, path, 'busy', Math.ceil(seconds / 60)));
  }
  throw error;
}

export function registerSurveyPage(app: Api): void {
  app.get('/s/:token', hidden, async (req, reply) => {
    try {
      const view = await getSurvey(req.ctx, req.params.token, { ip: req.ip });
      const lang = req.query.lang ?? view.language;
      const page = renderSurveyPage({ view, token: req.params.token, lang, timezone: req.ctx.config.defaults.timezone, sent: !!req.query.sent, draft: { csat: req.query.csat, nps: req.query.nps } });
      return sendPage(reply, 200, page);
    } catch (error) {
      return showLinkProblem(req, reply, toAppError(error));
    }
  });

  app.post('/s/:token', hidden, async (req, reply) => {
    const fields = fieldsOf(req.body);
    const lang = req.query.lang ?? negotiateLanguage(req.headers['accept-language']);
    try {
      await answerSurvey(req.ctx, req.params.token, { ip: req.ip }, fields, lang);
      return reply.code(303).header('location', `${surveyPath(req.params.token)}?lang=${lang}&sent=1`).send();
    } catch (error) {
      const refusal = toAppError(error);
      if (refusal.code === 'not_found' || errorCodes[refusal.code] >= 500) return showLinkProblem(req, reply, refusal);
      // The page again, with the problem and what the customer had chosen and typed.
      try {
        const view = await getSurvey(req.ctx, req.params.token, { ip: req.ip });
        const page = renderSurveyPage({ view, token: req.params.token, lang, timezone: req.ctx.config.defaults.timezone, problem: problemOf(refusal, lang), draft: fields });
        return sendPage(reply, errorCodes[refusal.code], page);
      } catch (again) {
        return showLinkProblem(req, reply, toAppError(again));
      }
    }
  });
}
