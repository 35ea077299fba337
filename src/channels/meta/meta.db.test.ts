// The Meta channel end to end, against the local fake Meta (test/fakes/meta-graph.ts) posting
// to the real app: the verification handshake, signed deliveries stored one row per event and
// once however often Meta retries, forged ones refused with nothing stored, the connection test
// and the template catalogue read from Meta; then what the events become through the shared
// social pipeline (cases on facebook, messenger, whatsapp; echoes dropped; statuses landing) and
// the answers going back within Meta's windows.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMetaGraph, type FakeMetaGraph } from '../../../test/fakes/meta-graph.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { buildBrand } from '../../../test/support/factories.ts';
import { queryRows } from '../../platform/db/database.ts';
import { metaWebhookPath } from './meta.contract.ts';
import { META_WEBHOOK_BODY_LIMIT } from './meta.routes.ts';
import { metaSignature } from './meta-signature.ts';

let h: Harness;
let meta: FakeMetaGraph;
let base: string;
let admin: Client;
let accountId: string;
let webhook: string;

beforeAll(async () => {
  meta = await startFakeMetaGraph();
  h = await startHarness();
  base = await h.app.listen({ host: '127.0.0.1', port: 0 });
  admin = await h.userClient('admin');
  const brandId = (await buildBrand(h.ctx)).id;
  const created = await admin.post('/api/v1/channel-accounts', {
    channel: 'meta',
    name: 'Jardin & Maison sur Meta',
    address: meta.pageId,
    brandId,
    settings: { pageId: meta.pageId, instagramId: meta.instagramId, whatsappPhoneNumberId: meta.phoneNumberId, wabaId: meta.wabaId, apiBaseUrl: meta.url },
    secrets: { appSecret: meta.appSecret, verifyToken: meta.verifyToken, pageAccessToken: meta.pageAccessToken, whatsappToken: meta.whatsappToken },
  });
  expect(created.statusCode, created.body).toBe(201);
  expect(created.json()).toMatchObject({ settings: { graphVersion: 'v23.0', templates: [] }, secretsSet: ['appSecret', 'pageAccessToken', 'verifyToken', 'whatsappToken'] });
  accountId = created.json().id;
  webhook = `${base}${metaWebhookPath(accountId)}`;
});
afterAll(async () => {
  await h?.close();
  expect(meta.unexpected).toEqual([]);
  await meta.close();
});

const storedRows = (providerLike: string) =>
  queryRows<{ provider_id: string; raw: Buffer; summary: Record<string, unknown> }>(h.ctx.db, sql`SELECT provider_id, raw, summary FROM inbound_message WHERE account_id = ${accountId} AND provider_id LIKE ${providerLike} ORDER BY provider_id`);
const secondsAgo = (s: number) => Math.floor(Date.now() / 1000) - s;

