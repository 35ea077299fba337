// Values we hand out and must recognise when they come back unchanged (the web form's
// token): an HMAC-SHA256 tag under a key derived from COMPTOIR_SECRET_KEY for one purpose
// only, the same way SecretBox derives its key, so a tag made for one use is worthless
// for any other.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export class Signer {
  private readonly key: Buffer;

  constructor(masterKey: Buffer, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), purpose, 32));
  }

  private tag(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload, 'utf8').digest();
  }

  /** `payload.tag`; the payload must not contain the last "." of the result. */
  sign(payload: string): string {
    return `${payload}.${this.tag(payload).toString('base64url')}`;
  }

  /** The payload when the tag is right, else null (compared in constant time). */
  verify(signed: string): string | null {
    const dot = signed.lastIndexOf('.');
    if (dot <= 0) return null;
    const payload = signed.slice(0, dot);
    const given = Buffer.from(signed.slice(dot + 1), 'base64url');
    const expected = this.tag(payload);
    return given.length === expected.length && timingSafeEqual(given, expected) ? payload : null;
  }
}
