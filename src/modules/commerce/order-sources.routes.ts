// The order sources admin API: connected shops with write-only secrets, their connection test,
// what they have been doing (webhooks received, failed), and reading a polled shop now.
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { negotiateLanguage } from '../../platform/i18n/i18n.ts';
import { principalOf } from '../access/access.http.ts';
import { recentWebhooks, sourcesActivity, syncSourceNow } from './order-sources.activity.ts';
import {
  connectionTestSchema,
  createOrderSourceBody,
  orderSourceListItemSchema,
  orderSourceSchema,
  recentWebhooksQuery,
  recentWebhooksSchema,
  syncAnswerSchema,
  updateOrderSourceBody,
} from './order-sources.contract.ts';
import { testOrderSource } from './order-sources.check.ts';
import { createSource, getSource, listSources, updateSource } from './order-sources.service.ts';

const tags = ['commerce'];
const write = problems(400, 401, 403, 404, 409, 422);

export function registerOrderSourceRoutes(app: Api): void {
  app.get(
    '/api/v1/order-sources',
    {
      schema: {
        tags,
        summary: 'List order sources: connected shops and file imports, each with its last webhook, its recent failures and where its reading is (admins)',
        response: { 200: z.object({ items: z.array(orderSourceListItemSchema) }), ...problems(401, 403) },
      },
    },
    async (req) => {
      const items = await listSources(req.ctx, principalOf(req));
      const activity = await sourcesActivity(req.ctx, items);
      return { items: items.map((item) => ({ ...item, activity: activity.get(item.id)! })) };
    },
  );
  app.post(
    '/api/v1/order-sources',
    { schema: { tags, summary: 'Connect a shop (Shopify, WooCommerce, PrestaShop); secrets are stored encrypted and never returned (admins)', body: createOrderSourceBody, response: { 201: orderSourceSchema, ...write } } },
    async (req, reply) => reply.code(201).send(await createSource(req.ctx, principalOf(req), req.body)),
  );
  app.get('/api/v1/order-sources/:id', { schema: { tags, summary: 'Get an order source (admins)', params: idParams, response: { 200: orderSourceSchema, ...problems(401, 403, 404) } } }, async (req) =>
    getSource(req.ctx, principalOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/order-sources/:id',
    { schema: { tags, summary: 'Change an order source (secrets given replace those of the same name; state active re-enables a failing one) (admins)', params: idParams, body: updateOrderSourceBody, response: { 200: orderSourceSchema, ...write } } },
    async (req) => updateSource(req.ctx, principalOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/order-sources/:id/test',
    {
      schema: {
        tags,
        summary: 'Test the source for real (Shopify Admin API token, PrestaShop webservice key) and where its webhooks go; each check in the Accept-Language (admins)',
        params: idParams,
        response: { 200: connectionTestSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => testOrderSource(req.ctx, principalOf(req), req.params.id, negotiateLanguage(req.headers['accept-language'])),
  );
  app.get(
    '/api/v1/order-sources/:id/webhooks',
    {
      schema: {
        tags,
        summary: "The shop's latest webhook deliveries, newest first: received, processed, ignored or failed, with the reason (admins)",
        params: idParams,
        querystring: recentWebhooksQuery,
        response: { 200: recentWebhooksSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => recentWebhooks(req.ctx, principalOf(req), req.params.id, req.query.limit),
  );
  app.post(
    '/api/v1/order-sources/:id/sync',
    {
      schema: {
        tags,
        summary: 'Read a PrestaShop shop now (its orders changed since the last read) rather than at the next sweep; audited (admins)',
        params: idParams,
        response: { 202: syncAnswerSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(202).send(await syncSourceNow(req.ctx, principalOf(req), req.params.id)),
  );
}
