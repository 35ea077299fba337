// A stored relay message → the one SocialEvent the social pipeline takes: a private message
// from the buyer (identity `external`, `<marketplace>:<buyer id>`, so the same buyer on two
// marketplaces is two identities), threaded by the marketplace's conversation, with the order
// reference and the marketplace kept on the message. Pure.
import { ParseError } from '../connector.ts';
import type { SocialMedia, SocialMessage } from '../social/social.types.ts';
import { marketplaceMessage, type MarketplaceMessage } from './marketplace.contract.ts';

/** One stored row per marketplace message: ids are only unique within their marketplace. */
export const providerIdOf = (m: Pick<MarketplaceMessage, 'marketplace' | 'messageId'>) => `${m.marketplace}:${m.messageId}`;

/**
 * What later messages of the conversation name: recorded for the case (message_ref), so they
 * join it rather than whichever case of the buyer moved last. Namespaced by the account (a
 * relay threads into its own conversations only) and the marketplace (a conversation id is
 * only unique there, and may look like a message id).
 */
export const conversationRefOf = (accountId: string, m: Pick<MarketplaceMessage, 'marketplace' | 'conversationId'>) =>
  `${accountId}/${m.marketplace}:conversation:${m.conversationId}`;

function mediaKind(contentType: string | null): SocialMedia['kind'] {
  const major = contentType?.split('/')[0]?.toLowerCase();
  return major === 'image' ? 'photo' : major === 'video' ? 'video' : major === 'audio' ? 'audio' : 'file';
}

export function readRelayMessage(raw: Buffer): MarketplaceMessage {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new ParseError('not JSON', { cause: error });
  }
  const parsed = marketplaceMessage.safeParse(json);
  if (!parsed.success) throw new ParseError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

export function toSocialMessage(m: MarketplaceMessage, accountId: string): SocialMessage {
  return {
    kind: 'message',
    channel: 'marketplace',
    providerId: providerIdOf(m),
    audience: 'private',
    author: { identity: { kind: 'external', value: `${m.marketplace}:${m.buyer.id}` }, handle: null, displayName: m.buyer.name, followers: null, verified: false },
    own: false,
    text: m.text,
    media: m.attachments.map((a) => ({ kind: mediaKind(a.contentType), url: a.url, contentType: a.contentType })),
    refs: [conversationRefOf(accountId, m)],
    url: null,
    sentAt: new Date(m.sentAt),
    data: {
      marketplace: m.marketplace,
      orderReference: m.orderReference,
      conversationId: m.conversationId,
      ...(m.subject ? { subject: m.subject } : {}),
    },
    orderRef: m.orderReference,
  };
}
