// Stored X rows → SocialMessages, with v1.1 payloads as the Account Activity API sends them.
import { describe, expect, it } from 'vitest';
import { ParseError } from '../connector.ts';
import { splitDelivery } from './x.batch.ts';
import { xDelivery } from './x.payload.ts';
import { parseTweetDate, parseXRow } from './x.parse.ts';

const BRAND = '1400000000000000001';
const CUSTOMER = '2244994945';

const customer = {
  id: 2244994945,
  id_str: CUSTOMER,
  name: 'Camille Léger',
  screen_name: 'camille_lgr',
  location: 'Nantes',
  followers_count: 1532,
  friends_count: 311,
  verified: false,
  created_at: 'Sat Dec 14 04:35:55 +0000 2013',
  profile_image_url_https: 'https://pbs.twimg.com/profile_images/1/photo_normal.jpg',
};
const brand = { id: 1400000000000000001, id_str: BRAND, name: 'Jardin & Maison', screen_name: 'JardinMaison', followers_count: 48210, verified: true };

/** A mention as X delivers it (short, not truncated). */
const mention = {
  created_at: 'Mon Mar 02 09:14:05 +0000 2026',
  id: 1764000000000000001,
  id_str: '1764000000000000001',
  text: '@JardinMaison ma tondeuse TX-40 &amp; son bac ne démarrent plus &gt;:( https://t.co/AbCdEf12',
  display_text_range: [0, 71],
  source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
  truncated: false,
  in_reply_to_status_id: null,
  in_reply_to_status_id_str: null,
  in_reply_to_user_id: 1400000000000000001,
  in_reply_to_user_id_str: BRAND,
  in_reply_to_screen_name: 'JardinMaison',
  user: customer,
  is_quote_status: false,
  quote_count: 0,
  reply_count: 0,
  retweet_count: 0,
  favorite_count: 0,
  entities: {
    hashtags: [],
    urls: [],
    user_mentions: [{ screen_name: 'JardinMaison', name: 'Jardin & Maison', id: 1400000000000000001, id_str: BRAND, indices: [0, 13] }],
    symbols: [],
    media: [{ id_str: '1764000000000000101', url: 'https://t.co/AbCdEf12', type: 'photo', indices: [72, 95] }],
  },
  extended_entities: {
    media: [
      { id_str: '1764000000000000101', type: 'photo', url: 'https://t.co/AbCdEf12', media_url_https: 'https://pbs.twimg.com/media/GHtx1.jpg' },
      { id_str: '1764000000000000102', type: 'photo', url: 'https://t.co/AbCdEf12', media_url_https: 'https://pbs.twimg.com/media/GHtx2.jpg' },
    ],
  },
  favorited: false,
  retweeted: false,
  filter_level: 'low',
  lang: 'fr',
  timestamp_ms: '1772442845000',
};

const longText =
  '@JardinMaison Commande JM-2026-0412 livrée hier : le carton était éventré et la scie sauteuse ne fonctionne pas. ' +
  'J’ai appelé deux fois sans réponse, voir https://t.co/Zz9 — je veux un échange ou un remboursement cette semaine.';

/** A long tweet: truncated to 140 characters, the whole text and media in extended_tweet. */
const truncated = {
  ...mention,
  id_str: '1764000000000000002',
  text: `${longText.slice(0, 118)}… https://t.co/Trunc01`,
  truncated: true,
  entities: { hashtags: [], urls: [{ url: 'https://t.co/Trunc01', expanded_url: 'https://twitter.com/i/web/status/1764000000000000002', indices: [120, 143] }], user_mentions: [] },
  extended_entities: undefined,
  extended_tweet: {
    full_text: `${longText} https://t.co/Vid01`,
    display_text_range: [0, 228],
    entities: {
      urls: [{ url: 'https://t.co/Zz9', expanded_url: 'https://www.jardin-maison.fr/suivi/JM-2026-0412', display_url: 'jardin-maison.fr/suivi/JM-2026…' }],
      media: [{ url: 'https://t.co/Vid01', type: 'video' }],
    },
    extended_entities: {
      media: [
        {
          type: 'video',
          url: 'https://t.co/Vid01',
          media_url_https: 'https://pbs.twimg.com/ext_tw_video_thumb/1/pu/img/thumb.jpg',
          video_info: {
            aspect_ratio: [16, 9],
            duration_millis: 12000,
            variants: [
              { content_type: 'application/x-mpegURL', url: 'https://video.twimg.com/ext_tw_video/1/pu/pl/playlist.m3u8' },
              { bitrate: 832000, content_type: 'video/mp4', url: 'https://video.twimg.com/ext_tw_video/1/pu/vid/640x360/low.mp4' },
              { bitrate: 2176000, content_type: 'video/mp4', url: 'https://video.twimg.com/ext_tw_video/1/pu/vid/1280x720/high.mp4' },
            ],
          },
        },
        {
          type: 'animated_gif',
          url: 'https://t.co/Vid01',
          media_url_https: 'https://pbs.twimg.com/tweet_video_thumb/gif.jpg',
          video_info: { variants: [{ bitrate: 0, content_type: 'video/mp4', url: 'https://video.twimg.com/tweet_video/gif.mp4' }] },
        },
      ],
    },
  },
};

