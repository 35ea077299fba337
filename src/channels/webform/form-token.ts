// The web form's anti-spam token, without a third-party captcha: the form page embeds a
// signed token saying when it was shown, for which brand, with a one-time nonce. A
// submission must bring it back untouched, not sooner than a person can fill the form
// (COMPTOIR_FORM_MIN_FILL_SECONDS) and not a day later; the nonce is used once (the
// submission is stored under it, webform.service.ts). Pure, given the signer and the time.
import { randomBytes } from 'node:crypto';
import type { Signer } from '../../platform/crypto/signer.ts';

export const FORM_TOKEN_PURPOSE = 'comptoir/webform-token/v1';
/** A form left open longer than this is to be reloaded. */
export const FORM_TOKEN_TTL_MS = 24 * 3_600_000;
/** Tolerated clock skew between app nodes. */
const SKEW_MS = 60_000;

export interface FormTokenFacts {
  issuedAt: number;
  brandId: string;
  nonce: string;
}

export type FormTokenVerdict = { ok: true; facts: FormTokenFacts } | { ok: false; reason: 'invalid' | 'too_fast' | 'expired' };

export function issueFormToken(signer: Signer, brandId: string, now: Date): string {
  return signer.sign(`v1.${now.getTime().toString(36)}.${brandId}.${randomBytes(16).toString('base64url')}`);
}

export function verifyFormToken(signer: Signer, token: string, expected: { brandId: string; now: Date; minFillSeconds: number }): FormTokenVerdict {
  const payload = signer.verify(token);
  const [version, issued, brandId, nonce, ...rest] = payload?.split('.') ?? [];
  if (version !== 'v1' || !issued || !brandId || !nonce || rest.length || brandId !== expected.brandId) return { ok: false, reason: 'invalid' };
  const issuedAt = parseInt(issued, 36);
  const age = expected.now.getTime() - issuedAt;
  if (!Number.isFinite(issuedAt) || age < -SKEW_MS) return { ok: false, reason: 'invalid' };
  if (age < expected.minFillSeconds * 1000) return { ok: false, reason: 'too_fast' };
  if (age > FORM_TOKEN_TTL_MS) return { ok: false, reason: 'expired' };
  return { ok: true, facts: { issuedAt, brandId, nonce } };
}
