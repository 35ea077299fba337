// How Shopify and WooCommerce sign their webhooks — the same way: the base64 HMAC-SHA256 of the
// body's exact bytes, keyed with the secret the shop was given (Shopify: the app's client
// secret, in X-Shopify-Hmac-Sha256; WooCommerce: the webhook's secret, in X-WC-Webhook-Signature).
// Checked before the body is read, compared in constant time.
import { createHmac } from 'node:crypto';
import { safeEqual } from '../../platform/crypto/tokens.ts';

export function shopWebhookHmac(secret: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody).digest('base64');
}

export function isValidShopWebhookHmac(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  return safeEqual(shopWebhookHmac(secret, rawBody), header.trim());
}