const row = (value: unknown) => Buffer.from(JSON.stringify(value));
const tweetRow = (tweet: unknown, extra: Record<string, unknown> = {}) => row({ for_user_id: BRAND, ...extra, tweet_create_events: [tweet] });

/** A DM as X delivers it, with the users it names. */
const dmDelivery = (senderId: string, recipientId: string, messageData: Record<string, unknown>) => ({
  for_user_id: BRAND,
  direct_message_events: [
    {
      type: 'message_create',
      id: '954491830116155396',
      created_timestamp: '1772443000557',
      message_create: { target: { recipient_id: recipientId }, sender_id: senderId, source_app_id: '268278', message_data: messageData },
    },
  ],
  users: {
    [CUSTOMER]: { id: CUSTOMER, created_timestamp: '1386995755000', name: 'Camille Léger', screen_name: 'camille_lgr', protected: false, verified: false, followers_count: 1532, friends_count: 311, statuses_count: 4120 },
    [BRAND]: { id: BRAND, created_timestamp: '1617000000000', name: 'Jardin & Maison', screen_name: 'JardinMaison', protected: false, verified: true, followers_count: 48210 },
  },
});

describe('tweets', () => {
  it('reads a mention: public, the author by X user id with handle, followers and badge, the photos, the link on x.com', () => {
    expect(parseXRow(tweetRow(mention))).toEqual({
      event: {
        kind: 'message',
        channel: 'x',
        providerId: '1764000000000000001',
        audience: 'public',
        author: { identity: { kind: 'x', value: CUSTOMER }, handle: 'camille_lgr', displayName: 'Camille Léger', followers: 1532, verified: false },
        own: false,
        // &amp; and &gt; unescaped; the t.co link of the photos dropped (they are listed).
        text: '@JardinMaison ma tondeuse TX-40 & son bac ne démarrent plus >:(',
        media: [
          { kind: 'photo', url: 'https://pbs.twimg.com/media/GHtx1.jpg', contentType: null },
          { kind: 'photo', url: 'https://pbs.twimg.com/media/GHtx2.jpg', contentType: null },
        ],
        refs: [],
        url: 'https://x.com/camille_lgr/status/1764000000000000001',
        sentAt: new Date('2026-03-02T09:14:05.000Z'),
        data: { tweetId: '1764000000000000001' },
      },
    });
  });

  it('reads a truncated tweet’s whole text, its links opened out, and its video and GIF as MP4s', () => {
    const { event } = parseXRow(tweetRow(truncated));
    expect(event?.text).toBe(
      '@JardinMaison Commande JM-2026-0412 livrée hier : le carton était éventré et la scie sauteuse ne fonctionne pas. ' +
        'J’ai appelé deux fois sans réponse, voir https://www.jardin-maison.fr/suivi/JM-2026-0412 — je veux un échange ou un remboursement cette semaine.',
    );
    expect(event?.media).toEqual([
      { kind: 'video', url: 'https://video.twimg.com/ext_tw_video/1/pu/vid/1280x720/high.mp4', contentType: 'video/mp4' },
      { kind: 'video', url: 'https://video.twimg.com/tweet_video/gif.mp4', contentType: 'video/mp4' },
    ]);
  });

  it('names the tweet a reply answers, then the one it quotes, nearest first', () => {
    const reply = { ...mention, id_str: '1764000000000000003', in_reply_to_status_id_str: '1763999999999999990', extended_entities: undefined, entities: {} };
    expect(parseXRow(tweetRow(reply)).event).toMatchObject({ refs: ['1763999999999999990'], data: { tweetId: '1764000000000000003' } });
    const quote = {
      ...mention,
      id_str: '1764000000000000004',
      text: 'Toujours rien reçu, @JardinMaison 👀 https://t.co/Quote1',
      in_reply_to_user_id_str: null,
      is_quote_status: true,
      quoted_status_id_str: '1763000000000000000',
      quoted_status: { id_str: '1763000000000000000', text: 'Nos nouveautés de printemps !', user: brand },
      entities: { urls: [{ url: 'https://t.co/Quote1', expanded_url: 'https://twitter.com/JardinMaison/status/1763000000000000000' }] },
      extended_entities: undefined,
    };
    expect(parseXRow(tweetRow(quote)).event).toMatchObject({
      own: false,
      text: 'Toujours rien reçu, @JardinMaison 👀 https://twitter.com/JardinMaison/status/1763000000000000000',
      refs: ['1763000000000000000'],
      data: { tweetId: '1764000000000000004', quotedTweetId: '1763000000000000000' },
    });
    const both = { ...quote, in_reply_to_status_id_str: '1763999999999999990' };
    expect(parseXRow(tweetRow(both)).event?.refs).toEqual(['1763999999999999990', '1763000000000000000']);
  });

  it('marks our own tweets (the account’s user wrote it) so the pipeline drops them', () => {
    const ours = { ...mention, id_str: '1764000000000000005', text: '@camille_lgr Bonjour Camille, nous vous écrivons en message privé.', user: brand, in_reply_to_status_id_str: '1764000000000000001', entities: {}, extended_entities: undefined };
    expect(parseXRow(tweetRow(ours)).event).toMatchObject({ own: true, author: { identity: { kind: 'x', value: BRAND }, handle: 'JardinMaison', verified: true, followers: 48210 } });
  });

  it('ignores a retweet, ours or of ours, saying why: a repost has no words of its own', () => {
    const retweet = {
      ...mention,
      id_str: '1764000000000000006',
      text: 'RT @JardinMaison: Nos nouveautés de printemps !',
      retweeted_status: { id_str: '1763000000000000000', text: 'Nos nouveautés de printemps !', user: brand },
      entities: {},
      extended_entities: undefined,
    };
    expect(parseXRow(tweetRow(retweet))).toEqual({
      ignored: 'a retweet by @camille_lgr of tweet 1763000000000000000 by @JardinMaison: a repost without words of its own, not a message',
    });
  });

  it('keeps the v2 conversation id when the payload has one, and says when the author is someone we blocked', () => {
    const enriched = { ...mention, conversation_id_str: '1763999999999999990', extended_entities: undefined, entities: {} };
    expect(parseXRow(tweetRow(enriched, { user_has_blocked: true })).event?.data).toEqual({ tweetId: '1764000000000000001', conversation: '1763999999999999990', blockedByUs: true });
    expect(parseXRow(tweetRow(enriched, { user_has_blocked: false })).event?.data).toEqual({ tweetId: '1764000000000000001', conversation: '1763999999999999990' });
  });

  it('reads the date from created_at when timestamp_ms is missing, and the text of an extended-mode tweet', () => {
    const { timestamp_ms: _, text: __, ...rest } = mention;
    const event = parseXRow(tweetRow({ ...rest, full_text: 'Bonjour &lt;3', entities: {}, extended_entities: undefined })).event!;
    expect(event.sentAt).toEqual(new Date('2026-03-02T09:14:05.000Z'));
    expect(event.text).toBe('Bonjour <3');
    expect(parseTweetDate('Wed Oct 10 20:19:24 +0000 2018')).toEqual(new Date('2018-10-10T20:19:24.000Z'));
    expect(parseTweetDate('2018-10-10T20:19:24Z')).toBeNull();
    expect(() => parseXRow(tweetRow({ ...rest, created_at: 'yesterday' }))).toThrow(ParseError);
  });
});

