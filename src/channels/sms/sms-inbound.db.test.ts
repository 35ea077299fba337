// Inbound SMS and MMS end to end, with the fake Twilio playing the customer's side: the signed
// webhook (stored once before anything else, refused unsigned with nothing stored), STOP and
// START (the number's opt-out, honoured by every SMS that would leave), MMS files fetched the
// way Twilio serves them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asInjection, type FakeTwilio } from '../../../test/fakes/twilio.ts';
import { photoJpeg } from '../../../test/support/images.ts';
import type { Client, Harness } from '../../../test/support/harness.ts';
import { PUBLIC_URL, type EventItem } from '../../../test/support/outbound.ts';
import { OUR_NUMBER, startSmsHarness, type SmsHarness } from '../../../test/support/sms.ts';
import { ManualClock } from '../../platform/clock.ts';
import { fetchMmsMedia } from './mms-media.ts';
import { smsInboundPath } from './sms.routes.ts';

const clock = new ManualClock('2026-04-03T15:00:00Z');
let harness: SmsHarness;
let h: Harness;
let twilio: FakeTwilio;
let admin: Client;
let accountId: string;
let webhook: string;

beforeAll(async () => {
  harness = await startSmsHarness(clock);
  ({ h, twilio, admin, accountId, webhook } = harness);
});
afterAll(() => harness?.close());

const send = (signed: Parameters<typeof asInjection>[0], headers: Record<string, string> = {}) => harness.send(signed, headers);
const storedRows = (sid: string) => harness.storedRows(sid);

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

interface CaseView {
  id: string;
  number: string;
  channel: string;
  customer: { id: string };
}
const eventsOf = async (caseId: string): Promise<(EventItem & { attachments: { filename: string; contentType: string; size: number }[] })[]> =>
  (await admin.get(`/api/v1/cases/${caseId}/events`)).json().items;
/** The customer texts our number, the inbound job runs: the row, and the case it landed on. */
async function smsFromCustomer(sms: Parameters<SmsHarness['texts']>[0]) {
  const { signed, row } = await harness.texts(sms);
  return { signed, row, case: row.case_id ? ((await admin.get(`/api/v1/cases/${row.case_id}`)).json() as CaseView) : null };
}

describe('an SMS from a customer', () => {
  it('opens an SMS case for the number, acknowledged by SMS with the case number, the promise and the tracking link', async () => {
    const { row, case: c } = await smsFromCustomer({ from: '+33612345621', body: 'Bonjour, mon programmateur d’arrosage fuit encore. Que faire ?' });
    expect(row).toMatchObject({ state: 'processed', detail: 'a new case' });
    expect(c).toMatchObject({ channel: 'sms' });
    const customer = (await admin.get(`/api/v1/customers/${c!.customer.id}`)).json();
    expect(customer.identities.map((i: { kind: string; value: string }) => `${i.kind}:${i.value}`)).toEqual(['phone:+33612345621']);
    const events = await eventsOf(c!.id);
    expect(events.find((e) => e.type === 'message_in')).toMatchObject({ channel: 'sms', body: 'Bonjour, mon programmateur d’arrosage fuit encore. Que faire ?', data: { audience: 'private', to: OUR_NUMBER } });
    const ack = events.find((e) => e.type === 'message_out' && e.data.kind === 'acknowledgment')!;
    expect(ack.delivery).toMatchObject({ channel: 'sms', recipient: '+33612345621', status: 'sent' });
    const [sent] = twilio.messages.filter((m) => m.to === '+33612345621');
    // Concise: two GSM segments at most, the number, the deadline and the link.
    expect(sent!.body).toMatch(new RegExp(`^Jardin & Maison : demande ${c!.number} bien enregistrée\\. Nous vous répondrons au plus tard le .+\\. Suivi : https://sav\\.jardin-maison\\.fr/t/[\\w-]{43}$`));
    expect(sent!.body.length).toBeLessThanOrEqual(306);
  });

  it('joins the customer’s open case with the next SMS, and tells them of a new step by SMS', async () => {
    const first = await smsFromCustomer({ from: '+33612345622', body: 'Ma tondeuse ne démarre plus.' });
    const next = await smsFromCustomer({ from: '+33612345622', body: 'Je précise : elle a deux ans.' });
    expect(next.row).toMatchObject({ state: 'processed', case_id: first.case!.id, detail: 'joined its case (by the customer’s open case)' });
    expect((await eventsOf(first.case!.id)).filter((e) => e.type === 'message_in').map((e) => e.body)).toEqual(['Ma tondeuse ne démarre plus.', 'Je précise : elle a deux ans.']);
    expect(twilio.messages.filter((m) => m.to === '+33612345622')).toHaveLength(1);

    expect((await admin.patch(`/api/v1/cases/${first.case!.id}`, { step: 'awaiting_part' })).statusCode).toBe(200);
    await h.worker.drain();
    const news = (await eventsOf(first.case!.id)).find((e) => e.data.kind === 'step_update')!;
    expect(news).toMatchObject({ channel: 'sms', delivery: { channel: 'sms', recipient: '+33612345622', status: 'sent' } });
    const step = twilio.messages.filter((m) => m.to === '+33612345622')[1]!;
    expect(step.body).toContain('En attente de pièce');
    expect(step.body).toMatch(/Suivi : https:\/\/sav\.jardin-maison\.fr\/t\/[\w-]{43}$/);
  });
});

