// The web form's signed token: untouched, not too fast, not too old, for the right brand.
import { describe, expect, it } from 'vitest';
import { Signer } from '../../platform/crypto/signer.ts';
import { FORM_TOKEN_PURPOSE, issueFormToken, verifyFormToken } from './form-token.ts';

const key = Buffer.alloc(32, 3);
const signer = new Signer(key, FORM_TOKEN_PURPOSE);
const brandId = '0196a1b2-0000-7000-8000-000000000001';
const shownAt = new Date('2026-04-07T08:00:00Z');
const at = (seconds: number) => new Date(shownAt.getTime() + seconds * 1000);
const check = (token: string, seconds: number, over: Partial<{ brandId: string; minFillSeconds: number }> = {}) =>
  verifyFormToken(signer, token, { brandId, now: at(seconds), minFillSeconds: 3, ...over });

describe('form token', () => {
  const token = issueFormToken(signer, brandId, shownAt);

  it('comes back valid from a person who took their time', () => {
    const verdict = check(token, 45);
    expect(verdict).toMatchObject({ ok: true, facts: { issuedAt: shownAt.getTime(), brandId } });
    expect(verdict.ok && verdict.facts.nonce).toMatch(/^[\w-]{22}$/);
    expect(issueFormToken(signer, brandId, shownAt)).not.toBe(token);
  });

  it('is refused when sent faster than a person fills a form, or a day later', () => {
    expect(check(token, 1)).toEqual({ ok: false, reason: 'too_fast' });
    expect(check(token, 3)).toMatchObject({ ok: true });
    expect(check(token, 24 * 3600 + 1)).toEqual({ ok: false, reason: 'expired' });
    expect(check(token, 1, { minFillSeconds: 0 })).toMatchObject({ ok: true });
  });

  it('is refused when changed, made with another key or purpose, or for another brand', () => {
    const [payload, tag] = [token.slice(0, token.lastIndexOf('.')), token.slice(token.lastIndexOf('.') + 1)];
    const earlier = payload.replace(/^v1\.[0-9a-z]+/, `v1.${(shownAt.getTime() - 3_600_000).toString(36)}`);
    expect(check(`${earlier}.${tag}`, 45)).toEqual({ ok: false, reason: 'invalid' });
    expect(check(issueFormToken(new Signer(Buffer.alloc(32, 4), FORM_TOKEN_PURPOSE), brandId, shownAt), 45)).toEqual({ ok: false, reason: 'invalid' });
    expect(check(issueFormToken(new Signer(key, 'comptoir/other/v1'), brandId, shownAt), 45)).toEqual({ ok: false, reason: 'invalid' });
    expect(check(token, 45, { brandId: '0196a1b2-0000-7000-8000-000000000002' })).toEqual({ ok: false, reason: 'invalid' });
    for (const junk of ['', '.', 'v1', 'abc.def', `${token}x`]) expect(check(junk, 45)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('is refused when it claims to come from the future', () => {
    const later = issueFormToken(signer, brandId, at(600));
    expect(check(later, 0)).toEqual({ ok: false, reason: 'invalid' });
  });
});