describe('direct messages', () => {
  it('reads a DM from a customer: private, the sender from the users map, no refs, the DM event id', () => {
    const delivery = dmDelivery(CUSTOMER, BRAND, { text: 'Bonjour, voici ma facture : https://t.co/Fac1', entities: { hashtags: [], symbols: [], user_mentions: [], urls: [{ url: 'https://t.co/Fac1', expanded_url: 'https://exemple.fr/facture.pdf' }] } });
    expect(parseXRow(row(delivery))).toEqual({
      event: {
        kind: 'message',
        channel: 'x',
        providerId: '954491830116155396',
        audience: 'private',
        author: { identity: { kind: 'x', value: CUSTOMER }, handle: 'camille_lgr', displayName: 'Camille Léger', followers: 1532, verified: false },
        own: false,
        text: 'Bonjour, voici ma facture : https://exemple.fr/facture.pdf',
        media: [],
        refs: [],
        url: null,
        sentAt: new Date(1772443000557),
        data: { dmEventId: '954491830116155396' },
      },
    });
  });

  it('reads a DM’s photo, and marks a DM our account sent as own', () => {
    const photo = dmDelivery(CUSTOMER, BRAND, {
      text: 'La pièce cassée https://t.co/Pic1',
      entities: { urls: [], media: [{ url: 'https://t.co/Pic1' }] },
      attachment: { type: 'media', media: { id_str: '9544918', type: 'photo', url: 'https://t.co/Pic1', media_url_https: 'https://ton.twitter.com/1.1/ton/data/dm/954491830116155396/9544918/piece.jpg' } },
    });
    expect(parseXRow(row(photo)).event).toMatchObject({ text: 'La pièce cassée', media: [{ kind: 'photo', url: 'https://ton.twitter.com/1.1/ton/data/dm/954491830116155396/9544918/piece.jpg', contentType: null }] });
    const ours = dmDelivery(BRAND, CUSTOMER, { text: 'Bonjour Camille, pouvez-vous nous donner votre numéro de commande ?' });
    expect(parseXRow(row(ours)).event).toMatchObject({ own: true, author: { identity: { value: BRAND }, handle: 'JardinMaison' } });
  });

  it('reads a DM whose sender the users map does not name, with what it knows', () => {
    const { users: _, ...bare } = dmDelivery(CUSTOMER, BRAND, { text: 'Allô ?' });
    expect(parseXRow(row(bare)).event?.author).toEqual({ identity: { kind: 'x', value: CUSTOMER }, handle: null, displayName: null, followers: null, verified: false });
  });
});

