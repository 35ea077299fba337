// What a customer does through the tracking link: write (with photos), and choose where
// step news reach them. Every write counts against the visitor's and the link's limits
// before anything is read from the request body.
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { limitPublicWrite } from '../../platform/http/public-limits.ts';
import { parseFields } from '../../platform/http/validate.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { discardUploads, type Upload } from '../cases/attachments.service.ts';
import { commitChange } from '../cases/case-changes.ts';
import type { NotifyChannel } from '../cases/cases.contract.ts';
import type { CaseListRow } from '../cases/cases.read.ts';
import { retryOnConflict } from '../cases/conflict-retry.ts';
import { recordCustomerMessage } from '../cases/customer-messages.ts';
import { trackMessageBody, type TrackedMessage } from './tracking.contract.ts';
import type { Visitor } from './tracking.read.ts';
import { findTrackedCase, getTracking, notifyOptions, presentTrackedAttachment, reachableIdentities } from './tracking.read.ts';

/** The case a visitor is about to write on: counted, found, and still open to messages. */
export async function caseToWriteOn(ctx: Ctx, token: string, visitor: Visitor): Promise<CaseListRow> {
  await limitPublicWrite(ctx, visitor.ip, `track:${token}`);
  const row = await findTrackedCase(ctx, token);
  if (row.c.status === 'closed') throw conflict('This case is closed: open a new request to write to us');
  return row;
}

export const emptyMessage = () =>
  new AppError('validation_failed', 'body: write a message or add a photo', { errors: [{ field: 'body', message: 'write a message or add a photo' }] });

/** The customer's message from the tracking page; the files (already stored) go with it or are forgotten. */
export async function replyOnTrackedCase(ctx: Ctx, token: string, row: CaseListRow, input: { fields: unknown; uploads: Upload[] }): Promise<TrackedMessage> {
  try {
    const { body } = parseFields(trackMessageBody, input.fields);
    if (!body && input.uploads.length === 0) throw emptyMessage();
    const { event, attachments } = await recordCustomerMessage(ctx, row.c.id, {
      body,
      channel: 'webform',
      data: { via: 'tracking_page' },
      attachments: input.uploads,
    });
    return {
      id: event.id,
      at: event.at.toISOString(),
      from: 'customer',
      author: null,
      body: event.bodyText,
      attachments: attachments.map((a) => presentTrackedAttachment(a, token)),
    };
  } catch (error) {
    await discardUploads(ctx, input.uploads);
    throw error;
  }
}

/** Where step news go: only a channel the customer can be reached on (an e-mail, a phone we know). */
export async function chooseNotifyChannel(ctx: Ctx, token: string, visitor: Visitor, notifyVia: NotifyChannel, lang?: Language) {
  await limitPublicWrite(ctx, visitor.ip, `track:${token}`);
  await retryOnConflict(async () => {
    const row = await findTrackedCase(ctx, token);
    const identities = await reachableIdentities(ctx, row.c.customerId);
    if (!notifyOptions(identities, 'fr').some((o) => o.channel === notifyVia)) {
      const missing = notifyVia === 'email' ? 'we have no e-mail address for you' : 'we have no phone number for you';
      throw new AppError('validation_failed', `notifyVia: ${missing}`, { errors: [{ field: 'notifyVia', message: missing }] });
    }
    if (row.c.notifyVia === notifyVia) return;
    const now = ctx.clock.now();
    await inTransaction(ctx, (tx) =>
      commitChange(
        tx,
        row,
        { notifyVia },
        [
          {
            type: 'fields_changed',
            actorType: 'customer',
            actorCustomerId: row.c.customerId,
            visibility: 'internal',
            data: { notifyVia: { from: row.c.notifyVia, to: notifyVia } },
          },
        ],
        now,
      ),
    );
  });
  return getTracking(ctx, token, visitor, lang);
}
