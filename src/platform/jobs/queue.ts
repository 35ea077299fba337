// Enqueueing: one INSERT into `job`, on whatever connection the caller passes, so a job is
// written in the same transaction as the domain change that causes it (transactional
// outbox): if the transaction rolls back, the job never existed. After the commit a NOTIFY
// (batched) wakes the workers; polling is only the fallback. An immediate job, when this
// process runs a worker, is written already leased to that worker and handed to it after the
// commit: claiming it back from the table would cost a statement for nothing.
import { sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { afterCommit } from '../db/transaction.ts';
import type { Notifier } from '../events/notifier.ts';
import { uuidv7 } from '../ids.ts';
import type { JobType } from './job-types.ts';

export const JOB_CHANNEL = 'comptoir_jobs';

export interface EnqueueOptions {
  /** Run no earlier than this instant. */
  runAt?: Date;
  delayMs?: number;
  priority?: number;
  /**
   * At most one pending-or-active job per (type, key): a second enqueue with the same key
   * is ignored and returns null (e.g. one "recompute" job per case at a time).
   */
  singletonKey?: string;
}

/** A job leased to a worker: what it needs to run it without reading it back. */
export interface ClaimedJob {
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

/** Runs a job of this process right away (the local worker, when there is one). */
export interface ImmediateRunner {
  /** The name leases are taken under (job.locked_by). */
  readonly workerId: string;
  /** Runs a job written already leased to this worker, once its transaction has committed. */
  runClaimed(job: ClaimedJob): void;
  /** Resolves when the immediate jobs already owed have a slot (see JobWorker.admit). */
  admit(): Promise<void>;
}

export class JobQueue {
  private readonly clock: Clock;
  private readonly notifier: Notifier | undefined;
  private runner: ImmediateRunner | undefined;

  constructor(clock: Clock, notifier?: Notifier) {
    this.clock = clock;
    this.notifier = notifier;
  }

  /** The local worker takes `immediate` jobs as soon as their transaction commits. */
  attach(runner: ImmediateRunner | undefined): void {
    this.runner = runner;
  }

  /**
   * For a request about to cause immediate jobs (opening a case): waits while this process's
   * worker still owes earlier ones. At once when this process runs no worker.
   */
  admit(): Promise<void> {
    return this.runner?.admit() ?? Promise.resolve();
  }

  /** Returns the job id, or null when a singleton job with that key is already waiting. */
  async enqueue<P>(db: Db, type: JobType<P>, payload: P, options: EnqueueOptions = {}): Promise<string | null> {
    const job = this.prepare(type, payload, options);
    const result = (await db.execute(insertJobsFrom(sql`${JSON.stringify([job.row])}::jsonb`))) as unknown as { rows: { id: string }[] };
    const inserted = result.rows[0]?.id ?? null;
    if (inserted) job.written(db);
    return inserted;
  }

  /**
   * A job to write as part of a larger statement (a CTE), saving a round trip: its `row` goes
   * to `insertJobsFrom`, and `written(db)` must be called once the statement has written it,
   * on the same transaction.
   */
  prepare<P>(type: JobType<P>, payload: P, options: EnqueueOptions = {}): PreparedJob {
    const data = type.schema.parse(payload);
    const now = this.clock.now();
    const runAt = options.runAt ?? new Date(now.getTime() + (options.delayMs ?? 0));
    const id = uuidv7(now.getTime());
    const due = runAt <= now;
    const runner = type.immediate && due ? this.runner : undefined;
    // Leased to the local worker from the start: if this process dies before running it, the
    // lease expires and any worker retries it (Scheduler.recoverExpiredLeases).
    const lease = runner ? { by: runner.workerId, until: new Date(now.getTime() + type.timeoutMs).toISOString() } : null;
    const notifier = this.notifier;
    return {
      id,
      row: {
        id,
        name: type.name,
        payload: data,
        priority: options.priority ?? 0,
        run_at: runAt.toISOString(),
        max_attempts: type.retry.maxAttempts,
        singleton_key: options.singletonKey ?? null,
        created_at: now.toISOString(),
        state: lease ? 'active' : 'pending',
        attempts: lease ? 1 : 0,
        locked_by: lease?.by ?? null,
        locked_until: lease?.until ?? null,
      },
      written(db) {
        if (runner) {
          const claimed: ClaimedJob = { id, name: type.name, payload: data, attempts: 1, max_attempts: type.retry.maxAttempts };
          afterCommit(db, () => runner.runClaimed(claimed));
        } else if (due && notifier) {
          afterCommit(db, () => notifier.notify(JOB_CHANNEL, type.name));
        }
      },
    };
  }
}

export interface PreparedJob {
  id: string;
  /** The job's columns as JSON keyed by column name, for `insertJobsFrom`. */
  row: Record<string, unknown>;
  written(db: Db): void;
}

const jobColumns = sql.raw(`id uuid, name text, payload jsonb, priority int, run_at timestamptz, max_attempts int,
  singleton_key text, created_at timestamptz, state text, attempts int, locked_by text, locked_until timestamptz`);

/**
 * The INSERT of jobs given as JSON (`PreparedJob.row`): `rows` a JSON array of them, or — inside
 * a larger statement — `json` read for each row of `from` that `where` keeps. `RETURNING id`
 * gives the jobs written (a singleton already waiting is not).
 */
export function insertJobsFrom(rows: SQL): SQL;
export function insertJobsFrom(json: SQL, from: SQL, where: SQL): SQL;
export function insertJobsFrom(json: SQL, from?: SQL, where?: SQL): SQL {
  const source = from
    ? sql`FROM ${from}, jsonb_to_record(${json}) AS x(${jobColumns})`
    : sql`FROM jsonb_to_recordset(${json}) AS x(${jobColumns})`;
  return sql`INSERT INTO job (id, name, payload, priority, run_at, max_attempts, singleton_key, created_at, state, attempts, locked_by, locked_until)
    SELECT x.id, x.name, x.payload, x.priority, x.run_at, x.max_attempts, x.singleton_key, x.created_at, x.state, x.attempts, x.locked_by, x.locked_until
    ${source}
    ${where ? sql`WHERE ${where}` : sql``}
    ON CONFLICT (name, singleton_key) WHERE singleton_key IS NOT NULL AND state <> 'failed' DO NOTHING
    RETURNING id`;
}

