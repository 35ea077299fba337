// HTTP routes of the SLA module: public holidays, the promise preview, calendars and policies.
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { principalOf } from '../access/access.http.ts';
import { requirePermission } from '../access/actor.ts';
import { createCalendar, deleteCalendar, getCalendar, listCalendars, updateCalendar } from './calendars.service.ts';
import { createPolicy, deletePolicy, getPolicy, listPolicies, updatePolicy } from './policies.service.ts';
import { holidaysFor, previewPromise } from './promise.service.ts';
import {
  calendarSchema,
  createCalendarBody,
  createPolicyBody,
  holidaySchema,
  holidaysQuery,
  previewBody,
  previewResponse,
  slaPolicySchema,
  updateCalendarBody,
  updatePolicyBody,
} from './sla.contract.ts';

const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const read = problems(401, 403, 404);
const write = problems(400, 401, 403, 404, 409, 422);

export function registerSlaRoutes(app: Api): void {
  app.get(
    '/api/v1/holidays',
    {
      schema: {
        tags: ['sla'],
        summary: 'Public holidays of a year, from rules (names in French): the days the SLA clocks skip',
        querystring: holidaysQuery,
        response: { 200: z.array(holidaySchema), ...problems(401, 422) },
      },
    },
    async (req) => {
      requirePermission(principalOf(req), 'org.read');
      return holidaysFor(req.query);
    },
  );
  app.post(
    '/api/v1/sla/preview',
    {
      schema: {
        tags: ['sla'],
        summary: 'The promise a case arriving at `start` would get: deadline and customer text',
        body: previewBody,
        response: { 200: previewResponse, ...problems(400, 401, 422) },
      },
    },
    async (req) => {
      requirePermission(principalOf(req), 'org.read');
      return previewPromise(req.body);
    },
  );

  const calendars = { tags: ['sla'] };
  app.get('/api/v1/calendars', { schema: { ...calendars, summary: 'List business calendars', response: { 200: list(calendarSchema), ...read } } }, async (req) => ({
    items: await listCalendars(req.ctx, principalOf(req)),
  }));
  app.post('/api/v1/calendars', { schema: { ...calendars, summary: 'Create a business calendar', body: createCalendarBody, response: { 201: calendarSchema, ...write } } }, async (req, reply) =>
    reply.code(201).send(await createCalendar(req.ctx, principalOf(req), req.body)),
  );
  app.get('/api/v1/calendars/:id', { schema: { ...calendars, summary: 'Get a business calendar', params: idParams, response: { 200: calendarSchema, ...read } } }, async (req) =>
    getCalendar(req.ctx, principalOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/calendars/:id',
    { schema: { ...calendars, summary: 'Change a calendar (open cases keep the deadlines already promised)', params: idParams, body: updateCalendarBody, response: { 200: calendarSchema, ...write } } },
    async (req) => updateCalendar(req.ctx, principalOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/calendars/:id', { schema: { ...calendars, summary: 'Delete an unused calendar', params: idParams, response: { 204: z.null(), ...write } } }, async (req, reply) => {
    await deleteCalendar(req.ctx, principalOf(req), req.params.id);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/sla-policies', { schema: { ...calendars, summary: 'List SLA policies in the order they are tried', response: { 200: list(slaPolicySchema), ...read } } }, async (req) => ({
    items: await listPolicies(req.ctx, principalOf(req)),
  }));
  app.post('/api/v1/sla-policies', { schema: { ...calendars, summary: 'Create an SLA policy', body: createPolicyBody, response: { 201: slaPolicySchema, ...write } } }, async (req, reply) =>
    reply.code(201).send(await createPolicy(req.ctx, principalOf(req), req.body)),
  );
  app.get('/api/v1/sla-policies/:id', { schema: { ...calendars, summary: 'Get an SLA policy', params: idParams, response: { 200: slaPolicySchema, ...read } } }, async (req) =>
    getPolicy(req.ctx, principalOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/sla-policies/:id',
    { schema: { ...calendars, summary: 'Change an SLA policy (applies to cases opened afterwards)', params: idParams, body: updatePolicyBody, response: { 200: slaPolicySchema, ...write } } },
    async (req) => updatePolicy(req.ctx, principalOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/sla-policies/:id', { schema: { ...calendars, summary: 'Delete an SLA policy', params: idParams, response: { 204: z.null(), ...write } } }, async (req, reply) => {
    await deletePolicy(req.ctx, principalOf(req), req.params.id);
    return reply.code(204).send(null);
  });
}
