// What X's Account Activity API posts to the webhook, as far as Comptoir reads it: v1.1 Tweet
// objects in `tweet_create_events`, `message_create` events in `direct_message_events` with the
// people they name in `users`. The schemas are loose (X adds fields without notice) and read
// only what the connector uses. The webhook checks the delivery's outline (`xDelivery`); each
// stored row, one event alone in the same shape (`XTweetRow`, `XDmRow`), is read in full by
// the parser.
import { z } from 'zod';

const idString = z.string().regex(/^\d{1,20}$/, 'a numeric id string');

/** A user as a v1.1 Tweet embeds it. */
export const xTweetUser = z
  .object({
    id_str: idString,
    screen_name: z.string().min(1),
    name: z.string().nullish(),
    followers_count: z.number().int().nonnegative().nullish(),
    verified: z.boolean().nullish(),
  })
  .loose();

/** A user as the `users` map of a DM delivery gives it (its id is `id`, already a string). */
export const xDmUser = z
  .object({
    id: idString,
    screen_name: z.string().min(1),
    name: z.string().nullish(),
    followers_count: z.number().int().nonnegative().nullish(),
    verified: z.boolean().nullish(),
  })
  .loose();

export const xMedia = z
  .object({
    type: z.string(),
    media_url_https: z.string().nullish(),
    /** The t.co link standing for the media at the end of the text. */
    url: z.string().nullish(),
    video_info: z
      .object({ variants: z.array(z.object({ content_type: z.string(), url: z.string(), bitrate: z.number().nullish() }).loose()) })
      .loose()
      .nullish(),
  })
  .loose();
export type XMedia = z.infer<typeof xMedia>;

export const xEntities = z
  .object({
    urls: z.array(z.object({ url: z.string(), expanded_url: z.string().nullish() }).loose()).nullish(),
    media: z.array(z.object({ url: z.string() }).loose()).nullish(),
  })
  .loose();
export type XEntities = z.infer<typeof xEntities>;

const extendedEntities = z.object({ media: z.array(xMedia) }).loose();

export const xTweet = z
  .object({
    id_str: idString,
    /** "Wed Oct 10 20:19:24 +0000 2018". */
    created_at: z.string(),
    /** Milliseconds since the epoch, as a string (the webhook's tweets carry it). */
    timestamp_ms: z.string().regex(/^\d+$/).nullish(),
    /** Up to 140 characters when `truncated`: the whole text is in extended_tweet. */
    text: z.string().nullish(),
    /** Tweets fetched in extended mode carry the whole text here instead. */
    full_text: z.string().nullish(),
    truncated: z.boolean().nullish(),
    user: xTweetUser,
    entities: xEntities.nullish(),
    extended_entities: extendedEntities.nullish(),
    extended_tweet: z.object({ full_text: z.string(), entities: xEntities.nullish(), extended_entities: extendedEntities.nullish() }).loose().nullish(),
    in_reply_to_status_id_str: idString.nullish(),
    in_reply_to_user_id_str: idString.nullish(),
    quoted_status_id_str: idString.nullish(),
    /** Present on a retweet: the tweet reposted. */
    retweeted_status: z.object({ id_str: idString, user: xTweetUser.partial().nullish() }).loose().nullish(),
    /** Only in payloads enriched with v2 fields. */
    conversation_id_str: idString.nullish(),
  })
  .loose();
export type XTweet = z.infer<typeof xTweet>;

export const xDmEvent = z
  .object({
    type: z.literal('message_create'),
    id: idString,
    created_timestamp: z.string().regex(/^\d+$/),
    message_create: z
      .object({
        target: z.object({ recipient_id: idString }).loose(),
        sender_id: idString,
        message_data: z
          .object({
            text: z.string(),
            entities: xEntities.nullish(),
            attachment: z.object({ type: z.string(), media: xMedia }).loose().nullish(),
          })
          .loose(),
      })
      .loose(),
  })
  .loose();
export type XDmEvent = z.infer<typeof xDmEvent>;

/** One stored tweet: the delivery it came in, with only this tweet. */
export const xTweetRow = z.object({ for_user_id: idString, user_has_blocked: z.boolean().nullish(), tweet_create_events: z.tuple([xTweet]) }).loose();
export type XTweetRow = z.infer<typeof xTweetRow>;

/** One stored DM: the delivery it came in, with only this event and the users it names. */
export const xDmRow = z.object({ for_user_id: idString, direct_message_events: z.tuple([xDmEvent]), users: z.record(z.string(), xDmUser).default({}) }).loose();
export type XDmRow = z.infer<typeof xDmRow>;

/**
 * A delivery as the webhook checks it before storing: whose account it is for and each
 * event's id. What an event holds is read when its row is processed (a malformed one is kept
 * and flagged there, not refused with the rest of its batch).
 */
export const xDelivery = z
  .object({
    for_user_id: idString,
    user_has_blocked: z.boolean().optional(),
    tweet_create_events: z.array(z.object({ id_str: idString }).loose()).optional(),
    direct_message_events: z.array(z.object({ id: idString, type: z.string() }).loose()).optional(),
    users: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();
export type XDelivery = z.infer<typeof xDelivery>;
