// A stored inbound SMS, processed by the inbound job inside its transaction (the row locked):
// a bare STOP or START changes the number's opt-out and nothing else; any other message has
// its MMS files fetched into the blob store, then goes through the shared social pipeline —
// the customer found by their number, the case found or opened, and acknowledged by SMS.
import type { Ctx } from '../../context.ts';
import { ParseError, type InboundOutcome, type StoredInbound } from '../connector.ts';
import { processSocialEvent } from '../social/social.process.ts';
import { fetchMmsMedia, type FetchedMedia } from './mms-media.ts';
import { smsKeyword } from './sms-keywords.ts';
import { applySmsKeyword } from './sms-opt-out.process.ts';
import { readInboundSms, smsFromFields } from './sms.parse.ts';

export async function processInboundSms(tx: Ctx, row: StoredInbound): Promise<InboundOutcome> {
  let fields: ReturnType<typeof readInboundSms>;
  let message: ReturnType<typeof smsFromFields>;
  try {
    fields = readInboundSms(row.raw);
    message = smsFromFields(fields, row.receivedAt, { defaultCountry: tx.config.defaults.country, ownNumber: row.account.address });
  } catch (error) {
    // Kept as it came, with the reason: an admin can look at it.
    if (error instanceof ParseError) return { state: 'failed', detail: error.message };
    throw error;
  }
  if (message.own) return processSocialEvent(tx, row, message);

  const keyword = smsKeyword(message.text, fields.OptOutType ?? null);
  if (keyword) {
    const applied = await applySmsKeyword(tx, row, message, keyword);
    if (applied) return applied;
  }

  const twilio = tx.config.outbound.sms.twilio;
  const files: FetchedMedia = message.media.length && twilio ? await fetchMmsMedia(tx, message.media, twilio) : { uploads: [], refused: [] };
  // What could not be kept is said on the message, for the agent who reads it.
  const data = files.refused.length ? { ...message.data, mediaNotKept: files.refused } : message.data;
  return processSocialEvent(tx, row, { ...message, data }, files.uploads);
}
