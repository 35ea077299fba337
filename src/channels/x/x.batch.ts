// One Account Activity delivery → one row to store per tweet and per DM. Each row is the
// delivery X would have sent for that event alone (its `for_user_id`, and for a DM the `users`
// entries of its sender and recipient), so a stored row reads by itself, long after the rest
// of its batch. Storage ids are prefixed (`tweet:<id>`, `dm:<id>`): tweets and DM events are
// numbered apart by X, and a replayed delivery must find the same rows.
import type { XDelivery } from './x.payload.ts';

export interface XRowToStore {
  providerId: string;
  raw: Buffer;
  summary: Record<string, unknown>;
}

export interface XBatch {
  rows: XRowToStore[];
  /** Why a part of the delivery was not stored (other kinds of events, another account's events). */
  skipped: string[];
}

/** The event kinds Comptoir reads; every other `*_events` key is acknowledged and not stored. */
const READ = new Set(['tweet_create_events', 'direct_message_events']);

export const tweetStorageId = (tweetId: string) => `tweet:${tweetId}`;
export const dmStorageId = (dmEventId: string) => `dm:${dmEventId}`;

const screenName = (user: unknown): string | null => {
  const name = (user as { screen_name?: unknown } | null | undefined)?.screen_name;
  return typeof name === 'string' ? name : null;
};

export function splitDelivery(delivery: XDelivery, accountUserId: string): XBatch {
  const skipped: string[] = [];
  // Likes, follows, blocks, typing indicators, read receipts, deletions: not messages from
  // a customer, nothing for a case. X is answered 200 for them all the same, or it retries.
  for (const key of Object.keys(delivery)) {
    if (key.endsWith('_events') && !READ.has(key)) skipped.push(`${key}: not a message`);
  }
  if (delivery.for_user_id !== accountUserId) {
    // A webhook receives the events of every user subscribed to it; this URL is this account's.
    skipped.push(`for_user_id ${delivery.for_user_id} is not this account's user ${accountUserId}: nothing stored`);
    return { rows: [], skipped };
  }
  const rows: XRowToStore[] = [];
  for (const tweet of delivery.tweet_create_events ?? []) {
    const alone = {
      for_user_id: delivery.for_user_id,
      ...(delivery.user_has_blocked !== undefined ? { user_has_blocked: delivery.user_has_blocked } : {}),
      tweet_create_events: [tweet],
    };
    rows.push({
      providerId: tweetStorageId(tweet.id_str),
      raw: Buffer.from(JSON.stringify(alone)),
      summary: { kind: 'tweet', id: tweet.id_str, from: screenName(tweet.user) },
    });
  }
  for (const event of delivery.direct_message_events ?? []) {
    if (event.type !== 'message_create') {
      skipped.push(`direct message event ${event.id} of type ${event.type}: not a message`);
      continue;
    }
    const create = (event.message_create ?? {}) as { sender_id?: unknown; target?: { recipient_id?: unknown } };
    const named = [create.sender_id, create.target?.recipient_id].filter((id): id is string => typeof id === 'string');
    const users = Object.fromEntries(named.filter((id) => delivery.users?.[id] !== undefined).map((id) => [id, delivery.users![id]]));
    const alone = { for_user_id: delivery.for_user_id, direct_message_events: [event], users };
    rows.push({
      providerId: dmStorageId(event.id),
      raw: Buffer.from(JSON.stringify(alone)),
      summary: { kind: 'dm', id: event.id, from: typeof create.sender_id === 'string' ? screenName(users[create.sender_id]) : null },
    });
  }
  return { rows, skipped };
}
