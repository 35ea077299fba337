// Sending a stored file back: with its real type, a name that survives any browser, and a
// policy that keeps whatever is inside from running as part of our site (a PDF or an image
// is opened in a sandbox with no script, no form, no plugin).
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';

export interface Download {
  filename: string;
  contentType: string;
  size: number;
  /** Shown in the browser (images) rather than saved. */
  inline: boolean;
}

export const DOWNLOAD_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";

/**
 * Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 8187):
 * `attachment; filename="Etiquette.jpg"; filename*=UTF-8''%C3%89tiquette.jpg`.
 */
export function contentDisposition(filename: string, inline: boolean): string {
  const fallback = filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function sendDownload(reply: FastifyReply, file: Download, body: Readable): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file.filename, file.inline))
    .header('content-security-policy', DOWNLOAD_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('cross-origin-resource-policy', 'same-origin')
    // Only the browser that fetched it keeps a copy, for a little while.
    .header('cache-control', 'private, max-age=300')
    .send(body);
}
