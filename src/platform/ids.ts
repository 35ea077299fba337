// Identifiers: UUIDv7 (RFC 9562), time-ordered so new rows append to the end of B-tree
// indexes instead of scattering, and generated here so a job can name a row before commit.
import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(10 * 1024);
let poolOffset = pool.length;
let lastMs = -1;
let sequence = 0;

export function uuidv7(nowMs: number = Date.now()): string {
  if (poolOffset + 10 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = Buffer.allocUnsafe(16);
  // Within one millisecond a 12-bit counter keeps ids from one process strictly increasing.
  if (nowMs <= lastMs) {
    sequence = (sequence + 1) & 0xfff;
    if (sequence === 0) lastMs += 1;
    nowMs = lastMs;
  } else {
    sequence = pool.readUInt16BE(poolOffset) & 0x7ff;
    lastMs = nowMs;
  }
  bytes.writeUIntBE(nowMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  pool.copy(bytes, 8, poolOffset + 2, poolOffset + 10);
  poolOffset += 10;
  return formatted(bytes);
}

/** The variant bits, then the 8-4-4-4-12 hex form. */
function formatted(bytes: Buffer): string {
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A UUIDv7 for a row that records something from the past at its own time (a message copied
 * onto another case keeps its place in that case's thread): ordered by `atMs`, not by when it
 * was made, so it stays out of the monotonic sequence above; 74 random bits keep it unique.
 */
export function uuidv7At(atMs: number): string {
  const bytes = randomFillSync(Buffer.allocUnsafe(16));
  bytes.writeUIntBE(atMs, 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  return formatted(bytes);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
