// Transactions with after-commit hooks. Side effects that must not happen before the data
// they announce is committed — or at all if it rolls back — register with `afterCommit`:
// realtime notifications, job wake-ups. Always open transactions through `transaction()`
// (or `inTransaction` on a Ctx) so the hooks know when the outermost one commits.
import type { Db } from './database.ts';

interface TxState {
  callbacks: (() => void)[];
}

const states = new WeakMap<object, TxState>();

export async function transaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  const outer = states.get(db);
  const callbacks: (() => void)[] = [];
  const result = await db.transaction(async (tx) => {
    states.set(tx, { callbacks });
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

/** Runs `fn` once the transaction `db` belongs to commits; at once when `db` is not a transaction. */
export function afterCommit(db: Db, fn: () => void): void {
  const state = states.get(db);
  if (state) state.callbacks.push(fn);
  else fn();
}
