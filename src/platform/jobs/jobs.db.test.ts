import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { testDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { ManualClock } from '../clock.ts';
import { queryRows, type Db } from '../db/database.ts';
import { createLogger } from '../log.ts';
import { jobType, PermanentJobError, RetryJobLater } from './job-types.ts';
import { JobQueue } from './queue.ts';
import { Notifier } from '../events/notifier.ts';
import { JobRegistry } from './registry.ts';
import { Scheduler } from './scheduler.ts';
import { JobWorker } from './worker.ts';

let database: TestDatabase;
const clock = new ManualClock('2026-04-03T08:00:00Z');
const log = createLogger('silent');
let queue: JobQueue;
const runs: string[] = [];
const failures = new Map<string, number>();

const echo = jobType('test.echo', z.object({ text: z.string() }), { retry: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 } });
const flaky = jobType('test.flaky', z.object({ key: z.string(), failTimes: z.number() }), { retry: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 } });
const broken = jobType('test.broken', z.object({}), { retry: { maxAttempts: 5 } });
const limited = jobType('test.limited', z.object({ until: z.string() }), { retry: { maxAttempts: 1 } });
const slow = jobType('test.slow', z.object({}), { timeoutMs: 60_000 });

// Immediate jobs that finish only when the test lets them (the gate of their text).
const gates = new Map<string, () => void>();
const gated = jobType('test.gated', z.object({ text: z.string() }), { immediate: true });
// A job that deletes itself in its own statement (JobRun.completion).
const selfDeleting = jobType('test.self_deleting', z.object({ text: z.string() }));

const registry = new JobRegistry<null>()
  .handle(echo, async (p) => void runs.push(p.text))
  .handle(gated, async (p) => {
    await new Promise<void>((resolve) => gates.set(p.text, resolve));
    runs.push(p.text);
  })
  .handle(selfDeleting, async (p, _ctx, run) => {
    await database.db.execute(sql`WITH done AS (${run.completion()}) SELECT 1`);
    runs.push(p.text);
  })
  .handle(flaky, async (p) => {
    const n = (failures.get(p.key) ?? 0) + 1;
    failures.set(p.key, n);
    if (n <= p.failTimes) throw new Error(`failure ${n}`);
    runs.push(`flaky:${p.key}`);
  })
  .handle(broken, async () => {
    throw new PermanentJobError('the payload can never work');
  })
  .handle(limited, async (p) => {
    if (clock.now() < new Date(p.until)) throw new RetryJobLater(new Date(p.until), 'provider rate limit');
    runs.push('limited');
  })
  .handle(slow, async () => new Promise(() => {}));

const worker = (id = 'w1') => new JobWorker({ database, registry, context: () => null, clock, log, concurrency: 4, pollMs: 20, workerId: id });
const state = async (id: string) =>
  (await queryRows<{ state: string; attempts: number; run_at: Date; last_error: string | null }>(database.db, sql`SELECT state, attempts, run_at, last_error FROM job WHERE id = ${id}`))[0];

beforeAll(async () => {
  database = await testDatabase();
  queue = new JobQueue(clock, new Notifier(database, log));
});
afterAll(() => database?.close());
beforeEach(async () => {
  runs.length = 0;
  await database.db.execute(sql`DELETE FROM job`);
});

