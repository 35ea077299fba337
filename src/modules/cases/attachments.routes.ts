// Agents download a case's attachments (photos, invoices) with their own credentials.
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { sendDownload } from '../../platform/http/download.ts';
import { principalOf } from '../access/access.http.ts';
import { openAttachment } from './attachments.service.ts';

export function registerAttachmentRoutes(app: Api): void {
  app.get(
    '/api/v1/attachments/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'Download an attachment (its case’s access rules apply; another store’s case: public attachments only)',
        params: idParams,
        produces: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'image/heif', 'application/pdf'],
        response: problems(401, 403, 404),
      },
    },
    async (req, reply) => {
      const opened = await openAttachment(req.ctx, principalOf(req), req.params.id);
      return sendDownload(reply, { ...opened.attachment, inline: opened.inline }, opened.body);
    },
  );
}
