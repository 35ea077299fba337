// Where a benchmark's database lives: a temporary PGlite data folder, or a fresh database on
// a PostgreSQL server that is dropped at the end; and a direct SQL connection to it for bulk
// generation (for PGlite only while the server is stopped: one process owns the folder).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPglite } from '../src/platform/db/pglite.ts';

export type EngineName = 'pglite' | 'postgres';

export interface SqlClient {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface BenchTarget {
  engine: EngineName;
  /** COMPTOIR_DATA_DIR for the server (also holds the secret key and, for PGlite, the data). */
  dataDir: string;
  databaseUrl: string | undefined;
  /** A direct connection for bulk SQL. */
  connect(): Promise<SqlClient>;
  /** Process ids of the PostgreSQL backends serving the database (none for PGlite). */
  backendPids(): Promise<number[]>;
  /** Cancels the queries still running on the database (PostgreSQL; none for PGlite). */
  cancelQueries(): Promise<number>;
  /** Removes the database and the data folder. */
  drop(): Promise<void>;
}

export const defaultPostgresUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

export async function provision(engine: EngineName, options: { postgresUrl: string; tag: string }): Promise<BenchTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), `comptoir-bench-${engine}-`));
  if (engine === 'pglite') {
    mkdirSync(join(dataDir, 'pglite'), { recursive: true });
    return {
      engine,
      dataDir,
      databaseUrl: undefined,
      async connect() {
        const database = await openPglite({ dataDir: join(dataDir, 'pglite') });
        return {
          query: async <T,>(text: string, params?: unknown[]) => (await database.client.query<T>(text, params)).rows,
          close: () => database.close(),
        };
      },
      backendPids: async () => [],
      cancelQueries: async () => 0,
      async drop() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  const name = `comptoir_bench_${options.tag}`;
  await withAdmin(options.postgresUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(options.postgresUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    engine,
    dataDir,
    databaseUrl,
    async connect() {
      const client = new pg.Client({ connectionString: databaseUrl, application_name: 'comptoir-bench' });
      await client.connect();
      return {
        query: async <T,>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
        close: () => client.end(),
      };
    },
    backendPids: () =>
      withAdmin(options.postgresUrl, async (admin) =>
        (await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name])).rows.map((r) => r.pid),
      ),
    cancelQueries: () =>
      withAdmin(options.postgresUrl, async (admin) => {
        const sql = `SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()`;
        return (await admin.query(sql, [name])).rowCount ?? 0;
      }),
    async drop() {
      await withAdmin(options.postgresUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url, application_name: 'comptoir-bench' });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** Server version and, for PGlite, the package version. */
export async function engineVersions(client: SqlClient, engine: EngineName): Promise<{ server: string; pglite?: string }> {
  const [row] = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  if (engine === 'postgres') return { server: row!.v };
  const file = fileURLToPath(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url));
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
  return { server: row!.v, pglite: pkg.version };
}
