// A background check that decides "has this case been told already?" must decide it alone:
// it takes the case row FOR UPDATE first (the order every change of a case takes), so two
// runs for one case — two messages at once, a job retried — see each other's work.
import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { loadCaseRow, type CaseListRow } from '../cases/cases.read.ts';
import { savCase } from '../cases/cases.schema.ts';

/** The case, locked for the rest of the caller's transaction; undefined when it does not exist. */
export async function lockCase(tx: Ctx, caseId: string): Promise<CaseListRow | undefined> {
  const locked = await queryRows<{ id: string }>(tx.db, sql`SELECT id FROM sav_case WHERE id = ${caseId} FOR UPDATE`);
  if (locked.length === 0) return undefined;
  return loadCaseRow(tx, eq(savCase.id, caseId));
}
