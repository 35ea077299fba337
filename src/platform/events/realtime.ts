// Realtime fan-out across app processes: once the publishing transaction commits (never for
// a rollback), the message is NOTIFYed on one channel (batched, see notifier.ts); every
// process LISTENs and hands it to its local subscribers (the SSE streams it serves).
import type { Database, Db } from '../db/database.ts';
import { afterCommit } from '../db/transaction.ts';
import type { Logger } from '../log.ts';
import type { Notifier } from './notifier.ts';

export const REALTIME_CHANNEL = 'comptoir_realtime';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; messages carry ids, not bodies. */
const MAX_PAYLOAD = 7900;

export interface RealtimeMessage {
  topic: string;
  data: Record<string, unknown>;
}

type Handler = (data: Record<string, unknown>) => void;

export class RealtimeHub {
  private readonly handlers = new Map<string, Set<Handler>>();
  private unlisten: (() => Promise<void>) | undefined;
  private readonly database: Database;
  private readonly notifier: Notifier;
  private readonly log: Logger;

  constructor(database: Database, notifier: Notifier, log: Logger) {
    this.database = database;
    this.notifier = notifier;
    this.log = log;
  }

  async start(): Promise<void> {
    this.unlisten ??= await this.database.listen(REALTIME_CHANNEL, (payload) => this.dispatch(payload));
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = undefined;
  }

  /** Call inside the transaction that makes the change; sent to every process after it commits. */
  publish(db: Db, topic: string, data: Record<string, unknown>): void {
    const payload = JSON.stringify({ topic, data } satisfies RealtimeMessage);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) throw new Error(`realtime payload too large for ${topic}`);
    afterCommit(db, () => this.notifier.notify(REALTIME_CHANNEL, payload));
  }

  subscribe(topic: string, handler: Handler): () => void {
    let set = this.handlers.get(topic);
    if (!set) this.handlers.set(topic, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }

  subscriberCount(topic: string): number {
    return this.handlers.get(topic)?.size ?? 0;
  }

  private dispatch(payload: string): void {
    let message: RealtimeMessage;
    try {
      message = JSON.parse(payload) as RealtimeMessage;
    } catch {
      this.log.warn({ payload: payload.slice(0, 200) }, 'ignored malformed realtime message');
      return;
    }
    for (const handler of this.handlers.get(message.topic) ?? []) {
      try {
        handler(message.data);
      } catch (error) {
        this.log.error({ err: error, topic: message.topic }, 'realtime subscriber failed');
      }
    }
  }
}
