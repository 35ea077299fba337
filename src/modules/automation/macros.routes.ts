// HTTP routes of macros: managers and admins keep them; agents list them and render one
// for the case they are answering.
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { principalOf } from '../access/access.http.ts';
import {
  createMacroBody,
  macroCaseParams,
  macroListQuery,
  macroPreviewSchema,
  macroSchema,
  previewMacroBody,
  renderedMacroSchema,
  updateMacroBody,
} from './macros.contract.ts';
import { createMacro, deleteMacro, listMacros, previewMacro, renderMacroForCase, updateMacro } from './macros.service.ts';

const tags = ['macros'];

export function registerMacroRoutes(app: Api): void {
  app.get(
    '/api/v1/macros',
    {
      schema: {
        tags,
        summary: 'Macros you may use: the shared ones and your personal ones (agents: active only; managers: also the switched-off ones)',
        querystring: macroListQuery,
        response: { 200: z.object({ items: z.array(macroSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({ items: await listMacros(req.ctx, principalOf(req), req.query) }),
  );

  app.post(
    '/api/v1/macros',
    {
      schema: {
        tags,
        summary: 'Write a macro; unknown {{variables}} or steps are refused with 422 (managers, admins)',
        body: createMacroBody,
        response: { 201: macroSchema, ...problems(401, 403, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await createMacro(req.ctx, principalOf(req), req.body)),
  );

  app.post(
    '/api/v1/macros/preview',
    {
      schema: {
        tags,
        summary: 'Render unsaved macro texts in French and English, with a case or sample data (managers, admins)',
        body: previewMacroBody,
        response: { 200: macroPreviewSchema, ...problems(401, 403, 404, 422) },
      },
    },
    async (req) => previewMacro(req.ctx, principalOf(req), req.body),
  );

  app.patch(
    '/api/v1/macros/:id',
    {
      schema: {
        tags,
        summary: 'Change a macro: texts, actions, name, switch on or off (managers, admins)',
        params: idParams,
        body: updateMacroBody,
        response: { 200: macroSchema, ...problems(401, 403, 404, 422) },
      },
    },
    async (req) => updateMacro(req.ctx, principalOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/macros/:id',
    { schema: { tags, summary: 'Delete a macro (managers, admins)', params: idParams, response: { 204: z.null(), ...problems(401, 403, 404) } } },
    async (req, reply) => {
      await deleteMacro(req.ctx, principalOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/cases/:id/macros/:macroId/render',
    {
      schema: {
        tags,
        summary: 'A macro’s text for this case, in its language, variables filled; send the reply with macroId to apply its actions',
        params: macroCaseParams,
        response: { 200: renderedMacroSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => renderMacroForCase(req.ctx, principalOf(req), req.params.id, req.params.macroId),
  );
}