describe('the job queue', () => {
  it('enqueues inside the caller’s transaction: a rollback takes the job with it', async () => {
    await database.db
      .transaction(async (tx) => {
        await queue.enqueue(tx as unknown as Db, echo, { text: 'rolled back' });
        throw new Error('abort');
      })
      .catch(() => {});
    await database.db.transaction(async (tx) => void (await queue.enqueue(tx as unknown as Db, echo, { text: 'committed' })));
    await worker().drain();
    expect(runs).toEqual(['committed']);
  });

  it('deletes completed jobs and checks payloads on the way in', async () => {
    const id = await queue.enqueue(database.db, echo, { text: 'hello' });
    await worker().drain();
    expect(await state(id!)).toBeUndefined();
    await expect(queue.enqueue(database.db, echo, { text: 42 } as never)).rejects.toThrow();
  });

  it('retries with backoff, then succeeds', async () => {
    const id = await queue.enqueue(database.db, flaky, { key: 'a', failTimes: 2, });
    await worker().drain();
    const after1 = await state(id!);
    expect(after1).toMatchObject({ state: 'pending', attempts: 1, last_error: 'Error: failure 1' });
    expect(new Date(after1!.run_at).getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(800);
    clock.advance(1_300);
    await worker().drain();
    expect(await state(id!)).toMatchObject({ state: 'pending', attempts: 2 });
    clock.advance(2_500);
    await worker().drain();
    expect(await state(id!)).toBeUndefined();
    expect(runs).toEqual(['flaky:a']);
  });

  it('fails for good after the last attempt or a permanent error, and keeps the job for diagnosis', async () => {
    const id = await queue.enqueue(database.db, flaky, { key: 'b', failTimes: 99 });
    for (let i = 0; i < 3; i++) {
      await worker().drain();
      clock.advance(20_000);
    }
    expect(await state(id!)).toMatchObject({ state: 'failed', attempts: 3, last_error: 'Error: failure 3' });
    const perm = await queue.enqueue(database.db, broken, {});
    await worker().drain();
    expect(await state(perm!)).toMatchObject({ state: 'failed', attempts: 1, last_error: 'PermanentJobError: the payload can never work' });
  });

  it('waits for a rate-limit reset without spending an attempt', async () => {
    const until = new Date(clock.now().getTime() + 15 * 60_000).toISOString();
    const id = await queue.enqueue(database.db, limited, { until });
    await worker().drain();
    expect(await state(id!)).toMatchObject({ state: 'pending', attempts: 0 });
    clock.set(until);
    await worker().drain();
    expect(runs).toEqual(['limited']);
  });

  it('keeps one waiting job per singleton key', async () => {
    const a = await queue.enqueue(database.db, echo, { text: 'once' }, { singletonKey: 'case-1' });
    const b = await queue.enqueue(database.db, echo, { text: 'twice' }, { singletonKey: 'case-1' });
    expect(a).not.toBeNull();
    expect(b).toBeNull();
    await worker().drain();
    expect(runs).toEqual(['once']);
    expect(await queue.enqueue(database.db, echo, { text: 'again' }, { singletonKey: 'case-1' })).not.toBeNull();
  });

  it('never gives one job to two workers', async () => {
    for (let i = 0; i < 40; i++) await queue.enqueue(database.db, echo, { text: `job ${i}` });
    await Promise.all([worker('w1').drain(), worker('w2').drain(), worker('w3').drain()]);
    expect(runs).toHaveLength(40);
    expect(new Set(runs).size).toBe(40);
  });

  it('gives the job of a worker that died back to the queue when its lease expires', async () => {
    const id = await queue.enqueue(database.db, slow, {});
    const dying = worker('dying');
    void dying.drain();
    await new Promise((r) => setTimeout(r, 100));
    expect(await state(id!)).toMatchObject({ state: 'active', attempts: 1 });
    const scheduler = new Scheduler(database, queue, clock, log);
    await scheduler.recoverExpiredLeases();
    expect(await state(id!)).toMatchObject({ state: 'active' });
    clock.advance(61_000);
    await scheduler.recoverExpiredLeases();
    expect(await state(id!)).toMatchObject({ state: 'pending', last_error: 'lease expired: the worker stopped or timed out' });
  });

  it('holds new work back while immediate jobs wait for a slot, and lets it in when they have all started', async () => {
    const w = new JobWorker({ database, registry, context: () => null, clock, log, concurrency: 1, pollMs: 60_000, workerId: 'adm' });
    const local = new JobQueue(clock);
    local.attach(w);
    await w.start();
    try {
      await local.admit(); // nothing owed: at once
      for (const text of ['a', 'b']) await local.enqueue(database.db, gated, { text });
      for (let i = 0; i < 100 && !gates.has('a'); i++) await new Promise((r) => setTimeout(r, 10));
      // 'a' runs in the only slot, 'b' waits for it: a new case would be held back.
      let admitted = false;
      const admission = local.admit().then(() => (admitted = true));
      await new Promise((r) => setTimeout(r, 50));
      expect(admitted).toBe(false);
      gates.get('a')!();
      for (let i = 0; i < 100 && !gates.has('b'); i++) await new Promise((r) => setTimeout(r, 10));
      await admission; // 'b' has its slot now
      expect(admitted).toBe(true);
      gates.get('b')!();
      for (let i = 0; i < 100 && runs.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      expect(runs).toEqual(['a', 'b']);
      expect(await new JobQueue(clock).admit()).toBeUndefined(); // a process without a worker never waits
    } finally {
      gates.clear();
      await w.stop();
    }
  });

  it('writes an immediate job already leased to the local worker, and gives it back to the queue if the worker stops first', async () => {
    const w = new JobWorker({ database, registry, context: () => null, clock, log, concurrency: 1, pollMs: 60_000, workerId: 'lease' });
    const local = new JobQueue(clock);
    local.attach(w);
    await w.start();
    let second: string | null = null;
    try {
      await local.enqueue(database.db, gated, { text: 'first' });
      second = await local.enqueue(database.db, gated, { text: 'second' });
      // Leased from the start (no claim to run it), with its attempt counted.
      expect(await state(second!)).toMatchObject({ state: 'active', attempts: 1 });
      for (let i = 0; i < 100 && !gates.has('first'); i++) await new Promise((r) => setTimeout(r, 10));
      const stopping = w.stop();
      gates.get('first')!();
      await stopping;
    } finally {
      gates.clear();
      await w.stop();
    }
    // 'second' never had a slot: it is the queue's again, for any worker, its attempt unspent.
    expect(runs).toEqual(['first']);
    expect(await state(second!)).toMatchObject({ state: 'pending', attempts: 0 });
  });

  it('lets a handler delete its job in its own last statement', async () => {
    const id = await queue.enqueue(database.db, selfDeleting, { text: 'done in one' });
    expect(await worker().drain()).toBe(1);
    expect(runs).toEqual(['done in one']);
    expect(await state(id!)).toBeUndefined();
  });

  it('runs in the background and wakes up on NOTIFY, not on polling', async () => {
    const w = new JobWorker({ database, registry, context: () => null, clock, log, concurrency: 4, pollMs: 60_000, workerId: 'bg' });
    await w.start();
    try {
      await queue.enqueue(database.db, echo, { text: 'woken' });
      for (let i = 0; i < 100 && runs.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(runs).toEqual(['woken']);
    } finally {
      await w.stop();
    }
  });
});

describe('schedules', () => {
  it('run each slot once, however many schedulers tick', async () => {
    const schedulers = [1, 2, 3].map(() => new Scheduler(database, queue, clock, log).add({ name: 'every-minute', cron: '* * * * *', timezone: 'Europe/Paris', job: echo, payload: { text: 'tick' } }));
    await schedulers[0]!.sync();
    clock.advance(60_000);
    const enqueued = await Promise.all(schedulers.map((s) => s.tick()));
    expect(enqueued.reduce((a, b) => a + b, 0)).toBe(1);
    await worker().drain();
    expect(runs).toEqual(['tick']);
    expect(await Promise.all(schedulers.map((s) => s.tick()))).toEqual([0, 0, 0]);
  });

  it('catch up once after an outage instead of once per missed slot', async () => {
    const s = new Scheduler(database, queue, clock, log).add({ name: 'hourly', cron: '0 * * * *', timezone: 'Europe/Paris', job: echo, payload: { text: 'hourly' } });
    await s.sync();
    clock.advance(5 * 3_600_000);
    expect(await s.tick()).toBe(1);
    expect(await s.tick()).toBe(0);
  });
});
