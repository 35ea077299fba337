// Statement coalescing: several independent units of work sharing one transaction (a group
// commit, group-commit.ts) run the same prepared statements in the same order at about the same
// moment. Instead of one round trip each, their calls of one statement are sent as one
// statement doing them all, and each caller gets its own rows back. On this
// 2-core machine a round trip costs the server and PostgreSQL together about as much CPU as
// the row work of a small insert (measured, docs/benchmarks.md), so sixteen case openings in one
// transaction cost a sixteenth of the round trips.
//
// Only statements declared coalescable (prepared.ts: `preparedEach`, `preparedRows`) are
// held back; every other statement a unit runs goes at once, as it would alone. In a group
// commit a call waits until every unit of the group has one pending (at most STRAGGLER_MS);
// elsewhere (the pool, `autocommit`), until the event loop turns once. A unit may have several
// calls pending at once (independent statements it sends together, Promise.all): they then go
// in the same round trip, each unit counted once (its calls know their unit by `unitScope`).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './database.ts';

/** The unit of a group commit a call is made by (see coalescedUnits.run). */
const unitScope = new AsyncLocalStorage<object>();

/** How a coalescable statement runs the calls of several callers at once. */
export interface CoalescedForm<P, R> {
  /** Runs the calls in one statement; returns each call's rows, in the calls' order. */
  runMany(db: Db, calls: P[]): Promise<R[][]>;
  /**
   * Calls with the same key must not share a statement (an upsert cannot touch the same row twice
   * in one statement): the later ones go in a statement of their own, after.
   */
  keyOf?: ((values: P) => string) | undefined;
}

/** How long a flush waits at most for the units of a group commit that are not there yet. */
const STRAGGLER_MS = 50;

interface Pending {
  form: CoalescedForm<unknown, unknown>;
  values: unknown;
  resolve: (rows: unknown[]) => void;
  reject: (error: unknown) => void;
}

class Coalescer {
  private pending: Pending[] = [];
  /** The units that have a call in `pending`. */
  private pendingUnits = new Set<object>();
  private scheduled = false;
  private readonly db: Db;
  private readonly autocommit: boolean;

  constructor(db: Db, autocommit: boolean) {
    this.db = db;
    this.autocommit = autocommit;
  }

  /**
   * The units of a group commit still running: a flush waits until each has a call pending, so
   * the units stay in step even when a statement that is not coalesced (run at once, one after
   * another on the connection) made some of them arrive later than others.
   */
  private units: number | undefined;
  private straggler: NodeJS.Timeout | undefined;

  expectUnits(count: number): void {
    this.units = count;
  }

  unitDone(): void {
    if (this.units !== undefined) this.units--;
    this.maybeFlush();
  }

  enqueue<P, R>(form: CoalescedForm<P, R>, values: P): Promise<R[]> {
    return new Promise<R[]>((resolve, reject) => {
      // A call made outside any unit counts as a unit of its own.
      const unit = unitScope.getStore() ?? {};
      this.pending.push({ form: form as CoalescedForm<unknown, unknown>, values, resolve: resolve as (rows: unknown[]) => void, reject });
      this.pendingUnits.add(unit);
      this.maybeFlush();
    });
  }

  private maybeFlush(): void {
    if (this.scheduled || this.pending.length === 0) return;
    if (this.units !== undefined && this.pendingUnits.size < this.units) {
      // The others come as soon as their own statements answer; this timer only bounds the
      // wait for a unit held up by something else (a row another transaction locked).
      this.straggler ??= setTimeout(() => {
        this.straggler = undefined;
        this.scheduleFlush();
      }, STRAGGLER_MS);
      return;
    }
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.scheduled || this.pending.length === 0) return;
    this.scheduled = true;
    if (this.straggler) clearTimeout(this.straggler);
    this.straggler = undefined;
    // setImmediate, not a microtask: every unit has then run up to its next round trip.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    const taken = this.pending;
    this.pending = [];
    this.pendingUnits = new Set();
    this.scheduled = false;
    // One statement per form (and per distinct key), in the order the forms were first called.
    const groups = new Map<CoalescedForm<unknown, unknown>, { calls: Pending[]; keys: Set<string> }[]>();
    for (const p of taken) {
      const rounds = groups.get(p.form) ?? [];
      groups.set(p.form, rounds);
      const key = p.form.keyOf?.(p.values);
      let round = rounds.find((r) => key === undefined || !r.keys.has(key));
      if (!round) rounds.push((round = { calls: [], keys: new Set() }));
      round.calls.push(p);
      if (key !== undefined) round.keys.add(key);
    }
    // All sent at once: on a pipelined connection (postgres.ts) they cost one round trip, and
    // PostgreSQL still runs them in this order.
    const runs: Promise<void>[] = [];
    for (const [form, rounds] of groups) for (const round of rounds) runs.push(this.runRound(form, round.calls));
    await Promise.all(runs);
  }

  private async runRound(form: CoalescedForm<unknown, unknown>, round: Pending[]): Promise<void> {
    try {
      const results = await form.runMany(
        this.db,
        round.map((p) => p.values),
      );
      round.forEach((p, i) => p.resolve(results[i] ?? []));
    } catch (error) {
      if (!this.autocommit || round.length === 1) {
        for (const p of round) p.reject(error);
        return;
      }
      // Outside a transaction the failed statement undid itself: each call runs alone,
      // so one caller's bad values fail only that caller.
      await Promise.all(round.map((p) => form.runMany(this.db, [p.values]).then((r) => p.resolve(r[0] ?? []), p.reject)));
    }
  }
}

const coalescers = new WeakMap<object, Coalescer>();

/**
 * From now on, coalescable statements run on `db` are coalesced: a transaction of a group commit,
 * or the database itself (`autocommit`), where concurrent requests' statements (their
 * credentials, say) then share a round trip and a failed group is run again call by call.
 */
export function coalesceOn(db: Db, options: { autocommit?: boolean } = {}): void {
  coalescers.set(db, new Coalescer(db, options.autocommit ?? false));
}

/** For a group commit: how many units share the transaction `db`, and when each is done. */
export const coalescedUnits = {
  expect(db: Db, count: number): void {
    coalescers.get(db)?.expectUnits(count);
  },
  done(db: Db): void {
    coalescers.get(db)?.unitDone();
  },
  /** Runs one unit's work: its calls, however many at once, count for one unit. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    return unitScope.run({}, fn);
  },
};

/** Runs one call of a coalescable statement: held for the next flush on a coalescing transaction, else at once. */
export async function runCoalescable<P, R>(db: Db, form: CoalescedForm<P, R>, values: P): Promise<R[]> {
  const coalescer = coalescers.get(db);
  if (coalescer) return coalescer.enqueue(form, values);
  const [rows] = await form.runMany(db, [values]);
  return rows ?? [];
}
