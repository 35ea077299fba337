// Human case numbers: SAV-2026-000123. The year is the calendar year where the business
// is (COMPTOIR_TIMEZONE), so a case opened at 00:30 on 1 January in Paris is a new-year case.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

// Building an Intl.DateTimeFormat costs about 0.2 ms (measured in the case-creation profile);
// one per time zone is kept.
const yearFormats = new Map<string, Intl.DateTimeFormat>();

export function yearIn(timezone: string, at: Date): number {
  let format = yearFormats.get(timezone);
  if (!format) yearFormats.set(timezone, (format = new Intl.DateTimeFormat('en', { timeZone: timezone, year: 'numeric' })));
  return Number(format.format(at));
}

export function formatCaseNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
}

/** formatCaseNumber in SQL, for statements that draw the sequence and write the number at once. */
export function caseNumberSql(prefix: SQLWrapper, year: SQLWrapper, seq: SQLWrapper): SQL {
  return sql`(${prefix}::text || '-' || ${year}::text || '-' || lpad(${seq}::text, greatest(6, length(${seq}::text)), '0'))`;
}

const NUMBER = /^([A-Z]{2,6})-(\d{4})-(\d{6,})$/;

export function parseCaseNumber(text: string): { prefix: string; year: number; seq: number } | null {
  const m = NUMBER.exec(text.trim().toUpperCase());
  return m ? { prefix: m[1]!, year: Number(m[2]), seq: Number(m[3]) } : null;
}

