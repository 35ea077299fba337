// Files that come with messages: taking one in (its type told from its first bytes, its
// bytes to the blob store), linking the stored files to the message they came with, and
// handing one back to someone allowed to see it (an agent with access to the case, or
// the customer through the tracking link, for public ones only).
import type { Readable } from 'node:stream';
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { caseAccess } from '../access/access.policy.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { acceptedTypes, safeFilename, sniffType, SNIFF_BYTES, type AttachmentType } from './attachment-types.ts';
import type { AttachmentRow } from './attachments.read.ts';
import { caseAttachment, caseEvent, savCase } from './cases.schema.ts';

/** A file stored in the blob store, not yet linked to a message. */
export interface Upload {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  blobKey: string;
}

export class UnsupportedFileError extends AppError {
  readonly filename: string;
  constructor(filename: string) {
    super('unsupported_media_type', `${filename}: only photos (JPEG, PNG, WebP, GIF, HEIC) and PDF documents are accepted`, {
      errors: [{ field: 'files', message: `${filename}: not a photo or a PDF` }],
      details: { filename, accepted: acceptedTypes.map((t) => t.contentType) },
    });
    this.filename = filename;
  }
}

/**
 * Stores one file sent by a customer or an agent. Its type comes from its first bytes:
 * what is not an accepted photo or PDF is refused (415) before anything is kept, and so is
 * a file past the upload limit (413).
 */
export async function storeUpload(ctx: Ctx, file: { filename: string | undefined; stream: Readable }): Promise<Upload> {
  let type: AttachmentType | null = null;
  const shownName = (file.filename ?? '').split(/[\\/]/).pop() || 'fichier';
  try {
    const blob = await ctx.blobs.put(
      checkedHead(file.stream, (head) => {
        type = sniffType(head);
        if (!type) throw new UnsupportedFileError(shownName);
      }),
      { maxBytes: ctx.config.uploads.maxBytes },
    );
    const known = type as AttachmentType | null;
    if (!known) throw new UnsupportedFileError(shownName);
    return { filename: safeFilename(file.filename, known), contentType: known.contentType, size: blob.size, sha256: blob.sha256, blobKey: blob.key };
  } catch (error) {
    // Let the rest of a refused file flow by, so the request can be read to its end.
    file.stream.resume();
    throw error;
  }
}

/** The stream with its first bytes looked at (by `check`, which may throw) before any is passed on. */
async function* checkedHead(stream: Readable, check: (head: Buffer) => void): AsyncGenerator<Buffer> {
  let head: Buffer | null = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (head === null) {
      yield chunk;
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length < SNIFF_BYTES) continue;
    check(head);
    yield head;
    head = null;
  }
  if (head !== null) {
    check(head);
    if (head.length) yield head;
  }
}

/** Links stored files to the message they came with; call in the message's transaction. */
export async function linkAttachments(
  ctx: Ctx,
  at: { caseId: string; eventId: string; visibility: 'public' | 'internal' },
  uploads: Upload[],
): Promise<AttachmentRow[]> {
  if (uploads.length === 0) return [];
  const now = ctx.clock.now();
  const rows: AttachmentRow[] = uploads.map((u) => ({
    id: uuidv7(now.getTime()),
    caseId: at.caseId,
    eventId: at.eventId,
    filename: u.filename,
    contentType: u.contentType,
    size: u.size,
    sha256: u.sha256,
    blobKey: u.blobKey,
    visibility: at.visibility,
    createdAt: now,
  }));
  await ctx.db.insert(caseAttachment).values(rows);
  return rows;
}

/**
 * Forgets stored files whose message was never written (refused, rolled back). A blob that
 * another attachment already uses (the same photo sent before) is kept.
 */
export async function discardUploads(ctx: Ctx, uploads: Upload[]): Promise<void> {
  const keys = [...new Set(uploads.map((u) => u.blobKey))];
  if (keys.length === 0) return;
  try {
    const used = await ctx.db.selectDistinct({ key: caseAttachment.blobKey }).from(caseAttachment).where(inArray(caseAttachment.blobKey, keys));
    const kept = new Set(used.map((u) => u.key));
    for (const key of keys) if (!kept.has(key)) await ctx.blobs.delete(key);
  } catch (error) {
    // A leftover blob costs disk space, not correctness: say so and carry on.
    ctx.log.warn({ err: error, keys }, 'could not discard unused uploads');
  }
}

export interface OpenedAttachment {
  attachment: AttachmentRow;
  inline: boolean;
  body: Readable;
}

async function open(ctx: Ctx, attachment: AttachmentRow): Promise<OpenedAttachment> {
  const inline = acceptedTypes.find((t) => t.contentType === attachment.contentType)?.inline ?? false;
  return { attachment, inline, body: await ctx.blobs.get(attachment.blobKey) };
}

/** An attachment for an agent: the case access rules apply; a history-only reader gets public ones only. */
export async function openAttachment(ctx: Ctx, actor: Actor, id: string): Promise<OpenedAttachment> {
  requirePermission(actor, 'cases.read');
  const [row] = await ctx.db
    .select({ a: caseAttachment, brandId: savCase.brandId, storeId: savCase.storeId })
    .from(caseAttachment)
    .innerJoin(savCase, eq(savCase.id, caseAttachment.caseId))
    .where(eq(caseAttachment.id, id));
  if (!row) throw notFound('attachment', id);
  const access = caseAccess(actor.scope, row);
  if (access === 'none' || (access === 'history' && row.a.visibility !== 'public')) throw notFound('attachment', id);
  return open(ctx, row.a);
}

/** A public attachment of a public message of this case: what the tracking page may show. */
export async function openPublicAttachment(ctx: Ctx, caseId: string, id: string): Promise<OpenedAttachment> {
  const [row] = await ctx.db
    .select({ a: caseAttachment })
    .from(caseAttachment)
    .innerJoin(caseEvent, eq(caseEvent.id, caseAttachment.eventId))
    .where(
      and(
        eq(caseAttachment.id, id),
        eq(caseAttachment.caseId, caseId),
        eq(caseAttachment.visibility, 'public'),
        eq(caseEvent.visibility, 'public'),
        inArray(caseEvent.type, ['message_in', 'message_out']),
      ),
    );
  if (!row) throw notFound('attachment', id);
  return open(ctx, row.a);
}
