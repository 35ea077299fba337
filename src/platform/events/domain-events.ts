// Typed domain events, emitted explicitly by services inside their transaction. Each event
// goes (1) to the realtime hub, for screens, once the transaction commits, and (2) to the
// durable subscribers registered at start, as jobs written in the same transaction
// (transactional outbox): a subscriber never misses an event that committed and never sees
// one that rolled back.
import type { Db } from '../db/database.ts';
import type { JobType } from '../jobs/job-types.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { RealtimeHub } from './realtime.ts';

export interface DomainEventBase {
  type: string;
}

const DOMAIN_TOPIC = 'domain';

/** The events of a type (an event declared with several types belongs to each). */
type EventOf<E, T> = E extends { type: infer U } ? (T extends U ? E : never) : never;

type Subscriber<E> = { job: JobType<unknown>; toPayload: (event: E) => unknown; when: ((event: E) => boolean) | undefined };

export class DomainEvents<E extends DomainEventBase> {
  private readonly subscribers = new Map<string, Subscriber<E>[]>();
  private readonly inTransaction = new Map<string, ((db: Db, event: E) => Promise<void>)[]>();
  private readonly queue: JobQueue;
  private readonly realtime: RealtimeHub;

  constructor(queue: JobQueue, realtime: RealtimeHub) {
    this.queue = queue;
    this.realtime = realtime;
  }

  /**
   * Runs `job` for every event of `type` (only those `when` accepts, if given: a busy event
   * type then costs no job for the events a subscriber ignores), with the payload `toPayload`
   * derives from it.
   */
  on<T extends E['type'], P>(
    type: T,
    job: JobType<P>,
    toPayload: (event: EventOf<E, T>) => P,
    when?: (event: EventOf<E, T>) => boolean,
  ): this {
    const list = this.subscribers.get(type) ?? [];
    list.push({ job: job as JobType<unknown>, toPayload: toPayload as (event: E) => unknown, when: when as ((event: E) => boolean) | undefined });
    this.subscribers.set(type, list);
    return this;
  }

  /**
   * Runs `handler` inside the transaction that emits an event of `type`, before it commits:
   * for what must be written with the change itself (the acknowledgment of a new case, so it
   * leaves with no queue between it and the customer). The handler owns its failures: an error
   * it lets through rolls the change back.
   */
  within<T extends E['type']>(type: T, handler: (db: Db, event: EventOf<E, T>) => Promise<void>): this {
    const list = this.inTransaction.get(type) ?? [];
    list.push(handler as (db: Db, event: E) => Promise<void>);
    this.inTransaction.set(type, list);
    return this;
  }

  /** Emits events caused by one change: one NOTIFY for all of them, plus their jobs. */
  async emit(db: Db, ...events: E[]): Promise<void> {
    if (events.length === 0) return;
    this.realtime.publish(db, DOMAIN_TOPIC, { events });
    for (const event of events) {
      for (const handler of this.inTransaction.get(event.type) ?? []) await handler(db, event);
      for (const s of this.subscribers.get(event.type) ?? []) {
        if (s.when && !s.when(event)) continue;
        await this.queue.enqueue(db, s.job, s.toPayload(event));
      }
    }
  }

  /** Hands every committed event of this process's and other processes' changes to `fn`. */
  listen(fn: (event: E) => void): () => void {
    return this.realtime.subscribe(DOMAIN_TOPIC, (data) => {
      for (const event of (data as { events?: E[] }).events ?? []) fn(event);
    });
  }
}
