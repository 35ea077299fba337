// The database handle every module receives. One SQL dialect (PostgreSQL), two engines:
// PGlite (embedded, WASM) by default and a PostgreSQL server when DATABASE_URL is set.
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQLWrapper } from 'drizzle-orm';

export type Engine = 'pglite' | 'postgres';

/** A Drizzle database or transaction; services take this and never know which engine runs. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type NotificationHandler = (payload: string) => void;

export interface Database {
  readonly engine: Engine;
  readonly db: Db;
  /** Subscribes to a NOTIFY channel; resolves once listening; returns the unsubscribe function. */
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Runs a raw query and returns its rows, the same way on both drivers. */
export async function queryRows<T>(db: Db, query: SQLWrapper | string): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** PostgreSQL identifiers for NOTIFY channels must stay simple: we only use our own constants. */
export function assertChannelName(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`invalid channel name: ${channel}`);
}
