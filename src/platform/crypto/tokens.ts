// Bearer secrets (session tokens, API tokens, tracking tokens): 256 random bits, shown once,
// stored only as a SHA-256 digest. A fast hash is right here: the input has full entropy,
// so there is nothing to brute-force, and lookups stay one index probe.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newSecretToken(prefix: string, bytes = 32): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

export function digest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
