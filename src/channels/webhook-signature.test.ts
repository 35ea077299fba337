import { describe, expect, it } from 'vitest';
import { isValidWebhookSignature, REPLAY_WINDOW_SECONDS, timestampProblem, webhookSignature } from './webhook-signature.ts';

describe('Comptoir webhook signature', () => {
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

  it('signs a dated request over "<timestamp>.<body>", so the date cannot be changed', () => {
    // The same vector with the timestamp and a dot in front of the message.
    expect(webhookSignature('key', 'The quick brown fox jumps over the lazy dog', '1775228400')).toBe(webhookSignature('key', '1775228400.The quick brown fox jumps over the lazy dog'));
    const dated = webhookSignature('secret-of-the-line', body, '1775228400');
    expect(isValidWebhookSignature('secret-of-the-line', body, dated, '1775228400')).toBe(true);
    expect(isValidWebhookSignature('secret-of-the-line', body, dated, '1775228401')).toBe(false);
    expect(isValidWebhookSignature('secret-of-the-line', body, dated)).toBe(false);
  });

  it('takes a date within the replay window either way, and nothing else', () => {
    const now = new Date(1_775_228_400_000);
    expect(timestampProblem('1775228400', now)).toBeNull();
    expect(timestampProblem(String(1_775_228_400 - REPLAY_WINDOW_SECONDS), now)).toBeNull();
    expect(timestampProblem(String(1_775_228_400 + REPLAY_WINDOW_SECONDS), now)).toBeNull();
    expect(timestampProblem(String(1_775_228_400 - REPLAY_WINDOW_SECONDS - 1), now)).toBe('x-comptoir-timestamp is 301 s away from our clock (at most 300 s)');
    expect(timestampProblem('2026-04-03T15:00:00Z', now)).toBe('x-comptoir-timestamp must be a Unix time in seconds');
    expect(timestampProblem('1775228400000', now)).not.toBeNull();
  });
});
