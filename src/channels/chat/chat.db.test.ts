// The live chat over HTTP: a chat account, a visitor starting a conversation from an allowed
// site, messages stored once (a retried POST is one message), the first one acknowledged on
// screen, an agent's answer pushed to the visitor's stream and read there, typing both ways,
// the offline form answered by e-mail, the transcript, and refusals as problem+json.
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand, buildTeam } from '../../../test/support/factories.ts';
import type { Client, Harness } from '../../../test/support/harness.ts';
import { startOutboundHarness, type EventItem, type OutboundHarness } from '../../../test/support/outbound.ts';
import { SseClient } from '../../../test/support/sse.ts';
import { ManualClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/database.ts';
import { VISITOR_RECENT_MS } from './chat.reach.ts';
import { WIDGET_PATH } from './widget.serve.ts';

// A Tuesday, 10:00 in Paris: inside any working-hours calendar.
const clock = new ManualClock('2026-04-07T08:00:00Z');
const SHOP = 'https://www.jardin-maison.example';
let out: OutboundHarness;
let h: Harness;
let base: string;
let admin: Client;
let agent: Client;
let key: string;

beforeAll(async () => {
  out = await startOutboundHarness(clock, { COMPTOIR_PUBLIC_WRITES_PER_HOUR: '50', COMPTOIR_CHAT_MESSAGES_PER_HOUR: '5' });
  h = out.h;
  base = await h.app.listen({ host: '127.0.0.1', port: 0 });
  admin = await h.userClient('admin');
  agent = await h.userClient('agent', { name: 'Camille Martin' });
  const brandId = (await buildBrand(h.ctx, { slug: 'jardin-maison', name: 'Jardin & Maison' })).id;
  const team = await buildTeam(h.ctx, { memberIds: [agent.userId] });
  key = `jm-site-${Date.now()}`;
  const res = await admin.post('/api/v1/channel-accounts', { channel: 'chat', name: 'Chat du site', address: key, brandId, teamId: team.id, settings: { allowedOrigins: [SHOP], greeting: { fr: 'Bonjour ! Une question sur votre commande ?' } } });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(() => out?.close());

let ips = 0;
const visitor = (method: 'GET' | 'POST' | 'OPTIONS', url: string, body?: object, headers: Record<string, string> = {}) =>
  h.app.inject({ method, url, headers: { origin: SHOP, ...headers }, ...(body ? { payload: body } : {}), remoteAddress: `203.0.113.${++ips % 200}` });

async function start(body: object = {}) {
  const res = await visitor('POST', `/api/v1/chat/accounts/${key}/conversations`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { conversationId: string; token: string };
}
const say = (c: { conversationId: string; token: string }, clientId: string, text: string) =>
  visitor('POST', `/api/v1/chat/conversations/${c.conversationId}/messages`, { clientId, text }, { 'x-chat-token': c.token });
const eventsOf = async (caseId: string): Promise<EventItem[]> => (await admin.get(`/api/v1/cases/${caseId}/events`)).json().items;
const caseIdOf = async (conversationId: string) => (await queryRows<{ case_id: string }>(h.ctx.db, sql`SELECT case_id FROM chat_conversation WHERE id = ${conversationId}`))[0]!.case_id;

describe('a chat account', () => {
  it('is checked like every connector: allowed origins are origins', async () => {
    const res = await admin.post('/api/v1/channel-accounts', { channel: 'chat', name: 'Mauvais', address: 'bad-chat', settings: { allowedOrigins: ['https://shop.example/page/'] } });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0].field).toBe('settings.allowedOrigins.0');
    expect((await admin.post('/api/v1/channel-accounts', { channel: 'chat', name: 'Vide', address: 'empty-chat', settings: {} })).statusCode).toBe(422);
  });
});

describe('the visitor API', () => {
  it('answers allowed sites only, with CORS headers, preflight included', async () => {
    const preflight = await visitor('OPTIONS', `/api/v1/chat/accounts/${key}/conversations`, undefined, { 'access-control-request-method': 'POST' });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(SHOP);
    expect(preflight.headers['access-control-allow-headers']).toContain('x-chat-token');

    const foreign = await visitor('POST', `/api/v1/chat/accounts/${key}/conversations`, {}, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const none = await h.app.inject({ method: 'POST', url: `/api/v1/chat/accounts/${key}/conversations`, payload: {} });
    expect(none.statusCode).toBe(403);
    expect((await visitor('GET', '/api/v1/chat/accounts/nope/status')).statusCode).toBe(404);
  });

  it('says the chat is closed until an agent of the team is there, then open', async () => {
    const closed = await visitor('GET', `/api/v1/chat/accounts/${key}/status?lang=fr`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ open: false, reason: 'no_agent', brand: 'Jardin & Maison', greeting: 'Bonjour ! Une question sur votre commande ?' });
    // Someone outside the team does not open it.
    expect((await admin.post('/api/v1/chat/presence')).statusCode).toBe(204);
    expect((await visitor('GET', `/api/v1/chat/accounts/${key}/status`)).json().open).toBe(false);
    expect((await agent.post('/api/v1/chat/presence')).statusCode).toBe(204);
    expect((await visitor('GET', `/api/v1/chat/accounts/${key}/status`)).json()).toMatchObject({ open: true, reason: null });
    clock.advance(2 * 60_000);
    expect((await visitor('GET', `/api/v1/chat/accounts/${key}/status`)).json()).toMatchObject({ open: false, reason: 'no_agent' });
    await agent.post('/api/v1/chat/presence');
  });

  it('is closed outside the team’s hours, whoever is there', async () => {
    const sundays = await admin.post('/api/v1/calendars', { name: 'Le dimanche', timezone: 'Europe/Paris', hours: { sun: [['10:00', '12:00']] } });
    expect(sundays.statusCode, sundays.body).toBe(201);
    const team = await buildTeam(h.ctx, { memberIds: [agent.userId], calendarId: sundays.json().id });
    const res = await admin.post('/api/v1/channel-accounts', { channel: 'chat', name: 'Chat du dimanche', address: `${key}-sun`, teamId: team.id, settings: { allowedOrigins: [SHOP] } });
    expect(res.statusCode, res.body).toBe(201);
    await agent.post('/api/v1/chat/presence');
    expect((await visitor('GET', `/api/v1/chat/accounts/${key}-sun/status`)).json()).toMatchObject({ open: false, reason: 'outside_hours' });
  });

  it('stops answering a disabled account, its open conversations included', async () => {
    const created = await admin.post('/api/v1/channel-accounts', { channel: 'chat', name: 'Chat éphémère', address: `${key}-off`, settings: { allowedOrigins: [SHOP] } });
    const res = await visitor('POST', `/api/v1/chat/accounts/${key}-off/conversations`, {});
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect((await admin.patch(`/api/v1/channel-accounts/${created.json().id}`, { state: 'disabled' })).statusCode).toBe(200);
    expect((await say(c, 'client-off-0001', 'Il y a quelqu’un ?')).statusCode).toBe(404);
    expect((await visitor('GET', `/api/v1/chat/accounts/${key}-off/status`)).statusCode).toBe(404);
  });

  it('refuses bad input as problem+json, with the CORS headers so the widget can read it', async () => {
    const c = await start();
    const empty = await say(c, 'abcdefgh1', '   ');
    expect(empty.statusCode).toBe(422);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    expect(empty.headers['access-control-allow-origin']).toBe(SHOP);
    expect((await say(c, 'bad id!', 'Bonjour')).statusCode).toBe(422);
    expect((await say({ ...c, token: c.token.slice(0, -2) + 'xx' }, 'abcdefgh2', 'Bonjour')).statusCode).toBe(404);
    const badEmail = await visitor('POST', `/api/v1/chat/accounts/${key}/conversations`, { email: 'pas-un-email' });
    expect(badEmail.statusCode).toBe(422);
    expect(badEmail.json().errors).toEqual([{ field: 'email', message: 'invalid' }]);
  });

  it('stores each message once: a retried POST is the same message; the first opens the case and is acknowledged', async () => {
    const c = await start({ name: 'Marc Petit', email: 'marc.chat@exemple.fr' });
    const first = await say(c, 'client-msg-0001', 'Bonjour, mon programmateur Gardena fuit.');
    expect(first.statusCode, first.body).toBe(201);
    const sent = first.json();
    expect(sent.caseNumber).toMatch(/^SAV-2026-\d{6}$/);
    expect(sent.acknowledgment).toMatchObject({ number: sent.caseNumber, brand: 'Jardin & Maison', language: 'fr', promise: { metric: 'first_reply' } });
    expect(sent.acknowledgment.promise.text).toMatch(/^au plus tard le /);
    expect(sent.acknowledgment.trackingUrl).toMatch(/\/t\/[\w-]{40,}$/);

    const retry = await say(c, 'client-msg-0001', 'Bonjour, mon programmateur Gardena fuit.');
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().eventId).toBe(sent.eventId);
    const second = await say(c, 'client-msg-0002', 'Il a inondé le jardin.');
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ caseNumber: sent.caseNumber, acknowledgment: null });

    const caseId = await caseIdOf(c.conversationId);
    const messages = (await eventsOf(caseId)).filter((e) => e.type === 'message_in');
    expect(messages.map((e) => [e.channel, e.body])).toEqual([
      ['chat', 'Bonjour, mon programmateur Gardena fuit.'],
      ['chat', 'Il a inondé le jardin.'],
    ]);
    const stored = await queryRows<{ state: string; n: number }>(h.ctx.db, sql`SELECT state, count(*)::int AS n FROM inbound_message WHERE channel = 'chat' AND provider_id LIKE ${`${c.conversationId}/%`} GROUP BY state`);
    expect(stored).toEqual([{ state: 'processed', n: 2 }]);
    // The inbound job, run later, finds them done and changes nothing.
    await h.worker.drain();
    expect((await eventsOf(caseId)).filter((e) => e.type === 'message_in')).toHaveLength(2);
    expect((await admin.get(`/api/v1/cases/${caseId}`)).json()).toMatchObject({ channel: 'chat', number: sent.caseNumber });
  });

  it('limits the messages of one conversation per hour, with Retry-After and the CORS headers', async () => {
    const c = await start();
    for (let i = 1; i <= 5; i++) expect((await say(c, `client-burst-${i}`, `Message ${i}`)).statusCode).toBe(201);
    const refused = await say(c, 'client-burst-6', 'Un de trop');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['access-control-allow-origin']).toBe(SHOP);
  });

  it('pushes the agent’s answer to the visitor’s stream, with typing, and comes back read', async () => {
    const c = await start({ name: 'Léa' });
    await say(c, 'client-msg-1001', 'Ma commande n’est pas arrivée.');
    const caseId = await caseIdOf(c.conversationId);
    const stream = await SseClient.open(`${base}/api/v1/chat/conversations/${c.conversationId}/stream?token=${encodeURIComponent(c.token)}`, { origin: SHOP });
    const signals = await SseClient.open(`${base}/api/v1/cases/${caseId}/chat/signals`, { authorization: `Bearer ${agent.token}` });
    try {
      // The history on connect: the visitor's own message, with the widget's id.
      expect(stream.frames.find((f) => f.event === 'message')?.data).toMatchObject({ author: 'visitor', text: 'Ma commande n’est pas arrivée.', clientId: 'client-msg-1001' });

      expect((await agent.post(`/api/v1/cases/${caseId}/chat/typing`, { typing: true })).statusCode).toBe(204);
      expect((await stream.waitFor((f) => f.event === 'typing')).data).toEqual({ typing: true, name: 'Camille' });
      expect((await visitor('POST', `/api/v1/chat/conversations/${c.conversationId}/typing`, { typing: true }, { 'x-chat-token': c.token })).statusCode).toBe(204);
      expect((await signals.waitFor((f) => f.event === 'typing')).data).toEqual({ typing: true });

      const reply = await agent.post(`/api/v1/cases/${caseId}/messages`, { kind: 'reply', body: 'Bonjour Léa, je regarde votre commande.' });
      expect(reply.statusCode, reply.body).toBe(201);
      await h.worker.drain();
      const answer = await stream.waitFor((f) => f.event === 'message' && (f.data as { author: string }).author === 'agent');
      expect(answer.data).toMatchObject({ author: 'agent', name: 'Camille', text: 'Bonjour Léa, je regarde votre commande.' });
      const delivery = async () => (await eventsOf(caseId)).find((e) => e.id === answer.id)!.delivery;
      await expect.poll(async () => (await delivery())?.status).toBe('delivered');
      expect(await delivery()).toMatchObject({ channel: 'chat', recipient: c.conversationId });

      const read = await visitor('POST', `/api/v1/chat/conversations/${c.conversationId}/read`, { eventId: answer.id }, { 'x-chat-token': c.token });
      expect(read.statusCode).toBe(204);
      expect((await delivery())?.status).toBe('read');
      expect((await signals.waitFor((f) => f.event === 'read')).data).toEqual({ eventId: answer.id });

      expect((await agent.post(`/api/v1/cases/${caseId}/chat/read`)).statusCode).toBe(204);
      await stream.waitFor((f) => f.event === 'read');
    } finally {
      await stream.close();
      await signals.close();
    }

    // Reconnecting with Last-Event-ID replays only what came after.
    const again = await SseClient.open(`${base}/api/v1/chat/conversations/${c.conversationId}/stream?token=${encodeURIComponent(c.token)}`, { origin: SHOP, 'last-event-id': (await eventsOf(caseId)).find((e) => e.type === 'message_in')!.id });
    try {
      expect(again.frames.filter((f) => f.event === 'message').map((f) => (f.data as { text: string }).text)).toEqual(['Bonjour Léa, je regarde votre commande.']);
    } finally {
      await again.close();
    }
  });

  it('tells the visitor when the agent solves the case', async () => {
    const c = await start();
    await say(c, 'client-msg-1501', 'Tout est réglé, merci.');
    const caseId = await caseIdOf(c.conversationId);
    const stream = await SseClient.open(`${base}/api/v1/chat/conversations/${c.conversationId}/stream?token=${encodeURIComponent(c.token)}`, { origin: SHOP });
    try {
      const current = (await admin.get(`/api/v1/cases/${caseId}`)).json();
      const solved = await admin.patch(`/api/v1/cases/${caseId}`, { status: 'solved' }, { 'if-match': `"${current.version}"` });
      expect(solved.statusCode, solved.body).toBe(200);
      await stream.waitFor((f) => f.event === 'ended');
    } finally {
      await stream.close();
    }
  });

  it('answers by e-mail once the visitor has left', async () => {
    const c = await start({ email: 'parti@exemple.fr' });
    await say(c, 'client-msg-2001', 'Je dois partir, répondez-moi par mail.');
    const caseId = await caseIdOf(c.conversationId);
    clock.advance(VISITOR_RECENT_MS + 1000);
    await agent.post(`/api/v1/cases/${caseId}/messages`, { kind: 'reply', body: 'Voici la réponse par e-mail.' });
    await h.worker.drain();
    const reply = (await eventsOf(caseId)).find((e) => e.body === 'Voici la réponse par e-mail.')!;
    expect(reply.delivery).toMatchObject({ channel: 'email', recipient: 'parti@exemple.fr', status: 'sent' });
    await agent.post('/api/v1/chat/presence');
  });

  it('sends the transcript by e-mail when the visitor ends the conversation', async () => {
    const c = await start({ name: 'Nina' });
    await say(c, 'client-msg-3001', 'Le tuyau est percé.');
    const caseId = await caseIdOf(c.conversationId);
    await agent.post(`/api/v1/cases/${caseId}/messages`, { kind: 'reply', body: 'Nous vous envoyons un tuyau neuf.' });
    await h.worker.drain();
    const ended = await visitor('POST', `/api/v1/chat/conversations/${c.conversationId}/end`, { transcript: true, email: 'nina@exemple.fr' }, { 'x-chat-token': c.token });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toEqual({ transcript: 'queued' });
    await h.worker.drain();
    await expect.poll(() => out.mailsTo('nina@exemple.fr').length).toBe(1);
    const mail = out.mailsTo('nina@exemple.fr')[0]!.mail;
    expect(mail.subject).toMatch(/^\[SAV-2026-\d{6}\] Votre conversation avec Jardin & Maison$/);
    expect(mail.text).toMatch(/\[\d\d:\d\d\] Vous : Le tuyau est percé\./);
    expect(mail.text).toMatch(/\[\d\d:\d\d\] Camille : Nous vous envoyons un tuyau neuf\./);
    // Ended: no more messages in it.
    expect((await say(c, 'client-msg-3002', 'Encore une chose')).statusCode).toBe(409);
    // The e-mail given for the transcript is now the customer's.
    const customerId = (await agent.get(`/api/v1/cases/${caseId}`)).json().customer.id;
    const identities = (await agent.get(`/api/v1/customers/${customerId}`)).json().identities;
    expect(identities.map((i: { kind: string; value: string }) => `${i.kind}:${i.value}`)).toEqual(['email:nina@exemple.fr']);
  });

  it('suggests a merge, never makes one, when the e-mail given in the chat is another customer’s', async () => {
    const known = (await agent.post('/api/v1/customers', { displayName: 'Odile Vidal', identities: [{ kind: 'email', value: 'odile@exemple.fr' }] })).json();
    const c = await start({ name: 'Odile' });
    await say(c, 'client-msg-3101', 'Ma commande est incomplète.');
    const caseId = await caseIdOf(c.conversationId);
    const ended = await visitor('POST', `/api/v1/chat/conversations/${c.conversationId}/end`, { transcript: true, email: 'Odile@exemple.fr' }, { 'x-chat-token': c.token });
    expect(ended.statusCode, ended.body).toBe(200);
    const visitorId = (await agent.get(`/api/v1/cases/${caseId}`)).json().customer.id;
    expect(visitorId).not.toBe(known.id);
    const [s] = (await agent.get(`/api/v1/merge-suggestions?customerId=${visitorId}`)).json().items;
    expect(s).toMatchObject({ customer: { id: visitorId }, otherCustomer: { id: known.id }, identity: { kind: 'email', value: 'odile@exemple.fr' }, source: 'chat' });
    expect((await agent.get(`/api/v1/customers/${known.id}`)).json().mergedIntoId).toBeNull();
  });

  it('opens an e-mail case from the offline form, acknowledged on screen and by e-mail with the promise', async () => {
    const body = { clientId: 'offline-0001', name: 'Paul Girard', email: 'paul.girard@exemple.fr', message: 'Ma tondeuse ne démarre plus.', lang: 'fr' };
    const res = await visitor('POST', `/api/v1/chat/accounts/${key}/offline`, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ number: expect.stringMatching(/^SAV-2026-/), promise: { metric: 'first_reply' } });
    const again = await visitor('POST', `/api/v1/chat/accounts/${key}/offline`, body);
    expect(again.statusCode).toBe(200);
    expect(again.json().number).toBe(res.json().number);
    await h.worker.drain();
    await expect.poll(() => out.mailsTo('paul.girard@exemple.fr').length).toBe(1);
    const ack = out.mailsTo('paul.girard@exemple.fr')[0]!.mail;
    expect(ack.subject).toBe(`[${res.json().number}] Nous avons bien reçu votre demande`);
    expect(ack.text).toContain('au plus tard le');
    const [c] = await queryRows<{ channel: string; notify_via: string }>(h.ctx.db, sql`SELECT channel, notify_via FROM sav_case WHERE number = ${res.json().number}`);
    expect(c).toEqual({ channel: 'chat', notify_via: 'email' });
    const missing = await visitor('POST', `/api/v1/chat/accounts/${key}/offline`, { ...body, clientId: 'offline-0002', email: '' });
    expect(missing.statusCode).toBe(422);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });
});

describe('the widget script', () => {
  it('is served as JavaScript, under 30 KB gzipped', async () => {
    const res = await h.app.inject({ method: 'GET', url: WIDGET_PATH, headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.rawPayload.length).toBeLessThan(30 * 1024);
    const js = gunzipSync(res.rawPayload).toString('utf8');
    // Types stripped: it runs in any browser as a classic script.
    expect(() => new Function(js)).not.toThrow();
    const plain = await h.app.inject({ method: 'GET', url: WIDGET_PATH });
    expect(plain.body).toBe(js);
  });
});
