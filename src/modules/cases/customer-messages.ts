// A customer writes on a case they already have (from the tracking page, later from every
// channel's follow-ups): the message joins the timeline, a case waiting for the customer is
// open again, a solved case reopens, and the SLA clocks follow (commitChange). Files sent
// with it (already in the blob store) are linked to it in the same transaction.
import { eq } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import type { AttachmentRow } from './attachments.read.ts';
import { linkAttachments, type Upload } from './attachments.service.ts';
import { commitChange, statusChange, type CaseSet } from './case-changes.ts';
import { retryOnConflict } from './conflict-retry.ts';
import type { CaseStatus, Channel } from './cases.contract.ts';
import { loadCaseRow, type CaseListRow } from './cases.read.ts';
import { survivorOf } from './merged-cases.ts';
import { savCase } from './cases.schema.ts';
import type { EventRow, NewEvent } from './timeline.ts';

export interface CustomerMessageInput {
  /** May be empty when the message is only photos. */
  body: string;
  channel: Channel;
  /** Provider facts worth keeping with the message (message id…). */
  data?: Record<string, unknown>;
  /** Files stored beforehand (storeUpload), shown with the message. */
  attachments?: Upload[];
  /** Thanks on a solved case: recorded, and the case stays solved (nothing is left to do). */
  keepSolved?: boolean;
}

/** The status a customer's message leaves a case in. */
export function statusAfterCustomerMessage(status: CaseStatus): CaseStatus {
  if (status === 'waiting_customer' || status === 'solved') return 'open';
  return status;
}

/**
 * Records the message (on the survivor, when the case was merged into another); tried again
 * when an agent changed the case at the same moment.
 */
export async function recordCustomerMessage(
  ctx: Ctx,
  caseId: string,
  input: CustomerMessageInput,
): Promise<{ event: EventRow; case: CaseListRow['c']; attachments: AttachmentRow[] }> {
  return retryOnConflict(async () => {
    const found = await loadCaseRow(ctx, eq(savCase.id, caseId));
    if (!found) throw new AppError('not_found', 'No such case');
    const row = await survivorOf(ctx, found);
    if (row.c.status === 'closed') throw conflict('This case is closed: open a new case');
    return inTransaction(ctx, async (tx) => {
      const c = row.c;
      const now = ctx.clock.now();
      const events: NewEvent[] = [
        {
          type: 'message_in',
          actorType: 'customer',
          actorCustomerId: c.customerId,
          channel: input.channel,
          visibility: 'public',
          bodyText: input.body || null,
          data: input.data ?? {},
        },
      ];
      const set: CaseSet = { customerMessageCount: c.customerMessageCount + 1, lastCustomerMessageAt: now };
      const next = input.keepSolved && c.status === 'solved' ? c.status : statusAfterCustomerMessage(c.status);
      if (next !== c.status) {
        Object.assign(set, statusChange(c.status, next, now, c));
        events.push({ type: 'status_changed', actorType: 'customer', actorCustomerId: c.customerId, visibility: 'public', data: { from: c.status, to: next, reopened: c.status === 'solved' } });
      }
      const { after, events: written } = await commitChange(tx, row, set, events, now);
      const event = written[0]!;
      const attachments = await linkAttachments(tx, { caseId: c.id, eventId: event.id, visibility: 'public' }, input.attachments ?? []);
      return { event, case: after, attachments };
    });
  });
}
