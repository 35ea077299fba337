// The store counter over HTTP: find the customer and their open cases, open a counter case or
// record a visit on one, print the ticket (PDF, A4 or 80 mm receipt). For store staff (their
// stores) and agents alike; what each may see is the cases module's rule (caseAccess).
import { z } from 'zod';
import { contentDisposition } from '../../platform/http/download.ts';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { principalOf } from '../../modules/access/access.http.ts';
import { caseSchema } from '../../modules/cases/cases.contract.ts';
import { counterLookupQuery, counterMatchSchema, counterVisitBody, openCounterCaseBody, ticketQuery } from './counter.contract.ts';
import { counterLookup } from './counter.lookup.ts';
import { openCounterCase, recordCounterVisit } from './counter.service.ts';
import { renderTicket } from './ticket.service.ts';

const tags = ['counter'];

export function registerCounterRoutes(app: Api): void {
  app.get(
    '/api/v1/counter/lookup',
    {
      schema: {
        tags,
        summary: 'Find a customer at the counter by name, phone, e-mail, case number or order number, with all their open cases you may see (every channel)',
        querystring: counterLookupQuery,
        response: { 200: z.object({ items: z.array(counterMatchSchema) }), ...problems(401, 403, 422) },
      },
    },
    async (req) => ({ items: await counterLookup(req.ctx, principalOf(req), req.query) }),
  );
  app.post(
    '/api/v1/counter/cases',
    {
      config: { opensCases: true },
      schema: {
        tags,
        summary: 'Open a case at the counter (channel counter, your store); acknowledged by e-mail or SMS when the customer gave one',
        body: openCounterCaseBody,
        response: { 201: caseSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await openCounterCase(req.ctx, principalOf(req), req.body)),
  );
  app.post(
    '/api/v1/cases/:id/counter-visits',
    {
      schema: {
        tags,
        summary: 'Continue a case at the counter (even one opened online): what the customer says joins it as their message on the counter channel',
        params: idParams,
        body: counterVisitBody,
        response: { 201: caseSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await recordCounterVisit(req.ctx, principalOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/cases/:id/ticket.pdf',
    {
      schema: {
        tags,
        summary: 'The counter ticket (PDF): case number, date, the promise, next steps, the tracking link and its QR code; A4 or 80 mm receipt',
        params: idParams,
        querystring: ticketQuery,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('application/pdf'), ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await renderTicket(req.ctx, principalOf(req), req.params.id, req.query);
      return (
        reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', contentDisposition(filename, true))
          .header('x-content-type-options', 'nosniff')
          // It carries the customer's tracking link: no copy anywhere but on the counter's screen.
          .header('cache-control', 'no-store')
          .send(pdf)
      );
    },
  );
}
