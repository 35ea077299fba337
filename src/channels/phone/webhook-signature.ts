// How a telephony system proves its webhook comes from the line's owner: the HMAC-SHA256 of
// the exact bytes of the body, keyed with the account's webhook secret, sent in hex as
// `X-Comptoir-Signature: sha256=<hex>` (the scheme GitHub and Stripe-style senders use, so
// most PBX and CTI tools can produce it). The body is checked before it is parsed.
import { createHmac } from 'node:crypto';
import { safeEqual } from '../../platform/crypto/tokens.ts';

export const SIGNATURE_HEADER = 'x-comptoir-signature';

export function webhookSignature(secret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

export function isValidWebhookSignature(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  return safeEqual(webhookSignature(secret, rawBody), header.trim().toLowerCase());
}