describe('the account', () => {
  it('refuses settings and secrets Meta would not take, naming the fields', async () => {
    const res = await admin.post('/api/v1/channel-accounts', { channel: 'meta', name: 'x', address: 'meta-bad', settings: { pageId: 'jardinmaison', graphVersion: '23' }, secrets: { appSecret: 'short' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['secrets.appSecret', 'secrets.pageAccessToken', 'secrets.verifyToken', 'settings.graphVersion', 'settings.pageId']);
  });
});

describe('the verification handshake', () => {
  it('answers the challenge as plain text when the verify token matches', async () => {
    const answer = await meta.verify(webhook);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(answer.challenge);
    expect(answer.contentType).toContain('text/plain');
  });

  it('refuses another token, another mode, or an unknown account, as problems', async () => {
    const wrong = await meta.verify(webhook, { token: 'not-the-verify-token' });
    expect(wrong.status).toBe(403);
    expect(wrong.contentType).toContain('application/problem+json');
    expect((await meta.verify(webhook, { mode: 'unsubscribe' })).status).toBe(403);
    expect((await meta.verify(`${base}${metaWebhookPath('01900000-0000-7000-8000-0000000000ff')}`)).status).toBe(404);
  });
});

describe('deliveries', () => {
  const delivery = () => ({
    object: 'page',
    entry: [
      {
        id: meta.pageId,
        time: Date.now(),
        messaging: [
          { sender: { id: '6543210987650001' }, recipient: { id: meta.pageId }, timestamp: Date.now() - 2000, message: { mid: 'm_batch_1', text: 'Bonjour, où en est ma commande ? Café offert 😀' } },
          { sender: { id: '6543210987650001' }, recipient: { id: meta.pageId }, timestamp: Date.now() - 1000, message: { mid: 'm_batch_2', text: 'C’est la n° 1042' } },
        ],
      },
      {
        id: meta.pageId,
        time: secondsAgo(1),
        changes: [{ field: 'feed', value: { item: 'comment', verb: 'add', comment_id: '555_batch', post_id: `${meta.pageId}_555`, parent_id: `${meta.pageId}_555`, from: { id: '7001234567800001', name: 'Léa Martin' }, message: 'Toujours rien reçu', created_time: secondsAgo(1) } }],
      },
    ],
  });

  it('stores a signed delivery one row per event, as self-contained JSON, and answers 200 at once', async () => {
    const sent = delivery();
    const res = await meta.deliver(webhook, sent);
    expect(res.status, res.body).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ events: 3, stored: 3 });
    const rows = await storedRows('%batch%');
    expect(rows.map((r) => r.provider_id)).toEqual(['555_batch:add', 'm_batch_1', 'm_batch_2']);
    expect(rows.map((r) => r.summary)).toEqual([{ object: 'page', kind: 'comment_add' }, { object: 'page', kind: 'message' }, { object: 'page', kind: 'message' }]);
    expect(JSON.parse(Buffer.from(rows[1]!.raw).toString('utf8'))).toEqual({ object: 'page', entryId: meta.pageId, time: sent.entry[0]!.time, messaging: sent.entry[0]!.messaging![0] });
  });

  it('stores each event once when Meta sends the delivery again, or batches it differently', async () => {
    const again = delivery();
    const res = await meta.deliver(webhook, again);
    expect(JSON.parse(res.body)).toEqual({ events: 3, stored: 0 });
    // Retried later, one event alone in a new batch with another.
    const regrouped = { object: 'page', entry: [{ id: meta.pageId, time: Date.now(), messaging: [again.entry[0]!.messaging![1], { sender: { id: '6543210987650001' }, recipient: { id: meta.pageId }, timestamp: Date.now(), message: { mid: 'm_batch_3', text: 'Merci' } }] }] };
    expect(JSON.parse((await meta.deliver(webhook, regrouped)).body)).toEqual({ events: 2, stored: 1 });
    expect((await storedRows('%batch%')).map((r) => r.provider_id)).toEqual(['555_batch:add', 'm_batch_1', 'm_batch_2', 'm_batch_3']);
  });

  it('splits a WhatsApp change into its messages and statuses', async () => {
    const res = await meta.deliver(webhook, {
      object: 'whatsapp_business_account',
      entry: [{ id: meta.wabaId, changes: [{ field: 'messages', value: {
        messaging_product: 'whatsapp',
        metadata: { display_phone_number: '33757001122', phone_number_id: meta.phoneNumberId },
        contacts: [{ profile: { name: 'Marc Dubois' }, wa_id: '33612340001' }],
        messages: [{ from: '33612340001', id: 'wamid.split_1', timestamp: String(secondsAgo(5)), type: 'text', text: { body: 'Bonjour' } }],
        statuses: [{ id: 'wamid.split_out', status: 'delivered', timestamp: String(secondsAgo(4)), recipient_id: '33612340001' }, { id: 'wamid.split_out', status: 'read', timestamp: String(secondsAgo(3)), recipient_id: '33612340001' }],
      } }] }],
    });
    expect(JSON.parse(res.body)).toEqual({ events: 3, stored: 3 });
    expect((await storedRows('wamid.split%')).map((r) => r.provider_id)).toEqual(['wamid.split_1', 'wamid.split_out:delivered', 'wamid.split_out:read']);
  });

  it('refuses a wrong or missing signature with a problem, and stores nothing', async () => {
    const forged = { object: 'page', entry: [{ id: meta.pageId, time: Date.now(), messaging: [{ sender: { id: '1' }, recipient: { id: meta.pageId }, timestamp: Date.now(), message: { mid: 'm_forged_1', text: 'x' } }] }] };
    const wrong = await meta.deliver(webhook, forged, { secret: 'not-the-app-secret-of-this-app' });
    expect(wrong.status).toBe(403);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(wrong.body)).toMatchObject({ status: 403, code: 'forbidden' });
    const missing = await meta.deliver(webhook, forged, { signature: null });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ status: 401, code: 'unauthenticated' });
    // Signed over the body re-serialised (not the bytes sent): refused.
    const raw = JSON.stringify({ ...forged, entry: [{ ...forged.entry[0], messaging: [{ ...forged.entry[0]!.messaging[0], message: { mid: 'm_forged_2', text: 'Café' } }] }] });
    const reserialised = await h.app.inject({ method: 'POST', url: metaWebhookPath(accountId), payload: raw.replace('Café', 'Caf\\u00e9'), headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(meta.appSecret, raw) } });
    expect(reserialised.statusCode).toBe(403);
    expect(await storedRows('m_forged%')).toEqual([]);
  });

  it('refuses a delivery over the size limit with 413, storing nothing', async () => {
    const text = 'x'.repeat(1000);
    const messaging = Array.from({ length: Math.ceil(META_WEBHOOK_BODY_LIMIT / 1000) + 10 }, (_, i) => ({ sender: { id: '2' }, recipient: { id: meta.pageId }, timestamp: 1, message: { mid: `m_huge_${i}`, text } }));
    const raw = JSON.stringify({ object: 'page', entry: [{ id: meta.pageId, time: 1, messaging }] });
    const res = await h.app.inject({ method: 'POST', url: metaWebhookPath(accountId), payload: raw, headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(meta.appSecret, raw) } });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await storedRows('m_huge%')).toEqual([]);
  });
});

