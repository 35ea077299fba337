// A fresh, migrated database for one test file, on the engine the project runs:
// db-pglite loads the migrated snapshot; db-postgres copies the migrated template.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database } from '../../src/platform/db/database.ts';
import { openPglite } from '../../src/platform/db/pglite.ts';
import { openPostgres } from '../../src/platform/db/postgres.ts';
import { withDatabase } from './global-setup.ts';

export type TestDatabase = Database & { url?: string };

export async function testDatabase(): Promise<TestDatabase> {
  const engine = process.env.COMPTOIR_TEST_ENGINE ?? 'pglite';
  if (engine === 'pglite') {
    const snapshot = readFileSync(inject('pgliteSnapshot'));
    return openPglite({ loadDataDir: new Blob([snapshot]) });
  }
  const server = process.env.TEST_DATABASE_URL!;
  const template = inject('postgresTemplate');
  const name = `${template.replace(/_tpl$/, '')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(server, name);
  const db = await openPostgres({ url, poolSize: 5 });
  return {
    ...db,
    url,
    async close() {
      await db.close();
      const drop = new pg.Client({ connectionString: server });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => drop.end());
    },
  };
}