describe('an MMS', () => {
  it('keeps its photo on the case, fetched with Twilio’s credentials and then from the media store without them', async () => {
    const photo = photoJpeg();
    const { signed, case: c } = await smsFromCustomer({
      from: '+33612345623',
      body: 'Voici la fuite.',
      media: [
        { contentType: 'image/jpeg', content: photo },
        { contentType: 'video/3gpp', content: Buffer.from('not kept') },
      ],
    });
    const message = (await eventsOf(c!.id)).find((e) => e.type === 'message_in')!;
    expect(message.body).toBe('Voici la fuite.');
    expect(message.attachments).toEqual([expect.objectContaining({ filename: 'MMS-1.jpg', contentType: 'image/jpeg', size: photo.length })]);
    expect(message.data.mediaNotKept).toEqual([`${signed.mediaUrls[1]}: video/3gpp: only photos and PDF documents are kept`]);
    const basic = `Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64')}`;
    expect(twilio.mediaRequests.filter((r) => signed.mediaUrls[0]!.endsWith(r.path) || r.host === 'store')).toEqual([
      { host: 'api', path: new URL(signed.mediaUrls[0]!).pathname, authorization: basic, status: 307 },
      { host: 'store', path: expect.stringMatching(/^\/media\/[0-9a-f]{32}$/), authorization: null, status: 200 },
    ]);
    // The photo is the one sent.
    const file = await admin.get(`/api/v1/cases/${c!.id}/events`);
    const url = (file.json().items as { attachments: { url: string }[] }[]).flatMap((e) => e.attachments)[0]!.url;
    expect((await admin.get(url)).rawPayload.equals(photo)).toBe(true);
  });

  it('still reaches its case when Twilio no longer has the file, saying what was missing', async () => {
    const signed = twilio.inboundSms(webhook, { from: '+33612345624', to: OUR_NUMBER, body: '', media: [{ contentType: 'image/png', content: Buffer.from('x') }] });
    twilio.deleteMedia(signed.mediaUrls[0]!);
    expect((await send(signed)).statusCode).toBe(200);
    await h.worker.drain();
    const [row] = await storedRows(signed.sid);
    expect(row).toMatchObject({ state: 'processed', detail: 'a new case' });
    const message = (await eventsOf(row!.case_id!)).find((e) => e.type === 'message_in')!;
    expect(message).toMatchObject({ body: '(média)', attachments: [], data: { mediaNotKept: [`${signed.mediaUrls[0]}: Twilio answered 404`] } });
  });

  it('never sends Twilio’s credentials anywhere but Twilio’s API', async () => {
    const before = twilio.mediaRequests.length;
    const fetched = await fetchMmsMedia(h.ctx, [{ kind: 'photo', url: 'http://127.0.0.1:9/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1', contentType: 'image/jpeg' }], h.ctx.config.outbound.sms.twilio!);
    expect(fetched).toEqual({ uploads: [], refused: [`http://127.0.0.1:9/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1: not a Twilio media address (expected ${twilio.url})`] });
    expect(twilio.mediaRequests.length).toBe(before);
  });
});
