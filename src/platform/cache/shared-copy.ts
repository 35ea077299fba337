// An in-memory copy of configuration every request reads and admins rarely change (SLA
// policies, calendars, message templates): loaded on first use, dropped at once by a change
// in this process (after its commit), reloaded by other processes within `ttlMs`.
import type { Db } from '../db/database.ts';
import { afterCommit } from '../db/transaction.ts';

export class SharedCopy<T> {
  private cached: { at: number; value: Promise<T> } | undefined;
  private readonly load: (db: Db) => Promise<T>;
  private readonly ttlMs: number;

  constructor(load: (db: Db) => Promise<T>, ttlMs = 10_000) {
    this.load = load;
    this.ttlMs = ttlMs;
  }

  get(db: Db): Promise<T> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > this.ttlMs) {
      const value = this.load(db);
      this.cached = { at: now, value };
      value.catch(() => {
        if (this.cached?.value === value) this.cached = undefined;
      });
    }
    return this.cached.value;
  }

  /** Call from the transaction that changes what the copy holds. */
  changed(db: Db): void {
    afterCommit(db, () => this.forget());
  }

  /** Drops the copy now: the next `get` reads it again. */
  protected forget(): void {
    this.cached = undefined;
  }
}
