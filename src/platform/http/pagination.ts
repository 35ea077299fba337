// Cursor pagination: the cursor is an opaque encoding of the last row's sort key and id,
// so pages stay stable while rows are added (no OFFSET scans, no skipped or repeated rows).
import { z } from 'zod';
import { AppError } from '../errors.ts';

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size (1–200)'),
  cursor: z.string().max(500).optional().describe('The `nextCursor` of the previous page'),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page'),
  });
}

export type CursorValue = string | number | null;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): CursorValue[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
    ) {
      return values as CursorValue[];
    }
  } catch {
    // fall through
  }
  throw new AppError('bad_request', 'cursor: not a cursor this endpoint returned', {
    errors: [{ field: 'cursor', message: 'invalid cursor' }],
  });
}

/** Given limit+1 rows, returns the page and the cursor of its last row (if more exist). */
export function paginate<R>(rows: R[], limit: number, keyOf: (row: R) => CursorValue[]) {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(keyOf(last)) : null };
}
