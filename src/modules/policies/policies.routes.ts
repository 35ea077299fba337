// HTTP routes of the rulebook: the active policy document and its history (admins edit it),
// a verdict on a request, and the verdict on a case from its linked order line.
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { principalOf } from '../access/access.http.ts';
import { evaluateForCase } from './evaluate-case.ts';
import { policyRequests } from './law/verdict.ts';
import {
  caseVerdictSchema,
  evaluateBody,
  policyVersionSchema,
  policyVersionSummarySchema,
  saveDocumentBody,
  verdictSchema,
  versionParams,
} from './policies.contract.ts';
import { evaluateRequest, getCurrentPolicy, getPolicyVersion, listPolicyVersions, saveCurrentPolicy } from './policies.service.ts';

const tags = ['policies'];
const read = problems(401, 403, 404);

const caseVerdictQuery = z.strictObject({
  request: z.enum(policyRequests).optional().describe('Default: what the case’s contact reason asks (return → withdrawal, delivery → late_delivery, else defect)'),
  orderLineId: z.uuid().optional(),
  requestedAt: z.iso.date().optional().describe('Default: the day the case was opened'),
  inStock: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  customMade: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  promisedAt: z.iso.date().optional(),
});

export function registerPolicyRoutes(app: Api): void {
  app.get(
    '/api/v1/policies/current',
    { schema: { tags, summary: 'The policy document in force (the latest version; 0 = the built-in defaults)', response: { 200: policyVersionSchema, ...read } } },
    async (req) => getCurrentPolicy(req.ctx, principalOf(req)),
  );
  app.put(
    '/api/v1/policies/current',
    {
      schema: {
        tags,
        summary: 'Save a new version of the policy document (it applies at once; earlier versions are kept)',
        body: saveDocumentBody,
        response: { 201: policyVersionSchema, ...problems(400, 401, 403, 409, 412, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await saveCurrentPolicy(req.ctx, principalOf(req), req.body)),
  );
  app.get(
    '/api/v1/policies/versions',
    { schema: { tags, summary: 'The history of the policy document, newest first', querystring: z.strictObject(pageQuery), response: { 200: pageOf(policyVersionSummarySchema), ...problems(400, 401, 403) } } },
    async (req) => listPolicyVersions(req.ctx, principalOf(req), req.query),
  );
  app.get(
    '/api/v1/policies/versions/:version',
    { schema: { tags, summary: 'One version of the policy document', params: versionParams, response: { 200: policyVersionSchema, ...read } } },
    async (req) => getPolicyVersion(req.ctx, principalOf(req), req.params.version),
  );
  app.post(
    '/api/v1/policies/evaluate',
    {
      schema: {
        tags,
        summary: 'The verdict of the rulebook (law of FR, BE or QC, then the retailer’s rules) on a request about a purchase',
        body: evaluateBody,
        response: { 200: verdictSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (req) => evaluateRequest(req.ctx, principalOf(req), req.body),
  );
  app.get(
    '/api/v1/cases/:id/policy-verdict',
    {
      schema: {
        tags,
        summary: 'The verdict on a case, from the order line it is linked to',
        params: idParams,
        querystring: caseVerdictQuery,
        response: { 200: caseVerdictSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => evaluateForCase(req.ctx, principalOf(req), req.params.id, req.query),
  );
}
