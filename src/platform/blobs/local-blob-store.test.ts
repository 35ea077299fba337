// The local-folder blob store on a real temporary folder.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { formatBytes } from './blob-store.ts';
import { LocalBlobStore } from './local-blob-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'comptoir-blobs-'));
const store = new LocalBlobStore(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const chunks = (...parts: string[]) => Readable.from(parts.map((p) => Buffer.from(p)));
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('local blob store', () => {
  it('stores a stream under its SHA-256 and gives it back', async () => {
    const blob = await store.put(chunks('photo ', 'du ', 'produit'), { maxBytes: 100 });
    expect(blob).toEqual({ key: sha('photo du produit'), sha256: sha('photo du produit'), size: 16 });
    expect(await text(await store.get(blob.key))).toBe('photo du produit');
    // Two-level fan-out, nothing left in the temporary folder.
    expect(readdirSync(join(dir, blob.key.slice(0, 2), blob.key.slice(2, 4)))).toEqual([blob.key]);
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
  });

  it('stores the same content once', async () => {
    const a = await store.put(chunks('même contenu'), { maxBytes: 100 });
    const b = await store.put(chunks('même', ' contenu'), { maxBytes: 100 });
    expect(b.key).toBe(a.key);
  });

  it('refuses content past the limit and keeps nothing of it', async () => {
    const error = await store.put(chunks('0123456789', 'abcdef'), { maxBytes: 12 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('payload_too_large');
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
    await expect(store.get(sha('0123456789abcdef'))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps nothing when the stream fails midway', async () => {
    const failing = Readable.from(
      (async function* () {
        yield Buffer.from('début');
        throw new Error('connection reset');
      })(),
    );
    await expect(store.put(failing, { maxBytes: 100 })).rejects.toThrow('connection reset');
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
  });

  it('never turns a key into a path outside the folder', async () => {
    for (const key of ['../../etc/passwd', 'ab/../../x', sha('x').toUpperCase(), '']) {
      await expect(store.get(key)).rejects.toMatchObject({ code: 'bad_request' });
      await expect(store.delete(key)).rejects.toMatchObject({ code: 'bad_request' });
    }
  });

  it('deletes, and deleting twice is fine', async () => {
    const blob = await store.put(chunks('à effacer'), { maxBytes: 100 });
    await store.delete(blob.key);
    await store.delete(blob.key);
    await expect(store.get(blob.key)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('says sizes as people read them', () => {
    expect(formatBytes(10 * 1024 * 1024, 'fr')).toBe('10 Mo');
    expect(formatBytes(1536, 'fr')).toBe('1,5 Ko');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(900, 'en')).toBe('900 B');
  });
});
