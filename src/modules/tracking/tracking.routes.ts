// The public tracking API: no login, the tracking token in the path is the credential.
// Every call is counted per IP and per link (429 with Retry-After past the limit).
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { problems } from '../../platform/http/api.ts';
import { sendDownload } from '../../platform/http/download.ts';
import { readMessageForm } from '../cases/attachments.http.ts';
import {
  languageQuery,
  tokenParams,
  trackAttachmentParams,
  trackedCaseSchema,
  trackedMessageSchema,
  trackMessageBody,
  trackPreferencesBody,
} from './tracking.contract.ts';
import { getTracking, openTrackedAttachment } from './tracking.read.ts';
import { caseToWriteOn, chooseNotifyChannel, replyOnTrackedCase } from './tracking.write.ts';

const publicRoute = { auth: 'public' as const };

export function registerTrackingRoutes(app: Api): void {
  app.get(
    '/api/v1/track/:token',
    {
      config: publicRoute,
      schema: {
        tags: ['tracking'],
        summary: 'A case as its customer follows it: status and steps in plain words, who holds it, the next promise, public messages',
        security: [],
        params: tokenParams,
        querystring: languageQuery,
        response: { 200: trackedCaseSchema, ...problems(404, 429) },
      },
    },
    async (req) => getTracking(req.ctx, req.params.token, { ip: req.ip }, req.query.lang),
  );

  app.post(
    '/api/v1/track/:token/messages',
    {
      config: publicRoute,
      schema: {
        tags: ['tracking'],
        summary: 'The customer writes on their case: JSON {body}, or multipart/form-data with a body field and up to 5 files (photos, PDF)',
        security: [],
        consumes: ['application/json', 'multipart/form-data'],
        params: tokenParams,
        // Multipart forms are read by the handler (their files are streamed to the blob store).
        body: trackMessageBody.nullish(),
        response: { 201: z.object({ message: trackedMessageSchema }), ...problems(404, 409, 413, 415, 422, 429) },
      },
    },
    async (req, reply) => {
      const row = await caseToWriteOn(req.ctx, req.params.token, { ip: req.ip });
      const form = await readMessageForm(req);
      const message = await replyOnTrackedCase(req.ctx, req.params.token, row, form);
      return reply.code(201).send({ message });
    },
  );

  app.patch(
    '/api/v1/track/:token',
    {
      config: publicRoute,
      schema: {
        tags: ['tracking'],
        summary: 'Choose where step news go: e-mail or SMS (only a channel we have the customer’s details for)',
        security: [],
        params: tokenParams,
        querystring: languageQuery,
        body: trackPreferencesBody,
        response: { 200: trackedCaseSchema, ...problems(404, 422, 429) },
      },
    },
    async (req) => chooseNotifyChannel(req.ctx, req.params.token, { ip: req.ip }, req.body.notifyVia, req.query.lang),
  );

  app.get(
    '/api/v1/track/:token/attachments/:id',
    {
      config: publicRoute,
      schema: {
        tags: ['tracking'],
        summary: 'Download a public attachment of the case (photos and documents of the public messages)',
        security: [],
        params: trackAttachmentParams,
        produces: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'image/heif', 'application/pdf'],
        response: problems(404, 429),
      },
    },
    async (req, reply) => {
      const opened = await openTrackedAttachment(req.ctx, req.params.token, { ip: req.ip }, req.params.id);
      return sendDownload(reply, { ...opened.attachment, inline: opened.inline }, opened.body);
    },
  );
}
