// The server engine: a node-postgres pool for queries and one dedicated connection for
// LISTEN, reconnected with backoff so realtime and job wake-ups survive a database restart.
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { assertChannelName, type Database, type Db, type NotificationHandler } from './database.ts';

export interface PostgresOptions {
  url: string;
  poolSize: number;
  /**
   * max_parallel_workers_per_gather for the pool's sessions. The application's queries are
   * short and many (inbox pages, searches, writes): starting parallel workers costs them more
   * than it saves (a search page measured 49 ms with 2 workers, 15 ms without, at 1,000,000
   * cases on 2 cores), and takes cores from concurrent requests. Undefined keeps the server's.
   */
  parallelWorkers?: number;
  onListenerError?: (error: Error) => void;
}

export async function openPostgres(options: PostgresOptions): Promise<Database & { pool: pg.Pool }> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    application_name: 'comptoir',
    // Statements issued while others are still on the wire are sent at once, not after their
    // answers: the units of a group commit (group-commit.ts) share one connection, and a
    // flush of several coalesced statements then costs one round trip, not one each.
    pipeline: true,
    ...(options.parallelWorkers !== undefined ? { options: `-c max_parallel_workers_per_gather=${options.parallelWorkers}` } : {}),
  });
  pool.on('error', (error) => options.onListenerError?.(error));
  // Fail now, with the server's message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzle({ client: pool }) as unknown as Db;
  const listener = new Listener(options.url, options.onListenerError);
  return {
    engine: 'postgres',
    db,
    pool,
    listen: (channel, handler) => listener.listen(channel, handler),
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}

class Listener {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private readonly handlers = new Map<string, Set<NotificationHandler>>();
  private closed = false;
  private readonly url: string;
  private readonly onError: ((error: Error) => void) | undefined;

  constructor(url: string, onError?: (error: Error) => void) {
    this.url = url;
    this.onError = onError;
  }

  async listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>> {
    assertChannelName(channel);
    let set = this.handlers.get(channel);
    const first = !set;
    if (!set) this.handlers.set(channel, (set = new Set()));
    set.add(handler);
    const client = await this.connect();
    if (first) await client.query(`LISTEN ${channel}`);
    return async () => {
      set.delete(handler);
      if (set.size === 0) {
        this.handlers.delete(channel);
        if (this.client && !this.closed) await this.client.query(`UNLISTEN ${channel}`).catch(() => {});
      }
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    if (client) await client.end().catch(() => {});
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'comptoir-listen' });
    client.on('notification', (msg) => {
      for (const handler of this.handlers.get(msg.channel) ?? []) handler(msg.payload ?? '');
    });
    client.on('error', (error) => {
      this.onError?.(error);
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => {});
      this.reconnect(1);
    });
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
    this.client = client;
    return client;
  }

  private reconnect(attempt: number): void {
    if (this.closed || this.handlers.size === 0) return;
    const delay = Math.min(30_000, 250 * 2 ** attempt);
    setTimeout(() => {
      this.connect().catch((error: Error) => {
        this.onError?.(error);
        this.reconnect(attempt + 1);
      });
    }, delay).unref();
  }
}
