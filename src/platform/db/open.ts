// Opens the database the configuration names.
import type { Config } from '../config.ts';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export async function openDatabase(
  config: Config['database'],
  onListenerError?: (error: Error) => void,
): Promise<Database> {
  if (config.engine === 'postgres') {
    return openPostgres({
      url: config.url,
      poolSize: config.poolSize,
      parallelWorkers: config.parallelWorkers,
      ...(onListenerError ? { onListenerError } : {}),
    });
  }
  return openPglite({ dataDir: config.dataDir });
}
