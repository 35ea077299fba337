// Prepares the database every integration test file starts from, once per run:
// - PGlite: a migrated data directory, dumped to a tarball each file loads (about 1 s
//   instead of creating and migrating a database per file);
// - PostgreSQL: a migrated template database on TEST_DATABASE_URL's server; each file
//   copies it (CREATE DATABASE … TEMPLATE), and everything is dropped at the end.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/platform/db/migrate.ts';
import { openPglite } from '../../src/platform/db/pglite.ts';
import { openPostgres } from '../../src/platform/db/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const engine = project.config.env?.COMPTOIR_TEST_ENGINE ?? 'pglite';
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'comptoir-pglite-'));
    const db = await openPglite({});
    await migrate(db);
    const dump = await db.client.dumpDataDir('none');
    await db.close();
    const file = join(dir, 'migrated.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteSnapshot', file);
    project.provide('postgresTemplate', '');
    return () => rmSync(dir, { recursive: true, force: true });
  }

  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('db-postgres tests need TEST_DATABASE_URL');
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL is set but PostgreSQL cannot be reached (${url}): ${(error as Error).message}`);
  }
  const run = `comptoir_t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const template = `${run}_tpl`;
  await admin.query(`CREATE DATABASE ${template}`);
  const db = await openPostgres({ url: withDatabase(url, template), poolSize: 2 });
  await migrate(db);
  await db.close();
  project.provide('postgresTemplate', template);
  project.provide('pgliteSnapshot', '');
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${run}%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
