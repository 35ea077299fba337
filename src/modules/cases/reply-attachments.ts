// Files an agent attaches to a reply or a note: uploaded first (stored, kept on the case
// without a message), then named by id when the message is sent, which links them in the
// message's transaction (public with a reply, internal with a note). Files never sent are
// removed by the hourly housekeeping after a day.
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Actor } from '../access/actor.ts';
import { presentAttachment, type AttachmentDto } from './attachments.read.ts';
import { discardUploads, type Upload } from './attachments.service.ts';
import { loadForWrite } from './case-changes.ts';
import { caseAttachment } from './cases.schema.ts';

/** Checks the actor works this case, then reads the files (`read`), then keeps them, not yet linked. */
export async function uploadForReply(ctx: Ctx, actor: Actor, caseId: string, read: () => Promise<Upload[]>): Promise<AttachmentDto[]> {
  await loadForWrite(ctx, actor, caseId, undefined);
  const uploads = await read();
  if (uploads.length === 0) throw invalid('files', 'send at least one file');
  const now = ctx.clock.now();
  const rows = uploads.map((u) => ({ id: uuidv7(now.getTime()), caseId, eventId: null, ...u, visibility: 'internal' as const, createdAt: now }));
  try {
    await ctx.db.insert(caseAttachment).values(rows);
  } catch (error) {
    await discardUploads(ctx, uploads);
    throw error;
  }
  return rows.map(presentAttachment);
}

/** Links uploaded files to the message just written; call in its transaction. */
export async function linkUploadedFiles(tx: Ctx, at: { caseId: string; eventId: string; visibility: 'public' | 'internal' }, ids: readonly string[]): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const linked = await tx.db
    .update(caseAttachment)
    .set({ eventId: at.eventId, visibility: at.visibility })
    .where(and(inArray(caseAttachment.id, wanted), eq(caseAttachment.caseId, at.caseId), isNull(caseAttachment.eventId)))
    .returning({ id: caseAttachment.id });
  if (linked.length !== wanted.length) throw invalid('attachmentIds', 'unknown files, files of another case, or files already sent');
}

/** Forgets files uploaded before `before` and never sent. */
export async function purgeUnsentUploads(ctx: Ctx, before: Date): Promise<number> {
  const gone = await ctx.db
    .delete(caseAttachment)
    .where(and(isNull(caseAttachment.eventId), lt(caseAttachment.createdAt, before)))
    .returning({ filename: caseAttachment.filename, contentType: caseAttachment.contentType, size: caseAttachment.size, sha256: caseAttachment.sha256, blobKey: caseAttachment.blobKey });
  await discardUploads(ctx, gone);
  return gone.length;
}
