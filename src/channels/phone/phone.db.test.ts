// The phone channel end to end: agents log calls and open cases from calls; the telephony
// webhook (signed, stored before processed, deduplicated) pops the caller on the right
// agent's stream and records the call when it ends.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/database.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { buildBrand, buildCase, buildTeam } from '../../../test/support/factories.ts';
import { SseClient } from '../../../test/support/sse.ts';
import { webhookSignature } from '../webhook-signature.ts';

let h: Harness;
let base: string;
let admin: Client;
let agent: Client;
let other: Client;
let brandId: string;
let lineId: string;
const SECRET = 'a-secret-the-pbx-and-comptoir-share';

beforeAll(async () => {
  h = await startHarness();
  base = await h.app.listen({ host: '127.0.0.1', port: 0 });
  admin = await h.userClient('admin');
  agent = await h.userClient('agent', { name: 'Nora Agent' });
  other = await h.userClient('agent');
  brandId = (await buildBrand(h.ctx)).id;
  const team = await buildTeam(h.ctx, { memberIds: [other.userId] });
  const line = await admin.post('/api/v1/channel-accounts', { channel: 'phone', name: 'Ligne SAV', address: '+33180000000', brandId, teamId: team.id, secrets: { webhookSecret: SECRET } });
  expect(line.statusCode, line.body).toBe(201);
  lineId = line.json().id;
});
afterAll(() => h?.close());

function sendEvent(event: Record<string, unknown>, secret = SECRET) {
  const body = JSON.stringify(event);
  return h.app.inject({
    method: 'POST',
    url: `/api/v1/channels/phone/${lineId}/events`,
    payload: body,
    headers: { 'content-type': 'application/json', 'x-comptoir-signature': webhookSignature(secret, body) },
  });
}

const eventsOf = async (caseId: string) => (await agent.get(`/api/v1/cases/${caseId}/events`)).json().items as { type: string; body: string | null; data: Record<string, unknown> }[];

