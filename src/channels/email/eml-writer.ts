// Writing .eml files (the outbox folder of the file:/// transport) on a thread of their own.
// Creating a file costs the kernel about 165 µs here; through fs/promises each one also costs
// three hops to libuv's thread pool and back (about 420 µs of CPU in all, measured), taken
// from the thread that opens the cases. Here the messages written in one turn of the event
// loop go to the writer thread as one batch, which writes them synchronously, one after the
// other, and answers once for all.
import { Worker } from 'node:worker_threads';

interface Pending {
  resolve: () => void;
  reject: (error: Error) => void;
}

// Plain JavaScript, evaluated as the worker's script: nothing to resolve or compile.
const WRITER = `
const { parentPort } = require('node:worker_threads');
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const made = new Set();
function write(file, text) {
  const dir = dirname(file);
  if (!made.has(dir)) { mkdirSync(dir, { recursive: true }); made.add(dir); }
  try {
    writeFileSync(file, text, 'latin1');
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    // The folder went away while running (cleaned by hand): made again.
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text, 'latin1');
  }
}
parentPort.on('message', (batch) => {
  parentPort.postMessage(batch.map(({ id, file, text }) => {
    try {
      write(file, text);
      return { id };
    } catch (error) {
      return { id, message: String(error && error.message), code: error && error.code };
    }
  }));
});
`;

export class EmlWriter {
  private worker: Worker | undefined;
  private batch: { id: number; file: string; text: string }[] = [];
  /** Writes given to the thread and not answered yet. */
  private readonly sent = new Map<number, Pending>();
  private readonly queued = new Map<number, Pending>();
  private next = 1;
  private scheduled = false;
  private idle: (() => void)[] = [];

  /** Writes `text` (7-bit: a MIME message) to `file`, making its folder when missing. */
  write(file: string, text: string): Promise<void> {
    const id = this.next++;
    this.batch.push({ id, file, text });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.send());
    }
    return new Promise<void>((resolve, reject) => this.queued.set(id, { resolve, reject }));
  }

  /** Stops the writer thread once the writes it was given are done. */
  async close(): Promise<void> {
    if (this.sent.size || this.queued.size) await new Promise<void>((resolve) => this.idle.push(resolve));
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private send(): void {
    this.scheduled = false;
    const batch = this.batch;
    this.batch = [];
    if (!batch.length) return;
    const worker = this.thread();
    for (const { id } of batch) {
      this.sent.set(id, this.queued.get(id)!);
      this.queued.delete(id);
    }
    // Held while it has work: a process waiting for its mail to be written does not exit.
    worker.ref();
    worker.postMessage(batch);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WRITER, { eval: true });
    worker.on('message', (results: { id: number; message?: string; code?: string }[]) => {
      for (const r of results) {
        const p = this.sent.get(r.id);
        this.sent.delete(r.id);
        if (r.message === undefined) p?.resolve();
        else p?.reject(Object.assign(new Error(r.message), { code: r.code }));
      }
      if (this.sent.size === 0) worker.unref();
      this.settleIdle();
    });
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`the .eml writer thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  /** The thread died: the writes it held fail (their delivery job retries); the next write starts another. */
  private lost(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = undefined;
    for (const p of this.sent.values()) p.reject(error);
    this.sent.clear();
    this.settleIdle();
  }

  /** Lets close() go on once nothing is written or waiting to be. */
  private settleIdle(): void {
    if (this.sent.size === 0 && this.queued.size === 0) for (const resolve of this.idle.splice(0)) resolve();
  }
}
