// HTTP routes for customers, their identities, their case history, and merges.
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { principalOf } from '../access/access.http.ts';
import { listCases } from '../cases/cases.query.ts';
import {
  acceptSuggestionBody,
  createCustomerBody,
  customerDetailSchema,
  customerListQuery,
  customerSchema,
  identityInput,
  mergeBody,
  mergeResultSchema,
  mergeSuggestionQuery,
  mergeSuggestionSchema,
  updateCustomerBody,
} from './customers.contract.ts';
import { mergeCustomers } from './customers.merge.ts';
import { acceptancePair, dismissMergeSuggestion, listMergeSuggestions, openSuggestionsFor } from './merge-suggestions.ts';
import { addIdentity, createCustomer, getCustomer, listCustomers, removeIdentity, updateCustomer } from './customers.service.ts';

export function registerCustomerRoutes(app: Api): void {
  app.get(
    '/api/v1/customers',
    {
      schema: {
        tags: ['customers'],
        summary: 'List or search customers (name, e-mail, phone, handle; fuzzy, accent-insensitive)',
        querystring: customerListQuery,
        response: { 200: pageOf(customerSchema), ...problems(400, 401, 403) },
      },
    },
    async (req) => listCustomers(req.ctx, principalOf(req), req.query),
  );

  app.post(
    '/api/v1/customers',
    { schema: { tags: ['customers'], summary: 'Create a customer', body: createCustomerBody, response: { 201: customerSchema, ...problems(401, 403, 409, 422) } } },
    async (req, reply) => reply.code(201).send(await createCustomer(req.ctx, principalOf(req), req.body)),
  );

  app.get(
    '/api/v1/customers/:id',
    {
      schema: {
        tags: ['customers'],
        summary: 'A customer with identities and cases; a merged customer’s id leads to the survivor',
        params: idParams,
        response: { 200: customerDetailSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const found = await getCustomer(req.ctx, principal, req.params.id);
      const cases = await listCases(req.ctx, principal, { customerId: found.id, sort: '-createdAt', limit: 50 });
      return { ...found, cases: cases.items, mergeSuggestions: await openSuggestionsFor(req.ctx, found.id) };
    },
  );

  app.patch(
    '/api/v1/customers/:id',
    { schema: { tags: ['customers'], summary: 'Update a customer', params: idParams, body: updateCustomerBody, response: { 200: customerSchema, ...problems(401, 403, 404, 422) } } },
    async (req) => updateCustomer(req.ctx, principalOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/customers/:id/identities',
    {
      schema: {
        tags: ['customers'],
        summary: 'Attach an identity; 409 with existingCustomerId when another customer owns it (merge them instead)',
        params: idParams,
        body: identityInput,
        response: { 200: customerSchema, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (req) => addIdentity(req.ctx, principalOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/customers/:id/identities/:identityId',
    {
      schema: {
        tags: ['customers'],
        summary: 'Detach an identity',
        params: z.strictObject({ id: z.uuid(), identityId: z.uuid() }),
        response: { 200: customerSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => removeIdentity(req.ctx, principalOf(req), req.params.id, req.params.identityId),
  );

  app.post(
    '/api/v1/customers/:id/merge',
    {
      schema: {
        tags: ['customers'],
        summary: 'Merge another customer into this one (preview: true to see the outcome first)',
        params: idParams,
        body: mergeBody,
        response: { 200: mergeResultSchema, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (req) => mergeCustomers(req.ctx, principalOf(req), req.params.id, req.body.sourceId, req.body.preview),
  );

  app.get(
    '/api/v1/merge-suggestions',
    {
      schema: {
        tags: ['customers'],
        summary: 'Pairs of customers who may be one person (an identity seen on both), newest first',
        querystring: mergeSuggestionQuery,
        response: { 200: z.object({ items: z.array(mergeSuggestionSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({ items: await listMergeSuggestions(req.ctx, principalOf(req), req.query) }),
  );

  app.post(
    '/api/v1/merge-suggestions/:id/accept',
    {
      schema: {
        tags: ['customers'],
        summary: 'Merge the two customers of a suggestion (preview: true to see the outcome first)',
        params: idParams,
        body: acceptSuggestionBody,
        response: { 200: mergeResultSchema, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      const pair = await acceptancePair(req.ctx, req.params.id, req.body.survivorId);
      return mergeCustomers(req.ctx, principalOf(req), pair.survivorId, pair.sourceId, req.body.preview);
    },
  );

  app.post(
    '/api/v1/merge-suggestions/:id/dismiss',
    {
      schema: {
        tags: ['customers'],
        summary: 'Two different people: close the suggestion without merging',
        params: idParams,
        response: { 200: mergeSuggestionSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => dismissMergeSuggestion(req.ctx, principalOf(req), req.params.id),
  );
}
