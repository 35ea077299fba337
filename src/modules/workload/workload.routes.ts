// The manager views over HTTP: the workload in one request, and reassigning in one action.
// Managers and admins only (workload.manage); a manager limited to brands or stores sees
// and moves only the cases of those.
import type { Api } from '../../platform/http/api.ts';
import { problems } from '../../platform/http/api.ts';
import { principalOf } from '../access/access.http.ts';
import { reassignBody, reassignResultSchema, workloadSchema } from './workload.contract.ts';
import { reassignCases } from './workload.reassign.ts';
import { readWorkload } from './workload.service.ts';

const tags = ['workload'];

export function registerWorkloadRoutes(app: Api): void {
  app.get(
    '/api/v1/workload',
    {
      schema: {
        tags,
        summary: 'The workload at a glance: open cases per team and status, backlog by age and SLA state, agents’ load, breaches today',
        response: { 200: workloadSchema, ...problems(401, 403) },
      },
    },
    async (req) => readWorkload(req.ctx, principalOf(req)),
  );
  app.post(
    '/api/v1/workload/reassign',
    {
      schema: {
        tags,
        summary: 'Move cases (a selection, or a bucket of the workload) to another agent or team in one action; each case is changed as by PATCH /cases/{id}, with its own result',
        body: reassignBody,
        response: { 200: reassignResultSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (req) => reassignCases(req.ctx, principalOf(req), req.body),
  );
}
