// Group commit and statement coalescing against a real database (both engines): units that
// arrive together share one transaction and one statement per step, each gets its own answer,
// and one unit's failure costs the others nothing but a second run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { hit } from '../http/rate-limit.ts';
import { coalesceOn } from './coalescing.ts';
import { queryRows, type Db } from './database.ts';
import { GroupCommit } from './group-commit.ts';
import { eachCall, callValue, preparedEach, preparedRows } from './prepared.ts';

let database: TestDatabase;
const now = new Date('2026-04-03T08:00:00Z');
const hour = { max: 100, windowMs: 3_600_000 };

// A statement that fails for one caller's values (a number that is not one).
const asNumber = preparedEach<{ n: string }, { n: number; tx: string }>(
  'test_group_commit_as_number',
  sql`SELECT a.call, ${callValue('n')}::int AS n, txid_current()::text AS tx FROM ${eachCall}`,
);
const writeNotes = preparedRows(
  'test_group_commit_notes',
  sql`INSERT INTO group_commit_note (unit, note) SELECT unit, note FROM jsonb_to_recordset(${sql.placeholder('rows')}::jsonb) AS r(unit int, note text)`,
);

// Which execution of its statement answered a call: one sequence value per statement run.
const statementRun = (name: string) =>
  preparedEach<{ n: number }, { run: string }>(name, sql`SELECT a.call, (SELECT nextval('group_commit_run'))::text AS run FROM ${eachCall}`);
const firstStep = statementRun('test_group_commit_first_step');
const secondStep = statementRun('test_group_commit_second_step');

beforeAll(async () => {
  database = await testDatabase();
  await database.db.execute(sql`CREATE TABLE group_commit_note (unit int NOT NULL, note text NOT NULL)`);
  await database.db.execute(sql`CREATE SEQUENCE group_commit_run`);
});
afterAll(() => database?.close());

const txOf = async (db: Db) => (await queryRows<{ tx: string }>(db, sql`SELECT txid_current()::text AS tx`))[0]!.tx;

describe('a group commit', () => {
  it('runs the units that arrive together in one transaction, each getting its own result', async () => {
    const group = new GroupCommit(database.db, { maxGroup: 32, maxInFlight: 1 });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        group.run(async (tx) => {
          const [row] = await asNumber.rows(tx, { n: String(i) });
          return { n: row!.n, tx: row!.tx, own: await txOf(tx) };
        }),
      ),
    );
    expect(results.map((r) => r.n)).toEqual([...Array(12).keys()]);
    // One transaction for the twelve (the statement's txid is each unit's own).
    expect(new Set(results.map((r) => r.tx)).size).toBe(1);
    for (const r of results) expect(r.own).toBe(r.tx);
  });

  it('groups the units that queue while the transactions allowed are running', async () => {
    const group = new GroupCommit(database.db, { maxGroup: 4, maxInFlight: 1 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = group.run(async (tx) => {
      await gate;
      return txOf(tx);
    });
    await new Promise((resolve) => setImmediate(resolve));
    // Six more while the first holds the only transaction: four go together, then two.
    const later = Array.from({ length: 6 }, () => group.run(txOf));
    release();
    const [alone, ...queued] = await Promise.all([first, ...later]);
    expect(queued.includes(alone)).toBe(false);
    expect(new Set(queued.slice(0, 4)).size).toBe(1);
    expect(new Set(queued.slice(4)).size).toBe(1);
    expect(queued[4]).not.toBe(queued[0]);
  });

  it('gives a failing unit its own error and commits every other unit exactly once', async () => {
    const group = new GroupCommit(database.db, { maxGroup: 32, maxInFlight: 1 });
    const units = Array.from({ length: 8 }, (_, i) =>
      group.run(async (tx) => {
        await writeNotes.rows(tx, { rows: JSON.stringify([{ unit: i, note: 'written' }]) });
        const { count } = await hit(tx, { key: `group-commit:${i}`, ...hour }, now);
        if (i === 5) throw new Error('unit 5 refuses');
        return count;
      }),
    );
    const settled = await Promise.allSettled(units);
    expect(settled[5]).toMatchObject({ status: 'rejected', reason: { message: 'unit 5 refuses' } });
    // The failed group was rolled back and each unit ran again alone: counted once, not twice.
    expect(settled.filter((s, i) => i !== 5).map((s) => (s as PromiseFulfilledResult<number>).value)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    const notes = await queryRows<{ unit: number; n: number }>(database.db, sql`SELECT unit, count(*)::int AS n FROM group_commit_note GROUP BY unit ORDER BY unit`);
    expect(notes).toEqual([0, 1, 2, 3, 4, 6, 7].map((unit) => ({ unit, n: 1 })));
  });

  it('counts a unit with two statements pending at once as one: all go in one flush, late units waited for', async () => {
    const group = new GroupCommit(database.db, { maxGroup: 32, maxInFlight: 1 });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        group.run(async (tx) => {
          // The last unit arrives after the others have sent ten calls in all (more than six units).
          if (i === 5) await tx.execute(sql`SELECT pg_sleep(0.02)`);
          const [a, b] = await Promise.all([firstStep.rows(tx, { n: i }), secondStep.rows(tx, { n: i })]);
          return [a[0]!.run, b[0]!.run];
        }),
      ),
    );
    // One run of each statement answered all six units.
    expect(new Set(results.map((r) => r[0])).size).toBe(1);
    expect(new Set(results.map((r) => r[1])).size).toBe(1);
    expect(results[0]![0]).not.toBe(results[0]![1]);
  });

  it('never puts two upserts of one row in one statement', async () => {
    const group = new GroupCommit(database.db, { maxGroup: 32, maxInFlight: 1 });
    const counts = await Promise.all(
      ['a', 'b', 'a', 'a', 'b'].map((k) => group.run((tx) => hit(tx, { key: `group-commit:same-${k}`, ...hour }, now).then((r) => r.count))),
    );
    expect(counts.sort()).toEqual([1, 1, 2, 2, 3]);
  });
});

describe('coalescing outside a transaction', () => {
  it('answers concurrent callers from one statement, and one bad call fails only its caller', async () => {
    const pool = await testDatabase();
    try {
      coalesceOn(pool.db, { autocommit: true });
      const good = await Promise.all(['1', '2', '3'].map((n) => asNumber.rows(pool.db, { n })));
      expect(good.map((rows) => rows[0]!.n)).toEqual([1, 2, 3]);
      // Same transaction id: the three calls were one statement.
      expect(new Set(good.map((rows) => rows[0]!.tx)).size).toBe(1);

      const mixed = await Promise.allSettled(['4', 'quatre', '6'].map((n) => asNumber.rows(pool.db, { n })));
      expect(mixed.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(mixed.filter((s) => s.status === 'fulfilled').map((s) => (s as PromiseFulfilledResult<{ n: number }[]>).value[0]!.n)).toEqual([4, 6]);
    } finally {
      await pool.close();
    }
  });
});
