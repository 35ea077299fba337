// The embedded engine: PGlite with the extensions our migrations use, in a data folder
// guarded by a lock file, because two processes writing one PGlite folder corrupt it.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle } from 'drizzle-orm/pglite';
import { assertChannelName, type Database, type Db } from './database.ts';

export const pgliteExtensions = { pg_trgm, unaccent };

export interface PgliteOptions {
  /** Folder for the data; undefined keeps everything in memory (tests). */
  dataDir?: string;
  /** A tarball from PGlite.dumpDataDir to start from (tests start from a migrated snapshot). */
  loadDataDir?: Blob;
}

export async function openPglite(options: PgliteOptions): Promise<Database & { client: PGlite }> {
  let releaseLock = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    releaseLock = acquireLock(join(options.dataDir, '..', 'pglite.lock'));
  }
  const client = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: pgliteExtensions,
  });
  try {
    await client.waitReady;
  } catch (error) {
    releaseLock();
    throw error;
  }
  const db = drizzle({ client }) as unknown as Db;
  return {
    engine: 'pglite',
    db,
    client,
    async listen(channel, handler) {
      assertChannelName(channel);
      const unlisten = await client.listen(channel, handler);
      return async () => unlisten();
    },
    async close() {
      try {
        await client.close();
      } finally {
        releaseLock();
      }
    },
  };
}

/** An exclusive lock file holding our pid; a stale lock (dead pid) is taken over. */
function acquireLock(file: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `The embedded database is in use by process ${pid} (${file}). ` +
            'Stop that Comptoir first, or use PostgreSQL (DATABASE_URL) to run several processes.',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${file}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
