// The job queue's tables: jobs (durable, retried with backoff, leased to one worker at a
// time) and schedules (cron entries claimed by compare-and-set so each slot runs once).
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../db/columns.ts';

export const jobStates = ['pending', 'active', 'failed'] as const;
export type JobState = (typeof jobStates)[number];

export const job = pgTable(
  'job',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    state: text('state', { enum: jobStates }).notNull().default('pending'),
    priority: integer('priority').notNull().default(0),
    runAt: instant('run_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    /** At most one pending-or-active job per (name, singleton key). */
    singletonKey: text('singleton_key'),
    lockedBy: text('locked_by'),
    lockedUntil: instant('locked_until'),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull(),
    finishedAt: instant('finished_at'),
  },
  (t) => [
    index('job_fetch_idx').on(t.priority.desc().nullsFirst(), t.runAt).where(sql`state = 'pending'`),
    index('job_lease_idx').on(t.lockedUntil).where(sql`state = 'active'`),
    uniqueIndex('job_singleton_key').on(t.name, t.singletonKey).where(sql`singleton_key IS NOT NULL AND state <> 'failed'`),
  ],
);

export const jobSchedule = pgTable('job_schedule', {
  name: text('name').primaryKey(),
  cron: text('cron').notNull(),
  timezone: text('timezone').notNull(),
  nextRunAt: instant('next_run_at').notNull(),
  lastRunAt: instant('last_run_at'),
});
