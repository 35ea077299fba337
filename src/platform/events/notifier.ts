// Batched NOTIFY. PostgreSQL serialises the commits of transactions that NOTIFY (a global
// lock held through the commit), which capped case creation at a few hundred a second. So
// domain transactions never NOTIFY themselves: after they commit, their notifications are
// buffered here and sent a few milliseconds later, many in one short transaction.
import { sql, type SQL } from 'drizzle-orm';
import { assertChannelName, type Database } from '../db/database.ts';
import type { Logger } from '../log.ts';

const FLUSH_DELAY_MS = 5;
const MAX_PER_STATEMENT = 200;

export class Notifier {
  private buffer: { channel: string; payload: string }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly database: Database;
  private readonly log: Logger;

  constructor(database: Database, log: Logger) {
    this.database = database;
    this.log = log;
  }

  notify(channel: string, payload: string): void {
    assertChannelName(channel);
    this.buffer.push({ channel, payload });
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flushing = this.flushing.then(() => this.flush());
    }, FLUSH_DELAY_MS);
  }

  /** Sends everything buffered; resolves when PostgreSQL has taken it. */
  async drain(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.flushing = this.flushing.then(() => this.flush());
    }
    await this.flushing;
  }

  private async flush(): Promise<void> {
    while (this.buffer.length) {
      const batch = this.buffer.splice(0, MAX_PER_STATEMENT);
      // Identical messages in one transaction are delivered once: drop them here already.
      const unique = [...new Map(batch.map((n) => [`${n.channel}\u0000${n.payload}`, n])).values()];
      const calls: SQL[] = unique.map((n) => sql`pg_notify(${n.channel}, ${n.payload})`);
      try {
        await this.database.db.execute(sql`SELECT ${sql.join(calls, sql`, `)}`);
      } catch (error) {
        this.log.error({ err: error, count: unique.length }, 'could not send notifications');
      }
    }
  }
}
