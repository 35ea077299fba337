// X-Hub-Signature-256 over the raw bytes, with the reference's vector (computed here: Meta
// publishes none) and the reason the raw bytes are hashed.
import { describe, expect, it } from 'vitest';
import { isValidMetaSignature, metaSignature } from './meta-signature.ts';

const VECTOR = 'sha256=22d3988d1017c437ea81a89d41e2d3266c00a508cffdb23f8ad8746d232d77e9';

describe('X-Hub-Signature-256', () => {
  it('is the lowercase hex HMAC-SHA256 of the body with the app secret', () => {
    expect(metaSignature('app_secret', '{"object":"page","entry":[]}')).toBe(VECTOR);
    expect(isValidMetaSignature('app_secret', Buffer.from('{"object":"page","entry":[]}'), VECTOR)).toBe(true);
  });

  it('accepts the hex in capitals and surrounding spaces, as the same digest', () => {
    expect(isValidMetaSignature('app_secret', Buffer.from('{"object":"page","entry":[]}'), ` sha256=${VECTOR.slice(7).toUpperCase()} `)).toBe(true);
  });

  it('refuses a missing, truncated, legacy sha1 or other-secret signature, and a changed body', () => {
    const body = Buffer.from('{"object":"page","entry":[]}');
    expect(isValidMetaSignature('app_secret', body, undefined)).toBe(false);
    expect(isValidMetaSignature('app_secret', body, '')).toBe(false);
    expect(isValidMetaSignature('app_secret', body, VECTOR.slice(0, -1))).toBe(false);
    expect(isValidMetaSignature('app_secret', body, VECTOR.slice(7))).toBe(false);
    expect(isValidMetaSignature('app_secret', body, 'sha1=0f8c6a0e2b7a6b0b0b4e4d9c1c9b4d3e2a1f0e9d')).toBe(false);
    expect(isValidMetaSignature('other_secret', body, VECTOR)).toBe(false);
    expect(isValidMetaSignature('', body, metaSignature('', body))).toBe(false);
    expect(isValidMetaSignature('app_secret', Buffer.from('{"object":"page","entry":[ ]}'), VECTOR)).toBe(false);
  });

  it('hashes the bytes as sent: the unicode-escaped payload and its re-serialised JSON differ', () => {
    // What Meta sends: "é" and the emoji escaped. JSON.stringify writes them as UTF-8.
    const sent = Buffer.from('{"object":"page","entry":[{"messaging":[{"message":{"text":"Caf\\u00e9 \\ud83d\\ude00"}}]}]}');
    const signature = metaSignature('app_secret', sent);
    expect(isValidMetaSignature('app_secret', sent, signature)).toBe(true);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(sent.toString('utf8'))));
    expect(reserialised.toString('utf8')).toContain('Café 😀');
    expect(reserialised.equals(sent)).toBe(false);
    expect(isValidMetaSignature('app_secret', reserialised, signature)).toBe(false);
  });
});
