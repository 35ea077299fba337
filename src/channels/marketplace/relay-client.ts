// Answers to marketplace buyers go back through the seller's relay: Comptoir posts each one to
// the account's replyUrl, signed and dated like the relay's own messages to us (the same
// secret, X-Comptoir-Signature over "<timestamp>.<body>"), and the relay posts it on the
// marketplace's messaging API and answers with the marketplace's id of the message. The
// relay's failures become the few provider codes the delivery job decides on.
import type { Ctx } from '../../context.ts';
import { ProviderError } from '../provider-errors.ts';
import type { SocialOutbound } from '../social/social.types.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from '../webhook-signature.ts';
import { marketplaceSettingsOf } from './marketplace.settings.ts';

const TIMEOUT_MS = 20_000;

/** What the relay receives: one answer, in the conversation it belongs to. */
export interface RelayReply {
  marketplace: string;
  conversationId: string;
  orderReference: string | null;
  /** The buyer's id on the marketplace. */
  buyerId: string;
  /** The marketplace's id of the buyer's message this answers. */
  inReplyTo: string;
  text: string;
  sentAt: string;
}

/** The buyer's latest message as the pipeline recorded it → where the answer goes. */
export function relayReplyOf(out: Pick<SocialOutbound, 'recipient' | 'replyTo' | 'text' | 'now'>): RelayReply {
  const to = out.replyTo;
  const marketplace = typeof to?.data.marketplace === 'string' ? to.data.marketplace : null;
  const conversationId = typeof to?.data.conversationId === 'string' ? to.data.conversationId : null;
  if (!to || !marketplace || !conversationId) throw new ProviderError('rejected', 'the buyer has written no marketplace message on this case: there is no conversation to answer');
  const prefix = `${marketplace}:`;
  return {
    marketplace,
    conversationId,
    orderReference: typeof to.data.orderReference === 'string' ? to.data.orderReference : null,
    buyerId: out.recipient.startsWith(prefix) ? out.recipient.slice(prefix.length) : out.recipient,
    inReplyTo: to.providerId.startsWith(prefix) ? to.providerId.slice(prefix.length) : to.providerId,
    text: out.text,
    sentAt: out.now.toISOString(),
  };
}

function relayError(status: number, body: { detail?: unknown; message?: unknown } | null, retryAfter: string | null, now: Date): ProviderError {
  const said = typeof body?.detail === 'string' ? body.detail : typeof body?.message === 'string' ? body.message : `HTTP ${status}`;
  const message = `the relay answered ${status}: ${said}`.slice(0, 500);
  if (status === 401 || status === 403) return new ProviderError('auth', message, { providerCode: status });
  if (status === 404) return new ProviderError('not_found', message, { providerCode: status });
  if (status === 429 || status >= 500) {
    const seconds = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
    return new ProviderError('temporary', message, { providerCode: status, retryAt: seconds === null ? null : new Date(now.getTime() + seconds * 1000) });
  }
  // The marketplace refused this message (a closed conversation, a forbidden link…).
  return new ProviderError('rejected', message, { providerCode: status });
}

export async function sendToRelay(_ctx: Ctx, out: SocialOutbound): Promise<{ providerId: string }> {
  const url = marketplaceSettingsOf(out.account.settings).replyUrl;
  if (!url) throw new ProviderError('not_configured', `the ${out.account.name} relay takes no answers (settings.replyUrl): answer the buyer on the marketplace`);
  const secret = out.secrets.webhookSecret;
  if (!secret) throw new ProviderError('not_configured', `the ${out.account.name} account has no webhook secret to sign answers with`);
  const reply = relayReplyOf(out);
  const body = JSON.stringify(reply);
  const timestamp = String(Math.floor(out.now.getTime() / 1000));
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', [SIGNATURE_HEADER]: webhookSignature(secret, body, timestamp), [TIMESTAMP_HEADER]: timestamp },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new ProviderError('temporary', `the relay is unreachable: ${(error as Error).message}`, { cause: error });
  }
  const answer = (await response.json().catch(() => null)) as { messageId?: unknown; detail?: unknown; message?: unknown } | null;
  if (!response.ok) throw relayError(response.status, answer, response.headers.get('retry-after'), out.now);
  if (typeof answer?.messageId !== 'string' || !answer.messageId) throw new ProviderError('temporary', `the relay answered ${response.status} without the marketplace's messageId`);
  return { providerId: `${reply.marketplace}:${answer.messageId}` };
}
