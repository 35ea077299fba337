// A stored X row (x.batch.ts: one tweet or one DM, with its `for_user_id`) → the one
// SocialMessage the shared social pipeline threads into a case. Pure: the bytes in, the
// message out, or the reason it is no message for a case.
//
// Tweets (mentions, replies to us, quote tweets) are public; DMs are private. What our own
// account wrote comes back too (the tweet's user, or the DM's sender, is `for_user_id`): it is
// marked `own` and the pipeline drops it, or our replies would open cases. A retweet is not
// read at all: it reposts someone's words without a word of its own (a customer retweeting our
// announcement is no complaint, and a retweeted complaint reached us already as the original
// mention), so it is `ignored`, said why. A quote tweet has its own words: it is a message,
// answering the tweet it quotes.
import { ParseError } from '../connector.ts';
import type { SocialMedia, SocialMessage } from '../social/social.types.ts';
import { xDmRow, xTweetRow, type XEntities, type XMedia, type XTweet, type XDmEvent } from './x.payload.ts';

export type XParsed = { event: SocialMessage; ignored?: undefined } | { event?: undefined; ignored: string };

/** v1.1 tweet text escapes these three (and only these) as HTML entities. */
const unescapeTweet = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The text as the customer sees it: t.co links opened out to what they stand for, media links dropped (the media are listed). */
function readableText(text: string, entities: XEntities | null | undefined): string {
  let out = text;
  for (const u of entities?.urls ?? []) if (u.expanded_url) out = out.split(u.url).join(u.expanded_url);
  for (const m of entities?.media ?? []) out = out.split(m.url).join('');
  return out.trim();
}

/** The best MP4 of a video or GIF (X always offers one beside its HLS playlist). */
function videoOf(media: XMedia): { url: string | null; contentType: string | null } {
  const mp4 = (media.video_info?.variants ?? []).filter((v) => v.content_type === 'video/mp4').sort((a, b) => (b.bitrate ?? 0) - (a.bitrate ?? 0))[0];
  return mp4 ? { url: mp4.url, contentType: 'video/mp4' } : { url: null, contentType: null };
}

function mediaOf(items: XMedia[] | null | undefined): SocialMedia[] {
  return (items ?? []).map((m): SocialMedia => {
    if (m.type === 'photo') return { kind: 'photo', url: m.media_url_https ?? null, contentType: null };
    // An animated GIF is an MP4 loop on X.
    if (m.type === 'video' || m.type === 'animated_gif') return { kind: 'video', ...videoOf(m) };
    return { kind: 'file', url: m.media_url_https ?? null, contentType: null };
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** v1.1's "Wed Oct 10 20:19:24 +0000 2018" (always UTC), read without trusting Date's parser. */
export function parseTweetDate(createdAt: string): Date | null {
  const m = /^\w{3} (\w{3}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) \+0000 (\d{4})$/.exec(createdAt);
  const month = m ? MONTHS.indexOf(m[1]!) : -1;
  if (!m || month < 0) return null;
  return new Date(Date.UTC(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])));
}

function sentAtOf(tweet: XTweet): Date {
  if (tweet.timestamp_ms) return new Date(Number(tweet.timestamp_ms));
  const at = parseTweetDate(tweet.created_at);
  if (!at) throw new ParseError(`tweet ${tweet.id_str}: created_at "${tweet.created_at}" is not X's date format`);
  return at;
}

function tweetMessage(tweet: XTweet, forUserId: string, userHasBlocked: boolean | null | undefined): SocialMessage {
  // A long tweet arrives truncated to 140 characters; its whole text and media are beside it.
  const extended = tweet.truncated ? tweet.extended_tweet : null;
  const text = extended?.full_text ?? tweet.full_text ?? tweet.text ?? '';
  const entities = extended ? extended.entities : tweet.entities;
  const media = extended ? extended.extended_entities?.media : tweet.extended_entities?.media;
  const user = tweet.user;
  const refs = [tweet.in_reply_to_status_id_str, tweet.quoted_status_id_str].filter((id): id is string => !!id);
  return {
    kind: 'message',
    channel: 'x',
    providerId: tweet.id_str,
    audience: 'public',
    author: {
      identity: { kind: 'x', value: user.id_str },
      handle: user.screen_name,
      displayName: user.name ?? null,
      followers: user.followers_count ?? null,
      verified: user.verified ?? false,
    },
    own: user.id_str === forUserId,
    text: readableText(unescapeTweet(text), entities),
    media: mediaOf(media),
    refs,
    url: `https://x.com/${user.screen_name}/status/${tweet.id_str}`,
    sentAt: sentAtOf(tweet),
    data: {
      tweetId: tweet.id_str,
      ...(tweet.conversation_id_str ? { conversation: tweet.conversation_id_str } : {}),
      ...(tweet.quoted_status_id_str ? { quotedTweetId: tweet.quoted_status_id_str } : {}),
      // X says so on mentions from someone the account blocked: agents should know.
      ...(userHasBlocked ? { blockedByUs: true } : {}),
    },
  };
}

function dmMessage(event: XDmEvent, forUserId: string, users: Record<string, { screen_name: string; name?: string | null; followers_count?: number | null; verified?: boolean | null }>): SocialMessage {
  const create = event.message_create;
  const sender = users[create.sender_id];
  const data = create.message_data;
  return {
    kind: 'message',
    channel: 'x',
    providerId: event.id,
    audience: 'private',
    author: {
      identity: { kind: 'x', value: create.sender_id },
      handle: sender?.screen_name ?? null,
      displayName: sender?.name ?? null,
      followers: sender?.followers_count ?? null,
      verified: sender?.verified ?? false,
    },
    own: create.sender_id === forUserId,
    text: readableText(data.text, data.entities),
    media: mediaOf(data.attachment?.type === 'media' ? [data.attachment.media] : []),
    // A DM answers no message id: the pipeline threads it to the customer's open case.
    refs: [],
    url: null,
    sentAt: new Date(Number(event.created_timestamp)),
    data: { dmEventId: event.id },
  };
}

function json(raw: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // said below
  }
  throw new ParseError('not a JSON object: not a stored X event');
}

const issues = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
  error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');

/** The stored row's event. Throws ParseError (the row is kept and flagged) when it is not one X would send. */
export function parseXRow(raw: Buffer): XParsed {
  const value = json(raw);
  if ('tweet_create_events' in value) {
    const row = xTweetRow.safeParse(value);
    if (!row.success) throw new ParseError(`not a tweet X would send: ${issues(row.error)}`);
    const tweet = row.data.tweet_create_events[0];
    if (tweet.retweeted_status) {
      const of = tweet.retweeted_status.user?.screen_name ? ` by @${tweet.retweeted_status.user.screen_name}` : '';
      return { ignored: `a retweet by @${tweet.user.screen_name} of tweet ${tweet.retweeted_status.id_str}${of}: a repost without words of its own, not a message` };
    }
    return { event: tweetMessage(tweet, row.data.for_user_id, row.data.user_has_blocked) };
  }
  if ('direct_message_events' in value) {
    const row = xDmRow.safeParse(value);
    if (!row.success) throw new ParseError(`not a direct message X would send: ${issues(row.error)}`);
    return { event: dmMessage(row.data.direct_message_events[0], row.data.for_user_id, row.data.users) };
  }
  throw new ParseError('neither a tweet nor a direct message event');
}
