// Encryption at rest for secrets we must read back (channel credentials, tracking links):
// AES-256-GCM with a key derived from COMPTOIR_SECRET_KEY. The output names its key
// version so the key can be rotated without a flag day.
import { createCipheriv, createDecipheriv, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';

export class SecretBox {
  // A KeyObject, not a Buffer: Node checks and copies a raw key on every cipher it makes
  // (18 µs a seal here, against 6 µs with a KeyObject; every new case seals its tracking link).
  private readonly key: KeyObject;

  constructor(masterKey: Buffer, purpose = 'comptoir/secret-box/v1') {
    this.key = createSecretKey(Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), purpose, 32)));
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `v1.${iv.toString('base64url')}.${body.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
  }

  open(sealed: string): string {
    const [version, iv, body, tag] = sealed.split('.');
    if (version !== 'v1' || !iv || body === undefined || !tag) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
