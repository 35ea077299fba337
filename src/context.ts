// What every service receives: an explicit context, no hidden globals. `db` is the database
// or the current transaction; everything else is a process-wide service.
import type { Registry } from 'prom-client';
import type { BlobStore } from './platform/blobs/blob-store.ts';
import type { Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import type { SecretBox } from './platform/crypto/secrets.ts';
import type { Database, Db } from './platform/db/database.ts';
import { groupCommitOf } from './platform/db/group-commit.ts';
import { isTransaction, transaction, type TransactionOptions } from './platform/db/transaction.ts';
import type { DomainEvents } from './platform/events/domain-events.ts';
import type { RealtimeHub } from './platform/events/realtime.ts';
import type { Notifier } from './platform/events/notifier.ts';
import type { JobQueue } from './platform/jobs/queue.ts';
import type { Logger } from './platform/log.ts';
import type { DomainEvent } from './domain-events.ts';
import type { PolicyBook } from './modules/sla/policy-book.ts';
import type { AccountBook } from './channels/accounts/account-book.ts';
import type { TemplateBook } from './modules/notifications/templates.service.ts';
import type { OutboundChannels } from './channels/outbound.ts';

export interface Services {
  config: Config;
  clock: Clock;
  log: Logger;
  database: Database;
  jobs: JobQueue;
  realtime: RealtimeHub;
  notifier: Notifier;
  events: DomainEvents<DomainEvent>;
  secrets: SecretBox;
  metrics: Registry;
  /** Attachment bytes (local folder, later S3). */
  blobs: BlobStore;
  /** SLA policies and calendars, cached (see policy-book.ts). */
  policyBook: PolicyBook;
  /** Admins' message templates, cached the same way. */
  templates: TemplateBook;
  /** Channel accounts as inbound processing reads them, cached the same way. */
  accounts: AccountBook;
  /** The clients that send e-mail and SMS (channels/outbound.ts). */
  channels: OutboundChannels;
}

export interface Ctx extends Omit<Services, 'database'> {
  db: Db;
  engine: Database['engine'];
}

export function ctxOf(services: Services, db: Db = services.database.db): Ctx {
  const { database, ...rest } = services;
  return { ...rest, db, engine: database.engine };
}

/**
 * Runs `fn` in a transaction shared with the other units of the same `kind` that arrive
 * together (platform/db/group-commit.ts: one round trip per statement for all of them, one
 * commit); inside a transaction already, in that one. For the hottest writes only (opening a
 * case, processing an inbound message): `fn` may run twice, its first run rolled back, when
 * another unit of its group fails.
 */
export function inSharedTransaction<T>(ctx: Ctx, kind: string, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (isTransaction(ctx.db)) return fn(ctx);
  // One group at a time: two groups, each holding the rows of many cases, could wait for each
  // other (a deadlock PostgreSQL breaks only after a second); the next group gathers meanwhile.
  const group = groupCommitOf(ctx.db, kind, {
    maxGroup: 32,
    maxInFlight: 1,
    onGroupFailed: (error, units) => ctx.log.info({ err: error, kind, units }, 'a shared transaction failed: its units run again one by one'),
  });
  return group.run((tx) => fn({ ...ctx, db: tx }));
}

/** Runs `fn` in a transaction (a savepoint when already inside one). */
export function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return transaction(ctx.db, (tx) => fn({ ...ctx, db: tx }), options);
}
