// POST /api/v1/cases/bulk: one change applied to many cases, with a result per case.
import type { Api } from '../../platform/http/api.ts';
import { problems } from '../../platform/http/api.ts';
import { problemFor } from '../../platform/http/problem.ts';
import { principalOf } from '../access/access.http.ts';
import { bulkBody, bulkResultSchema, type BulkResult } from './bulk.contract.ts';
import { bulkChange } from './cases.bulk.ts';

export function registerBulkRoutes(app: Api): void {
  app.post(
    '/api/v1/cases/bulk',
    {
      schema: {
        tags: ['cases'],
        summary: 'Assign, change the status or priority, or add and remove tags on up to 200 cases; each case is changed (or refused) on its own',
        body: bulkBody,
        response: { 200: bulkResultSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (req): Promise<BulkResult> => {
      const outcomes = await bulkChange(req.ctx, principalOf(req), req.body);
      const results = outcomes.map((o): BulkResult['results'][number] => {
        if (o.ok) return o;
        const { status, code, title, detail } = problemFor(req, o.error);
        return { caseId: o.caseId, ok: false, problem: { status, code, title, detail } };
      });
      return { results, changed: outcomes.filter((o) => o.ok).length, refused: outcomes.filter((o) => !o.ok).length };
    },
  );
}
