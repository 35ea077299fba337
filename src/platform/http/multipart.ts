// Reading a multipart/form-data request (an HTML form with files, or an API client sending
// photos) as it streams in: text fields are collected, each file is handed to `onFile` in
// turn (which stores it, or refuses it), so no file is ever held in memory whole. Limits
// are checked here so a client learns what went wrong in words, not by a reset connection.
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { AppError } from '../errors.ts';

export interface IncomingFile {
  field: string;
  /** What the sender called it: for display only, never for a path. */
  filename: string | undefined;
  stream: Readable;
}

export interface MultipartLimits {
  maxFiles: number;
  maxFileBytes: number;
  /** Largest text field (a message is up to 100,000 characters). */
  maxFieldBytes?: number;
  maxFields?: number;
}

export interface MultipartForm<T> {
  fields: Record<string, string>;
  files: T[];
}

export function isMultipart(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
}

/**
 * Reads the whole form. When anything fails (a refused file, a limit), `onAbort` gets the
 * files already handled, so the caller can forget them, and the error is thrown; the text
 * fields read until then are in `fields` (pass your own object to keep them, e.g. to show
 * the form again with what the person typed).
 */
export async function readMultipart<T>(
  request: FastifyRequest,
  limits: MultipartLimits,
  onFile: (file: IncomingFile) => Promise<T>,
  onAbort: (handled: T[]) => Promise<void>,
  fields: Record<string, string> = {},
): Promise<MultipartForm<T>> {
  const files: T[] = [];
  const maxFields = limits.maxFields ?? 30;
  let storing = false;
  try {
    const parts = request.parts({
      limits: {
        // One more than allowed of each, so the part past the limit reaches us and is refused in words.
        files: limits.maxFiles + 1,
        fileSize: limits.maxFileBytes + 1,
        fields: maxFields + 1,
        fieldSize: limits.maxFieldBytes ?? 400_000,
        parts: limits.maxFiles + maxFields + 2,
      },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (Object.keys(fields).length >= maxFields) throw new AppError('payload_too_large', `At most ${maxFields} form fields`);
        if (part.valueTruncated) throw new AppError('payload_too_large', `The field ${part.fieldname} is too long`);
        fields[part.fieldname] = String(part.value);
        continue;
      }
      // A file input left empty still sends a part: no name, no bytes.
      if (!part.filename) {
        part.file.resume();
        continue;
      }
      if (files.length >= limits.maxFiles) {
        part.file.resume();
        throw new AppError('validation_failed', `At most ${limits.maxFiles} files per message`, {
          errors: [{ field: part.fieldname, message: `at most ${limits.maxFiles} files` }],
          details: { maxFiles: limits.maxFiles },
        });
      }
      storing = true;
      files.push(await onFile({ field: part.fieldname, filename: sentName(part.filename), stream: part.file }));
      storing = false;
    }
    return { fields, files };
  } catch (error) {
    await onAbort(files);
    throw storing ? error : asFormError(error);
  }
}

/** Browsers write `"`, CR and LF of a file name as %22, %0D and %0A in the part header (WHATWG HTML). */
function sentName(raw: string): string {
  return raw.replace(/%22/g, '"').replace(/%0[DA]/gi, ' ');
}

/** What the parser throws: its own limits keep their status; anything else is a malformed body. */
function asFormError(error: unknown): unknown {
  if (error instanceof AppError || typeof (error as { statusCode?: unknown }).statusCode === 'number') return error;
  return new AppError('bad_request', `Malformed multipart body: ${(error as Error).message}`, { cause: error });
}
