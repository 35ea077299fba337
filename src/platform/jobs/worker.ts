// The worker: claims due jobs with FOR UPDATE SKIP LOCKED (any number of worker processes
// share the table without taking the same job), runs them with bounded concurrency, and
// records the outcome. A claim is a lease: a worker that dies mid-job leaves the job
// "active" until its lease expires, then it is retried (handlers are idempotent).
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import { queryRows, type Database } from '../db/database.ts';
import type { Logger } from '../log.ts';
import { PermanentJobError, RetryJobLater, retryDelayMs } from './job-types.ts';
import { JOB_CHANNEL, type ClaimedJob, type ImmediateRunner } from './queue.ts';
import type { JobRegistry, JobRun } from './registry.ts';
import type { JobMetrics } from './metrics.ts';

export interface WorkerOptions<C> {
  database: Database;
  registry: JobRegistry<C>;
  /** Builds the context a handler receives (a fresh one per job). */
  context: () => C;
  clock: Clock;
  log: Logger;
  concurrency: number;
  pollMs: number;
  metrics?: JobMetrics;
  workerId?: string;
}

/** How long wake-ups that came during a claim are gathered before the next claim. */
const WAKE_COALESCE_MS = 10;
/** Immediate jobs a worker keeps in line at most (ids only); beyond, the queue has them. */
const MAX_WAITING_NOW = 10_000;

