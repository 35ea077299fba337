// Presenting a case's attachments: what a message carries, and where agents download it.
import type { z } from 'zod';
import type { attachmentSchema } from './cases.contract.ts';
import type { caseAttachment } from './cases.schema.ts';

export type AttachmentDto = z.infer<typeof attachmentSchema>;
export type AttachmentRow = typeof caseAttachment.$inferSelect;

export function presentAttachment(a: AttachmentRow): AttachmentDto {
  return {
    id: a.id,
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
    visibility: a.visibility,
    url: `/api/v1/attachments/${a.id}`,
  };
}
