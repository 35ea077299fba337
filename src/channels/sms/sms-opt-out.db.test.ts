// The opt-out honoured on the way out: no SMS leaves for a number that said STOP — whether it
// said so to us or to Twilio (error 21610, at sending or in a status callback) — and every
// such message is recorded as suppressed with the reason, never silently dropped.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asInjection, type FakeTwilio } from '../../../test/fakes/twilio.ts';
import type { Client, Harness } from '../../../test/support/harness.ts';
import type { EventItem } from '../../../test/support/outbound.ts';
import { startSmsHarness, type SmsHarness } from '../../../test/support/sms.ts';
import { ManualClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/database.ts';
import { recordOptOut } from './opt-out.ts';

const clock = new ManualClock('2026-04-03T15:00:00Z');
let harness: SmsHarness;
let h: Harness;
let twilio: FakeTwilio;
let admin: Client;
let brandId: string;
let accountId: string;

beforeAll(async () => {
  harness = await startSmsHarness(clock);
  ({ h, twilio, admin, brandId, accountId } = harness);
});
afterAll(() => harness?.close());

async function smsCase(phone: string): Promise<{ id: string; number: string }> {
  const res = await admin.post('/api/v1/cases', { customer: { phone, firstName: 'Léa', lastName: 'Bernard' }, subject: 'Tondeuse', message: 'Elle ne démarre plus.', channel: 'sms', brandId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const eventsOf = async (caseId: string): Promise<EventItem[]> => (await admin.get(`/api/v1/cases/${caseId}/events`)).json().items;
const outgoing = async (caseId: string): Promise<EventItem[]> => ((await admin.get(`/api/v1/cases/${caseId}/events`)).json().items as EventItem[]).filter((e) => e.type === 'message_out');
const optOut = async (phone: string) => (await queryRows<{ keyword: string; account_id: string | null }>(h.ctx.db, sql`SELECT keyword, account_id FROM sms_opt_out WHERE phone = ${phone}`))[0];
const sentTo = (phone: string) => twilio.messages.filter((m) => m.to === phone);
const casesOf = async (phone: string) => queryRows<{ id: string }>(h.ctx.db, sql`SELECT c.id FROM sav_case c JOIN customer_identity i ON i.customer_id = c.customer_id WHERE i.kind = 'phone' AND i.value = ${phone}`);

/** The customer texts our number; how the stored row ended. */
const texts = async (from: string, body: string, extra: { optOutType?: 'STOP' | 'START' } = {}) => {
  const { row } = await harness.texts({ from, body, ...extra });
  return { state: row.state, detail: row.detail, case_id: row.case_id, event_id: row.event_id };
};
const reply = async (caseId: string, body: string) => {
  expect((await admin.post(`/api/v1/cases/${caseId}/messages`, { kind: 'reply', body })).statusCode).toBe(201);
  await h.worker.drain();
  return (await outgoing(caseId)).find((e) => e.actor.type === 'user' && e.body?.includes(body))!;
};

describe('STOP and START sent to our number', () => {
  it('STOP records the opt-out and notes it on the customer’s case, opens nothing, and no SMS leaves after it', async () => {
    const c = await smsCase('06 12 34 56 31');
    await h.worker.drain();
    expect(sentTo('+33612345631')).toHaveLength(1);
    clock.set('2026-04-03T15:10:00Z');
    const stop = await texts('+33612345631', 'Stop');
    expect(stop).toMatchObject({ state: 'processed', case_id: c.id, detail: '+33612345631 opted out of SMS (Stop)' });
    expect(await optOut('+33612345631')).toEqual({ keyword: 'Stop', account_id: accountId });
    const note = (await eventsOf(c.id)).find((e) => e.id === stop.event_id)!;
    expect(note).toMatchObject({
      type: 'note',
      visibility: 'internal',
      channel: 'sms',
      actor: { type: 'system' },
      body: 'Le client a répondu « Stop » par SMS depuis le +33612345631 : plus aucun SMS ne lui sera envoyé tant qu’il n’aura pas envoyé START. Répondez-lui par un autre canal.',
    });
    // No customer message, no new case.
    expect((await eventsOf(c.id)).filter((e) => e.type === 'message_in')).toHaveLength(1);
    expect(await casesOf('+33612345631')).toHaveLength(1);

    const refused = await reply(c.id, 'Pouvez-vous nous envoyer une photo ?');
    expect(refused.delivery).toMatchObject({ channel: 'sms', status: 'suppressed', detail: 'opted out: +33612345631 answered Stop on 2026-04-03T17:10:00+02:00; no SMS goes to it until it sends START' });
    expect(sentTo('+33612345631')).toHaveLength(1);
  });

  it('START lifts it: noted on the case, and the next SMS leaves again', async () => {
    const c = await smsCase('06 12 34 56 32');
    await h.worker.drain();
    expect((await texts('+33612345632', 'ARRÊT')).state).toBe('processed');
    expect(await optOut('+33612345632')).toMatchObject({ keyword: 'ARRÊT' });
    const start = await texts('+33612345632', 'START');
    expect(start).toMatchObject({ state: 'processed', case_id: c.id, detail: '+33612345632 receives SMS again (START)' });
    expect(await optOut('+33612345632')).toBeUndefined();
    expect((await eventsOf(c.id)).find((e) => e.id === start.event_id)).toMatchObject({ type: 'note', body: 'Le client a répondu « START » par SMS depuis le +33612345632 : il reçoit de nouveau nos SMS.' });
    expect((await reply(c.id, 'Le technicien passe jeudi.')).delivery).toMatchObject({ status: 'sent' });
    expect(sentTo('+33612345632').at(-1)!.body).toContain('Le technicien passe jeudi.');
  });

  it('from a number we do not know, records the opt-out and nothing else', async () => {
    expect(await texts('+33612345633', 'STOP')).toEqual({ state: 'processed', case_id: null, event_id: null, detail: '+33612345633 opted out of SMS (STOP)' });
    expect(await optOut('+33612345633')).toMatchObject({ keyword: 'STOP' });
    expect(await casesOf('+33612345633')).toEqual([]);
    // START where nothing was stopped changes nothing either.
    expect(await texts('+33612345634', 'UNSTOP')).toMatchObject({ state: 'ignored', detail: 'UNSTOP from +33612345634, which had not opted out: nothing to change' });
    expect(await casesOf('+33612345634')).toEqual([]);
  });

  it('YES from a subscribed number is an answer to the agent; from an opted-out one, it opts in', async () => {
    const c = await smsCase('06 12 34 56 35');
    await h.worker.drain();
    expect(await texts('+33612345635', 'Oui', { optOutType: 'START' })).toMatchObject({ state: 'processed', case_id: c.id, detail: expect.stringMatching(/^joined its case/) });
    expect((await eventsOf(c.id)).filter((e) => e.type === 'message_in').map((e) => e.body)).toEqual(['Elle ne démarre plus.', 'Oui']);
    await texts('+33612345635', 'STOP');
    expect(await texts('+33612345635', 'yes')).toMatchObject({ state: 'processed', detail: '+33612345635 receives SMS again (yes)' });
    expect(await optOut('+33612345635')).toBeUndefined();
  });

  it('a sentence with STOP in it is a message like any other', async () => {
    const c = await smsCase('06 12 34 56 36');
    await h.worker.drain();
    expect(await texts('+33612345636', 'Stop, j’ai trouvé la panne, merci !')).toMatchObject({ state: 'processed', case_id: c.id });
    expect(await optOut('+33612345636')).toBeUndefined();
  });
});

describe('an SMS to a number that opted out', () => {
  it('is suppressed when it is written, with the reason, and never sent', async () => {
    await recordOptOut(h.ctx, { phone: '+33612345611', keyword: 'STOP', accountId: null, at: new Date('2026-04-02T08:30:00Z') });
    const c = await smsCase('06 12 34 56 11');
    // Written suppressed with the case: no delivery job at all.
    const [job] = await queryRows<{ n: number }>(h.ctx.db, sql`SELECT count(*)::int AS n FROM job WHERE name = 'notifications.deliver' AND state = 'pending' AND payload ->> 'text' LIKE ${`%${c.number}%`}`);
    expect(job!.n).toBe(0);
    const [ack] = await outgoing(c.id);
    expect(ack!.delivery).toMatchObject({
      channel: 'sms',
      recipient: '+33612345611',
      status: 'suppressed',
      attempts: 0,
      detail: 'opted out: +33612345611 answered STOP on 2026-04-02T10:30:00+02:00; no SMS goes to it until it sends START',
    });
    await h.worker.drain();
    expect(sentTo('+33612345611')).toEqual([]);
  });

  it('goes by e-mail instead when the customer has an e-mail address', async () => {
    const c = await smsCase('06 12 34 56 19');
    await recordOptOut(h.ctx, { phone: '+33612345619', keyword: 'STOP', accountId: null, at: clock.now() });
    const noMail = await reply(c.id, 'Votre tondeuse est prête.');
    expect(noMail.delivery).toMatchObject({ channel: 'sms', status: 'suppressed', detail: expect.stringMatching(/^opted out: \+33612345619 answered STOP on /) });
    const customerId = (await admin.get(`/api/v1/cases/${c.id}`)).json().customer.id;
    const added = await admin.post(`/api/v1/customers/${customerId}/identities`, { kind: 'email', value: 'lea.bernard@example.test' });
    expect(added.statusCode, added.body).toBe(200);
    const mailed = await reply(c.id, 'Vous pouvez passer la chercher.');
    expect(mailed.delivery).toMatchObject({ channel: 'email', recipient: 'lea.bernard@example.test' });
    expect(sentTo('+33612345619')).toEqual([]);
  });

  it('is suppressed when the number opts out after it was queued, before it leaves', async () => {
    const c = await smsCase('06 12 34 56 12');
    // Queued with the case; its job has not run yet.
    expect((await outgoing(c.id))[0]!.delivery).toMatchObject({ status: 'queued' });
    await recordOptOut(h.ctx, { phone: '+33612345612', keyword: 'Arrêt', accountId: null, at: clock.now() });
    await h.worker.drain();
    expect((await outgoing(c.id))[0]!.delivery).toMatchObject({ status: 'suppressed', attempts: 0, detail: expect.stringMatching(/^opted out: \+33612345612 answered Arrêt on /) });
    expect(sentTo('+33612345612')).toEqual([]);
  });
});

describe('Twilio’s error 21610 (the recipient replied STOP to Twilio)', () => {
  it('fails the SMS as rejected at once, and records the opt-out so that nothing more is tried', async () => {
    twilio.blocked.add('+33612345613');
    const c = await smsCase('06 12 34 56 13');
    await h.worker.drain();
    expect((await outgoing(c.id))[0]!.delivery).toMatchObject({ status: 'failed', attempts: 1, detail: 'rejected (21610): Attempt to send to unsubscribed recipient' });
    expect(await optOut('+33612345613')).toEqual({ keyword: 'STOP (Twilio 21610)', account_id: null });
    // The agent's next answer by SMS is not even tried.
    expect((await admin.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'Nous vous rappelons demain.' })).statusCode).toBe(201);
    await h.worker.drain();
    const reply = (await outgoing(c.id)).find((e) => e.actor.type === 'user')!;
    expect(reply.delivery).toMatchObject({ channel: 'sms', status: 'suppressed', detail: expect.stringContaining('answered STOP (Twilio 21610)') });
  });

  it('in a status callback (a Messaging Service refuses after accepting) records the opt-out too', async () => {
    const c = await smsCase('06 12 34 56 14');
    await h.worker.drain();
    const sms = sentTo('+33612345614')[0]!;
    const callback = await h.app.inject(asInjection(twilio.statusCallback(sms.sid, 'failed', '21610')));
    expect(callback.statusCode).toBe(204);
    expect((await outgoing(c.id))[0]!.delivery).toMatchObject({ status: 'failed', detail: 'rejected (21610): the carrier reported the SMS failed' });
    expect(await optOut('+33612345614')).toMatchObject({ keyword: 'STOP (Twilio 21610)' });
  });
});