export class JobWorker<C> implements ImmediateRunner {
  private readonly o: WorkerOptions<C>;
  readonly workerId: string;
  private readonly running = new Set<Promise<void>>();
  private stopped = true;
  private sleeping: (() => void) | undefined;
  /** Immediate jobs, leased to this worker, waiting for a free slot (runClaimed), oldest first. */
  private readonly waitingNow: ClaimedJob[] = [];
  /** Requests held back (admit) until the immediate jobs already owed have a slot. */
  private admissions: (() => void)[] = [];
  private woken = false;
  /**
   * Whether the table may hold due work this worker has not claimed: the last claim filled
   * every free slot, or a wake-up came meanwhile. A finished job then wakes the loop; when
   * not, it does not, which spares an empty claim after every acknowledgment.
   */
  private queueMayHoldWork = true;
  private loop: Promise<void> | undefined;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(options: WorkerOptions<C>) {
    this.o = options;
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}`;
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.unlisten = await this.o.database.listen(JOB_CHANNEL, () => {
      this.queueMayHoldWork = true;
      this.wake();
    });
    this.loop = this.run();
  }

  /** Stops claiming, waits for the jobs in hand to finish. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.admitWaiting();
    this.wake();
    await this.unlisten?.();
    await this.loop;
    await Promise.allSettled([...this.running]);
    // Leased to this worker but never started: back to the queue for the next worker, now
    // rather than when their leases expire.
    await this.release(this.waitingNow.splice(0));
  }

  /**
   * Runs every job due now (and the jobs those jobs enqueue), then returns. For tests and
   * the CLI, where a background loop would make timing nondeterministic.
   */
  async drain(maxRounds = 1000): Promise<number> {
    let total = 0;
    for (let round = 0; round < maxRounds; round++) {
      const jobs = await this.claim(this.o.concurrency);
      if (jobs.length === 0) return total;
      await Promise.all(jobs.map((job) => this.execute(job)));
      total += jobs.length;
    }
    return total;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const free = this.o.concurrency - this.running.size;
      let claimed = 0;
      if (free > 0) {
        try {
          const jobs = await this.claim(free);
          claimed = jobs.length;
          // Set before the claim's answer came, a wake-up is not lost: it is in `woken`.
          this.queueMayHoldWork = claimed === free;
          for (const job of jobs) {
            const p: Promise<void> = this.execute(job).finally(() => {
              this.running.delete(p);
              this.startNextWaiting();
            });
            this.running.add(p);
          }
        } catch (error) {
          this.o.log.error({ err: error }, 'job claim failed');
        }
      }
      // A full batch suggests more are waiting: loop at once. Otherwise sleep until a
      // NOTIFY, a finished job, or the poll interval — unless one of those came while this
      // round was claiming (a wake-up with nobody asleep would otherwise be lost, and the job
      // it announced would wait a whole poll interval).
      if (claimed > 0 && claimed === free) continue;
      // Woken meanwhile: claim again after a breath, so a burst of wake-ups (a NOTIFY per
      // commit) costs one claim, not one each.
      const pause = this.woken ? WAKE_COALESCE_MS : this.o.pollMs;
      this.woken = false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pause);
        this.sleeping = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.sleeping = undefined;
      this.woken = false;
    }
  }

  /** Wakes the loop now, or makes its next round skip the sleep when it is busy claiming. */
  private wake(): void {
    if (this.sleeping) this.sleeping();
    else this.woken = true;
  }

  /**
   * Resolves at once unless a full round of immediate jobs (as many as the worker runs at once)
   * already waits for a slot; else when fewer do. A request about to open a case calls it first: during a
   * burst the acknowledgments already owed go out before more cases are taken in, so each
   * customer hears within seconds, and the clients simply wait a little longer for their answer.
   */
  admit(): Promise<void> {
    if (this.stopped || this.waitingNow.length < this.o.concurrency) return Promise.resolve();
    return new Promise((resolve) => this.admissions.push(resolve));
  }

  private admitWaiting(): void {
    const waiting = this.admissions;
    this.admissions = [];
    for (const resolve of waiting) resolve();
  }

  /**
   * Runs a job its transaction wrote already leased to this worker (ImmediateRunner), as soon
   * as a slot is free. When every slot is taken it waits here, in order, ahead of the queue's
   * older work, up to a bound; past it, the job goes back to the queue for any worker.
   */
  runClaimed(job: ClaimedJob): void {
    if (this.stopped || this.running.size >= this.o.concurrency) {
      if (!this.stopped && this.waitingNow.length < MAX_WAITING_NOW) this.waitingNow.push(job);
      else void this.release([job]).then(() => {
        this.queueMayHoldWork = true;
        this.wake();
      });
      return;
    }
    const p: Promise<void> = this.execute(job).finally(() => {
      this.running.delete(p);
      this.startNextWaiting();
      if (this.waitingNow.length < this.o.concurrency) this.admitWaiting();
    });
    this.running.add(p);
  }

  private startNextWaiting(): void {
    if (this.stopped) return; // stop() gives the waiting ones back
    const next = this.waitingNow.shift();
    if (next) this.runClaimed(next);
    else if (this.queueMayHoldWork) this.wake();
  }

  /** Gives leased jobs that were never started back to the queue, their attempt unspent. */
  private async release(jobs: ClaimedJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const ids = jobs.map((j) => j.id);
    await this.o.database.db
      .execute(
        sql`UPDATE job SET state = 'pending', attempts = attempts - 1, locked_by = NULL, locked_until = NULL
            WHERE id = ANY(${sql.param(ids)}::uuid[]) AND state = 'active' AND locked_by = ${this.workerId}`,
      )
      .catch((error: unknown) => this.o.log.error({ err: error, jobs: ids }, 'could not give leased jobs back to the queue; their leases will expire'));
  }

  private async claim(limit: number): Promise<ClaimedJob[]> {
    const names = this.o.registry.names();
    if (names.length === 0 || limit <= 0) return [];
    const now = this.o.clock.now();
    return queryRows<ClaimedJob>(
      this.o.database.db,
      sql`
        UPDATE job SET state = 'active', attempts = attempts + 1, locked_by = ${this.workerId},
          locked_until = ${now.toISOString()}::timestamptz + ((${this.timeouts(names)}::jsonb ->> name)::int * interval '1 millisecond')
        WHERE id IN (
          SELECT id FROM job
          WHERE state = 'pending' AND run_at <= ${now.toISOString()} AND name = ANY(${sql.param(names)}::text[])
          ORDER BY priority DESC, run_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        )
        RETURNING id, name, payload, attempts, max_attempts`,
    );
  }

  /** Each job type's lease length, as JSON for the claim query ({"name": ms, …}). */
  private timeouts(names: string[]): string {
    return JSON.stringify(Object.fromEntries(names.map((n) => [n, this.o.registry.get(n)?.type.timeoutMs ?? 300_000])));
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const entry = this.o.registry.get(job.name);
    const started = performance.now();
    const db = this.o.database.db;
    // Done jobs are deleted: the table stays small and fast; the outcome lives in the
    // domain rows the job changed, in the logs and in the metrics. A handler may delete its
    // job in its own last statement (JobRun.completion), which saves the round trip here.
    const done = sql`DELETE FROM job WHERE id = ${job.id} AND locked_by = ${this.workerId}`;
    let completedByHandler = false;
    const run: JobRun = {
      id: job.id,
      name: job.name,
      attempt: job.attempts,
      maxAttempts: job.max_attempts,
      completion() {
        completedByHandler = true;
        return done;
      },
      completionKey: () => {
        completedByHandler = true;
        return { jobId: job.id, lockedBy: this.workerId };
      },
    };
    try {
      if (!entry) throw new PermanentJobError(`no handler for job ${job.name}`);
      const payload = entry.type.schema.parse(job.payload);
      await entry.handler(payload, this.o.context(), run);
      if (!completedByHandler) await db.execute(done);
      this.o.metrics?.completed(job.name, (performance.now() - started) / 1000);
    } catch (error) {
      await this.recordFailure(job, error).catch((e: unknown) =>
        this.o.log.error({ err: e, jobId: job.id }, 'could not record job failure'),
      );
    }
  }

  private async recordFailure(job: ClaimedJob, error: unknown): Promise<void> {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const now = this.o.clock.now();
    const entry = this.o.registry.get(job.name);
    const db = this.o.database.db;
    if (error instanceof RetryJobLater) {
      // Waiting for a provider's rate-limit reset is not a failure: the attempt is given back.
      this.o.log.info({ jobId: job.id, job: job.name, retryAt: error.at }, 'job deferred');
      await db.execute(sql`
        UPDATE job SET state = 'pending', run_at = ${error.at.toISOString()}, attempts = attempts - 1,
          last_error = ${message}, locked_by = NULL, locked_until = NULL
        WHERE id = ${job.id}`);
      return;
    }
    const permanent = error instanceof PermanentJobError || !entry;
    const exhausted = job.attempts >= job.max_attempts;
    if (permanent || exhausted) {
      this.o.log.error({ err: error, jobId: job.id, job: job.name, attempt: job.attempts }, 'job failed for good');
      this.o.metrics?.failed(job.name);
      await db.execute(sql`
        UPDATE job SET state = 'failed', last_error = ${message}, finished_at = ${now.toISOString()},
          locked_by = NULL, locked_until = NULL
        WHERE id = ${job.id}`);
      return;
    }
    const retryAt = new Date(now.getTime() + retryDelayMs(entry.type.retry, job.attempts));
    this.o.log.warn({ err: error, jobId: job.id, job: job.name, attempt: job.attempts, retryAt }, 'job will be retried');
    this.o.metrics?.retried(job.name);
    await db.execute(sql`
      UPDATE job SET state = 'pending', run_at = ${retryAt.toISOString()}, last_error = ${message},
        locked_by = NULL, locked_until = NULL
      WHERE id = ${job.id}`);
  }
}
