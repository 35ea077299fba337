// Enqueueing: one INSERT into `job`, on whatever connection the caller passes, so a job is
// written in the same transaction as the domain change that causes it (transactional
// outbox): if the transaction rolls back, the job never existed. After the commit a NOTIFY
// (batched) wakes the workers; polling is only the fallback.
import { sql } from 'drizzle-orm';
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

/** Runs a job of this process right away (the local worker, when there is one). */
export interface ImmediateRunner {
  runNow(jobId: string): void;
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
    const data = type.schema.parse(payload);
    const now = this.clock.now();
    const runAt = options.runAt ?? new Date(now.getTime() + (options.delayMs ?? 0));
    const id = uuidv7(now.getTime());
    const result = (await db.execute(sql`
      INSERT INTO job (id, name, payload, priority, run_at, max_attempts, singleton_key, created_at)
      VALUES (${id}, ${type.name}, ${JSON.stringify(data)}::jsonb, ${options.priority ?? 0},
              ${runAt.toISOString()}, ${type.retry.maxAttempts}, ${options.singletonKey ?? null}, ${now.toISOString()})
      ON CONFLICT (name, singleton_key) WHERE singleton_key IS NOT NULL AND state <> 'failed' DO NOTHING
      RETURNING id
    `)) as unknown as { rows: { id: string }[] };
    const inserted = result.rows[0]?.id ?? null;
    if (inserted && runAt <= now) {
      const runner = type.immediate ? this.runner : undefined;
      const notifier = this.notifier;
      if (runner) afterCommit(db, () => runner.runNow(inserted));
      else if (notifier) afterCommit(db, () => notifier.notify(JOB_CHANNEL, type.name));
    }
    return inserted;
  }
}
