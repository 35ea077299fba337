// X-Hub-Signature-256: how Meta proves a webhook delivery comes from our app. The HMAC-SHA256
// of the body's exact bytes keyed with the app secret, in lowercase hex, as `sha256=<hex>`.
// Meta signs the payload as it sends it (non-ASCII characters escaped as \uXXXX), so the
// bytes received are what is hashed: JSON parsed and serialised again would not match.
import { createHmac } from 'node:crypto';
import { safeEqual } from '../../platform/crypto/tokens.ts';

export const META_SIGNATURE_HEADER = 'x-hub-signature-256';

export function metaSignature(appSecret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** Whether the header is the signature of these bytes with this secret (compared in constant time). */
export function isValidMetaSignature(appSecret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header || !appSecret) return false;
  return safeEqual(metaSignature(appSecret, rawBody), header.trim().toLowerCase());
}
