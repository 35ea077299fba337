// HTTP routes for brands, stores and teams.
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { principalOf } from '../access/access.http.ts';
import { createBrand, deleteBrand, getBrand, listBrands, updateBrand } from './brands.service.ts';
import {
  brandSchema,
  createBrandBody,
  createStoreBody,
  createTeamBody,
  orgListQuery,
  storeSchema,
  teamSchema,
  updateBrandBody,
  updateStoreBody,
  updateTeamBody,
} from './org.contract.ts';
import { createStore, deleteStore, getStore, listStores, updateStore } from './stores.service.ts';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from './teams.service.ts';

const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const read = problems(401, 403, 404);
const write = problems(401, 403, 404, 409, 422);

export function registerOrgRoutes(app: Api): void {
  app.get('/api/v1/brands', { schema: { tags: ['organisation'], summary: 'List brands', response: { 200: list(brandSchema), ...read } } }, async (req) => ({
    items: await listBrands(req.ctx, principalOf(req)),
  }));
  app.post('/api/v1/brands', { schema: { tags: ['organisation'], summary: 'Create a brand', body: createBrandBody, response: { 201: brandSchema, ...write } } }, async (req, reply) =>
    reply.code(201).send(await createBrand(req.ctx, principalOf(req), req.body)),
  );
  app.get('/api/v1/brands/:id', { schema: { tags: ['organisation'], summary: 'Get a brand', params: idParams, response: { 200: brandSchema, ...read } } }, async (req) =>
    getBrand(req.ctx, principalOf(req), req.params.id),
  );
  app.patch('/api/v1/brands/:id', { schema: { tags: ['organisation'], summary: 'Update a brand', params: idParams, body: updateBrandBody, response: { 200: brandSchema, ...write } } }, async (req) =>
    updateBrand(req.ctx, principalOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/brands/:id', { schema: { tags: ['organisation'], summary: 'Delete an unused brand', params: idParams, response: { 204: z.null(), ...write } } }, async (req, reply) => {
    await deleteBrand(req.ctx, principalOf(req), req.params.id);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/stores', { schema: { tags: ['organisation'], summary: 'List stores, e-shops, marketplaces, dealers and warehouses', querystring: orgListQuery, response: { 200: list(storeSchema), ...read } } }, async (req) => ({
    items: await listStores(req.ctx, principalOf(req), req.query),
  }));
  app.post('/api/v1/stores', { schema: { tags: ['organisation'], summary: 'Create a store', body: createStoreBody, response: { 201: storeSchema, ...write } } }, async (req, reply) =>
    reply.code(201).send(await createStore(req.ctx, principalOf(req), req.body)),
  );
  app.get('/api/v1/stores/:id', { schema: { tags: ['organisation'], summary: 'Get a store', params: idParams, response: { 200: storeSchema, ...read } } }, async (req) =>
    getStore(req.ctx, principalOf(req), req.params.id),
  );
  app.patch('/api/v1/stores/:id', { schema: { tags: ['organisation'], summary: 'Update a store', params: idParams, body: updateStoreBody, response: { 200: storeSchema, ...write } } }, async (req) =>
    updateStore(req.ctx, principalOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/stores/:id', { schema: { tags: ['organisation'], summary: 'Delete an unused store', params: idParams, response: { 204: z.null(), ...write } } }, async (req, reply) => {
    await deleteStore(req.ctx, principalOf(req), req.params.id);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/teams', { schema: { tags: ['organisation'], summary: 'List teams (queues)', response: { 200: list(teamSchema), ...read } } }, async (req) => ({
    items: await listTeams(req.ctx, principalOf(req)),
  }));
  app.post('/api/v1/teams', { schema: { tags: ['organisation'], summary: 'Create a team', body: createTeamBody, response: { 201: teamSchema, ...write } } }, async (req, reply) =>
    reply.code(201).send(await createTeam(req.ctx, principalOf(req), req.body)),
  );
  app.get('/api/v1/teams/:id', { schema: { tags: ['organisation'], summary: 'Get a team', params: idParams, response: { 200: teamSchema, ...read } } }, async (req) =>
    getTeam(req.ctx, principalOf(req), req.params.id),
  );
  app.patch('/api/v1/teams/:id', { schema: { tags: ['organisation'], summary: 'Update a team', params: idParams, body: updateTeamBody, response: { 200: teamSchema, ...write } } }, async (req) =>
    updateTeam(req.ctx, principalOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/teams/:id', { schema: { tags: ['organisation'], summary: 'Delete an unused team', params: idParams, response: { 204: z.null(), ...write } } }, async (req, reply) => {
    await deleteTeam(req.ctx, principalOf(req), req.params.id);
    return reply.code(204).send(null);
  });
}
