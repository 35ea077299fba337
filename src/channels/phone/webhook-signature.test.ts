import { describe, expect, it } from 'vitest';
import { isValidWebhookSignature, webhookSignature } from './webhook-signature.ts';

describe('telephony webhook signature', () => {
  const body = Buffer.from('{"event":"call.started","callId":"c1","from":"+33612345678"}');

  it('is the hex HMAC-SHA256 of the body under the secret', () => {
    // The well-known test vector: HMAC_SHA256("key", "The quick brown fox jumps over the lazy dog").
    expect(webhookSignature('key', 'The quick brown fox jumps over the lazy dog')).toBe('sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
  });

  it('accepts the right signature, in either case, and nothing else', () => {
    const good = webhookSignature('secret-of-the-line', body);
    expect(isValidWebhookSignature('secret-of-the-line', body, good)).toBe(true);
    expect(isValidWebhookSignature('secret-of-the-line', body, good.toUpperCase().replace('SHA256=', 'sha256='))).toBe(true);
    expect(isValidWebhookSignature('another-secret', body, good)).toBe(false);
    expect(isValidWebhookSignature('secret-of-the-line', Buffer.concat([body, Buffer.from(' ')]), good)).toBe(false);
    expect(isValidWebhookSignature('secret-of-the-line', body, undefined)).toBe(false);
    expect(isValidWebhookSignature('secret-of-the-line', body, good.slice(7))).toBe(false);
  });
});
