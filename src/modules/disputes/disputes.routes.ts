// The disputes API: the check of a draft reply that may refuse the customer, and the alerts a
// case carries (dispute, customer effort) for the banner above its timeline.
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { principalOf } from '../access/access.http.ts';
import { caseAlerts } from './case-alerts.ts';
import { caseAlertsSchema, refusalCheckBody, refusalCheckSchema } from './disputes.contract.ts';
import { checkRefusal } from './refusal-check.ts';

const tags = ['disputes'];

export function registerDisputeRoutes(app: Api): void {
  app.post(
    '/api/v1/cases/:id/refusal-check',
    {
      schema: {
        tags,
        summary: 'Does this draft reply refuse the customer? (before sending it)',
        params: idParams,
        body: refusalCheckBody,
        response: { 200: refusalCheckSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => checkRefusal(req.ctx, principalOf(req), req.params.id, req.body.text),
  );

  app.get(
    '/api/v1/cases/:id/alerts',
    {
      schema: {
        tags,
        summary: 'The case’s alerts: flagged as a dispute (what was found), and the customer’s effort (exchanges, warnings)',
        params: idParams,
        response: { 200: caseAlertsSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => caseAlerts(req.ctx, principalOf(req), req.params.id),
  );
}
