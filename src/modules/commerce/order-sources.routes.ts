// The order sources admin API: connected shops with write-only secrets, and their connection test.
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { negotiateLanguage } from '../../platform/i18n/i18n.ts';
import { principalOf } from '../access/access.http.ts';
import { connectionTestSchema, createOrderSourceBody, orderSourceSchema, updateOrderSourceBody } from './order-sources.contract.ts';
import { testOrderSource } from './order-sources.check.ts';
import { createSource, getSource, listSources, updateSource } from './order-sources.service.ts';

const tags = ['commerce'];
const write = problems(400, 401, 403, 404, 409, 422);

export function registerOrderSourceRoutes(app: Api): void {
  app.get('/api/v1/order-sources', { schema: { tags, summary: 'List order sources: connected shops and file imports (admins)', response: { 200: z.object({ items: z.array(orderSourceSchema) }), ...problems(401, 403) } } }, async (req) => ({
    items: await listSources(req.ctx, principalOf(req)),
  }));
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
}
