// Where attachment bytes live (open.ts picks the store the configuration names). The database keeps what a file is (name, type, size, case);
// a blob store keeps the bytes, under a key it chooses from their SHA-256, so the same
// photo sent twice is stored once and a key never comes from what a client sent.
// A local folder today (local-blob-store.ts); an S3-compatible bucket can implement the
// same three calls.
import type { Readable } from 'node:stream';
import { AppError } from '../errors.ts';

export interface StoredBlob {
  /** Opaque to callers; today the lower-case hex SHA-256 of the content. */
  key: string;
  size: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
}

export interface BlobStore {
  /**
   * Stores the bytes of `content`. Past `maxBytes` it stops reading, keeps nothing and
   * rejects with a payload_too_large AppError; a failing stream rejects with its error.
   * Nothing is visible under the key before all the bytes are safely written.
   */
  put(content: Readable | AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<StoredBlob>;
  /** The bytes of a blob; a not_found AppError when there is none under that key. */
  get(key: string): Promise<Readable>;
  /** Forgets a blob; deleting one that is not there is not an error. */
  delete(key: string): Promise<void>;
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `The file is larger than the ${formatBytes(maxBytes, 'en')} allowed`, { details: { maxBytes } });
}

/** 10485760 → "10 Mo" / "10 MB"; 1536 → "1,5 Ko" / "1.5 KB": sizes as people read them. */
export function formatBytes(bytes: number, lang: 'fr' | 'en'): string {
  const units = lang === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = value >= 10 || unit === 0 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${lang === 'fr' ? String(rounded).replace('.', ',') : rounded} ${units[unit]}`;
}
