// The opt-out honoured on the way out: no SMS leaves for a number that said STOP — whether it
// said so to us or to Twilio (error 21610, at sending or in a status callback) — and every
// such message is recorded as suppressed with the reason, never silently dropped.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asInjection, type FakeTwilio } from '../../../test/fakes/twilio.ts';
import { buildBrand } from '../../../test/support/factories.ts';
import type { Client, Harness } from '../../../test/support/harness.ts';
import { startOutboundHarness, type EventItem, type OutboundHarness } from '../../../test/support/outbound.ts';
import { ManualClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/database.ts';
import { recordOptOut } from './opt-out.ts';

const clock = new ManualClock('2026-04-03T15:00:00Z');
let out: OutboundHarness;
let h: Harness;
let twilio: FakeTwilio;
let admin: Client;
let brandId: string;

beforeAll(async () => {
  out = await startOutboundHarness(clock, { COMPTOIR_QUIET_HOURS: 'off' });
  ({ h, twilio } = out);
  admin = await h.userClient('admin');
  brandId = (await buildBrand(h.ctx, { slug: 'jardin-maison', name: 'Jardin & Maison' })).id;
});
afterAll(() => out?.close());

async function smsCase(phone: string): Promise<{ id: string; number: string }> {
  const res = await admin.post('/api/v1/cases', { customer: { phone, firstName: 'Léa', lastName: 'Bernard' }, subject: 'Tondeuse', message: 'Elle ne démarre plus.', channel: 'sms', brandId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const outgoing = async (caseId: string): Promise<EventItem[]> => ((await admin.get(`/api/v1/cases/${caseId}/events`)).json().items as EventItem[]).filter((e) => e.type === 'message_out');
const optOut = async (phone: string) => (await queryRows<{ keyword: string; account_id: string | null }>(h.ctx.db, sql`SELECT keyword, account_id FROM sms_opt_out WHERE phone = ${phone}`))[0];
const sentTo = (phone: string) => twilio.messages.filter((m) => m.to === phone);

describe('an SMS to a number that opted out', () => {
  it('is suppressed when it is written, with the reason, and never sent', async () => {
    await recordOptOut(h.ctx, { phone: '+33612345611', keyword: 'STOP', accountId: null, at: new Date('2026-04-02T08:30:00Z') });
    const c = await smsCase('06 12 34 56 11');
    await h.worker.drain();
    const [ack] = await outgoing(c.id);
    expect(ack!.delivery).toMatchObject({
      channel: 'sms',
      recipient: '+33612345611',
      status: 'suppressed',
      attempts: 0,
      detail: 'opted out: +33612345611 answered STOP on 2026-04-02T10:30:00+02:00; no SMS goes to it until it sends START',
    });
    expect(sentTo('+33612345611')).toEqual([]);
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
