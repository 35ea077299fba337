// HTTP routes of the notifications module: message templates (admins), their preview, and a
// case's acknowledgment as its customer receives it (or as the counter prints it).
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { principalOf } from '../access/access.http.ts';
import {
  acknowledgmentQuery,
  previewTemplateBody,
  renderedMessageSchema,
  saveTemplateBody,
  templateParams,
  templateSchema,
} from './notifications.contract.ts';
import { previewTemplate, renderCaseAcknowledgment } from './previews.service.ts';
import { listTemplates, resetTemplate, saveTemplate } from './templates.service.ts';

const tags = ['notifications'];
const TEMPLATE = '/api/v1/templates/:key/:channel/:language';

export function registerNotificationRoutes(app: Api): void {
  app.get(
    '/api/v1/templates',
    { schema: { tags, summary: 'Every message template (key × channel × language), with its current text (admins)', response: { 200: z.object({ items: z.array(templateSchema) }), ...problems(401, 403) } } },
    async (req) => ({ items: await listTemplates(req.ctx, principalOf(req)) }),
  );

  app.put(
    TEMPLATE,
    {
      schema: {
        tags,
        summary: 'Replace a template’s text with your own; unknown {{variables}} are refused (admins)',
        params: templateParams,
        body: saveTemplateBody,
        response: { 200: templateSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req) => saveTemplate(req.ctx, principalOf(req), req.params, req.body),
  );

  app.delete(
    TEMPLATE,
    { schema: { tags, summary: 'Go back to the built-in text (admins)', params: templateParams, response: { 200: templateSchema, ...problems(400, 401, 403, 404) } } },
    async (req) => resetTemplate(req.ctx, principalOf(req), req.params),
  );

  app.post(
    '/api/v1/templates/preview',
    {
      schema: {
        tags,
        summary: 'Render a template, saved or not, with a real case or with sample data (admins)',
        body: previewTemplateBody,
        response: { 200: renderedMessageSchema, ...problems(401, 403, 404, 422) },
      },
    },
    async (req) => previewTemplate(req.ctx, principalOf(req), req.body),
  );

  app.get(
    '/api/v1/cases/:id/acknowledgment',
    {
      schema: {
        tags,
        summary: 'The acknowledgment of a case as its customer gets it: e-mail, SMS, or the printed counter ticket',
        params: idParams,
        querystring: acknowledgmentQuery,
        response: { 200: renderedMessageSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => renderCaseAcknowledgment(req.ctx, principalOf(req), req.params.id, req.query),
  );
}