describe('agents and calls', () => {
  it('logs a call on a case, with the number in E.164 and the summary on the timeline', async () => {
    const c = await buildCase(h.ctx, brandId, { customer: { email: 'appel@exemple.fr', lastName: 'Appel' } });
    const res = await agent.post(`/api/v1/cases/${c.id}/calls`, { direction: 'out', number: '06 12 34 56 01', durationSeconds: 240, summary: 'Rappelée : elle envoie la facture ce soir.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ direction: 'out', number: '+33612345601', numberRaw: '06 12 34 56 01', state: 'logged', caseId: c.id, agentUserId: agent.userId, durationSeconds: 240 });
    const logged = (await eventsOf(c.id)).find((e) => e.type === 'call_logged')!;
    expect(logged).toMatchObject({ body: 'Rappelée : elle envoie la facture ce soir.', data: { direction: 'out', number: '+33612345601', durationSeconds: 240 } });
    // The number is now the customer's: the next call from it finds her.
    const found = (await agent.get('/api/v1/customers?q=0612345601')).json().items;
    expect(found.map((x: { id: string }) => x.id)).toEqual([c.customer.id]);
  });

  it('refuses a number that is not one, as a problem', async () => {
    const c = await buildCase(h.ctx, brandId);
    const res = await agent.post(`/api/v1/cases/${c.id}/calls`, { number: 'pas un numéro', summary: 'x' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([{ field: 'number', message: expect.stringContaining('not a valid phone number') }]);
  });

  it('opens a case from a call: the number resolves the customer, the case is on the phone channel and acknowledged by SMS', async () => {
    const known = await buildCase(h.ctx, brandId, { customer: { phone: '+33612345602', lastName: 'Connu' } });
    const res = await agent.post('/api/v1/phone/cases', { number: '0612345602', subject: 'Tondeuse en panne', summary: 'La tondeuse ne démarre plus depuis hier.', durationSeconds: 95, brandId });
    expect(res.statusCode, res.body).toBe(201);
    const { case: opened, call } = res.json();
    expect(opened).toMatchObject({ channel: 'phone', customer: { id: known.customer.id } });
    expect(call).toMatchObject({ state: 'logged', caseId: opened.id, number: '+33612345602', durationSeconds: 95 });
    const events = await eventsOf(opened.id);
    expect(events.find((e) => e.type === 'message_in')).toMatchObject({ body: 'La tondeuse ne démarre plus depuis hier.', data: { callId: call.id, recordedBy: agent.userId } });
    expect(events.find((e) => e.type === 'call_logged')).toMatchObject({ data: { callId: call.id, durationSeconds: 95 } });
    const ack = events.find((e) => e.type === 'message_out' && e.data.kind === 'acknowledgment')!;
    expect(ack).toMatchObject({ channel: 'sms' });
    expect(ack.body).toContain(opened.number);
  });

  it('creates the customer of an unknown number, with the e-mail given for the acknowledgment', async () => {
    const res = await agent.post('/api/v1/phone/cases', { number: '+33 6 12 34 56 03', subject: 'Livraison', summary: 'Colis jamais arrivé.', customer: { firstName: 'Léa', lastName: 'Nouvelle', email: 'lea.nouvelle@exemple.fr' }, brandId });
    expect(res.statusCode, res.body).toBe(201);
    const customer = (await agent.get(`/api/v1/customers/${res.json().case.customer.id}`)).json();
    expect(customer.identities.map((i: { value: string }) => i.value).sort()).toEqual(['+33612345603', 'lea.nouvelle@exemple.fr']);
    const ack = (await eventsOf(res.json().case.id)).find((e) => e.data.kind === 'acknowledgment');
    expect(ack).toMatchObject({ channel: 'email' });
  });
});

describe('the telephony webhook', () => {
  it('refuses a wrong or missing signature with a 401 problem, and stores nothing', async () => {
    const bad = await sendEvent({ event: 'call.started', callId: 'forged-1', from: '+33612345604' }, 'not-the-secret-of-this-line!!');
    expect(bad.statusCode).toBe(401);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
    const unsigned = await h.app.inject({ method: 'POST', url: `/api/v1/channels/phone/${lineId}/events`, payload: { event: 'call.started', callId: 'forged-2', from: '+33612345604' } });
    expect(unsigned.statusCode).toBe(401);
    const [stored] = await queryRows<{ n: number }>(h.ctx.db, sql`SELECT count(*)::int AS n FROM inbound_message WHERE provider_id LIKE 'forged-%'`);
    expect(stored!.n).toBe(0);
  });

  it('pops the caller, their customer and open cases on the named agent’s stream only, then records the call on its end — once, however often it is sent', async () => {
    const c = await buildCase(h.ctx, brandId, { customer: { phone: '+33612345605', firstName: 'Marc', lastName: 'Sonne' } });
    const mine = await SseClient.open(`${base}/api/v1/events`, { authorization: `Bearer ${agent.token}` });
    const theirs = await SseClient.open(`${base}/api/v1/events`, { authorization: `Bearer ${other.token}` });
    try {
      const started = await sendEvent({ event: 'call.started', callId: 'pbx-100', from: '0612345605', agent: { email: agent.email.toUpperCase() } });
      expect(started.statusCode, started.body).toBe(202);
      expect(started.json()).toEqual({ received: true, duplicate: false });
      expect((await sendEvent({ event: 'call.started', callId: 'pbx-100', from: '0612345605', agent: { email: agent.email } })).json()).toEqual({ received: true, duplicate: true });
      await h.worker.drain();
      const ring = await mine.waitFor((f) => f.event === 'phone.ringing');
      const callId = (ring.data as { callId: string }).callId;
      expect(ring.data).toMatchObject({ number: '+33612345605', state: 'ringing' });
      const pop = (await agent.get(`/api/v1/phone/calls/${callId}`)).json();
      expect(pop.customer).toEqual({ id: c.customer.id, displayName: 'Marc Sonne' });
      expect(pop.openCases.map((x: { id: string }) => x.id)).toEqual([c.id]);

      const ended = { event: 'call.ended', callId: 'pbx-100', from: '0612345605', durationSeconds: 180 };
      expect((await sendEvent(ended)).statusCode).toBe(202);
      expect((await sendEvent(ended)).json().duplicate).toBe(true);
      await h.worker.drain();
      await mine.waitFor((f) => f.event === 'phone.call_updated');
      const calls = (await eventsOf(c.id)).filter((e) => e.type === 'call_logged');
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ data: { callId, direction: 'in', number: '+33612345605', durationSeconds: 180 } });
      // The team's member was not named: nothing rang for them.
      expect(theirs.frames.some((f) => f.event.startsWith('phone.'))).toBe(false);

      // The agent's summary, written after the call ended on the case, joins it as a note.
      const summary = await agent.post(`/api/v1/cases/${c.id}/calls`, { callId, number: '0612345605', summary: 'Il rappellera avec la référence.' });
      expect(summary.statusCode, summary.body).toBe(201);
      expect(summary.json()).toMatchObject({ state: 'logged', summary: 'Il rappellera avec la référence.' });
      expect((await eventsOf(c.id)).filter((e) => e.type === 'call_logged')).toHaveLength(1);
      expect((await eventsOf(c.id)).find((e) => e.type === 'note')).toMatchObject({ body: 'Il rappellera avec la référence.', data: { callId } });
    } finally {
      await mine.close();
      await theirs.close();
    }
  });

  it('rings the line’s team when no agent is named, and leaves a call with no open case pending for the agent to complete', async () => {
    const teamStream = await SseClient.open(`${base}/api/v1/events`, { authorization: `Bearer ${other.token}` });
    try {
      await sendEvent({ event: 'call.started', callId: 'pbx-200', from: '+33612345606' });
      await h.worker.drain();
      const ring = await teamStream.waitFor((f) => f.event === 'phone.ringing');
      const callId = (ring.data as { callId: string }).callId;
      expect((await other.get(`/api/v1/phone/calls/${callId}`)).json()).toMatchObject({ customer: null, openCases: [] });
      await sendEvent({ event: 'call.ended', callId: 'pbx-200', from: '+33612345606', durationSeconds: 60 });
      await h.worker.drain();
      const pending = (await other.get('/api/v1/phone/calls?state=pending')).json().items;
      expect(pending).toEqual([expect.objectContaining({ id: callId, state: 'pending', durationSeconds: 60, caseId: null })]);
      const opened = await other.post('/api/v1/phone/cases', { callId, number: '+33612345606', subject: 'Question', summary: 'Demande le délai de réparation.' });
      expect(opened.statusCode, opened.body).toBe(201);
      expect(opened.json().call).toMatchObject({ id: callId, state: 'logged', durationSeconds: 60, agentUserId: other.userId });
      expect(opened.json().case).toMatchObject({ channel: 'phone', brandId });
      expect((await other.get('/api/v1/phone/calls?state=pending')).json().items).toEqual([]);
    } finally {
      await teamStream.close();
    }
  });

  it('refuses a signed event without its caller’s number (422), before storing it', async () => {
    const res = await sendEvent({ event: 'call.started', callId: 'pbx-300' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'from' })]);
  });

  it('maps an extension to an agent, who is then the one the call rings for', async () => {
    expect((await admin.post('/api/v1/phone/extensions', { userId: other.userId, extension: '201' })).statusCode).toBe(204);
    expect((await admin.post('/api/v1/phone/extensions', { userId: agent.userId, extension: '201' })).statusCode).toBe(409);
    expect((await agent.post('/api/v1/phone/extensions', { userId: agent.userId, extension: '202' })).statusCode).toBe(403);
    const stream = await SseClient.open(`${base}/api/v1/events`, { authorization: `Bearer ${other.token}` });
    try {
      await sendEvent({ event: 'call.started', callId: 'pbx-400', from: '+33612345607', agent: { extension: '201' } });
      await h.worker.drain();
      await stream.waitFor((f) => f.event === 'phone.ringing');
      const [row] = await queryRows<{ agent_user_id: string }>(h.ctx.db, sql`SELECT agent_user_id FROM phone_call WHERE provider_call_id = 'pbx-400'`);
      expect(row!.agent_user_id).toBe(other.userId);
    } finally {
      await stream.close();
    }
  });
});
