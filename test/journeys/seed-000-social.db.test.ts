// Seed 000, end to end through the real webhook and API, against the local fake X: a customer
// tweets in anger (#fail, a video) → the mention is first in the social inbox → the community
// manager answers in public asking which store sold it → the customer answers in public → the
// manager asks for a private message (the ready reply) → the DM with a phone number and an
// e-mail attaches both to the customer → the case is handed to the store's team → the store's
// manager logs the phone call and solves the case → the customer's public thanks joins the
// case without reopening it → and the answers are in the response times.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeX, type FakeX } from '../fakes/x-api.ts';
import { buildBrand, buildStore, buildTeam } from '../support/factories.ts';
import { startHarness, type Client, type Harness } from '../support/harness.ts';
import { queryRows } from '../../src/platform/db/database.ts';

const NICOLAS = '14094389';
let h: Harness;
let x: FakeX;
let cm: Client;
let storeManager: Client;
let storeId: string;
let storeTeamId: string;
let accountId: string;
let webhook: string;
let seq = 0;

beforeAll(async () => {
  x = await startFakeX({ others: [{ id: NICOLAS, username: 'nhoizey', name: 'Nicolas Hoizey' }] });
  h = await startHarness({ env: { COMPTOIR_PUBLIC_URL: 'https://sav.truffaut.test' } });
  const base = await h.app.listen({ host: '127.0.0.1', port: 0 });
  const admin = await h.userClient('admin');
  cm = await h.userClient('community_manager', { name: 'Léa Community' });
  const brandId = (await buildBrand(h.ctx, { name: 'Truffaut' })).id;
  storeId = (await buildStore(h.ctx, brandId, { name: 'Truffaut Grigny' })).id;
  storeManager = await h.userClient('manager', { name: 'Marc Directeur', brandIds: [brandId], storeIds: [storeId] });
  const social = await buildTeam(h.ctx, { name: 'Réseaux sociaux', memberIds: [cm.userId] });
  storeTeamId = (await buildTeam(h.ctx, { name: 'Magasin de Grigny', memberIds: [storeManager.userId] })).id;
  const created = await admin.post('/api/v1/channel-accounts', {
    channel: 'x',
    name: 'Truffaut sur X',
    address: 'Truffaut',
    brandId,
    teamId: social.id,
    settings: { userId: x.brand.id, handle: x.brand.username, apiBaseUrl: x.url },
    secrets: { consumerSecret: x.consumerSecret, accessToken: x.tokenOf(x.brand.id) },
  });
  expect(created.statusCode, created.body).toBe(201);
  accountId = created.json().id;
  webhook = `${base}/api/v1/channels/x/${accountId}/webhook`;
});
afterAll(async () => {
  await h?.close();
  await x?.close();
});

const nicolas = { id: Number(NICOLAS), id_str: NICOLAS, name: 'Nicolas Hoizey', screen_name: 'nhoizey', followers_count: 2400, verified: false };

/** A tweet of Nicolas's, delivered to the webhook as X does; returns its id. */
async function tweets(text: string, over: Record<string, unknown> = {}, user: Record<string, unknown> = nicolas): Promise<string> {
  const id = `45760840797417${String(++seq).padStart(4, '0')}`;
  const tweet = {
    created_at: new Date().toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5 +0000 $4'),
    id_str: id,
    text,
    truncated: false,
    user,
    entities: { hashtags: [], urls: [], user_mentions: [{ screen_name: x.brand.username, id_str: x.brand.id, indices: [0, 9] }] },
    lang: 'fr',
    timestamp_ms: String(Date.now()),
    ...over,
  };
  const res = await x.deliver(webhook, { for_user_id: x.brand.id, tweet_create_events: [tweet] });
  expect(res.status, res.body).toBe(200);
  await h.worker.drain();
  return id;
}

async function dms(text: string, id: string) {
  const res = await x.deliver(webhook, {
    for_user_id: x.brand.id,
    direct_message_events: [
      { type: 'message_create', id, created_timestamp: String(Date.now()), message_create: { target: { recipient_id: x.brand.id }, sender_id: NICOLAS, message_data: { text } } },
    ],
    users: {
      [NICOLAS]: { id: NICOLAS, name: nicolas.name, screen_name: nicolas.screen_name, verified: false, followers_count: nicolas.followers_count },
      [x.brand.id]: { id: x.brand.id, name: x.brand.name, screen_name: x.brand.username, verified: true, followers_count: 48_000 },
    },
  });
  expect(res.status, res.body).toBe(200);
  await h.worker.drain();
}

async function answerInPublic(caseId: string, body: string): Promise<string> {
  const res = await cm.post(`/api/v1/cases/${caseId}/messages`, { kind: 'reply', body, audience: 'public' });
  expect(res.statusCode, res.body).toBe(201);
  await h.worker.drain();
  const sent = x.tweets.find((t) => t.text === body);
  expect(sent, `the reply "${body}" was posted`).toBeDefined();
  return sent!.id;
}