describe('the admin', () => {
  it('tests the connection for real: the Page, Instagram, the WhatsApp number, the webhook to configure', async () => {
    const res = await admin.post(`/api/v1/channel-accounts/${accountId}/test`, undefined, { 'accept-language': 'fr' });
    expect(res.statusCode, res.body).toBe(200);
    const { ok, checks } = res.json() as { ok: boolean; checks: { name: string; ok: boolean; detail: string }[] };
    expect(checks.map((c) => [c.name, c.ok])).toEqual([['meta_page', true], ['meta_instagram', true], ['meta_whatsapp', true], ['meta_webhook', true]]);
    expect(ok).toBe(true);
    expect(checks[0]!.detail).toBe(`La Page « Jardin & Maison » (${meta.pageId}) répond avec le jeton de Page et la preuve du secret de l’application.`);
    expect(checks[1]!.detail).toContain('@jardinmaison');
    expect(checks[2]!.detail).toBe('Le numéro +33 7 57 00 11 22 (« Jardin & Maison », qualité GREEN) répond avec le jeton WhatsApp.');
    expect(checks[3]!.detail).toContain(`l’URL de rappel est ${h.ctx.config.http.publicUrl}${metaWebhookPath(accountId)}`);
    expect(checks[3]!.detail).toContain('Le dernier événement est arrivé le');
  });

  it('says which credential Meta refuses', async () => {
    const changed = await admin.patch(`/api/v1/channel-accounts/${accountId}`, { secrets: { pageAccessToken: 'EAAGthis-token-was-revoked-by-meta' } });
    expect(changed.statusCode, changed.body).toBe(200);
    const { checks } = (await admin.post(`/api/v1/channel-accounts/${accountId}/test`, undefined, { 'accept-language': 'en' })).json() as { checks: { name: string; ok: boolean; detail: string }[] };
    expect(checks.find((c) => c.name === 'meta_page')).toMatchObject({ ok: false, detail: expect.stringMatching(/^Meta refuses the Page token or the app secret for the Page \d+: auth \(190\): Invalid OAuth access token/) });
    await admin.patch(`/api/v1/channel-accounts/${accountId}`, { secrets: { pageAccessToken: meta.pageAccessToken } });
  });

  it('reads the approved templates from Meta into the catalogue, across pages, saying what it left out', async () => {
    const body = (text: string) => [{ type: 'BODY', text }];
    for (let i = 0; i < 120; i++) meta.templates.push({ name: `rappel_${String(i).padStart(3, '0')}`, language: 'fr', status: 'APPROVED', category: 'UTILITY', components: body('Bonjour {{1}}') });
    meta.templates.push(
      { name: 'suivi_dossier', language: 'fr', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'HEADER', format: 'TEXT', text: 'Votre dossier' }, ...body('Bonjour {{1}}, votre dossier {{2}} avance.'), { type: 'FOOTER', text: 'Jardin & Maison' }] },
      { name: 'suivi_dossier', language: 'en', status: 'APPROVED', category: 'UTILITY', components: body('Hello {{1}}, case {{2}} is moving.') },
      { name: 'promo_printemps', language: 'fr', status: 'PENDING', category: 'MARKETING', components: body('-20 %') },
      { name: 'facture', language: 'fr', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'HEADER', format: 'DOCUMENT' }, ...body('Votre facture {{1}}')] },
    );
    const res = await admin.post(`/api/v1/channel-accounts/${accountId}/whatsapp-templates/sync`);
    expect(res.statusCode, res.body).toBe(200);
    const sync = res.json();
    expect(sync.templates).toHaveLength(122);
    expect(sync.templates).toContainEqual({ name: 'suivi_dossier', language: 'fr', category: 'UTILITY', body: 'Bonjour {{1}}, votre dossier {{2}} avance.', variables: 2 });
    expect(sync.added).toHaveLength(122);
    expect(sync.removed).toEqual([]);
    expect(sync.skipped).toEqual([
      { name: 'promo_printemps', language: 'fr', reason: 'not approved (pending)' },
      { name: 'facture', language: 'fr', reason: 'a header that needs a value or a file' },
    ]);
    const saved = (await admin.get(`/api/v1/channel-accounts/${accountId}`)).json();
    expect(saved.settings.templates).toHaveLength(122);
    expect(saved.settings.pageId).toBe(meta.pageId);

    // Withdrawn at Meta: gone from the catalogue at the next sync.
    meta.templates.splice(0, 120);
    const next = (await admin.post(`/api/v1/channel-accounts/${accountId}/whatsapp-templates/sync`)).json();
    expect(next.removed).toHaveLength(120);
    expect(next.templates.map((t: { name: string; language: string }) => `${t.name}:${t.language}`)).toEqual(['suivi_dossier:fr', 'suivi_dossier:en']);
  });

  it('refuses the sync to agents', async () => {
    const agent = await h.userClient('agent');
    expect((await agent.post(`/api/v1/channel-accounts/${accountId}/whatsapp-templates/sync`)).statusCode).toBe(403);
  });
});

