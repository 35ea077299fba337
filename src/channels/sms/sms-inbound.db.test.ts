// Inbound SMS and MMS end to end, with the fake Twilio playing the customer's side: the signed
// webhook (stored once before anything else, refused unsigned with nothing stored), STOP and
// START (the number's opt-out, honoured by every SMS that would leave), MMS files fetched the
// way Twilio serves them.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asInjection, type FakeTwilio } from '../../../test/fakes/twilio.ts';
import { buildBrand } from '../../../test/support/factories.ts';
import type { Client, Harness } from '../../../test/support/harness.ts';
import { PUBLIC_URL, startOutboundHarness, type OutboundHarness } from '../../../test/support/outbound.ts';
import { ManualClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/database.ts';
import { smsInboundPath } from './sms.routes.ts';

const clock = new ManualClock('2026-04-03T15:00:00Z');
const OUR_NUMBER = '+33757001122';
let out: OutboundHarness;
let h: Harness;
let twilio: FakeTwilio;
let admin: Client;
let brandId: string;
let accountId: string;
let webhook: string;

beforeAll(async () => {
  out = await startOutboundHarness(clock, { COMPTOIR_QUIET_HOURS: 'off' });
  ({ h, twilio } = out);
  admin = await h.userClient('admin');
  brandId = (await buildBrand(h.ctx, { slug: 'jardin-maison', name: 'Jardin & Maison' })).id;
  const account = await admin.post('/api/v1/channel-accounts', { channel: 'sms', name: 'SMS SAV', address: OUR_NUMBER, brandId });
  expect(account.statusCode, account.body).toBe(201);
  accountId = account.json().id;
  webhook = `${PUBLIC_URL}${smsInboundPath(accountId)}`;
});
afterAll(() => out?.close());

const send = (signed: Parameters<typeof asInjection>[0], headers: Record<string, string> = {}) => h.app.inject(asInjection(signed, headers));
const storedRows = (sid: string) => queryRows<{ id: string; raw: Buffer; state: string; detail: string | null; case_id: string | null }>(h.ctx.db, sql`SELECT id, raw, state, detail, case_id FROM inbound_message WHERE provider_id = ${sid}`);

describe('the inbound SMS webhook', () => {
  it('stores the message as Twilio sent it, once however often Twilio retries, and answers empty TwiML', async () => {
    const sms = twilio.inboundSms(webhook, { from: '+33612345601', to: OUR_NUMBER, body: 'Bonjour, ma tondeuse ne démarre plus.' });
    const first = await send(sms);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(first.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    expect((await send(sms)).statusCode).toBe(200);
    const rows = await storedRows(sms.sid);
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]!.raw).toString('utf8')).toBe(sms.body);
  });

  it('refuses a wrong or missing signature with a 403 problem, and stores nothing', async () => {
    const sms = twilio.inboundSms(webhook, { from: '+33612345602', to: OUR_NUMBER, body: 'Faux message' });
    const forged = await send(sms, { 'x-twilio-signature': 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' });
    expect(forged.statusCode).toBe(403);
    expect(forged.headers['content-type']).toContain('application/problem+json');
    expect(forged.json()).toMatchObject({ status: 403, code: 'forbidden' });
    const { 'x-twilio-signature': _, ...unsigned } = sms.headers;
    expect((await h.app.inject({ ...asInjection(sms), headers: unsigned })).statusCode).toBe(403);
    // Signed for another account's address: the URL is signed too.
    const elsewhere = twilio.inboundSms(`${PUBLIC_URL}${smsInboundPath('0195f1c2-0000-7000-8000-000000000000')}`, { from: '+33612345602', to: OUR_NUMBER, body: 'x' });
    expect((await h.app.inject({ ...asInjection(elsewhere), url: smsInboundPath(accountId) })).statusCode).toBe(403);
    // A field changed on the way.
    expect((await h.app.inject({ ...asInjection(sms), payload: sms.body.replace('Faux', 'Vrai') })).statusCode).toBe(403);
    expect(await storedRows(sms.sid)).toHaveLength(0);
    expect(await storedRows(elsewhere.sid)).toHaveLength(0);
  });

  it('knows only SMS accounts, and refuses a body no SMS has', async () => {
    const unknown = twilio.inboundSms(`${PUBLIC_URL}${smsInboundPath('0195f1c2-0000-7000-8000-000000000000')}`, { from: '+33612345603', to: OUR_NUMBER, body: 'x' });
    expect((await send(unknown)).statusCode).toBe(404);
    const huge = twilio.inboundSms(webhook, { from: '+33612345603', to: OUR_NUMBER, body: 'x'.repeat(70_000) });
    const refused = await send(huge);
    expect(refused.statusCode).toBe(413);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(await storedRows(huge.sid)).toHaveLength(0);
  });
});
