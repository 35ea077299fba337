// A customer writes on a case they already have (from the tracking page, later from every
// channel's follow-ups): the message joins the timeline, a case waiting for the customer is
// open again, a solved case reopens, and the SLA clocks follow (commitChange).
import { eq } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { commitChange, statusChange, type CaseSet } from './case-changes.ts';
import type { CaseStatus, Channel } from './cases.contract.ts';
import { loadCaseRow, type CaseListRow } from './cases.read.ts';
import { savCase } from './cases.schema.ts';
import type { EventRow, NewEvent } from './timeline.ts';

export interface CustomerMessageInput {
  body: string;
  channel: Channel;
  /** Provider facts worth keeping with the message (message id, attachment ids…). */
  data?: Record<string, unknown>;
}

/** The status a customer's message leaves a case in. */
export function statusAfterCustomerMessage(status: CaseStatus): CaseStatus {
  if (status === 'waiting_customer' || status === 'solved') return 'open';
  return status;
}

/** Records the message; retries when an agent changed the case at the same moment. */
export async function recordCustomerMessage(ctx: Ctx, caseId: string, input: CustomerMessageInput): Promise<{ event: EventRow; case: CaseListRow['c'] }> {
  for (let attempt = 1; ; attempt++) {
    const row = await loadCaseRow(ctx, eq(savCase.id, caseId));
    if (!row) throw new AppError('not_found', 'No such case');
    if (row.c.status === 'closed') throw conflict('This case is closed: open a new case');
    try {
      return await inTransaction(ctx, async (tx) => {
        const c = row.c;
        const now = ctx.clock.now();
        const events: NewEvent[] = [
          {
            type: 'message_in',
            actorType: 'customer',
            actorCustomerId: c.customerId,
            channel: input.channel,
            visibility: 'public',
            bodyText: input.body,
            data: input.data ?? {},
          },
        ];
        const set: CaseSet = { customerMessageCount: c.customerMessageCount + 1, lastCustomerMessageAt: now };
        const next = statusAfterCustomerMessage(c.status);
        if (next !== c.status) {
          Object.assign(set, statusChange(c.status, next, now, c));
          events.push({ type: 'status_changed', actorType: 'customer', actorCustomerId: c.customerId, visibility: 'public', data: { from: c.status, to: next, reopened: c.status === 'solved' } });
        }
        const { after, events: written } = await commitChange(tx, row, set, events, now);
        return { event: written[0]!, case: after };
      });
    } catch (error) {
      // Someone changed the case between our read and our write: read it again.
      if (attempt < 3 && error instanceof AppError && error.code === 'conflict') continue;
      throw error;
    }
  }
}
