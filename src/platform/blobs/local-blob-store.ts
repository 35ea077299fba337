// Blobs in a local folder: `<dir>/ab/cd/abcd…` named by the content's SHA-256. A put writes
// to `<dir>/tmp/` first, flushed to disk, then renames into place: a reader never sees half
// a file, and a crash leaves only a temporary file behind. Keys are checked to be a hex
// digest before they touch a path, so nothing a client sends can reach outside the folder.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors.ts';
import { tooLarge, type BlobStore, type StoredBlob } from './blob-store.ts';

const KEY = /^[0-9a-f]{64}$/;

export class LocalBlobStore implements BlobStore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  async put(content: Readable | AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<StoredBlob> {
    const tmpDir = join(this.dir, 'tmp');
    await mkdir(tmpDir, { recursive: true, mode: 0o700 });
    const tmp = join(tmpDir, `${randomBytes(12).toString('hex')}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > options.maxBytes) return done(tooLarge(options.maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(content, measure, createWriteStream(tmp, { flags: 'wx', mode: 0o600, flush: true }));
      const sha256 = hash.digest('hex');
      const final = this.pathOf(sha256);
      await mkdir(join(final, '..'), { recursive: true, mode: 0o700 });
      // Same content, same name: replacing an existing copy with identical bytes is harmless.
      await rename(tmp, final);
      return { key: sha256, size, sha256 };
    } catch (error) {
      await unlink(tmp).catch(() => {});
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch {
      throw new AppError('not_found', 'The file is no longer stored', { details: { resource: 'blob' } });
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new AppError('bad_request', 'Not a blob key');
    return join(this.dir, key.slice(0, 2), key.slice(2, 4), key);
  }
}
