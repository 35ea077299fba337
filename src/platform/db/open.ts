// Opens the database the configuration names.
import type { Config } from '../config.ts';
import type { Database } from './database.ts';

// Each engine's driver is loaded only when it is the one configured: a server on PostgreSQL
// never loads PGlite (its WASM build and extensions), nor PGlite the pg pool.

export async function openDatabase(
  config: Config['database'],
  onListenerError?: (error: Error) => void,
): Promise<Database> {
  if (config.engine === 'postgres') {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres({
      url: config.url,
      poolSize: config.poolSize,
      parallelWorkers: config.parallelWorkers,
      ...(onListenerError ? { onListenerError } : {}),
    });
  }
  const { openPglite } = await import('./pglite.ts');
  return openPglite({ dataDir: config.dataDir });
}
