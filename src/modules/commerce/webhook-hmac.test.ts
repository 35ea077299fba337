import { describe, expect, it } from 'vitest';
import { isValidShopWebhookHmac, shopWebhookHmac } from './webhook-hmac.ts';

describe('shop webhook signatures', () => {
  it('matches Shopify’s official vector (shopify-app-js validate.test.ts)', () => {
    expect(shopWebhookHmac('test_secret_key', '{"foo": "bar"}')).toBe('B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=');
    expect(isValidShopWebhookHmac('test_secret_key', Buffer.from('{"foo": "bar"}'), 'B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=')).toBe(true);
  });

  it('matches the WooCommerce vector of the reference (ours)', () => {
    expect(shopWebhookHmac('wc_secret', '{"id":727,"status":"processing"}')).toBe('M5zIirWLSRhgI1MdKCotxfEOmgXByIXcTgNBWyq4Prs=');
    expect(isValidShopWebhookHmac('wc_secret', Buffer.from('{"id":727,"status":"processing"}'), ' M5zIirWLSRhgI1MdKCotxfEOmgXByIXcTgNBWyq4Prs= ')).toBe(true);
  });

  it('refuses another secret, a changed body, a missing or hex header', () => {
    const body = Buffer.from('{"foo": "bar"}');
    expect(isValidShopWebhookHmac('other_secret', body, 'B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=')).toBe(false);
    // Re-serialised JSON is other bytes: the signature is over the body as it came.
    expect(isValidShopWebhookHmac('test_secret_key', Buffer.from('{"foo":"bar"}'), 'B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=')).toBe(false);
    expect(isValidShopWebhookHmac('test_secret_key', body, undefined)).toBe(false);
    expect(isValidShopWebhookHmac('test_secret_key', body, '076ded5cdebad6067487f42a846b6dcc41313d44a5d4394c8e8bb05a25f0e2bc')).toBe(false);
  });
});
