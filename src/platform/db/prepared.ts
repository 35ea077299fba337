// Named prepared statements for the queries every request runs (credentials, references,
// case creation). On PostgreSQL a named statement is parsed and planned once per connection
// instead of on every call — measured at about 40% of the database CPU of creating a case —
// and drizzle's query builder is not re-run either: the SQL is compiled once, at load.
// PGlite runs the same text with the same parameters (it has no use for the name).
import { getTableColumns, sql, type SQL, type Table } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './database.ts';

const dialect = new PgDialect();
const names = new Set<string>();

export interface PreparedStatement<P extends Record<string, unknown>, R> {
  readonly name: string;
  /** Runs the statement on `db` (a database or a transaction) and returns its rows. */
  rows(db: Db, values: P): Promise<R[]>;
}

/** A parameter of a prepared statement, filled from the values passed to `rows`. */
export const param = (name: string) => sql.placeholder(name);

/**
 * Declares a statement once, at module load. `name` must be unique in the process (PostgreSQL
 * keeps one statement per name and connection); parameters are `param('x')` placeholders.
 */
export function prepared<P extends Record<string, unknown>, R>(name: string, statement: SQL): PreparedStatement<P, R> {
  if (names.has(name)) throw new Error(`prepared statement ${name} is declared twice`);
  names.add(name);
  const query = dialect.sqlToQuery(statement);
  return {
    name,
    async rows(db, values) {
      const result = (await db._.session.prepareQuery(query, undefined, name, false).execute(values)) as unknown as { rows: R[] };
      return result.rows;
    },
  };
}

/**
 * The table's written columns (generated ones left out), quoted, for an explicit
 * `INSERT INTO t (…) SELECT … FROM jsonb_populate_record(set)(NULL::t, …)`: naming them keeps
 * the statement meaning what this code knows, even once a later migration adds a column.
 */
export function writtenColumns(table: Table, qualifier?: string): SQL {
  const names = Object.values(getTableColumns(table))
    .filter((column) => !column.generated)
    .map((column) => `${qualifier ? `${qualifier}.` : ''}"${column.name}"`);
  return sql.raw(names.join(', '));
}

/**
 * A row as JSON keyed by column name, for `jsonb_populate_record(NULL::table, …)` in a
 * prepared statement: one parameter carries the whole row, whatever its shape.
 */
export function rowJson<T extends Table>(table: T, row: Partial<T['$inferInsert']>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = (row as Record<string, unknown>)[key];
    if (value !== undefined) out[column.name] = value;
  }
  return out;
}
