// The X channel end to end, against the local fake X (test/fakes/x-api.ts) acting as both the
// Account Activity sender and the API: an admin connects the brand's account, X's CRC is
// answered, signed deliveries are stored one row per tweet and DM (once, however often they
// come), forged or oversized ones are refused with nothing stored, and the connection test
// says whose token it is and which webhook to register.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeX, type FakeX } from '../../../test/fakes/x-api.ts';
import { buildBrand } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { queryRows } from '../../platform/db/database.ts';
import type { ConnectionTestDto } from '../accounts/accounts.contract.ts';
import { parseXRow } from './x.parse.ts';

const CUSTOMER = '2244994945';
let h: Harness;
let x: FakeX;
let base: string;
let admin: Client;
let brandId: string;
let accountId: string;
let webhook: string;
let tweetSeq = 0;

beforeAll(async () => {
  x = await startFakeX({ others: [{ id: '3001969357', username: 'autre_compte', name: 'Autre' }] });
  h = await startHarness({ env: { COMPTOIR_PUBLIC_URL: 'https://sav.jardin.test' } });
  base = await h.app.listen({ host: '127.0.0.1', port: 0 });
  admin = await h.userClient('admin');
  brandId = (await buildBrand(h.ctx)).id;
  const created = await admin.post('/api/v1/channel-accounts', {
    channel: 'x',
    name: 'Jardin & Maison sur X',
    address: 'JardinMaison',
    brandId,
    settings: { userId: x.brand.id, handle: '@JardinMaison', apiBaseUrl: x.url },
    secrets: { consumerSecret: x.consumerSecret, accessToken: x.tokenOf(x.brand.id) },
  });
  expect(created.statusCode, created.body).toBe(201);
  accountId = created.json().id;
  webhook = `${base}/api/v1/channels/x/${accountId}/webhook`;
});
afterAll(async () => {
  expect(x?.unexpected).toEqual([]);
  await h?.close();
  await x?.close();
});

const customerUser = { id: Number(CUSTOMER), id_str: CUSTOMER, name: 'Camille Léger', screen_name: 'camille_lgr', followers_count: 1532, verified: false };

function mention(text: string, over: Record<string, unknown> = {}) {
  const id = `17640000000001${String(++tweetSeq).padStart(5, '0')}`;
  return {
    created_at: 'Mon Mar 02 09:14:05 +0000 2026',
    id: Number(id),
    id_str: id,
    text,
    truncated: false,
    in_reply_to_status_id_str: null,
    in_reply_to_user_id_str: x.brand.id,
    in_reply_to_screen_name: 'JardinMaison',
    user: customerUser,
    entities: { hashtags: [], urls: [], user_mentions: [{ screen_name: 'JardinMaison', id_str: x.brand.id, indices: [0, 13] }] },
    lang: 'fr',
    timestamp_ms: '1772442845000',
    ...over,
  };
}

function dm(text: string, id: string, senderId = CUSTOMER) {
  return {
    type: 'message_create',
    id,
    created_timestamp: '1772443000557',
    message_create: { target: { recipient_id: senderId === CUSTOMER ? x.brand.id : CUSTOMER }, sender_id: senderId, message_data: { text, entities: { hashtags: [], symbols: [], urls: [], user_mentions: [] } } },
  };
}

const dmUsers = () => ({
  [CUSTOMER]: { id: CUSTOMER, name: 'Camille Léger', screen_name: 'camille_lgr', verified: false, followers_count: 1532 },
  [x.brand.id]: { id: x.brand.id, name: x.brand.name, screen_name: x.brand.username, verified: true, followers_count: 48210 },
});

async function storedRows(like: string) {
  return queryRows<{ provider_id: string; raw: Buffer; summary: Record<string, unknown> }>(
    h.ctx.db,
    sql`SELECT provider_id, raw, summary FROM inbound_message WHERE account_id = ${accountId} AND provider_id LIKE ${like} ORDER BY provider_id`,
  );
}

