import { describe, expect, it } from 'vitest';
import { Signer } from '../../platform/crypto/signer.ts';
import { issueVisitorToken, verifyVisitorToken, VISITOR_TOKEN_PURPOSE, VISITOR_TOKEN_TTL_MS } from './visitor-token.ts';

const key = Buffer.alloc(32, 7);
const signer = new Signer(key, VISITOR_TOKEN_PURPOSE);
const id = '0196b2a4-6f1e-7c3a-9d2e-5b8f4a1c7e90';
const now = new Date('2026-04-07T10:00:00Z');

describe('the chat visitor token', () => {
  it('opens its own conversation, for a week', () => {
    const token = issueVisitorToken(signer, id, now);
    expect(verifyVisitorToken(signer, token, id, now)).toBe(true);
    expect(verifyVisitorToken(signer, token, id, new Date(now.getTime() + VISITOR_TOKEN_TTL_MS - 1000))).toBe(true);
    expect(verifyVisitorToken(signer, token, id, new Date(now.getTime() + VISITOR_TOKEN_TTL_MS + 1000))).toBe(false);
  });

  it('opens no other conversation, and nothing once altered or signed for another purpose', () => {
    const token = issueVisitorToken(signer, id, now);
    expect(verifyVisitorToken(signer, token, '0196b2a4-6f1e-7c3a-9d2e-5b8f4a1c7e91', now)).toBe(false);
    expect(verifyVisitorToken(signer, token.replace('c1.', 'c2.'), id, now)).toBe(false);
    expect(verifyVisitorToken(new Signer(key, 'comptoir/webform-token/v1'), token, id, now)).toBe(false);
    expect(verifyVisitorToken(signer, 'nonsense', id, now)).toBe(false);
  });
});
