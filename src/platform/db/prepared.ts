// Named prepared statements for the queries every request runs (credentials, references,
// case creation). On PostgreSQL a named statement is parsed and planned once per connection
// instead of on every call — measured at about 40% of the database CPU of creating a case —
// and drizzle's query builder is not re-run either: the SQL is compiled once, at load.
// PGlite runs the same text with the same parameters (it has no use for the name).
import { getTableColumns, sql, type SQL, type Table } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { runCoalescable, type CoalescedForm } from './coalescing.ts';
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
 * In a `preparedEach` statement: the calls, one row each (`a.p` the call's values, `a.call` its
 * position). PostgreSQL guesses a hundred of them (there are a few): a lookup joined to them
 * may then be planned as a scan of the whole table, which on a table still small enough to make
 * that cheaper grows slower with every row. Write lookups as `LATERAL (… WHERE id = … OFFSET 0)`
 * (kept per call, by index) or `id = ANY(ARRAY(SELECT … FROM given))`.
 */
export const eachCall = sql`jsonb_array_elements(${param('calls')}::jsonb) WITH ORDINALITY AS a(p, call)`;

/** In a `preparedEach` statement: the call's value `name`, as text (cast it as the column needs). */
export function callValue(name: string): SQL {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad call value name ${name}`);
  return sql.raw(`(a.p ->> '${name}')`);
}

/**
 * A statement written for any number of callers at once: `statement` reads their values from
 * `param('calls')`, a JSON array (`jsonb_array_elements(…) WITH ORDINALITY AS a(p, call)`), and
 * returns a `call` column — the 1-based position of the call each row answers. Alone, a call is
 * an array of one; in a group commit, the calls of concurrent units go as one (coalescing.ts).
 * `keyOf`: calls that must not share a statement (an upsert of the same row) have the same key.
 */
export function preparedEach<P extends Record<string, unknown>, R>(
  name: string,
  statement: SQL,
  options: { keyOf?: (values: P) => string } = {},
): PreparedStatement<P, R> {
  const many = prepared<{ calls: string }, R & { call: number | string }>(name, statement);
  const form: CoalescedForm<P, R> = {
    keyOf: options.keyOf,
    async runMany(db, calls) {
      const rows = await many.rows(db, { calls: JSON.stringify(calls) });
      const answers: R[][] = calls.map(() => []);
      for (const { call, ...row } of rows) answers[Number(call) - 1]?.push(row as unknown as R);
      return answers;
    },
  };
  return { name, rows: (db, values) => runCoalescable(db, form, values) };
}

/**
 * A statement writing rows it returns nothing of, from `param('rows')`, a JSON array
 * (`jsonb_populate_recordset`): several callers' rows go in one statement, their arrays joined.
 */
export function preparedRows(name: string, statement: SQL): PreparedStatement<{ rows: string }, never> {
  const single = prepared<{ rows: string }, never>(name, statement);
  const form: CoalescedForm<{ rows: string }, never> = {
    async runMany(db, calls) {
      const parts = calls.map((c) => c.rows.trim().slice(1, -1).trim()).filter((part) => part.length > 0);
      if (parts.length) await single.rows(db, { rows: `[${parts.join(',')}]` });
      return calls.map(() => []);
    },
  };
  return { name, rows: (db, values) => runCoalescable(db, form, values) };
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
