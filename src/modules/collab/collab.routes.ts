// HTTP routes for working together on cases: presence (who else is here), merging cases,
// splitting one, and related-case links.
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { replyIdempotently } from '../../platform/http/idempotency.ts';
import { principalOf } from '../access/access.http.ts';
import { caseSchema } from '../cases/cases.contract.ts';
import { idempotencyHeaders } from '../cases/cases.routes.ts';
import { addLink, listLinks, removeLink } from './case-links.ts';
import { mergeCases, previewMerge } from './case-merge.ts';
import { splitCase } from './case-split.ts';
import { linkBody, linkListSchema, linkParams, linkSchema, mergeBody, mergePreviewQuery, mergePreviewSchema, presenceBody, presenceListSchema, splitBody } from './collab.contract.ts';
import { listPresence, recordPresence } from './presence.service.ts';

const tags = ['cases'];

export function registerCollabRoutes(app: Api): void {
  app.put(
    '/api/v1/cases/:id/presence',
    {
      schema: {
        tags,
        summary: 'The case page’s heartbeat (every 15 s): viewing, typing (with kind) or left; answers who else is on the case. Others see changes as case.presence on GET /api/v1/events?caseId=…',
        params: idParams,
        body: presenceBody,
        response: { 200: presenceListSchema, ...problems(401, 403, 404, 422) },
      },
    },
    async (req) => recordPresence(req.ctx, principalOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/cases/:id/presence',
    { schema: { tags, summary: 'Who else is viewing or writing on this case now', params: idParams, response: { 200: presenceListSchema, ...problems(401, 403, 404) } } },
    async (req) => listPresence(req.ctx, principalOf(req), req.params.id),
  );

  app.get(
    '/api/v1/cases/:id/merge-preview',
    {
      schema: {
        tags,
        summary: 'What merging these cases into this one would do: messages and files copied, clocks stopped (changes nothing)',
        params: idParams,
        querystring: mergePreviewQuery,
        response: { 200: mergePreviewSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => previewMerge(req.ctx, principalOf(req), req.params.id, req.query.caseIds),
  );

  app.post(
    '/api/v1/cases/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge cases of the same customer into this one: their conversation joins its thread, they are closed and lead here',
        params: idParams,
        headers: idempotencyHeaders,
        body: mergeBody,
        response: { 200: caseSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      return replyIdempotently(req, reply, { db: req.ctx.db, principalId: principal.userId, now: req.ctx.clock.now(), status: 200 }, (db) =>
        mergeCases({ ...req.ctx, db }, principal, req.params.id, req.body.caseIds),
      );
    },
  );

  app.post(
    '/api/v1/cases/:id/split',
    {
      config: { opensCases: true },
      schema: {
        tags,
        summary: 'Open a new case for the same customer from chosen customer messages of this one (their files follow); both are linked',
        params: idParams,
        headers: idempotencyHeaders,
        body: splitBody,
        response: { 201: caseSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      return replyIdempotently(req, reply, { db: req.ctx.db, principalId: principal.userId, now: req.ctx.clock.now(), status: 201 }, (db) =>
        splitCase({ ...req.ctx, db }, principal, req.params.id, req.body),
      );
    },
  );

  app.get(
    '/api/v1/cases/:id/links',
    { schema: { tags, summary: 'Related cases: linked by agents, merged or split (cases of other brands left out)', params: idParams, response: { 200: linkListSchema, ...problems(401, 403, 404) } } },
    async (req) => listLinks(req.ctx, principalOf(req), req.params.id),
  );

  app.post(
    '/api/v1/cases/:id/links',
    {
      schema: {
        tags,
        summary: 'Link a related case (or mark this one a duplicate of it); the same link again answers 200 with it',
        params: idParams,
        body: linkBody,
        response: { 200: linkSchema, 201: linkSchema, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const { link, created } = await addLink(req.ctx, principalOf(req), req.params.id, req.body);
      return reply.code(created ? 201 : 200).send(link);
    },
  );

  app.delete(
    '/api/v1/cases/:id/links/:linkId',
    { schema: { tags, summary: 'Remove a link made by an agent (merge and split links stay)', params: linkParams, response: { 204: z.null(), ...problems(401, 403, 404, 409) } } },
    async (req, reply) => {
      await removeLink(req.ctx, principalOf(req), req.params.id, req.params.linkId);
      return reply.code(204).send(null);
    },
  );
}
