// The marketplace webhook end to end: a relay's signed message is stored once before anything
// else; unsigned, forged, stale or unknown, it is refused and nothing is kept.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_BODY, EXAMPLE_SECRET, relayRequest, startFakeRelay, type FakeRelay } from '../../../test/fakes/marketplace-relay.ts';
import { buildBrand } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { ManualClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/database.ts';
import { marketplaceWebhookPath } from './marketplace.routes.ts';

// The example's timestamp is this very second.
const clock = new ManualClock('2026-04-03T15:00:00Z');
const NOW = 1_775_228_400;
let h: Harness;
let admin: Client;
let brandId: string;
let accountId: string;
let url: string;
let relay: FakeRelay;

beforeAll(async () => {
  relay = await startFakeRelay(EXAMPLE_SECRET, () => clock.now());
  h = await startHarness({ clock, env: { COMPTOIR_PUBLIC_URL: 'https://sav.jardin-maison.fr' } });
  admin = await h.userClient('admin');
  brandId = (await buildBrand(h.ctx, { slug: 'jardin-maison', name: 'Jardin & Maison' })).id;
  const account = await admin.post('/api/v1/channel-accounts', { channel: 'marketplace', name: 'Relais marketplaces', address: 'relais-jardin-maison', brandId, secrets: { webhookSecret: EXAMPLE_SECRET } });
  expect(account.statusCode, account.body).toBe(201);
  accountId = account.json().id;
  url = marketplaceWebhookPath(accountId);
});
afterAll(async () => {
  expect(relay.unexpected).toEqual([]);
  await h?.close();
  await relay?.close();
});

let n = 0;
const message = (over: Record<string, unknown> = {}) => ({
  marketplace: 'cdiscount',
  messageId: `msg-${++n}`,
  conversationId: `disc-${n}`,
  orderReference: `2604031500${n}`,
  buyer: { id: `buyer-${n}`, name: 'Camille Durand' },
  text: 'Le colis est arrivé abîmé.',
  sentAt: '2026-04-03T16:58:00+02:00',
  ...over,
});
const stored = (providerId: string) => queryRows<{ raw: Buffer; channel: string; summary: Record<string, unknown> }>(h.ctx.db, sql`SELECT raw, channel, summary FROM inbound_message WHERE account_id = ${accountId} AND provider_id = ${providerId}`);

describe('the marketplace webhook', () => {
  it('stores the documented example as the relay sent it, once however often it is sent', async () => {
    const first = await h.app.inject(relayRequest(url, EXAMPLE_BODY, { secret: EXAMPLE_SECRET }));
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toEqual({ received: true, duplicate: false });
    // Sent again, dated this time: the same message.
    const again = await h.app.inject(relayRequest(url, EXAMPLE_BODY, { secret: EXAMPLE_SECRET, timestamp: NOW }));
    expect(again.json()).toEqual({ received: true, duplicate: true });
    const rows = await stored('amazon:A1B2C3D4E5');
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]!.raw).toString('utf8')).toBe(EXAMPLE_BODY);
    expect(rows[0]).toMatchObject({ channel: 'marketplace', summary: { marketplace: 'amazon', conversationId: 'AMZ-CONV-4711', orderReference: '402-1234567-8901234', buyer: 'A2BUYER9XYZ' } });
  });

  it('refuses a missing, wrong or other account’s signature with a 401 problem, and stores nothing', async () => {
    const m = message();
    const forged = await h.app.inject(relayRequest(url, m, { secret: 'not-the-secret-of-this-relay!' }));
    expect(forged.statusCode).toBe(401);
    expect(forged.headers['content-type']).toContain('application/problem+json');
    expect(forged.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
    const unsigned = relayRequest(url, m, { secret: EXAMPLE_SECRET });
    delete (unsigned.headers as Record<string, string>)['x-comptoir-signature'];
    expect((await h.app.inject(unsigned)).statusCode).toBe(401);
    // Signed over the body alone but sent dated: the date is part of what is signed.
    const undated = relayRequest(url, m, { secret: EXAMPLE_SECRET, headers: { 'x-comptoir-timestamp': String(NOW) } });
    expect((await h.app.inject(undated)).statusCode).toBe(401);
    expect(await stored(`cdiscount:${m.messageId}`)).toHaveLength(0);
  });

  it('refuses a request dated outside the replay window, either way, and one replayed with a new date', async () => {
    const m = message();
    const stale = await h.app.inject(relayRequest(url, m, { secret: EXAMPLE_SECRET, timestamp: NOW - 301 }));
    expect(stale.statusCode).toBe(401);
    expect(stale.json().detail).toBe('x-comptoir-timestamp is 301 s away from our clock (at most 300 s)');
    expect((await h.app.inject(relayRequest(url, m, { secret: EXAMPLE_SECRET, timestamp: NOW + 400 }))).statusCode).toBe(401);
    // A captured request whose date is moved forward no longer matches its signature.
    const captured = relayRequest(url, m, { secret: EXAMPLE_SECRET, timestamp: NOW - 3_600 });
    expect((await h.app.inject({ ...captured, headers: { ...captured.headers, 'x-comptoir-timestamp': String(NOW) } })).statusCode).toBe(401);
    expect(await stored(`cdiscount:${m.messageId}`)).toHaveLength(0);
    expect((await h.app.inject(relayRequest(url, m, { secret: EXAMPLE_SECRET, timestamp: NOW - 299 }))).statusCode).toBe(202);
  });

  it('demands a date from a relay whose account requires one', async () => {
    const strict = await admin.post('/api/v1/channel-accounts', { channel: 'marketplace', name: 'Relais daté', address: 'relais-date', brandId, settings: { requireTimestamp: true }, secrets: { webhookSecret: EXAMPLE_SECRET } });
    expect(strict.statusCode, strict.body).toBe(201);
    const strictUrl = marketplaceWebhookPath(strict.json().id);
    const m = message();
    const undated = await h.app.inject(relayRequest(strictUrl, m, { secret: EXAMPLE_SECRET }));
    expect(undated.statusCode).toBe(401);
    expect(undated.json().detail).toBe('x-comptoir-timestamp is required by this account');
    expect((await h.app.inject(relayRequest(strictUrl, m, { secret: EXAMPLE_SECRET, timestamp: NOW }))).statusCode).toBe(202);
  });

  it('knows only marketplace accounts, checks the body after the signature, and refuses one too big', async () => {
    expect((await h.app.inject(relayRequest(marketplaceWebhookPath('0195f1c2-0000-7000-8000-000000000000'), message(), { secret: EXAMPLE_SECRET }))).statusCode).toBe(404);
    const invalid = await h.app.inject(relayRequest(url, message({ sentAt: 'hier' }), { secret: EXAMPLE_SECRET }));
    expect(invalid.statusCode).toBe(422);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    const huge = message({ text: 'x'.repeat(300_000) });
    const refused = await h.app.inject(relayRequest(url, huge, { secret: EXAMPLE_SECRET }));
    expect(refused.statusCode).toBe(413);
    expect(await stored(`cdiscount:${huge.messageId}`)).toHaveLength(0);
  });

  it('tells the admin where the relay must post, and whether its secret is set', async () => {
    const test = await admin.post(`/api/v1/channel-accounts/${accountId}/test`, undefined, { 'accept-language': 'fr' });
    expect(test.statusCode, test.body).toBe(200);
    expect(test.json().checks).toEqual([
      { name: 'marketplace_secret', label: 'Secret du webhook', ok: true, detail: 'Un secret partagé de 32 caractères est enregistré : le relais signe chaque message avec lui (HMAC-SHA256).' },
      { name: 'marketplace_webhook', label: 'Adresse du webhook', ok: true, detail: expect.stringMatching(new RegExp(`^Le relais envoie les messages des acheteurs à https://sav\\.jardin-maison\\.fr${url} ; le dernier est arrivé le 3 avril 2026 à 17:00\\.$`)) },
    ]);
  });
});