interface Processed {
  state: string;
  case_id: string | null;
  detail: string | null;
}
async function processed(providerId: string): Promise<Processed> {
  await h.worker.drain();
  const [row] = await queryRows<Processed>(h.ctx.db, sql`SELECT state, case_id, detail FROM inbound_message WHERE account_id = ${accountId} AND provider_id = ${providerId}`);
  return row!;
}
const deliveriesOf = (caseId: string) =>
  queryRows<{ status: string; provider_id: string | null; detail: string | null; recipient: string }>(h.ctx.db, sql`SELECT status, provider_id, detail, recipient FROM message_delivery WHERE case_id = ${caseId} ORDER BY created_at`);
const whatsappValue = (value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: meta.wabaId, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '33757001122', phone_number_id: meta.phoneNumberId }, ...value } }] }],
});

describe('what the events become', () => {
  it('a Page comment opens a public facebook case with no automatic answer; the agent answers under it, then privately', async () => {
    const before = meta.sent.length;
    await meta.deliver(webhook, {
      object: 'page',
      entry: [{ id: meta.pageId, time: secondsAgo(2), changes: [{ field: 'feed', value: { item: 'comment', verb: 'add', comment_id: '555_case', post_id: `${meta.pageId}_555`, parent_id: `${meta.pageId}_555`, from: { id: '7001234567800042', name: 'Léa Martin' }, message: 'Ma tondeuse est arrivée cassée !', created_time: secondsAgo(2) } }] }],
    });
    const row = await processed('555_case:add');
    expect(row).toMatchObject({ state: 'processed', detail: 'a new case' });
    const c = (await admin.get(`/api/v1/cases/${row.case_id}`)).json();
    expect(c).toMatchObject({ channel: 'facebook', subject: 'Léa Martin : Ma tondeuse est arrivée cassée !' });
    const [social] = await queryRows<{ audience: string; author_id: string; url: string }>(h.ctx.db, sql`SELECT audience, author_id, url FROM social_message WHERE case_id = ${row.case_id} AND direction = 'in'`);
    expect(social).toEqual({ audience: 'public', author_id: '7001234567800042', url: `https://www.facebook.com/${meta.pageId}_555?comment_id=555_case` });
    expect(meta.sent.length).toBe(before);

    const reply = await admin.post(`/api/v1/cases/${row.case_id}/messages`, { kind: 'reply', body: 'Bonjour Léa, nous sommes désolés : écrivez-nous en privé.', audience: 'public' });
    expect(reply.statusCode, reply.body).toBe(201);
    await h.worker.drain();
    expect(meta.sent.at(-1)).toMatchObject({ kind: 'comment_reply', path: '555_case/comments', body: { message: 'Bonjour Léa, nous sommes désolés : écrivez-nous en privé.' } });
    await admin.post(`/api/v1/cases/${row.case_id}/messages`, { kind: 'reply', body: 'Voici le lien pour le retour.', audience: 'private' });
    await h.worker.drain();
    expect(meta.sent.at(-1)).toMatchObject({ kind: 'private_reply', body: { recipient: { comment_id: '555_case' }, message: { text: 'Voici le lien pour le retour.' } } });
    // The acknowledgment was not posted in public; both answers went.
    expect((await deliveriesOf(row.case_id!)).map((d) => d.status)).toEqual(['suppressed', 'sent', 'sent']);
  });

  it('our own comment and our own Messenger message coming back are dropped', async () => {
    await meta.deliver(webhook, {
      object: 'page',
      entry: [
        { id: meta.pageId, time: Date.now(), messaging: [{ sender: { id: meta.pageId }, recipient: { id: '6543210987650077' }, timestamp: Date.now(), message: { mid: 'm_echo_1', is_echo: true, app_id: 1517776481860111, text: 'Bonjour, nous regardons.' } }] },
        { id: meta.pageId, time: secondsAgo(1), changes: [{ field: 'feed', value: { item: 'comment', verb: 'add', comment_id: '555_ours', post_id: `${meta.pageId}_555`, parent_id: '555_case', from: { id: meta.pageId, name: 'Jardin & Maison' }, message: 'Nous vous répondons en privé.', created_time: secondsAgo(1) } }] },
      ],
    });
    expect(await processed('m_echo_1')).toMatchObject({ state: 'ignored', case_id: null, detail: expect.stringContaining('sent by our own') });
    expect(await processed('555_ours:add')).toMatchObject({ state: 'ignored', case_id: null });
  });

  it('a Messenger message opens a messenger case; the agent’s answer goes with messaging_type RESPONSE', async () => {
    await meta.deliver(webhook, { object: 'page', entry: [{ id: meta.pageId, time: Date.now(), messaging: [{ sender: { id: '6543210987650088' }, recipient: { id: meta.pageId }, timestamp: Date.now() - 500, message: { mid: 'm_case_1', text: 'Bonjour, ma commande 1042 n’est pas arrivée' } }] }] });
    const row = await processed('m_case_1');
    expect(row.state).toBe('processed');
    expect((await admin.get(`/api/v1/cases/${row.case_id}`)).json()).toMatchObject({ channel: 'messenger' });
    await admin.post(`/api/v1/cases/${row.case_id}/messages`, { kind: 'reply', body: 'Bonjour, elle part demain.' });
    await h.worker.drain();
    const sent = meta.sent.at(-1)!;
    expect(sent).toMatchObject({ kind: 'send_api', body: { recipient: { id: '6543210987650088' }, messaging_type: 'RESPONSE', message: { text: 'Bonjour, elle part demain.' } } });
    expect((await deliveriesOf(row.case_id!)).at(-1)).toMatchObject({ status: 'sent', provider_id: sent.id });
  });

  it('a WhatsApp message opens a whatsapp case by +number; the answer quotes it, and its statuses land on the delivery', async () => {
    await meta.deliver(webhook, whatsappValue({
      contacts: [{ profile: { name: 'Marc Dubois' }, wa_id: '33612349999' }],
      messages: [{ from: '33612349999', id: 'wamid.case_1', timestamp: String(secondsAgo(3)), type: 'text', text: { body: 'Bonjour, le moteur de ma tondeuse cale' } }],
    }));
    const row = await processed('wamid.case_1');
    expect(row.state).toBe('processed');
    const c = (await admin.get(`/api/v1/cases/${row.case_id}`)).json();
    expect(c).toMatchObject({ channel: 'whatsapp' });
    const customer = (await admin.get(`/api/v1/customers/${c.customer.id}`)).json();
    expect(customer.identities).toContainEqual(expect.objectContaining({ kind: 'whatsapp', value: '+33612349999' }));
    await admin.post(`/api/v1/cases/${row.case_id}/messages`, { kind: 'reply', body: 'Bonjour Marc, nettoyez le filtre à air.' });
    await h.worker.drain();
    const ack = meta.sent.at(-1)!;
    expect(ack).toMatchObject({ kind: 'whatsapp', body: { to: '33612349999', type: 'text', context: { message_id: 'wamid.case_1' }, text: { body: 'Bonjour Marc, nettoyez le filtre à air.' } } });
    expect((await deliveriesOf(row.case_id!)).at(-1)).toMatchObject({ status: 'sent', provider_id: ack.id });

    const status = (s: string) => ({ id: ack.id, status: s, timestamp: String(secondsAgo(0)), recipient_id: '33612349999' });
    await meta.deliver(webhook, whatsappValue({ statuses: [status('sent'), status('delivered')] }));
    expect(await processed(`${ack.id}:delivered`)).toMatchObject({ state: 'processed', detail: 'delivered' });
    expect((await deliveriesOf(row.case_id!)).at(-1)!.status).toBe('delivered');
    await meta.deliver(webhook, whatsappValue({ statuses: [status('read')] }));
    expect(await processed(`${ack.id}:read`)).toMatchObject({ state: 'processed', detail: 'read' });
    expect((await deliveriesOf(row.case_id!)).at(-1)!.status).toBe('read');
  });

  it('outside the 24 hours, free text is refused with the reason and an approved template goes', async () => {
    // The customer wrote 30 hours ago (Meta delivered it late).
    await meta.deliver(webhook, whatsappValue({
      contacts: [{ profile: { name: 'Zoé Petit' }, wa_id: '33612348888' }],
      messages: [{ from: '33612348888', id: 'wamid.late_1', timestamp: String(secondsAgo(30 * 3600)), type: 'text', text: { body: 'Vous pouvez me rappeler ?' } }],
    }));
    const row = await processed('wamid.late_1');
    const sentBefore = meta.sent.length;
    await admin.post(`/api/v1/cases/${row.case_id}/messages`, { kind: 'reply', body: 'Bonjour Zoé, nous vous rappelons demain.' });
    await h.worker.drain();
    const refused = (await deliveriesOf(row.case_id!)).at(-1)!;
    expect(refused).toMatchObject({ status: 'failed', detail: 'rejected (template_required): Plus de 24 heures depuis le dernier message du client sur WhatsApp : seul un modèle approuvé par Meta peut partir. Choisissez un modèle pour relancer le client.' });
    expect(meta.sent.length).toBe(sentBefore);

    const templated = await admin.post(`/api/v1/cases/${row.case_id}/messages`, { kind: 'reply', body: 'Bonjour Zoé, votre dossier avance.', template: { name: 'suivi_dossier', language: 'fr', variables: ['Zoé', 'SAV-2026-000777'] } });
    expect(templated.statusCode, templated.body).toBe(201);
    await h.worker.drain();
    expect(meta.sent.at(-1)).toMatchObject({ kind: 'whatsapp', body: { to: '33612348888', type: 'template', template: { name: 'suivi_dossier', language: { code: 'fr' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Zoé' }, { type: 'text', text: 'SAV-2026-000777' }] }] } } });
    expect((await deliveriesOf(row.case_id!)).at(-1)).toMatchObject({ status: 'sent', provider_id: meta.sent.at(-1)!.id });
  });
});
