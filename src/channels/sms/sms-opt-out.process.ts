// A bare STOP or START sent to one of our numbers: the number's opt-out is recorded or lifted,
// and the customer's open case, if they have one, says so in an internal note (an agent about
// to answer by SMS learns why it would not leave). A keyword is not a request for help: it
// opens no case and is no customer message.
import type { Ctx } from '../../context.ts';
import { registerCatalog, t } from '../../platform/i18n/i18n.ts';
import { appendEvents } from '../../modules/cases/timeline.ts';
import type { AccountRow, InboundOutcome, StoredInbound } from '../connector.ts';
import { customerByNumber, openCasesOf } from '../phone/screen-pop.ts';
import type { SocialMessage } from '../social/social.types.ts';
import { liftOptOut, recordOptOut } from './opt-out.ts';
import type { SmsKeyword } from './sms-keywords.ts';

registerCatalog({
  fr: {
    'sms.opted_out': 'Le client a répondu « {keyword} » par SMS depuis le {phone} : plus aucun SMS ne lui sera envoyé tant qu’il n’aura pas envoyé START. Répondez-lui par un autre canal.',
    'sms.opted_in': 'Le client a répondu « {keyword} » par SMS depuis le {phone} : il reçoit de nouveau nos SMS.',
  },
  en: {
    'sms.opted_out': 'The customer answered “{keyword}” by SMS from {phone}: no more SMS will be sent to them until they send START. Answer them on another channel.',
    'sms.opted_in': 'The customer answered “{keyword}” by SMS from {phone}: they receive our SMS again.',
  },
});

/** The internal note on the customer's most recently active open case (of the account's brand), if any. */
async function noteOnOpenCase(tx: Ctx, account: AccountRow, phone: string, key: string, keyword: string, at: Date) {
  const customer = await customerByNumber(tx, phone);
  if (!customer) return null;
  const [latest] = await openCasesOf(tx, customer.id, account.brandId);
  if (!latest) return null;
  const [note] = await appendEvents(
    tx,
    latest.c,
    [{ type: 'note', actorType: 'system', channel: 'sms', visibility: 'internal', bodyText: t(latest.c.language, key, { keyword, phone }), data: { kind: key, keyword, phone } }],
    at,
  );
  return { caseId: latest.c.id, eventId: note!.id };
}

/**
 * Applies the keyword; null when the message is not one after all (a "yes" from a number
 * that never opted out answers an agent): the caller hands it on like any message.
 */
export async function applySmsKeyword(tx: Ctx, row: StoredInbound, message: SocialMessage, keyword: SmsKeyword): Promise<InboundOutcome | null> {
  const phone = message.author.identity.value;
  if (keyword.action === 'stop') {
    await recordOptOut(tx, { phone, keyword: keyword.keyword, accountId: row.account.id, at: row.receivedAt });
    const noted = await noteOnOpenCase(tx, row.account, phone, 'sms.opted_out', keyword.keyword, row.receivedAt);
    return { state: 'processed', caseId: noted?.caseId ?? null, eventId: noted?.eventId ?? null, detail: `${phone} opted out of SMS (${keyword.keyword})` };
  }
  const lifted = await liftOptOut(tx, phone);
  if (!lifted) {
    if (keyword.alsoAnAnswer) return null;
    return { state: 'ignored', detail: `${keyword.keyword} from ${phone}, which had not opted out: nothing to change` };
  }
  const noted = await noteOnOpenCase(tx, row.account, phone, 'sms.opted_in', keyword.keyword, row.receivedAt);
  return { state: 'processed', caseId: noted?.caseId ?? null, eventId: noted?.eventId ?? null, detail: `${phone} receives SMS again (${keyword.keyword})` };
}
