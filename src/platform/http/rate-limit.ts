// Fixed-window rate limits kept in the database, so every app node counts the same hits.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { queryRows } from '../db/database.ts';
import { eachCall, preparedEach } from '../db/prepared.ts';
import { AppError } from '../errors.ts';

export interface Limit {
  /** What is counted, e.g. `login:ip:203.0.113.9`. */
  key: string;
  max: number;
  windowMs: number;
}

function windowStart(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

// Counted on every login, every acknowledgment…: a prepared statement, for any number of
// concurrent callers (platform/db/coalescing.ts); one key is counted once per statement.
const hitStatement = preparedEach<{ key: string; start: string }, { count: number }>(
  'comptoir_rate_limit_hit',
  sql`WITH given AS (SELECT a.call, a.p ->> 'key' AS key, (a.p ->> 'start')::timestamptz AS start FROM ${eachCall}),
      counted AS (
        INSERT INTO rate_limit (key, window_start, count) SELECT key, start, 1 FROM given
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN rate_limit.window_start < EXCLUDED.window_start THEN 1 ELSE rate_limit.count + 1 END,
          window_start = GREATEST(rate_limit.window_start, EXCLUDED.window_start)
        RETURNING key, count
      )
      SELECT given.call, counted.count FROM counted JOIN given ON given.key = counted.key`,
  { keyOf: (values) => values.key },
);

/** Counts one hit; returns how many the window holds now, this one included. */
export async function hit(db: Db, limit: Limit, now: Date): Promise<{ count: number; resetAt: Date }> {
  const start = windowStart(now, limit.windowMs);
  const [row] = await hitStatement.rows(db, { key: limit.key, start: start.toISOString() });
  return { count: Number(row?.count ?? 1), resetAt: new Date(start.getTime() + limit.windowMs) };
}

/** How many hits the current window holds, without counting one. */
export async function peek(db: Db, limit: Limit, now: Date): Promise<number> {
  const start = windowStart(now, limit.windowMs);
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`SELECT count FROM rate_limit WHERE key = ${limit.key} AND window_start >= ${start.toISOString()}`,
  );
  return Number(row?.count ?? 0);
}

export async function reset(db: Db, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM rate_limit WHERE key = ${key}`);
}

/** Counts a hit and throws 429 (with Retry-After) when the window is full. */
export async function enforce(db: Db, limit: Limit, now: Date, message = 'Too many requests; try again later'): Promise<void> {
  const { count, resetAt } = await hit(db, limit, now);
  if (count > limit.max) throw tooMany(message, resetAt, now);
}

export function tooMany(message: string, resetAt: Date, now: Date): AppError {
  return new AppError('rate_limited', message, {
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)),
  });
}

export async function purgeExpired(db: Db, before: Date): Promise<void> {
  await db.execute(sql`DELETE FROM rate_limit WHERE window_start < ${before.toISOString()}`);
}
