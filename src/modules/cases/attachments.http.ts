// Reading a message that may come with files: JSON (no files), or multipart/form-data whose
// files are stored one by one as they arrive (storeUpload) and forgotten if the form fails.
import type { FastifyRequest } from 'fastify';
import { isMultipart, readMultipart } from '../../platform/http/multipart.ts';
import { discardUploads, storeUpload, type Upload } from './attachments.service.ts';

export interface MessageForm {
  fields: Record<string, unknown>;
  uploads: Upload[];
}

/** `typed` receives the text fields as they are read, so a refused form can be shown again as it was. */
export async function readMessageForm(request: FastifyRequest, typed: Record<string, string> = {}): Promise<MessageForm> {
  if (!isMultipart(request)) return { fields: (request.body ?? {}) as Record<string, unknown>, uploads: [] };
  const ctx = request.ctx;
  const form = await readMultipart(
    request,
    { maxFiles: ctx.config.uploads.maxFiles, maxFileBytes: ctx.config.uploads.maxBytes },
    (file) => storeUpload(ctx, file),
    (stored) => discardUploads(ctx, stored),
    typed,
  );
  return { fields: form.fields, uploads: form.files };
}
