// Human case numbers: SAV-2026-000123. The year is the calendar year where the business
// is (COMPTOIR_TIMEZONE), so a case opened at 00:30 on 1 January in Paris is a new-year case.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';

export function yearIn(timezone: string, at: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: timezone, year: 'numeric' }).format(at));
}

export function formatCaseNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
}

const NUMBER = /^([A-Z]{2,6})-(\d{4})-(\d{6,})$/;

export function parseCaseNumber(text: string): { prefix: string; year: number; seq: number } | null {
  const m = NUMBER.exec(text.trim().toUpperCase());
  return m ? { prefix: m[1]!, year: Number(m[2]), seq: Number(m[3]) } : null;
}

/** Draws the next number of the year from that year's sequence (never reused, never shared). */
export async function nextCaseNumber(ctx: Ctx, at: Date): Promise<{ number: string; year: number; seq: number }> {
  const year = yearIn(ctx.config.defaults.timezone, at);
  const [row] = await queryRows<{ seq: number }>(ctx.db, sql`SELECT comptoir_next_case_seq(${year})::int AS seq`);
  const seq = Number(row!.seq);
  return { number: formatCaseNumber(ctx.config.defaults.casePrefix, year, seq), year, seq };
}
