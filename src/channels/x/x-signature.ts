// How X proves a webhook is its own (Account Activity API). Both halves are the base64
// HMAC-SHA256 keyed with the app's consumer secret: of the `crc_token` X sends to the callback
// (the Challenge-Response Check, at registration and then about hourly: a failed check
// invalidates the webhook), and of the exact bytes of every event delivery, sent as
// `x-twitter-webhooks-signature: sha256=<base64>`. The body is checked before it is parsed.
import { createHmac } from 'node:crypto';
import { safeEqual } from '../../platform/crypto/tokens.ts';

export const X_SIGNATURE_HEADER = 'x-twitter-webhooks-signature';

/** `sha256=` + base64 HMAC-SHA256 of the message with the consumer secret. */
export function xSignature(consumerSecret: string, message: Buffer | string): string {
  return `sha256=${createHmac('sha256', consumerSecret).update(message).digest('base64')}`;
}

/** What the callback answers X's CRC GET with: `{"response_token":"sha256=…"}`. */
export function crcResponse(consumerSecret: string, crcToken: string): { response_token: string } {
  return { response_token: xSignature(consumerSecret, crcToken) };
}

/** Whether a delivery's body was signed by the app that owns this consumer secret (constant time). */
export function isValidXSignature(consumerSecret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header || !consumerSecret) return false;
  return safeEqual(xSignature(consumerSecret, rawBody), header.trim());
}
