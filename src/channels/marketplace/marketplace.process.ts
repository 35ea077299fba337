// A stored relay message, processed by the inbound job inside its transaction (the row
// locked): parsed into one SocialEvent for the shared social pipeline, then what the pipeline
// does not know of marketplaces — the conversation recorded for its case, so the thread's next
// messages join it, and the buyer's e-mail kept on the customer.
import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { savCase } from '../../modules/cases/cases.schema.ts';
import { normaliseAll, refreshSearchText } from '../../modules/customers/customers.service.ts';
import { learnIdentities } from '../../modules/customers/merge-suggestions.ts';
import { ParseError, type InboundOutcome, type StoredInbound } from '../connector.ts';
import { processSocialEvent } from '../social/social.process.ts';
import type { MarketplaceMessage } from './marketplace.contract.ts';
import { conversationRefOf, readRelayMessage, toSocialMessage } from './marketplace.parse.ts';

/**
 * The conversation names its latest case: a thread that went on after its case was closed
 * follows the new case, not the old one again.
 */
async function recordConversation(tx: Ctx, ref: string, caseId: string, eventId: string | null, at: Date): Promise<void> {
  await tx.db.execute(sql`
    INSERT INTO message_ref (channel, ref, case_id, event_id, created_at)
    VALUES ('marketplace', ${ref}, ${caseId}, ${eventId}, ${at.toISOString()})
    ON CONFLICT (channel, ref) DO UPDATE SET case_id = EXCLUDED.case_id, event_id = EXCLUDED.event_id, created_at = EXCLUDED.created_at`);
}

/**
 * The address the marketplace gave for the buyer (often its own relay address, which still
 * reaches them) becomes the customer's, or a merge is suggested when another customer has it.
 */
async function keepBuyerEmail(tx: Ctx, caseId: string, email: string): Promise<string> {
  const [c] = await tx.db.select({ customerId: savCase.customerId }).from(savCase).where(eq(savCase.id, caseId));
  if (!c) return '';
  const identities = normaliseAll(tx, [{ kind: 'email', value: email }]);
  const { suggested } = await learnIdentities(tx, c.customerId, identities, 'marketplace');
  await refreshSearchText(tx, c.customerId);
  return `; the buyer's e-mail ${identities[0]!.value}${suggested.length ? ' belongs to another customer: a merge is suggested' : ' is kept'}`;
}

export async function processRelayMessage(tx: Ctx, row: StoredInbound): Promise<InboundOutcome> {
  let m: MarketplaceMessage;
  try {
    m = readRelayMessage(row.raw);
  } catch (error) {
    // Kept as it came, with the reason: an admin can look at it.
    if (error instanceof ParseError) return { state: 'failed', detail: error.message };
    throw error;
  }
  const outcome = await processSocialEvent(tx, row, toSocialMessage(m, row.account.id));
  if (outcome.state !== 'processed' || !outcome.caseId) return outcome;
  await recordConversation(tx, conversationRefOf(row.account.id, m), outcome.caseId, outcome.eventId, row.receivedAt);
  const learnt = m.buyer.email ? await keepBuyerEmail(tx, outcome.caseId, m.buyer.email) : '';
  return { ...outcome, detail: `${outcome.detail ?? ''}${learnt}` };
}
