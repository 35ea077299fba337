// HTTP routes an agent's reply leans on: the channels the customer can be answered on, and
// files uploaded before the reply or note that carries them (multipart, so registered in a
// scope that accepts it: see app.ts).
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { readMultipart } from '../../platform/http/multipart.ts';
import { principalOf } from '../access/access.http.ts';
import { discardUploads, storeUpload } from './attachments.service.ts';
import { attachmentSchema } from './cases.contract.ts';
import { replyChannelSchema } from './reply.contract.ts';
import { loadForWrite } from './case-changes.ts';
import { uploadForReply } from './reply-attachments.ts';
import { replyChannelsOf } from './reply-channels.ts';

export function registerReplyChannelRoutes(app: Api): void {
  app.get(
    '/api/v1/cases/:id/reply-channels',
    {
      schema: {
        tags: ['cases'],
        summary: 'The channels you may answer this case on: its own, and every other one the customer has an address for',
        params: idParams,
        response: { 200: z.object({ items: z.array(replyChannelSchema) }), ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      const row = await loadForWrite(req.ctx, principalOf(req), req.params.id, undefined);
      return { items: await replyChannelsOf(req.ctx, row.c) };
    },
  );
}

export function registerReplyUploadRoutes(scope: Api): void {
  scope.post(
    '/api/v1/cases/:id/attachments',
    {
      schema: {
        tags: ['cases'],
        summary: 'Upload files (multipart/form-data, photos or PDF) for a reply or note; send their ids as attachmentIds with the message',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: z.object({ items: z.array(attachmentSchema) }), ...problems(400, 401, 403, 404, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const ctx = req.ctx;
      const limits = { maxFiles: ctx.config.uploads.maxFiles, maxFileBytes: ctx.config.uploads.maxBytes };
      const items = await uploadForReply(ctx, principalOf(req), req.params.id, async () =>
        (await readMultipart(req, limits, (file) => storeUpload(ctx, file), (stored) => discardUploads(ctx, stored))).files,
      );
      return reply.code(201).send({ items });
    },
  );
}
