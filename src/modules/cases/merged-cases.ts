// A merged case leads to the case it was merged into: its customer's tracking link, an e-mail
// answering its thread, a chat still attached to it all reach the survivor (and the
// survivor's survivor, when that one was merged in turn).
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { loadCaseRow, type CaseListRow } from './cases.read.ts';
import { savCase } from './cases.schema.ts';

/** Merges cannot form a loop (a survivor is never a merged case), this only bounds a broken row. */
const MAX_HOPS = 20;

export async function survivorOf(ctx: Ctx, row: CaseListRow): Promise<CaseListRow> {
  let current = row;
  for (let hop = 0; current.c.mergedIntoId && hop < MAX_HOPS; hop++) {
    const next = await loadCaseRow(ctx, eq(savCase.id, current.c.mergedIntoId));
    if (!next) break;
    current = next;
  }
  return current;
}
