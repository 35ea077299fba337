// Signals meant for a few people's screens (a phone ringing for this agent), not for every
// reader of a case: published on the realtime hub after the transaction commits, and handed by
// each process to the streams of the users they name. Like every realtime message they carry
// ids and routing facts only; the screen loads the rest with its reader's permissions.
import type { Db } from '../db/database.ts';
import type { RealtimeHub } from './realtime.ts';

export const USER_SIGNAL_TOPIC = 'user_signal';

export interface UserSignal {
  /** Who should see it. */
  userIds: string[];
  /** The SSE event name, e.g. `phone.ringing`. */
  event: string;
  data: Record<string, unknown>;
}

export function signalUsers(realtime: RealtimeHub, db: Db, signal: UserSignal): void {
  if (signal.userIds.length === 0) return;
  realtime.publish(db, USER_SIGNAL_TOPIC, signal as unknown as Record<string, unknown>);
}

/** Calls `fn` with each signal naming `userId`, from this process's and every other's changes. */
export function listenForUser(realtime: RealtimeHub, userId: string, fn: (signal: UserSignal) => void): () => void {
  return realtime.subscribe(USER_SIGNAL_TOPIC, (data) => {
    const signal = data as unknown as UserSignal;
    if (Array.isArray(signal.userIds) && signal.userIds.includes(userId)) fn(signal);
  });
}