describe('a buyer’s message', () => {
  const eventsOf = async (caseId: string) => (await admin.get(`/api/v1/cases/${caseId}/events`)).json().items as { type: string; channel: string | null; body: string | null; data: Record<string, unknown>; delivery: { channel: string; status: string; detail: string | null } | null }[];
  const processed = async (providerId: string) =>
    (await queryRows<{ state: string; detail: string | null; case_id: string | null }>(h.ctx.db, sql`SELECT state, detail, case_id FROM inbound_message WHERE account_id = ${accountId} AND provider_id = ${providerId}`))[0]!;

  it('opens a marketplace case for the buyer, with the marketplace and the order on the message, and keeps the buyer’s e-mail', async () => {
    await h.worker.drain();
    const row = await processed('amazon:A1B2C3D4E5');
    expect(row).toMatchObject({ state: 'processed', detail: "a new case; the buyer's e-mail k8x2v4q1@marketplace.amazon.fr is kept" });
    const c = (await admin.get(`/api/v1/cases/${row.case_id}`)).json();
    // The order the conversation is about is the case's own (the counter and the tracking page find it).
    expect(c).toMatchObject({ channel: 'marketplace', brandId, orderRef: '402-1234567-8901234' });
    const message = (await eventsOf(c.id)).find((e) => e.type === 'message_in')!;
    expect(message).toMatchObject({
      channel: 'marketplace',
      body: 'Bonjour, le programmateur reçu fuit dès la première utilisation.',
      data: { marketplace: 'amazon', orderReference: '402-1234567-8901234', conversationId: 'AMZ-CONV-4711', audience: 'private' },
    });
    const customer = (await admin.get(`/api/v1/customers/${c.customer.id}`)).json();
    expect(customer.displayName).toBe('Camille Durand');
    expect(customer.identities.map((i: { kind: string; system: string; value: string }) => `${i.kind}:${i.system}:${i.value}`).sort()).toEqual(['email::k8x2v4q1@marketplace.amazon.fr', 'external:amazon:A2BUYER9XYZ']);
    // This relay takes no answers: the acknowledgment, and an agent's answer, say why they could not leave.
    const ack = (await eventsOf(c.id)).find((e) => e.data.kind === 'acknowledgment')!;
    expect(ack.delivery).toMatchObject({ channel: 'marketplace', status: 'failed', detail: 'not_configured: the Relais marketplaces relay takes no answers (settings.replyUrl): answer the buyer on the marketplace' });
    expect((await admin.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'Nous regardons cela.' })).statusCode).toBe(201);
    await h.worker.drain();
    const answer = (await eventsOf(c.id)).find((e) => e.body?.includes('Nous regardons cela.'))!;
    expect(answer.delivery).toMatchObject({ channel: 'marketplace', status: 'failed', detail: 'not_configured: the Relais marketplaces relay takes no answers (settings.replyUrl): answer the buyer on the marketplace' });
  });

  it('joins the case of its conversation rather than the buyer’s latest open case', async () => {
    const buyer = { id: 'fnac-buyer-1', name: 'Paul Martin' };
    const relay = async (m: ReturnType<typeof message>) => {
      expect((await h.app.inject(relayRequest(url, m, { secret: EXAMPLE_SECRET }))).statusCode).toBe(202);
      await h.worker.drain();
      return processed(`${m.marketplace}:${m.messageId}`);
    };
    const parcel = message({ marketplace: 'fnac', buyer });
    const first = await relay(parcel);
    expect((await admin.patch(`/api/v1/cases/${first.case_id}`, { status: 'solved' })).statusCode).toBe(200);
    // Another order, another conversation: a case of its own (the first is solved).
    const second = await relay(message({ marketplace: 'fnac', buyer, text: 'Et la facture de mon autre commande ?' }));
    expect(second.case_id).not.toBe(first.case_id);
    // Back on the first conversation: its case, reopened, not the open one.
    const again = await relay(message({ marketplace: 'fnac', buyer, conversationId: parcel.conversationId, text: 'Le colis de remplacement est abîmé aussi.' }));
    expect(again).toMatchObject({ state: 'processed', case_id: first.case_id, detail: 'joined its case (by the thread it answers)' });
    expect((await admin.get(`/api/v1/cases/${first.case_id}`)).json().status).not.toBe('solved');
  });

  it('is acknowledged and answered through the relay’s reply address, in its conversation, signed and dated', async () => {
    const replying = await admin.post('/api/v1/channel-accounts', { channel: 'marketplace', name: 'Relais avec réponses', address: 'relais-reponses', brandId, settings: { replyUrl: relay.url }, secrets: { webhookSecret: EXAMPLE_SECRET } });
    expect(replying.statusCode, replying.body).toBe(201);
    const m = message({ marketplace: 'manomano', orderReference: 'M260403-77', buyer: { id: 'mm-42', name: 'Inès Roux' } });
    expect((await h.app.inject(relayRequest(marketplaceWebhookPath(replying.json().id), m, { secret: EXAMPLE_SECRET }))).statusCode).toBe(202);
    await h.worker.drain();
    const [row] = await queryRows<{ case_id: string }>(h.ctx.db, sql`SELECT case_id FROM inbound_message WHERE provider_id = ${`manomano:${m.messageId}`}`);
    const c = (await admin.get(`/api/v1/cases/${row!.case_id}`)).json();
    // The acknowledgment, in the buyer's conversation, with the case number and the tracking link.
    const ack = (await eventsOf(c.id)).find((e) => e.data.kind === 'acknowledgment')!;
    expect(ack.delivery).toMatchObject({ channel: 'marketplace', status: 'sent' });
    expect(relay.replies[0]!.body).toEqual({
      marketplace: 'manomano',
      conversationId: m.conversationId,
      orderReference: 'M260403-77',
      buyerId: 'mm-42',
      inReplyTo: m.messageId,
      text: expect.stringContaining(c.number),
      sentAt: '2026-04-03T15:00:00.000Z',
    });
    expect(relay.replies[0]!.body.text).toMatch(/https:\/\/sav\.jardin-maison\.fr\/t\/[\w-]{43}/);

    // An agent's answer: the relay is throttled by the marketplace, then takes it.
    relay.failNext('rate_limited');
    expect((await admin.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'Nous vous envoyons une pièce neuve.' })).statusCode).toBe(201);
    await h.worker.drain();
    const answer = () => eventsOf(c.id).then((events) => events.find((e) => e.type === 'message_out' && e.body?.includes('pièce neuve'))!);
    expect((await answer()).delivery).toMatchObject({ status: 'queued', detail: expect.stringMatching(/^temporary \(429\): the relay answered 429: Amazon throttles this seller \(retrying at /) });
    clock.advance(61_000);
    await h.worker.drain();
    expect((await answer()).delivery).toMatchObject({ status: 'sent' });
    expect(relay.replies.at(-1)!).toMatchObject({ timestamp: String(NOW + 61) });
    expect(relay.replies.at(-1)!.body).toEqual({
      marketplace: 'manomano',
      conversationId: m.conversationId,
      orderReference: 'M260403-77',
      buyerId: 'mm-42',
      inReplyTo: m.messageId,
      text: expect.stringContaining('Nous vous envoyons une pièce neuve.'),
      sentAt: '2026-04-03T15:01:01.000Z',
    });
    // What the relay answered is each message's id: the buyer's answer to it finds the case.
    const out = await queryRows<{ provider_id: string }>(h.ctx.db, sql`SELECT provider_id FROM social_message WHERE case_id = ${c.id} AND direction = 'out'`);
    expect(out.map((o) => o.provider_id).sort()).toEqual(relay.replies.map((r) => `manomano:${r.messageId}`).sort());

    // A message the marketplace refuses fails at once, with its words.
    relay.failNext('refused');
    expect((await admin.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'Voir https://exemple.fr/notice' })).statusCode).toBe(201);
    await h.worker.drain();
    const refused = (await eventsOf(c.id)).find((e) => e.body?.includes('exemple.fr/notice'))!;
    expect(refused.delivery).toMatchObject({ status: 'failed', detail: 'rejected (422): the relay answered 422: Amazon refuses messages with external links' });
    clock.set('2026-04-03T15:00:00Z');
  });
});

