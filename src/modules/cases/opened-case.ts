// What case creation knows about the case it just opened, left in its transaction for the work
// that follows in it (the acknowledgment, the screening of its first message), so none of it
// is read back from the database.
import type { Db } from '../../platform/db/database.ts';
import { txLocal } from '../../platform/db/transaction.ts';
import type { ClockDto } from '../sla/sla.contract.ts';
import type { CaseRow } from './cases.read.ts';

export interface OpenedCase {
  row: CaseRow;
  customer: { firstName: string | null; lastName: string | null; displayName: string };
  /** The customer's e-mail addresses and phone numbers known at opening, best first; null when not known here. */
  contact: { emails: string[]; phones: string[] } | null;
  brandName: string;
  storeName: string | null;
  step: { key: string; labelFr: string; labelEn: string } | null;
  clocks: ClockDto[];
  /** Why no automatic answer may go back (loop protection), or null. */
  noAutoReply: string | null;
  /** The customer's message the case opened with (its timeline event), or null. */
  firstMessage: { eventId: string; bodyText: string; data: Record<string, unknown> } | null;
}

const key = (caseId: string) => `opened-case:${caseId}`;

export function leaveOpenedCase(db: Db, opened: OpenedCase): void {
  txLocal.set(db, key(opened.row.id), opened);
}

export function openedCase(db: Db, caseId: string): OpenedCase | undefined {
  return txLocal.get<OpenedCase>(db, key(caseId));
}
