// The commerce module over HTTP: the customer 360 (their orders from every channel, their value,
// a lookup of their past orders in the Shopify shops), the order lines a case is about, and —
// registered from here too — the order sources admin API and the shops' webhooks.
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { principalOf } from '../access/access.http.ts';
import { linkOrderLine, listCaseOrderLines, unlinkOrderLine } from './case-order-lines.ts';
import { backfillSchema, caseOrderLineSchema, customerValueSchema, linkOrderLineBody, orderListQuery, orderPageSchema } from './commerce.contract.ts';
import { customerValue, listCustomerOrders } from './customer-360.ts';
import { registerOrderSourceRoutes } from './order-sources.routes.ts';
import { registerOrderWebhookRoutes } from './order-webhooks.routes.ts';
import { backfillCustomerOrders } from './shopify/shopify.backfill.ts';

const tags = ['commerce'];

export function registerCommerceRoutes(app: Api): void {
  registerOrderSourceRoutes(app);
  registerOrderWebhookRoutes(app);

  app.get(
    '/api/v1/customers/:id/orders',
    {
      schema: {
        tags,
        summary: 'The customer’s orders from every sales channel (web shop, stores, marketplaces), newest first, with their lines; a merged customer’s id leads to the survivor',
        params: idParams,
        querystring: orderListQuery,
        response: { 200: orderPageSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => listCustomerOrders(req.ctx, principalOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/customers/:id/value',
    {
      schema: {
        tags,
        summary: 'What the customer is worth: lifetime value per currency, order count, incident count (cases), first and last purchase',
        params: idParams,
        response: { 200: customerValueSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => customerValue(req.ctx, principalOf(req), req.params.id),
  );
  app.post(
    '/api/v1/customers/:id/orders/lookup',
    {
      schema: {
        tags,
        summary: 'Look up the customer’s past orders (by their e-mail addresses) in the connected Shopify shops and bring them in; each shop says how it went',
        params: idParams,
        response: { 200: backfillSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => backfillCustomerOrders(req.ctx, principalOf(req), req.params.id),
  );

  app.get(
    '/api/v1/cases/:id/order-lines',
    { schema: { tags, summary: 'The order lines the case is about, with their orders', params: idParams, response: { 200: z.object({ items: z.array(caseOrderLineSchema) }), ...problems(401, 403, 404) } } },
    async (req) => listCaseOrderLines(req.ctx, principalOf(req), req.params.id),
  );
  app.post(
    '/api/v1/cases/:id/order-lines',
    {
      schema: {
        tags,
        summary: 'Link the case to an order line of its customer (or of an order without customer): 201, or 200 when it was linked already; audited, shown on the timeline',
        params: idParams,
        body: linkOrderLineBody,
        response: { 200: caseOrderLineSchema, 201: caseOrderLineSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const { item, created } = await linkOrderLine(req.ctx, principalOf(req), req.params.id, req.body.orderLineId);
      return reply.code(created ? 201 : 200).send(item);
    },
  );
  app.delete(
    '/api/v1/cases/:id/order-lines/:orderLineId',
    {
      schema: { tags, summary: 'Unlink the case from an order line; audited, shown on the timeline', params: z.strictObject({ id: z.uuid(), orderLineId: z.uuid() }), response: { 204: z.null(), ...problems(401, 403, 404) } },
    },
    async (req, reply) => {
      await unlinkOrderLine(req.ctx, principalOf(req), req.params.id, req.params.orderLineId);
      return reply.code(204).send(null);
    },
  );
}
