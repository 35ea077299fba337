// HTTP routes for the inbox views: saved views (list, save, change, delete) and the counts
// of every view in the user's sidebar.
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { principalOf } from '../access/access.http.ts';
import { createViewBody, updateViewBody, viewCountsQuery, viewCountsSchema, viewSchema } from './views.contract.ts';
import { countViews } from './views.counts.ts';
import { createView, deleteView, listViews, updateView } from './views.service.ts';

const tags = ['views'];

export function registerViewRoutes(app: Api): void {
  app.get(
    '/api/v1/views',
    {
      schema: {
        tags,
        summary: 'Your saved views and the shared ones: your own first, then the shared, each in its order',
        response: { 200: z.object({ items: z.array(viewSchema) }), ...problems(401, 403) },
      },
    },
    async (req) => ({ items: await listViews(req.ctx, principalOf(req)) }),
  );

  app.get(
    '/api/v1/views/counts',
    {
      schema: {
        tags,
        summary: 'How many cases each of your views lists (built-in and saved), within your brands and stores',
        querystring: viewCountsQuery,
        response: { 200: viewCountsSchema, ...problems(400, 401, 403) },
      },
    },
    async (req) => countViews(req.ctx, principalOf(req), req.query),
  );

  app.post(
    '/api/v1/views',
    {
      schema: {
        tags,
        summary: 'Save filters and a sort order as a named view (shared with everyone: managers and admins)',
        body: createViewBody,
        response: { 201: viewSchema, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await createView(req.ctx, principalOf(req), req.body)),
  );

  app.patch(
    '/api/v1/views/:id',
    {
      schema: {
        tags,
        summary: 'Rename a view, change its filters or sort, share it, or move it in its group',
        params: idParams,
        body: updateViewBody,
        response: { 200: viewSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => updateView(req.ctx, principalOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/views/:id',
    {
      schema: { tags, summary: 'Delete a view', params: idParams, response: { 204: z.null(), ...problems(401, 403, 404) } },
    },
    async (req, reply) => {
      await deleteView(req.ctx, principalOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
