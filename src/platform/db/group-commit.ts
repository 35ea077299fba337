// Group commit: independent units of work that arrive together (case openings from sixteen
// clients at once) run in one transaction, their identical statements coalesced into one round
// trip each (coalescing.ts), and commit together. Alone, a unit runs in its own transaction as
// before: the grouping only happens when units queue behind the ones already running, so it
// adds no wait to a quiet server.
//
// A group is all or nothing for PostgreSQL, but not for its callers: when any unit of a group
// fails (its own bad input, a conflict with a concurrent writer), the group's transaction is
// rolled back and every unit runs again alone, in its own transaction, so each caller gets
// exactly the outcome it would have had alone. A unit must therefore be safe to run twice
// when the first run was rolled back (it only writes through the transaction it is given).
import type { Db } from './database.ts';
import { coalescedUnits, coalesceOn } from './coalescing.ts';
import { transaction } from './transaction.ts';

interface Unit {
  work: (tx: Db) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /** Units in one transaction at most. */
  maxGroup: number;
  /** Transactions running at once (each holds a connection). */
  maxInFlight: number;
  /** Told when a group failed and its units run again one by one (why, and how many). */
  onGroupFailed?: (error: unknown, units: number) => void;
}

class GroupFailed extends Error {}

export class GroupCommit {
  private readonly db: Db;
  private readonly options: GroupCommitOptions;
  private queue: Unit[] = [];
  private inFlight = 0;
  private startScheduled = false;

  constructor(db: Db, options: GroupCommitOptions) {
    this.db = db;
    this.options = options;
  }

  /** Runs `work` in a transaction, shared with the units queued with it; resolves once it committed. */
  run<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.startScheduled || this.inFlight >= this.options.maxInFlight || this.queue.length === 0) return;
    this.startScheduled = true;
    // The units that arrived in the same turn of the event loop start together.
    setImmediate(() => {
      this.startScheduled = false;
      while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
        const group = this.queue.splice(0, this.options.maxGroup);
        this.inFlight++;
        void this.runGroup(group).finally(() => {
          this.inFlight--;
          this.schedule();
        });
      }
    });
  }

  private async runGroup(group: Unit[]): Promise<void> {
    if (group.length > 1) {
      let values: unknown[] | undefined;
      try {
        values = await transaction(this.db, async (tx) => {
          coalesceOn(tx);
          coalescedUnits.expect(tx, group.length);
          const settled = await Promise.allSettled(group.map((u) => coalescedUnits.run(() => u.work(tx)).finally(() => coalescedUnits.done(tx))));
          const failed = settled.find((s) => s.status === 'rejected');
          if (failed) throw new GroupFailed('a unit of the group failed', { cause: failed.reason });
          return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value);
        });
      } catch (error) {
        values = undefined;
        this.options.onGroupFailed?.(error instanceof GroupFailed ? error.cause : error, group.length);
      }
      if (values) {
        group.forEach((u, i) => u.resolve(values[i]));
        return;
      }
    }
    await Promise.all(group.map((u) => transaction(this.db, u.work).then(u.resolve, u.reject)));
  }
}

const groups = new WeakMap<object, Map<string, GroupCommit>>();

/**
 * The group commit of `db` (the database, not a transaction) for one kind of work: one per
 * database and `kind`, so only units that run the same statements are grouped.
 */
export function groupCommitOf(db: Db, kind: string, options: GroupCommitOptions): GroupCommit {
  let kinds = groups.get(db);
  if (!kinds) groups.set(db, (kinds = new Map()));
  let group = kinds.get(kind);
  if (!group) kinds.set(kind, (group = new GroupCommit(db, options)));
  return group;
}
