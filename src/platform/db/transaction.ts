// Transactions with after-commit hooks. Side effects that must not happen before the data
// they announce is committed — or at all if it rolls back — register with `afterCommit`:
// realtime notifications, job wake-ups. Always open transactions through `transaction()`
// (or `inTransaction` on a Ctx) so the hooks know when the outermost one commits.
import type { Db } from './database.ts';

interface TxState {
  callbacks: (() => void)[];
  /** Facts one step of a transaction hands to a later one (see txLocal). */
  locals: Map<string, unknown>;
}

const states = new WeakMap<object, TxState>();

export interface TransactionOptions {
  /**
   * Inside a transaction already, run in it rather than in a savepoint: for work that never
   * needs undoing alone (a caller's failure aborts the whole), where the savepoint would cost
   * two round trips for nothing.
   */
  join?: boolean;
}

export async function transaction<T>(db: Db, fn: (tx: Db) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const outer = states.get(db);
  if (outer && options.join) return fn(db);
  const callbacks: (() => void)[] = [];
  const result = await db.transaction(async (tx) => {
    states.set(tx, { callbacks, locals: new Map() });
    return fn(tx as unknown as Db);
  });
  if (outer) {
    // A savepoint that succeeded: its hooks wait for the outermost commit.
    outer.callbacks.push(...callbacks);
  } else {
    for (const callback of callbacks) callback();
  }
  return result;
}

/** Whether `db` is a transaction opened by `transaction()` (else the database itself). */
export function isTransaction(db: Db): boolean {
  return states.has(db);
}

/** Runs `fn` once the transaction `db` belongs to commits; at once when `db` is not a transaction. */
export function afterCommit(db: Db, fn: () => void): void {
  const state = states.get(db);
  if (state) state.callbacks.push(fn);
  else fn();
}

/**
 * Transaction-local facts: what a service already knows, left for the work the same
 * transaction does next (an in-transaction subscriber), so it need not read it back. Gone with
 * the transaction; outside one, nothing is kept.
 */
export const txLocal = {
  set(db: Db, key: string, value: unknown): void {
    states.get(db)?.locals.set(key, value);
  },
  get<T>(db: Db, key: string): T | undefined {
    return states.get(db)?.locals.get(key) as T | undefined;
  },
};
