// A harness for the SMS channel's tests: real outbound (test/support/outbound.ts), a brand, and
// an SMS account for our Twilio number; the customer's side is the fake Twilio, which posts
// signed inbound SMS to the account's webhook. `texts` plays one through to its processing.
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { ManualClock } from '../../src/platform/clock.ts';
import { queryRows } from '../../src/platform/db/database.ts';
import { smsInboundPath } from '../../src/channels/sms/sms.routes.ts';
import { asInjection, type InboundSms, type SignedCallback } from '../fakes/twilio.ts';
import { buildBrand } from './factories.ts';
import type { Client } from './harness.ts';
import { PUBLIC_URL, startOutboundHarness, type OutboundHarness } from './outbound.ts';

export const OUR_NUMBER = '+33757001122';

/** An inbound_message row as the tests read it. */
export interface StoredSms {
  id: string;
  raw: Buffer;
  state: string;
  detail: string | null;
  case_id: string | null;
  event_id: string | null;
}

export interface SmsHarness extends OutboundHarness {
  admin: Client;
  brandId: string;
  accountId: string;
  /** The account's inbound webhook, as Twilio is told it (our public address). */
  webhook: string;
  /** Posts a signed request of the fake to the app. */
  send(signed: SignedCallback, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  storedRows(sid: string): Promise<StoredSms[]>;
  /** The customer texts our number: Twilio posts it, the inbound job runs; the row, as it ended. */
  texts(sms: Omit<InboundSms, 'to'>): Promise<{ signed: ReturnType<OutboundHarness['twilio']['inboundSms']>; row: StoredSms }>;
}

export async function startSmsHarness(clock: ManualClock): Promise<SmsHarness> {
  const out = await startOutboundHarness(clock, { COMPTOIR_QUIET_HOURS: 'off' });
  const { h, twilio } = out;
  const admin = await h.userClient('admin');
  const brandId = (await buildBrand(h.ctx, { slug: 'jardin-maison', name: 'Jardin & Maison' })).id;
  const account = await admin.post('/api/v1/channel-accounts', { channel: 'sms', name: 'SMS SAV', address: OUR_NUMBER, brandId });
  expect(account.statusCode, account.body).toBe(201);
  const accountId: string = account.json().id;
  const webhook = `${PUBLIC_URL}${smsInboundPath(accountId)}`;
  const send: SmsHarness['send'] = (signed, headers = {}) => h.app.inject(asInjection(signed, headers));
  const storedRows = (sid: string) =>
    queryRows<StoredSms>(h.ctx.db, sql`SELECT id, raw, state, detail, case_id, event_id FROM inbound_message WHERE provider_id = ${sid}`);
  return {
    ...out,
    admin,
    brandId,
    accountId,
    webhook,
    send,
    storedRows,
    async texts(sms) {
      const signed = twilio.inboundSms(webhook, { ...sms, to: OUR_NUMBER });
      expect((await send(signed)).statusCode).toBe(200);
      await h.worker.drain();
      const [row] = await storedRows(signed.sid);
      return { signed, row: row! };
    },
  };
}
