// The surveys API: a case's closings and the customer's answers, and the report over a
// period (CSAT average, NPS, the answers).
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { principalOf } from '../access/access.http.ts';
import { caseSurvey, surveyReport } from './survey-report.ts';
import { caseSurveySchema, surveyReportQuery, surveyReportSchema } from './surveys.contract.ts';

const tags = ['surveys'];

export function registerSurveyRoutes(app: Api): void {
  app.get(
    '/api/v1/cases/:id/survey',
    {
      schema: {
        tags,
        summary: 'The case’s closing messages, follow-up checks and survey answers, latest solving first',
        params: idParams,
        response: { 200: caseSurveySchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => caseSurvey(req.ctx, principalOf(req), req.params.id),
  );

  app.get(
    '/api/v1/surveys',
    {
      schema: {
        tags,
        summary: 'Survey answers given in a period: CSAT average and share satisfied, NPS, and the answers, latest first',
        querystring: surveyReportQuery,
        response: { 200: surveyReportSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (req) => surveyReport(req.ctx, principalOf(req), req.query),
  );
}
