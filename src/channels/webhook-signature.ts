// How a sender we do not run (a telephony system, a marketplace seller's relay) proves its
// webhook comes from the account's owner: the HMAC-SHA256 of the exact bytes of the body,
// keyed with the account's webhook secret, sent in hex as `X-Comptoir-Signature: sha256=<hex>`
// (the scheme GitHub and Stripe-style senders use, so most tools can produce it). The body is
// checked before it is parsed.
//
// A sender may also date its request (`X-Comptoir-Timestamp`, Unix seconds): the signature then
// covers `<timestamp>.<body>`, so the date cannot be changed without the secret, and a request
// older than the replay window is refused. A replayed message is stored once anyway (its id);
// the window is what keeps a captured request from being played again once that row is gone.
import { createHmac } from 'node:crypto';
import { safeEqual } from '../platform/crypto/tokens.ts';

export const SIGNATURE_HEADER = 'x-comptoir-signature';
export const TIMESTAMP_HEADER = 'x-comptoir-timestamp';
/** How far a dated request may be from our clock, either way (a sender's clock drifts too). */
export const REPLAY_WINDOW_SECONDS = 300;

/** What is signed: the body, or `<timestamp>.<body>` for a dated request. */
function signedBytes(rawBody: Buffer | string, timestamp: string | undefined): Buffer {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return timestamp === undefined ? body : Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), body]);
}

export function webhookSignature(secret: string, rawBody: Buffer | string, timestamp?: string): string {
  return `sha256=${createHmac('sha256', secret).update(signedBytes(rawBody, timestamp)).digest('hex')}`;
}

export function isValidWebhookSignature(secret: string, rawBody: Buffer, header: string | undefined, timestamp?: string): boolean {
  if (!header) return false;
  return safeEqual(webhookSignature(secret, rawBody, timestamp), header.trim().toLowerCase());
}

/** Why a request's date is refused (not a number, outside the window), or null when it is fine. */
export function timestampProblem(timestamp: string, now: Date): string | null {
  if (!/^\d{1,12}$/.test(timestamp)) return `${TIMESTAMP_HEADER} must be a Unix time in seconds`;
  const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
  return skew > REPLAY_WINDOW_SECONDS ? `${TIMESTAMP_HEADER} is ${Math.round(skew)} s away from our clock (at most ${REPLAY_WINDOW_SECONDS} s)` : null;
}
