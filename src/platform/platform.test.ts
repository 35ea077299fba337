// Pure platform pieces: configuration, ids, cursors, languages, backoff, secrets.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { hashPassword, verifyPassword } from './crypto/password.ts';
import { SecretBox } from './crypto/secrets.ts';
import { decodeCursor, encodeCursor } from './http/pagination.ts';
import { negotiateLanguage } from './i18n/i18n.ts';
import { isUuid, uuidv7, uuidv7At } from './ids.ts';
import { retryDelayMs } from './jobs/job-types.ts';

describe('configuration', () => {
  it('has working defaults: PGlite in ./data on port 3000', () => {
    const c = loadConfig({ NODE_ENV: 'test' });
    expect(c.http.port).toBe(3000);
    expect(c.database).toMatchObject({ engine: 'pglite' });
    expect(c.http.publicUrl).toBe('http://localhost:3000');
    expect(c.defaults).toEqual({ language: 'fr', country: 'FR', timezone: 'Europe/Paris', casePrefix: 'SAV' });
  });

  it('switches to PostgreSQL with DATABASE_URL', () => {
    expect(loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://u@h/db' }).database).toEqual({ engine: 'postgres', url: 'postgres://u@h/db', poolSize: 10, workerPoolSize: 4, parallelWorkers: 0 });
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ NODE_ENV: 'test', PORT: 'eighty', COMPTOIR_TIMEZONE: 'Paris', DATABASE_URL: 'mysql://x' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).problems.join('\n');
      expect(text).toMatch(/^PORT: /m);
      expect(text).toMatch(/^COMPTOIR_TIMEZONE: must be an IANA time zone/m);
      expect(text).toMatch(/^DATABASE_URL: must be a postgres/m);
    }
  });

  it('keeps attachments in the data folder unless told otherwise, with upload and public-page limits', () => {
    const c = loadConfig({ NODE_ENV: 'test', COMPTOIR_DATA_DIR: '/var/lib/comptoir' });
    expect(c.blobs.dir).toBe('/var/lib/comptoir/blobs');
    expect(c.uploads).toEqual({ maxBytes: 10 * 1024 * 1024, maxFiles: 5 });
    expect(c.webform).toEqual({ frameAncestors: '*', minFillSeconds: 3 });
    expect(loadConfig({ NODE_ENV: 'test', COMPTOIR_BLOB_DIR: '/srv/blobs' }).blobs.dir).toBe('/srv/blobs');
    expect(() => loadConfig({ NODE_ENV: 'test', COMPTOIR_FORM_FRAME_ANCESTORS: "'self'; script-src *" })).toThrow(/COMPTOIR_FORM_FRAME_ANCESTORS: must be CSP frame-ancestors sources/);
    expect(() => loadConfig({ NODE_ENV: 'test', COMPTOIR_UPLOAD_MAX_FILES: '0' })).toThrow(/COMPTOIR_UPLOAD_MAX_FILES/);
  });

  it('refuses to start in production without a secret key or a public URL', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/COMPTOIR_SECRET_KEY: required in production[\s\S]*COMPTOIR_PUBLIC_URL/);
    const key = Buffer.alloc(32, 7).toString('base64');
    const mail = { COMPTOIR_SMTP_URL: 'smtp://relay.exemple.fr:587', COMPTOIR_MAIL_FROM: 'SAV <sav@exemple.fr>' };
    expect(loadConfig({ NODE_ENV: 'production', COMPTOIR_SECRET_KEY: key, COMPTOIR_PUBLIC_URL: 'https://sav.exemple.fr/', ...mail }).http).toMatchObject({ publicUrl: 'https://sav.exemple.fr', cookieSecure: true });
  });
});

describe('ids', () => {
  it('are UUIDv7, increasing even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(1_700_000_000_000));
    expect(ids.every(isUuid)).toBe(true);
    expect(ids.every((id) => id[14] === '7' && '89ab'.includes(id[19]!))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(uuidv7(Date.parse('2026-01-01T00:00:00Z')) > ids.at(-1)!).toBe(true);
  });

  it('can be made for a past instant, ordered by it and not by when they were made', () => {
    const latest = uuidv7();
    const past = [Date.parse('2026-03-02T09:00:00Z'), Date.parse('2026-03-01T09:00:00Z'), Date.parse('2026-03-01T09:00:00Z')].map(uuidv7At);
    expect(past.every((id) => isUuid(id) && id[14] === '7' && '89ab'.includes(id[19]!))).toBe(true);
    expect(past[1]! < past[0]! && past[2]! < past[0]!).toBe(true);
    expect(past[0]! < latest).toBe(true);
    expect(past[1]!.slice(0, 13)).toBe(past[2]!.slice(0, 13));
    expect(past[1]).not.toBe(past[2]);
    // The process's own sequence goes on from where it was.
    expect(uuidv7() > latest).toBe(true);
  });
});

describe('cursors', () => {
  it('round-trip and reject tampering', () => {
    const c = encodeCursor(['2026-04-03T08:00:00.000Z', 'abc']);
    expect(decodeCursor(c, 2)).toEqual(['2026-04-03T08:00:00.000Z', 'abc']);
    expect(() => decodeCursor(c, 3)).toThrow(/cursor/);
    expect(() => decodeCursor('%%%', 1)).toThrow(/cursor/);
  });
});

describe('language negotiation', () => {
  it.each([
    [undefined, 'fr'],
    ['en-US,en;q=0.9', 'en'],
    ['de-DE,en;q=0.5,fr;q=0.8', 'fr'],
    ['de-DE', 'fr'],
    ['fr-CA', 'fr'],
    ['en;q=0', 'fr'],
  ])('%s → %s', (header, lang) => expect(negotiateLanguage(header)).toBe(lang));
});

describe('retry backoff', () => {
  const policy = { maxAttempts: 8, baseDelayMs: 2000, maxDelayMs: 60_000 };
  it('doubles per attempt within ±20 % and is capped', () => {
    expect(retryDelayMs(policy, 1, () => 0.5)).toBe(2000);
    expect(retryDelayMs(policy, 3, () => 0.5)).toBe(8000);
    expect(retryDelayMs(policy, 3, () => 0)).toBe(6400);
    expect(retryDelayMs(policy, 3, () => 1)).toBe(9600);
    expect(retryDelayMs(policy, 20, () => 0.5)).toBe(60_000);
  });
});

describe('passwords', () => {
  const light = { memoryKiB: 1024, passes: 2, parallelism: 1 };
  it('hash with Argon2id, verify, and flag weaker parameters for rehash', async () => {
    const hash = await hashPassword('Tondeuse-2026!', light);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=1024,t=2,p=1\$/);
    expect(await verifyPassword('Tondeuse-2026!', hash, light)).toEqual({ ok: true, needsRehash: false });
    expect((await verifyPassword('tondeuse-2026!', hash, light)).ok).toBe(false);
    expect((await verifyPassword('Tondeuse-2026!', hash, { ...light, memoryKiB: 19456 })).needsRehash).toBe(true);
    expect((await verifyPassword('x', 'not a hash', light)).ok).toBe(false);
    expect(await hashPassword('same', light)).not.toBe(await hashPassword('same', light));
  });
});

describe('secrets at rest', () => {
  it('seal and open with the key, and fail closed with another key or tampering', () => {
    const box = new SecretBox(Buffer.alloc(32, 1));
    const sealed = box.seal('mot de passe IMAP');
    expect(sealed).not.toContain('IMAP');
    expect(box.open(sealed)).toBe('mot de passe IMAP');
    expect(() => new SecretBox(Buffer.alloc(32, 2)).open(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[2] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
  });
});