describe('connecting an X account', () => {
  it('refuses settings that are not an X account’s, naming the field', async () => {
    const res = await admin.post('/api/v1/channel-accounts', { channel: 'x', name: 'X', address: 'autre', settings: { userId: '@JardinMaison', handle: 'Jardin Maison!' }, secrets: { consumerSecret: 'short' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['secrets.accessToken', 'secrets.consumerSecret', 'settings.handle', 'settings.userId']);
  });

  it('keeps the handle without @ and the API address, and never shows the secrets', async () => {
    const res = await admin.get(`/api/v1/channel-accounts/${accountId}`);
    expect(res.json()).toMatchObject({ channel: 'x', address: 'JardinMaison', settings: { userId: x.brand.id, handle: 'JardinMaison', apiBaseUrl: x.url }, secretsSet: ['accessToken', 'consumerSecret'] });
    expect(res.body).not.toContain(x.consumerSecret);
  });
});

describe('the CRC', () => {
  it('answers X’s challenge with the token signed by the consumer secret', async () => {
    const crc = await x.crc(webhook);
    expect(crc, crc.body).toMatchObject({ ok: true, status: 200 });
  });

  it('answers an unknown account 404 and a missing token 400, as problems', async () => {
    const unknown = await x.crc(`${base}/api/v1/channels/x/019c0000-0000-7000-8000-0000000000ff/webhook`);
    expect(unknown).toMatchObject({ ok: false, status: 404 });
    const missing = await fetch(webhook);
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('deliveries', () => {
  it('stores each tweet and DM of a signed delivery once, self-contained, and acknowledges the rest without storing it', async () => {
    const tweet = mention('@JardinMaison ma tondeuse ne démarre plus');
    const payload = {
      for_user_id: x.brand.id,
      user_has_blocked: false,
      tweet_create_events: [tweet],
      direct_message_events: [dm('Bonjour, voici ma commande JM-2026-0412', '954491830116150001')],
      users: dmUsers(),
    };
    const first = await x.deliver(webhook, payload);
    expect(first.status, first.body).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ received: true, stored: 2, duplicates: 0 });
    const again = await x.deliver(webhook, payload);
    expect(JSON.parse(again.body)).toEqual({ received: true, stored: 0, duplicates: 2 });
    const liked = await x.deliver(webhook, { for_user_id: x.brand.id, favorite_events: [{ id: 'f1', favorited_status: tweet, user: customerUser }] });
    expect(JSON.parse(liked.body)).toEqual({ received: true, stored: 0, duplicates: 0 });

    const tweets = await storedRows(`tweet:${tweet.id_str}`);
    expect(tweets.map((r) => [r.provider_id, r.summary])).toEqual([[`tweet:${tweet.id_str}`, { kind: 'tweet', id: tweet.id_str, from: 'camille_lgr' }]]);
    expect(parseXRow(Buffer.from(tweets[0]!.raw)).event).toMatchObject({ providerId: tweet.id_str, audience: 'public', own: false, text: '@JardinMaison ma tondeuse ne démarre plus' });
    const dms = await storedRows('dm:954491830116150001');
    expect(dms).toHaveLength(1);
    expect(parseXRow(Buffer.from(dms[0]!.raw)).event).toMatchObject({ providerId: '954491830116150001', audience: 'private', author: { handle: 'camille_lgr' } });
  });

  it('refuses a wrong or missing signature with a 401 problem, and stores nothing', async () => {
    const forged = mention('@JardinMaison forged');
    const wrong = await x.deliver(webhook, { for_user_id: x.brand.id, tweet_create_events: [forged] }, { secret: 'not-the-consumer-secret-of-this-app' });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ status: 401, code: 'unauthenticated' });
    const unsigned = await x.deliver(webhook, { for_user_id: x.brand.id, tweet_create_events: [forged] }, { signature: null });
    expect(unsigned.status).toBe(401);
    // Signed over other bytes than those sent.
    const other = x.signed({ for_user_id: x.brand.id, tweet_create_events: [] });
    const replayed = await x.deliver(webhook, { for_user_id: x.brand.id, tweet_create_events: [forged] }, { signature: other.headers['x-twitter-webhooks-signature']! });
    expect(replayed.status).toBe(401);
    expect(await storedRows(`tweet:${forged.id_str}`)).toHaveLength(0);
    // The same, rightly signed, is stored.
    expect((await x.deliver(webhook, { for_user_id: x.brand.id, tweet_create_events: [forged] })).status).toBe(200);
    expect(await storedRows(`tweet:${forged.id_str}`)).toHaveLength(1);
  });

  it('stores nothing for a delivery that is not this account’s, a forged one or an unknown account', async () => {
    const theirs = mention('@autre_compte hello');
    const res = await x.deliver(webhook, { for_user_id: '3001969357', tweet_create_events: [theirs] });
    expect(JSON.parse(res.body)).toEqual({ received: true, stored: 0, duplicates: 0 });
    const unknown = await x.deliver(`${base}/api/v1/channels/x/019c0000-0000-7000-8000-0000000000ff/webhook`, { for_user_id: x.brand.id, tweet_create_events: [theirs] });
    expect(unknown.status).toBe(404);
    expect(await storedRows(`tweet:${theirs.id_str}`)).toHaveLength(0);
  });

  it('refuses a body over 1 MB with a 413 problem, and a signed body that is not a delivery with a 422', async () => {
    const huge = mention(`@JardinMaison ${'a'.repeat(1024 * 1024)}`);
    const res = await x.deliver(webhook, { for_user_id: x.brand.id, tweet_create_events: [huge] });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ status: 413 });
    expect(await storedRows(`tweet:${huge.id_str}`)).toHaveLength(0);
    const malformed = await x.deliver(webhook, { for_user_id: x.brand.id, tweet_create_events: [{ text: 'no id' }] });
    expect(malformed.status).toBe(422);
  });
});

