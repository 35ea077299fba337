// Answering on X against the local fake of the API v2 (test/fakes/x-api.ts): public replies,
// DMs, X's rules refused before sending, X's errors mapped, a rate-limited answer sent once
// the window resets rather than lost, and an answer whose token X refuses sent again, once,
// with a renewed one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeX, type FakeX } from '../../../test/fakes/x-api.ts';
import { ManualClock } from '../../platform/clock.ts';
import type { AccountRow } from '../connector.ts';
import { decideAfterFailure, type ProviderError } from '../provider-errors.ts';
import type { SocialOutbound } from '../social/social.types.ts';
import { tweetWeight } from './tweet-length.ts';
import { rateLimitResetOf, XClient, xError, XTokenRefused } from './x-client.ts';
import type { XTokens } from './x-token.ts';
import { sendOnX } from './x.send.ts';

const CUSTOMER = '2244994945';
const clock = new ManualClock('2026-03-02T10:00:00Z');
let x: FakeX;
let tweetCount = 0;

beforeAll(async () => {
  x = await startFakeX({ now: () => clock.now(), others: [{ id: '3001969357', username: 'autre_compte', name: 'Autre' }] });
});
afterAll(async () => {
  expect(x.unexpected).toEqual([]);
  await x.close();
});
beforeEach(() => x.setRateLimit({ limit: 100, windowSeconds: 900 }));

const account = (settings: Record<string, unknown> = {}): AccountRow => ({
  id: '019c0000-0000-7000-8000-000000000001',
  channel: 'x',
  name: 'Jardin & Maison sur X',
  address: 'JardinMaison',
  brandId: null,
  storeId: null,
  teamId: null,
  settings: { userId: x.brand.id, handle: 'JardinMaison', apiBaseUrl: x.url, ...settings },
  secretsSealed: null,
  state: 'active',
  stateDetail: null,
  stateChangedAt: null,
  cursor: {},
  createdAt: clock.now(),
  updatedAt: clock.now(),
});

/** A customer's tweet X knows, to answer. */
function customerTweet(): string {
  const id = `17640000000000${String(++tweetCount).padStart(5, '0')}`;
  x.knowTweet(id);
  return id;
}

const outbound = (over: Partial<SocialOutbound> = {}): SocialOutbound => ({
  account: account(),
  secrets: { consumerSecret: x.consumerSecret, accessToken: x.tokenOf(x.brand.id) },
  channel: 'x',
  recipient: CUSTOMER,
  audience: 'public',
  // X refuses the same text twice from one account: each answer its own.
  text: `Bonjour Camille, nous sommes désolés : écrivez-nous en privé avec votre numéro de commande (${tweetCount + 1}).`,
  replyTo: { providerId: customerTweet(), audience: 'public', data: {}, sentAt: clock.now() },
  template: null,
  now: clock.now(),
  ...over,
});
const send = (over: Partial<SocialOutbound> = {}) => sendOnX({ clock }, outbound(over));
const failure = (p: Promise<unknown>) => p.then(() => expect.unreachable(), (e: unknown) => e as ProviderError);

