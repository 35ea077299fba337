// HTTP routes for cases, their timeline and messages, and the reason and step lists.
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { replyIdempotently } from '../../platform/http/idempotency.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { AppError } from '../../platform/errors.ts';
import { principalOf } from '../access/access.http.ts';
import { postMessage, updateCase } from './case-changes.ts';
import {
  caseEventSchema,
  caseListQuery,
  caseSchema,
  createCaseBody,
  eventListQuery,
  postMessageBody,
  referenceItemSchema,
  updateCaseBody,
} from './cases.contract.ts';
import { listCases } from './cases.query.ts';
import { createCase, getCase } from './cases.service.ts';
import { listCaseEvents } from './events.read.ts';
import { regenerateTrackingLink } from './tracking-link.service.ts';
import { createReference, createReferenceBody, listReference, updateReference, updateReferenceBody, type ReferenceKind } from './reference.service.ts';

const ifMatchHeaders = z.object({
  'if-match': z.string().max(40).optional().describe('The case version you saw ("7"); the change is refused with 412 if it moved on'),
});

/** If-Match carries the case version as an entity tag: "7", W/"7" or 7. */
export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '*') return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value.trim());
  if (!m) throw new AppError('bad_request', 'If-Match must be the case version, e.g. "7"');
  return Number(m[1]);
}

export const idempotencyHeaders = z.object({
  'idempotency-key': z.string().max(255).optional().describe('Repeat a request safely: the same key gives the same result, once'),
});

export function registerCaseRoutes(app: Api): void {
  app.get(
    '/api/v1/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'List cases: the inbox, with filters, sort orders and full-text search',
        querystring: caseListQuery,
        response: { 200: pageOf(caseSchema), ...problems(400, 401, 403) },
      },
    },
    async (req) => listCases(req.ctx, principalOf(req), req.query),
  );

  app.post(
    '/api/v1/cases',
    {
      config: { opensCases: true },
      schema: {
        tags: ['cases'],
        summary: 'Open a case (the customer is found by e-mail or phone, or created)',
        headers: idempotencyHeaders,
        body: createCaseBody,
        response: { 201: caseSchema, ...problems(400, 401, 403, 404, 413, 422) },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      return replyIdempotently(req, reply, { db: req.ctx.db, principalId: principal.userId, now: req.ctx.clock.now(), status: 201 }, (db) =>
        createCase({ ...req.ctx, db }, principal, req.body),
      );
    },
  );

  app.get(
    '/api/v1/cases/:id',
    { schema: { tags: ['cases'], summary: 'Get a case', params: idParams, response: { 200: caseSchema, ...problems(401, 403, 404) } } },
    async (req, reply) => {
      const found = await getCase(req.ctx, principalOf(req), req.params.id);
      reply.header('etag', `"${found.version}"`);
      return found;
    },
  );

  app.patch(
    '/api/v1/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'Change status, step, reason, priority, team, assignee, tags, store, subject, language or order number',
        params: idParams,
        headers: ifMatchHeaders,
        body: updateCaseBody,
        response: { 200: caseSchema, ...problems(400, 401, 403, 404, 409, 412, 422) },
      },
    },
    async (req, reply) => {
      const updated = await updateCase(req.ctx, principalOf(req), req.params.id, req.body, parseIfMatch(req.headers['if-match']));
      reply.header('etag', `"${updated.version}"`);
      return updated;
    },
  );

  app.get(
    '/api/v1/cases/:id/events',
    {
      schema: {
        tags: ['cases'],
        summary: 'The case timeline, oldest first (internal events only for readers with full access)',
        params: idParams,
        querystring: eventListQuery,
        response: { 200: pageOf(caseEventSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => listCaseEvents(req.ctx, principalOf(req), req.params.id, req.query),
  );

  app.post(
    '/api/v1/cases/:id/messages',
    {
      schema: {
        tags: ['cases'],
        summary: 'Reply to the customer (public) or add an internal note',
        params: idParams,
        headers: ifMatchHeaders.extend(idempotencyHeaders.shape),
        body: postMessageBody,
        response: { 201: z.object({ message: caseEventSchema, caseVersion: z.number().int() }), ...problems(400, 401, 403, 404, 409, 412, 422) },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const ifMatch = parseIfMatch(req.headers['if-match']);
      return replyIdempotently(req, reply, { db: req.ctx.db, principalId: principal.userId, now: req.ctx.clock.now(), status: 201 }, (db) =>
        postMessage({ ...req.ctx, db }, principal, req.params.id, req.body, ifMatch),
      );
    },
  );

  app.post(
    '/api/v1/cases/:id/tracking-link',
    {
      schema: {
        tags: ['cases'],
        summary: 'Replace the customer’s tracking link: the old link stops working (recorded in the audit log)',
        params: idParams,
        response: { 201: z.object({ url: z.string().describe('The new tracking link, to send to the customer') }), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await regenerateTrackingLink(req.ctx, principalOf(req), req.params.id)),
  );

  for (const kind of ['reasons', 'steps'] as const satisfies ReferenceKind[]) {
    const what = kind === 'reasons' ? 'contact reasons' : 'SAV steps';
    app.get(`/api/v1/${kind}`, { schema: { tags: ['cases'], summary: `List ${what}`, response: { 200: z.object({ items: z.array(referenceItemSchema) }), ...problems(401) } } }, async (req) => ({
      items: await listReference(req.ctx, principalOf(req), kind),
    }));
    app.post(`/api/v1/${kind}`, { schema: { tags: ['cases'], summary: `Add to the ${what} (admins)`, body: createReferenceBody, response: { 201: referenceItemSchema, ...problems(401, 403, 409, 422) } } }, async (req, reply) =>
      reply.code(201).send(await createReference(req.ctx, principalOf(req), kind, req.body)),
    );
    app.patch(`/api/v1/${kind}/:id`, { schema: { tags: ['cases'], summary: `Change one of the ${what} (admins)`, params: idParams, body: updateReferenceBody, response: { 200: referenceItemSchema, ...problems(401, 403, 404, 422) } } }, async (req) =>
      updateReference(req.ctx, principalOf(req), kind, req.params.id, req.body),
    );
  }
}
