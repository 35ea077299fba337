// Order lines → batches of whole orders, without keeping the file's orders in memory. A till
// export lists a ticket's lines together, so a batch is cut only where an order ends (past
// `maxLines`); an order whose lines come back later in the file (an export sorted by product,
// say) is recognised by a compact tally of every order key seen so far (8 bytes of hash and 4
// of count per order, not the key itself), so its lines continue its numbering rather than
// overwrite it, and its total is recomputed from all its lines.
import type { ImportLine } from './import-rows.ts';

export interface PendingLine extends ImportLine {
  /** Its place in the order (1, 2…), in the order of the file: the same on every re-import. */
  position: number;
}

export interface PendingOrder {
  key: string;
  /** The order's own fields are taken from its first line. */
  first: ImportLine;
  lines: PendingLine[];
  /** Lines of this order were already written by an earlier batch of this file. */
  continued: boolean;
}

export interface OrderBatch {
  orders: PendingOrder[];
  lineCount: number;
}

export class OrderBatcher {
  private readonly maxLines: number;
  private readonly tally = new OrderKeyTally();
  private current = new Map<string, PendingOrder>();
  private lineCount = 0;
  private lastKey: string | null = null;

  constructor(maxLines: number) {
    this.maxLines = maxLines;
  }

  /** Distinct orders seen so far. */
  get ordersFound(): number {
    return this.tally.size;
  }

  /** Adds a line; returns the batch completed before it, if this line starts a new order past the limit. */
  add(line: ImportLine): OrderBatch | null {
    // A single order of thousands of lines is cut too, at four times the limit: memory stays bounded.
    const full = this.lineCount >= this.maxLines && (line.orderKey !== this.lastKey || this.lineCount >= 4 * this.maxLines);
    const done = full ? this.take() : null;
    const before = this.tally.add(line.orderKey);
    let order = this.current.get(line.orderKey);
    if (!order) {
      order = { key: line.orderKey, first: line, lines: [], continued: before > 0 };
      this.current.set(line.orderKey, order);
    }
    order.lines.push({ ...line, position: before + 1 });
    this.lineCount++;
    this.lastKey = line.orderKey;
    return done;
  }

  /** What is left at the end of the file. */
  finish(): OrderBatch | null {
    return this.lineCount ? this.take() : null;
  }

  private take(): OrderBatch {
    const batch = { orders: [...this.current.values()], lineCount: this.lineCount };
    this.current = new Map();
    this.lineCount = 0;
    return batch;
  }
}

/**
 * Order key → lines counted so far, in an open-addressing table of typed arrays keyed by two
 * independent 32-bit hashes of the key (a false match is about one in 10^13 per pair; its only
 * effect would be lines numbered from further on, the same way on every re-import).
 */
export class OrderKeyTally {
  private hashA = new Uint32Array(1 << 12);
  private hashB = new Uint32Array(1 << 12);
  private counts = new Uint32Array(1 << 12);
  private used = 0;

  get size(): number {
    return this.used;
  }

  /** Counts one more line for `key`; returns how many it had before (0: first seen). */
  add(key: string): number {
    const [a, b] = hashes(key);
    const mask = this.counts.length - 1;
    let slot = (a ^ (b >>> 7)) & mask;
    while (this.counts[slot] !== 0) {
      if (this.hashA[slot] === a && this.hashB[slot] === b) return this.counts[slot]!++;
      slot = (slot + 1) & mask;
    }
    this.hashA[slot] = a;
    this.hashB[slot] = b;
    this.counts[slot] = 1;
    if (++this.used * 2 > this.counts.length) this.grow();
    return 0;
  }

  private grow(): void {
    const { hashA, hashB, counts } = this;
    this.hashA = new Uint32Array(counts.length * 2);
    this.hashB = new Uint32Array(counts.length * 2);
    this.counts = new Uint32Array(counts.length * 2);
    const mask = this.counts.length - 1;
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] === 0) continue;
      let slot = (hashA[i]! ^ (hashB[i]! >>> 7)) & mask;
      while (this.counts[slot] !== 0) slot = (slot + 1) & mask;
      this.hashA[slot] = hashA[i]!;
      this.hashB[slot] = hashB[i]!;
      this.counts[slot] = counts[i]!;
    }
  }
}

/** FNV-1a and a multiply-xorshift hash of the UTF-16 code units: cheap, and independent enough. */
function hashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b ^ (b >>> 13)) >>> 0];
}