describe('the connection test', () => {
  async function test(language = 'fr') {
    const res = await admin.post(`/api/v1/channel-accounts/${accountId}/test`, undefined, { 'accept-language': language });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ConnectionTestDto;
  }

  it('says whose token it is and which webhook X must call, in French and English', async () => {
    const fr = await test('fr');
    expect(fr.ok).toBe(true);
    expect(fr.checks).toEqual([
      { name: 'x_token', label: 'Jeton d’accès X', ok: true, detail: `X (${x.url}) accepte le jeton : il agit pour @JardinMaison (${x.brand.id}), le compte de la marque.` },
      { name: 'x_webhook', label: 'Webhook Account Activity', ok: true, detail: expect.stringContaining(`X doit envoyer les événements de @JardinMaison à https://sav.jardin.test/api/v1/channels/x/${accountId}/webhook`) },
    ]);
    expect(fr.checks[1]!.detail).toContain('le dernier est arrivé le');
    const en = await test('en');
    expect(en.checks[0]!.detail).toBe(`X (${x.url}) accepts the token: it acts for @JardinMaison (${x.brand.id}), the brand’s account.`);
  });

  it('fails when the token is another account’s, or refused', async () => {
    await admin.patch(`/api/v1/channel-accounts/${accountId}`, { secrets: { accessToken: x.tokenOf('3001969357') } });
    const other = await test('en');
    expect(other.ok).toBe(false);
    expect(other.checks[0]!.detail).toBe(`X (${x.url}) accepts the token, but it acts for @autre_compte (3001969357), not @JardinMaison (${x.brand.id}): answers would leave from another account.`);
    await admin.patch(`/api/v1/channel-accounts/${accountId}`, { secrets: { accessToken: 'a-token-x-has-never-issued-000' } });
    expect((await test('en')).checks[0]).toMatchObject({ ok: false, detail: `X (${x.url}) refuses the token: auth (401): Unauthorized` });
    await admin.patch(`/api/v1/channel-accounts/${accountId}`, { secrets: { accessToken: x.tokenOf(x.brand.id) } });
  });
});
