// The Twilio client against the local fake of the REST API (test/fakes/twilio.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTwilio, type FakeTwilio } from '../../../test/fakes/twilio.ts';
import type { ProviderError } from '../provider-errors.ts';
import { TwilioClient } from './twilio-client.ts';
import { isValidTwilioSignature } from './twilio-signature.ts';

let twilio: FakeTwilio;
const client = (over: Partial<ConstructorParameters<typeof TwilioClient>[0]> = {}) =>
  new TwilioClient({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: '+33757001122', messagingServiceSid: null, apiUrl: twilio.url, ...over });
const failure = (p: Promise<unknown>) => p.then(() => expect.unreachable(), (e: unknown) => e as ProviderError);

beforeAll(async () => {
  twilio = await startFakeTwilio();
});
afterAll(async () => {
  expect(twilio.unexpected).toEqual([]);
  await twilio.close();
});

describe('Twilio client', () => {
  it('posts To, From, Body and StatusCallback with Basic auth, and reads the SID', async () => {
    const sent = await client().send({ to: '+33612345678', body: 'Jardin & Maison : demande SAV-2026-000123 bien enregistrée.', statusCallback: 'http://localhost:3000/api/v1/channels/sms/status?delivery=1' });
    expect(sent).toMatchObject({ status: 'queued', segments: 1 });
    expect(sent.providerId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(twilio.messages.at(-1)).toEqual({
      sid: sent.providerId,
      to: '+33612345678',
      from: '+33757001122',
      messagingServiceSid: null,
      body: 'Jardin & Maison : demande SAV-2026-000123 bien enregistrée.',
      statusCallback: 'http://localhost:3000/api/v1/channels/sms/status?delivery=1',
    });
  });

  it('lets a messaging service choose the sender', async () => {
    await client({ from: null, messagingServiceSid: `MG${'1'.repeat(32)}` }).send({ to: '+33612345678', body: 'Bonjour' });
    expect(twilio.messages.at(-1)).toMatchObject({ from: null, messagingServiceSid: `MG${'1'.repeat(32)}`, statusCallback: null });
  });

  it('maps the documented errors: 21211 rejected, 20003 auth, 429 temporary with its retry time, 5xx temporary', async () => {
    expect(await failure(client().send({ to: '+1555', body: 'x' }))).toMatchObject({ code: 'rejected', providerCode: '21211' });
    expect(await failure(client({ authToken: 'not-the-token-at-all' }).send({ to: '+33612345678', body: 'x' }))).toMatchObject({ code: 'auth', providerCode: '20003' });
    twilio.failNext('too_many_requests', 'server_error');
    const limited = await failure(client().send({ to: '+33612345678', body: 'x' }));
    expect(limited).toMatchObject({ code: 'temporary', providerCode: '20429' });
    expect(limited.retryAt).toBeInstanceOf(Date);
    expect(await failure(client().send({ to: '+33612345678', body: 'x' }))).toMatchObject({ code: 'temporary', providerCode: '20500' });
    expect(await failure(client({ apiUrl: 'http://127.0.0.1:1' }).send({ to: '+33612345678', body: 'x' }))).toMatchObject({ code: 'temporary' });
  });

  it('signs its status callbacks the way our verifier expects', async () => {
    const sent = await client().send({ to: '+33612345678', body: 'x', statusCallback: 'https://sav.exemple.fr/api/v1/channels/sms/status?delivery=2' });
    const callback = twilio.statusCallback(sent.providerId, 'delivered');
    const fields = Object.fromEntries(new URLSearchParams(callback.body));
    expect(fields).toMatchObject({ MessageSid: sent.providerId, MessageStatus: 'delivered' });
    expect(isValidTwilioSignature(twilio.authToken, callback.headers['x-twilio-signature'], callback.url, fields)).toBe(true);
  });
});