describe('seed 000: a public complaint on X, handled to a happy end', () => {
  let caseId: string;
  let complaintEventId: string;

  it('puts the angry tweet with a video first in the social inbox, as a case with no automatic public answer', async () => {
    await tweets('@Truffaut bonjour, vous avez des horaires pour dimanche ?', {}, { id: 5555, id_str: '5555', name: 'Paul', screen_name: 'paul_j', followers_count: 40, verified: false });
    const complaint = await tweets(
      '2nde fois qu’un système d’arrosage @GardenaGlobal acheté chez @Truffaut meurt au bout de quelques mois… innondé #fail https://t.co/auySzsEfSB',
      { extended_entities: { media: [{ type: 'video', media_url_https: 'https://pbs.twimg.com/v.jpg', video_info: { variants: [{ content_type: 'video/mp4', bitrate: 832000, url: 'https://video.twimg.com/v.mp4' }] } }] } },
    );
    const inbox = (await cm.get('/api/v1/social/inbox')).json().items as { eventId: string; case: { id: string }; author: { handle: string }; signals: string[]; url: string }[];
    expect(inbox.map((m) => m.author.handle)).toEqual(['nhoizey', 'paul_j']);
    expect(inbox[0]!.signals).toEqual(expect.arrayContaining(['media_video']));
    expect(inbox[0]!.url).toBe(`https://x.com/nhoizey/status/${complaint}`);
    caseId = inbox[0]!.case.id;
    complaintEventId = inbox[0]!.eventId;
    const c = (await cm.get(`/api/v1/cases/${caseId}`)).json();
    expect(c).toMatchObject({ channel: 'x', status: 'new' });
    expect(['high', 'urgent']).toContain(c.priority);
    // Nothing was tweeted automatically.
    expect(x.tweets).toEqual([]);
  });

  it('answers in public asking which store; the customer’s public answer joins the case', async () => {
    const ours = await answerInPublic(caseId, 'Bonjour, dans quel magasin avez-vous acheté ce produit svp ? Merci d’avance. L’équipe TRUFFAUT');
    expect(x.tweets.at(-1)).toMatchObject({ authorId: x.brand.id, inReplyTo: expect.any(String) });
    await tweets('@Truffaut bonjour, je l’ai acheté au magasin de Grigny l’été dernier.', { in_reply_to_status_id_str: ours, in_reply_to_user_id_str: x.brand.id });
    const [row] = await queryRows<{ case_id: string; detail: string }>(h.ctx.db, sql`SELECT case_id, detail FROM inbound_message WHERE account_id = ${accountId} ORDER BY received_at DESC LIMIT 1`);
    expect(row).toMatchObject({ case_id: caseId, detail: 'joined its case (by the thread it answers)' });
  });

  it('asks for a private message with the ready reply, and the DM’s phone and e-mail become the customer’s', async () => {
    const check = (await cm.post('/api/v1/social/draft-check', { text: '', caseId })).json();
    expect(check.findings).toEqual([]);
    expect(check.privateMove.text).toContain('@nhoizey');
    await answerInPublic(caseId, check.privateMove.text);
    await dms('Voici : 06 12 34 56 78 et nicolas.hoizey@exemple.fr', '954491830116155396');
    const c = (await cm.get(`/api/v1/cases/${caseId}`)).json();
    const customer = (await cm.get(`/api/v1/customers/${c.customer.id}`)).json();
    expect(customer.identities.map((i: { kind: string; value: string }) => `${i.kind}:${i.value}`).sort()).toEqual(['email:nicolas.hoizey@exemple.fr', 'phone:+33612345678', `x:${NICOLAS}`]);
  });

  it('hands the case to the store that sold the product, with the thread kept', async () => {
    const res = await cm.post(`/api/v1/social/messages/${complaintEventId}/hand-over`, { storeId, teamId: storeTeamId, note: 'Acheté à Grigny l’été dernier : 2e minuteur inondé. Il attend votre appel.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().case).toMatchObject({ id: caseId, storeId, teamId: storeTeamId });
    const seen = (await storeManager.get(`/api/v1/cases/${caseId}/events`)).json().items as { type: string; channel: string | null }[];
    expect(seen.filter((e) => e.type === 'message_in').map((e) => e.channel)).toEqual(['x', 'x', 'x']);
  });

  it('lets the store’s manager log the call and solve the case', async () => {
    const call = await storeManager.post(`/api/v1/cases/${caseId}/calls`, { direction: 'out', number: '06 12 34 56 78', durationSeconds: 240, summary: 'Repris en magasin, échangé contre un modèle supérieur.' });
    expect(call.statusCode, call.body).toBe(201);
    const solved = await storeManager.patch(`/api/v1/cases/${caseId}`, { status: 'solved' });
    expect(solved.statusCode, solved.body).toBe(200);
    await h.worker.drain();
  });

  it('links the customer’s public thanks to the case, which stays solved', async () => {
    await tweets('Wow, après mon tweet rageur ce WE @Truffaut a réagi et me le remplace. Chapeau le SAV !');
    const [row] = await queryRows<{ case_id: string; detail: string }>(h.ctx.db, sql`SELECT case_id, detail FROM inbound_message WHERE account_id = ${accountId} ORDER BY received_at DESC LIMIT 1`);
    expect(row).toMatchObject({ case_id: caseId, detail: expect.stringContaining('which stays solved') });
    expect((await cm.get(`/api/v1/cases/${caseId}`)).json().status).toBe('solved');
  });

  it('counts the answers in the account’s response times', async () => {
    const times = (await cm.get(`/api/v1/social/response-times?accountId=${accountId}`)).json();
    const account = times.accounts.find((a: { account: { id: string } }) => a.account.id === accountId);
    // Four public messages: Paul's (unanswered), the complaint and the answer about the store (answered), the thanks.
    expect(account).toMatchObject({ received: 4, answered: 2 });
    expect(account.medianMs).toBeGreaterThanOrEqual(0);
    expect(account.grid.length).toBeGreaterThan(0);
  });
});