describe('sending on X', () => {
  it('replies in public under the customer’s tweet, with the account’s token, and returns the new tweet’s id', async () => {
    const out = outbound();
    const sent = await sendOnX({ clock }, out);
    expect(sent.providerId).toMatch(/^\d{19}$/);
    expect(x.tweets.at(-1)).toEqual({ id: sent.providerId, authorId: x.brand.id, text: out.text, inReplyTo: out.replyTo!.providerId });
  });

  it('sends a private message to the customer’s X user id, and returns the DM event id', async () => {
    const sent = await send({ audience: 'private', replyTo: null, text: 'Bonjour Camille, pouvez-vous nous donner votre numéro de commande ?' });
    expect(x.dms.at(-1)).toEqual({ dmEventId: sent.providerId, dmConversationId: expect.stringContaining(CUSTOMER), senderId: x.brand.id, participantId: CUSTOMER, text: 'Bonjour Camille, pouvez-vous nous donner votre numéro de commande ?' });
  });

  it('refuses, in words and before X sees it, a public reply over 280 characters or with no tweet to answer, and a DM over 10,000', async () => {
    const before = x.tweets.length;
    const long = await failure(send({ text: 'é'.repeat(281) }));
    expect(long).toMatchObject({ code: 'rejected', message: expect.stringContaining('at most 280 characters and this one counts 281') });
    expect(long.message).toContain('send it as a private message');
    expect(await failure(send({ text: '界'.repeat(141) }))).toMatchObject({ code: 'rejected', message: expect.stringContaining('counts 282') });
    expect(await failure(send({ replyTo: null }))).toMatchObject({ code: 'rejected', message: expect.stringContaining('no tweet from them to answer') });
    expect(await failure(send({ replyTo: { providerId: '954491830116155396', audience: 'private', data: {}, sentAt: clock.now() } }))).toMatchObject({ code: 'rejected' });
    expect(await failure(send({ audience: 'private', text: 'a'.repeat(10_001) }))).toMatchObject({ code: 'rejected', message: expect.stringContaining('at most 10,000 characters and this one has 10,001') });
    expect(await failure(send({ audience: 'private', recipient: 'camille_lgr' }))).toMatchObject({ code: 'rejected', message: expect.stringContaining('not an X user id') });
    expect(x.tweets.length).toBe(before);
  });

  it('sends a reply of 280 as X counts it: a long link weighs 23', async () => {
    const link = `https://www.jardin-maison.fr/suivi/${'x'.repeat(120)}`;
    const text = `${'a'.repeat(256)} ${link}`;
    expect(tweetWeight(text)).toBe(280);
    await send({ text });
    expect(x.tweets.at(-1)?.text).toBe(text);
  });

  it('maps X’s refusals: a bad token is auth, a duplicate or a vanished tweet is rejected, 503 and no answer are temporary', async () => {
    expect(await failure(send({ secrets: { accessToken: 'not-a-token-x-knows-of-at-all' } }))).toMatchObject({ code: 'auth', providerCode: '401' });
    const first = outbound({ text: 'Nous revenons vers vous très vite.' });
    await sendOnX({ clock }, first);
    expect(await failure(sendOnX({ clock }, first))).toMatchObject({ code: 'rejected', providerCode: '403', message: 'You are not allowed to create a Tweet with duplicate content.' });
    expect(await failure(send({ replyTo: { providerId: '1111111111111111111', audience: 'public', data: {}, sentAt: clock.now() } }))).toMatchObject({
      code: 'rejected',
      message: 'You attempted to reply to a Tweet that is deleted or not visible to you.',
    });
    x.failNext('server_error');
    expect(await failure(send())).toMatchObject({ code: 'temporary', providerCode: '503' });
    expect(await failure(send({ account: account({ apiBaseUrl: 'http://127.0.0.1:1' }) }))).toMatchObject({ code: 'temporary', message: expect.stringContaining('X unreachable') });
    expect(await failure(send({ secrets: {} }))).toMatchObject({ code: 'auth', message: expect.stringContaining('no access token') });
    expect(await failure(send({ account: { ...account(), settings: {} } }))).toMatchObject({ code: 'not_configured' });
  });

  it('holds a rate-limited answer until X’s window resets, then sends it once: never dropped', async () => {
    x.setRateLimit({ limit: 2, windowSeconds: 900 });
    await send();
    await send();
    const sentBefore = x.tweets.length;
    const out = outbound({ text: 'Une réponse qui attendra la fin de la fenêtre.' });
    const limited = await failure(sendOnX({ clock }, out));
    expect(limited).toMatchObject({ code: 'temporary', providerCode: '429' });
    // The window opened at the first call: it resets 900 s later, to the second.
    const reset = new Date(Math.floor(clock.now().getTime() / 1000) * 1000 + 900_000);
    expect(limited.retryAt).toEqual(reset);
    expect(decideAfterFailure(limited, 1, 6)).toEqual({ action: 'retry_at', at: reset, detail: expect.stringContaining('X rate limit') });
    expect(x.tweets.length).toBe(sentBefore);
    // The DM endpoint is counted apart.
    await send({ audience: 'private', replyTo: null, text: 'En privé, ça passe.' });

    clock.advance(60_000);
    expect((await failure(sendOnX({ clock }, out))).retryAt).toEqual(reset);
    clock.set(reset);
    const sent = await sendOnX({ clock }, out);
    expect(x.tweets.at(-1)).toMatchObject({ id: sent.providerId, text: 'Une réponse qui attendra la fin de la fenêtre.' });
    expect(x.tweets.filter((t) => t.text === out.text)).toHaveLength(1);
    expect(x.limited).toEqual(['POST /2/tweets', 'POST /2/tweets']);
  });

  it('tells who the token speaks for', async () => {
    expect(await new XClient({ apiBaseUrl: x.url, accessToken: x.tokenOf('3001969357') }).me()).toEqual({ id: '3001969357', username: 'autre_compte', name: 'Autre' });
  });
});

