// The visitor's credential for one conversation: an HMAC-signed token (a key derived for this
// purpose only, platform/crypto/signer.ts) naming the conversation and when it was issued.
// Nothing is stored for it; a week later the visitor starts a new conversation. Pure.
import type { Signer } from '../../platform/crypto/signer.ts';

export const VISITOR_TOKEN_PURPOSE = 'comptoir/chat-visitor/v1';
export const VISITOR_TOKEN_TTL_MS = 7 * 24 * 3_600_000;

export function issueVisitorToken(signer: Signer, conversationId: string, now: Date): string {
  return signer.sign(`c1.${conversationId}.${now.getTime().toString(36)}`);
}

/** Whether the token opens this conversation (not forged, altered, expired, or made for another one). */
export function verifyVisitorToken(signer: Signer, token: string, conversationId: string, now: Date): boolean {
  const [version, id, issued, ...rest] = signer.verify(token)?.split('.') ?? [];
  if (version !== 'c1' || id !== conversationId || !issued || rest.length) return false;
  const age = now.getTime() - parseInt(issued, 36);
  return Number.isFinite(age) && age > -60_000 && age < VISITOR_TOKEN_TTL_MS;
}
