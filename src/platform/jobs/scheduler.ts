// Recurring jobs and queue housekeeping. Every worker process runs `tick()`; a schedule slot
// is claimed with a compare-and-set on next_run_at, in the same transaction as the job it
// enqueues, so each slot runs exactly once however many workers there are, and a slot
// missed while every worker was down runs once when one comes back.
import { CronExpressionParser } from 'cron-parser';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { transaction } from '../db/transaction.ts';
import type { Logger } from '../log.ts';
import type { JobType } from './job-types.ts';
import { jobSchedule } from './jobs.schema.ts';
import type { JobQueue } from './queue.ts';

export interface Schedule<P = unknown> {
  name: string;
  /** Five-field cron expression, e.g. "* * * * *" (every minute). */
  cron: string;
  timezone: string;
  job: JobType<P>;
  payload: P;
}

export function nextRun(cron: string, timezone: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: timezone }).next().toDate();
}

export class Scheduler {
  private readonly schedules = new Map<string, Schedule>();
  private readonly database: Database;
  private readonly queue: JobQueue;
  private readonly clock: Clock;
  private readonly log: Logger;

  constructor(database: Database, queue: JobQueue, clock: Clock, log: Logger) {
    this.database = database;
    this.queue = queue;
    this.clock = clock;
    this.log = log;
  }

  add<P>(schedule: Schedule<P>): this {
    nextRun(schedule.cron, schedule.timezone, this.clock.now()); // fail fast on a bad expression
    this.schedules.set(schedule.name, schedule as Schedule);
    return this;
  }

  /** Writes the schedules to the table: new ones inserted, changed cron or zone re-planned. */
  async sync(): Promise<void> {
    const now = this.clock.now();
    for (const s of this.schedules.values()) {
      const next = nextRun(s.cron, s.timezone, now);
      await this.database.db.execute(sql`
        INSERT INTO job_schedule (name, cron, timezone, next_run_at)
        VALUES (${s.name}, ${s.cron}, ${s.timezone}, ${next.toISOString()})
        ON CONFLICT (name) DO UPDATE SET cron = EXCLUDED.cron, timezone = EXCLUDED.timezone,
          next_run_at = EXCLUDED.next_run_at
        WHERE job_schedule.cron <> EXCLUDED.cron OR job_schedule.timezone <> EXCLUDED.timezone`);
    }
  }

  /** Enqueues the jobs of due schedules and recovers jobs whose worker died. */
  async tick(): Promise<number> {
    const now = this.clock.now();
    const db = this.database.db;
    const due = await db
      .select()
      .from(jobSchedule)
      .where(lte(jobSchedule.nextRunAt, now));
    let enqueued = 0;
    for (const row of due) {
      const s = this.schedules.get(row.name);
      if (!s) continue;
      const claimed = await transaction(db, async (tx) => {
        const next = nextRun(s.cron, s.timezone, now);
        const won = await tx
          .update(jobSchedule)
          .set({ nextRunAt: next, lastRunAt: now })
          .where(and(eq(jobSchedule.name, row.name), eq(jobSchedule.nextRunAt, row.nextRunAt)))
          .returning({ name: jobSchedule.name });
        if (won.length === 0) return false;
        await this.queue.enqueue(tx, s.job, s.payload, { singletonKey: `schedule:${s.name}` });
        return true;
      });
      if (claimed) enqueued++;
    }
    await this.recoverExpiredLeases(now);
    return enqueued;
  }

  /** Jobs still "active" past their lease belonged to a worker that crashed or hung. */
  async recoverExpiredLeases(now: Date = this.clock.now()): Promise<void> {
    const result = (await this.database.db.execute(sql`
      UPDATE job SET
        state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'pending' END,
        finished_at = CASE WHEN attempts >= max_attempts THEN ${now.toISOString()}::timestamptz END,
        run_at = ${now.toISOString()}, last_error = 'lease expired: the worker stopped or timed out',
        locked_by = NULL, locked_until = NULL
      WHERE state = 'active' AND locked_until < ${now.toISOString()}
      RETURNING id, name`)) as unknown as { rows: { id: string; name: string }[] };
    if (result.rows.length) this.log.warn({ jobs: result.rows }, 'recovered jobs from dead workers');
  }
}