describe('sending with a token X refuses', () => {
  /** Tokens handed out in turn by `renewed`, and the tokens it was told X refused. */
  function tokens(first: string, next: string[]): XTokens & { refused: string[] } {
    const refused: string[] = [];
    return { refused, renewable: true, current: async () => first, renewed: async (t) => (refused.push(t), next.shift() ?? expect.unreachable()) };
  }

  it('renews the token X refused and sends once more with the new one', async () => {
    const stale = x.authorize(x.brand.id);
    x.expire(stale.accessToken);
    const fresh = x.authorize(x.brand.id);
    const source = tokens(stale.accessToken, [fresh.accessToken]);
    const sent = await sendOnX({ clock }, outbound(), source);
    expect(source.refused).toEqual([stale.accessToken]);
    expect(x.tweets.at(-1)).toMatchObject({ id: sent.providerId, authorId: x.brand.id });
  });

  it('gives up after one renewal when X refuses the new token too, and renews for no other refusal', async () => {
    const stale = x.authorize(x.brand.id);
    const renewed = x.authorize(x.brand.id);
    x.expire(stale.accessToken);
    x.expire(renewed.accessToken);
    const source = tokens(stale.accessToken, [renewed.accessToken]);
    expect(await failure(sendOnX({ clock }, outbound(), source))).toBeInstanceOf(XTokenRefused);
    expect(source.refused).toEqual([stale.accessToken]);

    const live = x.authorize(x.brand.id);
    const duplicate = outbound({ text: 'Un doublon, refusé la seconde fois.' });
    await sendOnX({ clock }, duplicate, tokens(live.accessToken, []));
    const again = tokens(live.accessToken, []);
    expect(await failure(sendOnX({ clock }, duplicate, again))).toMatchObject({ code: 'rejected', providerCode: '403' });
    expect(again.refused).toEqual([]);
  });
});

describe('X’s answers read', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  const headers = (h: Record<string, string>) => new Headers(h);

  it('comes back when the spent window resets: 15 minutes, or the user’s or app’s 24 hours', () => {
    expect(rateLimitResetOf(headers({ 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '1772446500' }), now)).toEqual(new Date(1772446500_000));
    const daily = { 'x-rate-limit-remaining': '97', 'x-rate-limit-reset': '1772446500', 'x-user-limit-24hour-remaining': '0', 'x-user-limit-24hour-reset': '1772520000', 'x-app-limit-24hour-remaining': '14000', 'x-app-limit-24hour-reset': '1772530000' };
    expect(rateLimitResetOf(headers(daily), now)).toEqual(new Date(1772520000_000));
    expect(rateLimitResetOf(headers({ 'x-rate-limit-reset': '1772446500' }), now)).toEqual(new Date(1772446500_000));
    expect(rateLimitResetOf(headers({}), now)).toBeNull();
    // A reset already past still waits a second.
    expect(rateLimitResetOf(headers({ 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '1000' }), now)).toEqual(new Date(now.getTime() + 1000));
  });

  it('maps statuses and X’s words to provider codes', () => {
    const h = headers({});
    const invalid = {
      errors: [{ parameters: { participant_id: ['abc'] }, message: 'The `participant_id` query parameter value [abc] is not valid' }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    };
    expect(xError(400, invalid, h, now)).toMatchObject({ code: 'rejected', providerCode: 'invalid-request', message: 'The `participant_id` query parameter value [abc] is not valid' });
    const enrolment = { title: 'Client Forbidden', detail: 'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.', type: 'https://api.twitter.com/2/problems/client-forbidden', reason: 'client-not-enrolled' };
    expect(xError(403, enrolment, h, now)).toMatchObject({ code: 'auth', providerCode: 'client-forbidden' });
    expect(xError(403, { errors: [{ code: 187, message: 'Status is a duplicate.' }] }, h, now)).toMatchObject({ code: 'rejected', providerCode: '187' });
    expect(xError(403, { title: 'Forbidden', type: 'about:blank', detail: 'Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.' }, h, now)).toMatchObject({ code: 'rejected' });
    expect(xError(404, null, h, now)).toMatchObject({ code: 'not_found', message: 'HTTP 404' });
    expect(xError(500, null, h, now)).toMatchObject({ code: 'temporary' });
    expect(xError(429, { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank' }, h, now)).toMatchObject({ code: 'temporary', retryAt: null });
  });

  it('weighs a tweet as twitter-text does: accents 1, CJK 2, an emoji 2 whatever its code points, a link 23', () => {
    expect(tweetWeight('Réparé ✔')).toBe(9);
    expect(tweetWeight('修理')).toBe(4);
    expect(tweetWeight('Merci 👍🏽')).toBe(8);
    expect(tweetWeight('👨‍👩‍👧')).toBe(2);
    expect(tweetWeight('🇫🇷')).toBe(2);
    expect(tweetWeight('e\u0301')).toBe(1);
    expect(tweetWeight('voir https://exemple.fr/a et http://b.fr')).toBe(5 + 23 + 4 + 23);
    // The typographic apostrophe is in a light range, the ellipsis (U+2026) is not.
    expect(tweetWeight('l’équipe…')).toBe(10);
  });
});