describe('rows that are not X events', () => {
  it('throws a ParseError naming what is wrong, so the row is kept and flagged', () => {
    expect(() => parseXRow(Buffer.from('not json'))).toThrow(ParseError);
    expect(() => parseXRow(row([1, 2]))).toThrow('not a JSON object');
    expect(() => parseXRow(row({ for_user_id: BRAND, favorite_events: [] }))).toThrow('neither a tweet nor a direct message event');
    expect(() => parseXRow(tweetRow({ ...mention, user: { id_str: CUSTOMER } }))).toThrow(/not a tweet X would send: tweet_create_events\.0\.user\.screen_name/);
    expect(() => parseXRow(row({ ...dmDelivery(CUSTOMER, BRAND, { text: 'x' }), for_user_id: 'me' }))).toThrow(/not a direct message X would send: for_user_id/);
  });
});

describe('splitting a delivery into rows', () => {
  const split = (delivery: unknown) => splitDelivery(xDelivery.parse(delivery), BRAND);

  it('stores each tweet and each DM alone, keyed tweet:<id> and dm:<id>, each row readable by itself', () => {
    const dms = dmDelivery(CUSTOMER, BRAND, { text: 'Bonjour' });
    const { rows, skipped } = split({ ...dms, user_has_blocked: false, tweet_create_events: [mention, truncated] });
    expect(rows.map((r) => [r.providerId, r.summary])).toEqual([
      ['tweet:1764000000000000001', { kind: 'tweet', id: '1764000000000000001', from: 'camille_lgr' }],
      ['tweet:1764000000000000002', { kind: 'tweet', id: '1764000000000000002', from: 'camille_lgr' }],
      ['dm:954491830116155396', { kind: 'dm', id: '954491830116155396', from: 'camille_lgr' }],
    ]);
    expect(skipped).toEqual([]);
    expect(JSON.parse(rows[0]!.raw.toString())).toEqual({ for_user_id: BRAND, user_has_blocked: false, tweet_create_events: [mention] });
    expect(parseXRow(rows[1]!.raw).event?.providerId).toBe('1764000000000000002');
    const dmRow = JSON.parse(rows[2]!.raw.toString());
    expect(Object.keys(dmRow.users).sort()).toEqual([BRAND, CUSTOMER].sort());
    expect(parseXRow(rows[2]!.raw).event?.text).toBe('Bonjour');
  });

  it('keeps only the users a DM names', () => {
    const dms = dmDelivery(CUSTOMER, BRAND, { text: 'Bonjour' });
    const { rows } = split({ ...dms, users: { ...dms.users, '999': { id: '999', screen_name: 'someone_else' } } });
    expect(Object.keys(JSON.parse(rows[0]!.raw.toString()).users).sort()).toEqual([BRAND, CUSTOMER].sort());
  });

  it('acknowledges likes, follows and other events without storing them, and stores nothing for another account', () => {
    expect(split({ for_user_id: BRAND, favorite_events: [{ id: 'a', favorited_status: mention }] })).toEqual({ rows: [], skipped: ['favorite_events: not a message'] });
    expect(split({ for_user_id: BRAND, follow_events: [{}], direct_message_indicate_typing_events: [{}] }).skipped).toEqual(['follow_events: not a message', 'direct_message_indicate_typing_events: not a message']);
    const other = split({ for_user_id: '42', tweet_create_events: [mention] });
    expect(other.rows).toEqual([]);
    expect(other.skipped).toEqual([`for_user_id 42 is not this account's user ${BRAND}: nothing stored`]);
    expect(split({ for_user_id: BRAND, direct_message_events: [{ type: 'message_delete', id: '5' }] }).skipped).toEqual(['direct message event 5 of type message_delete: not a message']);
  });
});
