// Document numbers drawn from a counter per kind and calendar year: RMA-2026-000123 for return
// authorisations, AV-2026-000001 for credit notes (avoirs). The counter row is locked by the
// UPDATE until the drawing transaction ends, so two numbers are never the same, and a number
// once committed is never drawn again (a cancelled RMA keeps its number).
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { formatCaseNumber, yearIn } from '../cases/numbering.ts';

export const documentPrefixes = { rma: 'RMA', credit_note: 'AV' } as const;
export type DocumentKind = keyof typeof documentPrefixes;

export async function drawDocumentNumber(tx: Ctx, kind: DocumentKind, at: Date): Promise<string> {
  const year = yearIn(tx.config.defaults.timezone, at);
  const result = (await tx.db.execute(sql`
    INSERT INTO document_counter (kind, year, last) VALUES (${kind}, ${year}, 1)
    ON CONFLICT (kind, year) DO UPDATE SET last = document_counter.last + 1
    RETURNING last`)) as unknown as { rows: { last: number }[] };
  return formatCaseNumber(documentPrefixes[kind], year, result.rows[0]!.last);
}
