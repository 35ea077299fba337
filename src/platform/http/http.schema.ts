// Shared state the HTTP layer keeps in the database (never in process memory, so any
// number of app nodes agree): rate-limit windows and idempotency keys.
import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../db/columns.ts';

export const rateLimit = pgTable('rate_limit', {
  key: text('key').primaryKey(),
  windowStart: instant('window_start').notNull(),
  count: integer('count').notNull(),
});

/** A replayed POST with the same Idempotency-Key gets the first response instead of a duplicate. */
export const idempotencyKey = pgTable(
  'idempotency_key',
  {
    /** The principal that sent it (user id), so two clients cannot collide. */
    principalId: uuid('principal_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    responseBody: jsonb('response_body').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.principalId, t.key] }), index('idempotency_key_created_idx').on(t.createdAt)],
);
