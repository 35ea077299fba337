// The X channel end to end, against the local fake X (test/fakes/x-api.ts) acting as both the
// Account Activity sender and the API: an admin connects the brand's account, X's CRC is
// answered, signed deliveries are stored one row per tweet and DM (once, however often they
// come), forged or oversized ones are refused with nothing stored, and the connection test
// says whose token it is and which webhook to register.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeX, type FakeX } from '../../../test/fakes/x-api.ts';
import { buildBrand, buildTeam } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { connectXAccount } from '../../../test/support/x-account.ts';
import { queryRows } from '../../platform/db/database.ts';
import type { ConnectionTestDto } from '../accounts/accounts.contract.ts';
import { parseXRow } from './x.parse.ts';

const CUSTOMER = '2244994945';
let h: Harness;
let x: FakeX;
let base: string;
let admin: Client;
let agent: Client;
let brandId: string;
let accountId: string;
let webhook: string;
let tweetSeq = 0;

beforeAll(async () => {
  x = await startFakeX({ others: [{ id: '3001969357', username: 'autre_compte', name: 'Autre' }] });
  h = await startHarness({ env: { COMPTOIR_PUBLIC_URL: 'https://sav.jardin.test' } });
  base = await h.app.listen({ host: '127.0.0.1', port: 0 });
  admin = await h.userClient('admin');
  agent = await h.userClient('agent', { name: 'Inès Community' });
  brandId = (await buildBrand(h.ctx)).id;
  const team = await buildTeam(h.ctx, { memberIds: [agent.userId] });
  accountId = await connectXAccount(admin, x, { brandId, teamId: team.id });
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

/** A DM from a customer to the brand. */
function dm(text: string, id: string, senderId = CUSTOMER) {
  return {
    type: 'message_create',
    id,
    created_timestamp: '1772443000557',
    message_create: { target: { recipient_id: x.brand.id }, sender_id: senderId, message_data: { text, entities: { hashtags: [], symbols: [], urls: [], user_mentions: [] } } },
  };
}

const dmUsers = (sender: { id_str: string; name: string; screen_name: string; followers_count: number } = customerUser) => ({
  [sender.id_str]: { id: sender.id_str, name: sender.name, screen_name: sender.screen_name, verified: false, followers_count: sender.followers_count },
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

/** How the inbound job ended the stored row of this tweet or DM. */
async function outcomeOf(providerId: string) {
  await h.worker.drain();
  const [row] = await queryRows<{ state: string; case_id: string | null; detail: string | null }>(
    h.ctx.db,
    sql`SELECT state, case_id, detail FROM inbound_message WHERE account_id = ${accountId} AND provider_id = ${providerId}`,
  );
  return row!;
}

const eventsOf = async (caseId: string) =>
  (await agent.get(`/api/v1/cases/${caseId}/events`)).json().items as { id: string; type: string; body: string | null; channel: string | null; data: Record<string, unknown> }[];

async function deliveryOf(eventId: string) {
  const [d] = await queryRows<{ status: string; provider_id: string | null; detail: string | null; attempts: number }>(
    h.ctx.db,
    sql`SELECT status, provider_id, detail, attempts FROM message_delivery WHERE event_id = ${eventId}`,
  );
  return d;
}

/** Posts an agent's reply on the case and runs the delivery job until it has settled (a rate limit waits for its reset). */
async function answer(caseId: string, body: string, audience: 'public' | 'private') {
  const res = await agent.post(`/api/v1/cases/${caseId}/messages`, { kind: 'reply', body, audience });
  expect(res.statusCode, res.body).toBe(201);
  const event = (await eventsOf(caseId)).filter((e) => e.type === 'message_out' && e.body === body).at(-1)!;
  for (let waited = 0; waited < 8_000; waited += 100) {
    await h.worker.drain();
    const d = await deliveryOf(event.id);
    if (d && d.status !== 'queued') return { event, delivery: d };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { event, delivery: (await deliveryOf(event.id))! };
}

describe('cases from X, and answers to them', () => {
  // A customer of their own: the deliveries above opened Camille's case.
  const MARC = '2244994977';
  const marc = { id: Number(MARC), id_str: MARC, name: 'Marc Durand', screen_name: 'marc_drd', followers_count: 87, verified: false };
  let caseId: string;
  let complaint: ReturnType<typeof mention>;
  let ourReplyId: string;

  it('opens a case on the x channel from a mention, the customer known by their X user id, with no automatic public answer', async () => {
    complaint = mention('@JardinMaison Tondeuse TX-40 reçue en panne, et personne ne répond au téléphone !', { user: marc });
    expect((await x.deliver(webhook, { for_user_id: x.brand.id, tweet_create_events: [complaint] })).status).toBe(200);
    const outcome = await outcomeOf(`tweet:${complaint.id_str}`);
    expect(outcome, outcome.detail ?? '').toMatchObject({ state: 'processed', detail: 'a new case' });
    caseId = outcome.case_id!;
    const opened = (await agent.get(`/api/v1/cases/${caseId}`)).json();
    expect(opened).toMatchObject({ channel: 'x', brandId });
    const customer = (await agent.get(`/api/v1/customers/${opened.customer.id}`)).json();
    expect(customer.identities).toEqual([expect.objectContaining({ kind: 'x', value: MARC })]);
    const events = await eventsOf(caseId);
    expect(events.find((e) => e.type === 'message_in')).toMatchObject({
      channel: 'x',
      body: '@JardinMaison Tondeuse TX-40 reçue en panne, et personne ne répond au téléphone !',
      data: { audience: 'public', providerId: complaint.id_str, url: `https://x.com/marc_drd/status/${complaint.id_str}`, tweetId: complaint.id_str },
    });
    // Nothing was posted on X for everyone to read.
    expect(x.tweets.filter((t) => t.inReplyTo === complaint.id_str)).toEqual([]);
  });

  it('answers in public under the customer’s tweet, through the account’s token', async () => {
    const { delivery } = await answer(caseId, 'Bonjour Marc, nous sommes désolés. Nous vous écrivons en privé.', 'public');
    expect(delivery).toMatchObject({ status: 'sent' });
    const posted = x.tweets.find((t) => t.id === delivery.provider_id)!;
    expect(posted).toEqual({ id: delivery.provider_id, authorId: x.brand.id, text: 'Bonjour Marc, nous sommes désolés. Nous vous écrivons en privé.', inReplyTo: complaint.id_str });
    ourReplyId = posted.id;
  });

  it('drops our own reply when X sends it back, and ignores a retweet', async () => {
    const ours = mention('@marc_drd Bonjour Marc, nous sommes désolés. Nous vous écrivons en privé.', {
      id_str: ourReplyId,
      id: Number(ourReplyId),
      user: { id_str: x.brand.id, screen_name: 'JardinMaison', name: 'Jardin & Maison', followers_count: 48210, verified: true },
      in_reply_to_status_id_str: complaint.id_str,
    });
    await x.deliver(webhook, { for_user_id: x.brand.id, tweet_create_events: [ours] });
    expect(await outcomeOf(`tweet:${ourReplyId}`)).toMatchObject({ state: 'ignored', case_id: null, detail: expect.stringContaining('our own') });
    const retweet = mention(`RT @marc_drd: ${complaint.text}`, { retweeted_status: { ...complaint }, user: { ...customerUser, id_str: '5550001', screen_name: 'voisin' } });
    await x.deliver(webhook, { for_user_id: x.brand.id, tweet_create_events: [retweet] });
    expect(await outcomeOf(`tweet:${retweet.id_str}`)).toMatchObject({ state: 'ignored', case_id: null, detail: expect.stringContaining('a retweet by @voisin') });
    expect((await eventsOf(caseId)).filter((e) => e.type === 'message_in')).toHaveLength(1);
  });

  it('threads the customer’s answer to our reply, and then their DM, into the same case', async () => {
    const answerToUs = mention('@JardinMaison Merci, j’attends votre message.', { user: marc, in_reply_to_status_id_str: ourReplyId });
    await x.deliver(webhook, { for_user_id: x.brand.id, tweet_create_events: [answerToUs] });
    expect(await outcomeOf(`tweet:${answerToUs.id_str}`)).toMatchObject({ state: 'processed', case_id: caseId });
    await x.deliver(webhook, { for_user_id: x.brand.id, direct_message_events: [dm('Voici mon numéro de commande : JM-2026-0412', '954491830116159001', MARC)], users: dmUsers(marc) });
    expect(await outcomeOf('dm:954491830116159001')).toMatchObject({ state: 'processed', case_id: caseId });
    const dmEvent = (await eventsOf(caseId)).find((e) => e.data.dmEventId === '954491830116159001');
    expect(dmEvent).toMatchObject({ type: 'message_in', channel: 'x', body: 'Voici mon numéro de commande : JM-2026-0412', data: { audience: 'private' } });
  });

  it('answers in private by DM to the customer’s X user id', async () => {
    const { delivery } = await answer(caseId, 'Merci Marc, un échange part demain.', 'private');
    expect(delivery).toMatchObject({ status: 'sent' });
    expect(x.dms.find((d) => d.dmEventId === delivery.provider_id)).toMatchObject({ senderId: x.brand.id, participantId: MARC, text: 'Merci Marc, un échange part demain.' });
  });

  it('holds an answer X rate-limits until the window resets, then sends it: not dropped', async () => {
    x.setRateLimit({ limit: 1, windowSeconds: 2 });
    try {
      expect((await answer(caseId, 'Premier message de la fenêtre.', 'private')).delivery).toMatchObject({ status: 'sent' });
      const limitedBefore = x.limited.length;
      const { delivery } = await answer(caseId, 'Deuxième message, après la remise à zéro.', 'private');
      expect(x.limited.length).toBeGreaterThan(limitedBefore);
      expect(delivery).toMatchObject({ status: 'sent' });
      // Waiting for the reset spent no attempt: the one that counted is the one that went.
      expect(delivery.attempts).toBe(1);
      expect(x.dms.filter((d) => d.text === 'Deuxième message, après la remise à zéro.')).toHaveLength(1);
    } finally {
      x.setRateLimit({ limit: 100, windowSeconds: 900 });
    }
  });
});

describe('the connection test', () => {
  async function test(language = 'fr') {
    const res = await admin.post(`/api/v1/channel-accounts/${accountId}/test`, undefined, { 'accept-language': language });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ConnectionTestDto;
  }

  it('says whose token it is, that it cannot be renewed, and which webhook X must call, in French and English', async () => {
    const fr = await test('fr');
    // This account has no refresh token: its answers stop when the access token expires.
    expect(fr.ok).toBe(false);
    expect(fr.checks).toEqual([
      { name: 'x_token', label: 'Jeton d’accès X', ok: true, detail: `X (${x.url}) accepte le jeton : il agit pour @JardinMaison (${x.brand.id}), le compte de la marque.` },
      { name: 'x_refresh', label: 'Renouvellement du jeton', ok: false, detail: expect.stringContaining('Aucun jeton de renouvellement (refreshToken et clientId) n’est enregistré') },
      { name: 'x_webhook', label: 'Webhook Account Activity', ok: true, detail: expect.stringContaining(`X doit envoyer les événements de @JardinMaison à https://sav.jardin.test/api/v1/channels/x/${accountId}/webhook`) },
    ]);
    expect(fr.checks[2]!.detail).toContain('le dernier est arrivé le');
    const en = await test('en');
    expect(en.checks[0]!.detail).toBe(`X (${x.url}) accepts the token: it acts for @JardinMaison (${x.brand.id}), the brand’s account.`);
    expect(en.checks[1]!.detail).toContain('the access token expires after two hours');
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
