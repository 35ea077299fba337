// An agent's reply beyond the case's channel: the channels the customer can be answered on,
// a reply sent on another one (SMS for a case that came by e-mail, whatever the customer's
// usual choice), refused on one they have no address for; and files uploaded first, then
// sent with the reply, which the customer's tracking page shows.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand, buildStore, buildTrackedCase } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { solidPng } from '../../../test/support/images.ts';
import { multipart } from '../../../test/support/multipart.ts';
import { ManualClock } from '../../platform/clock.ts';

let h: Harness;
let agent: Client;
let brandId: string;
let storeId: string;
let both: { id: string; token: string };
let emailOnly: { id: string };

beforeAll(async () => {
  // A Tuesday at noon in Paris: no SMS is held for quiet hours.
  h = await startHarness({ clock: new ManualClock('2026-04-07T10:00:00Z') });
  agent = await h.userClient('agent', { name: 'Camille Martin' });
  brandId = (await buildBrand(h.ctx)).id;
  storeId = (await buildStore(h.ctx, brandId)).id;
  const opened = await buildTrackedCase(h.ctx, brandId, {
    storeId,
    channel: 'email',
    notifyVia: 'email',
    customer: { email: 'ines.moreau@exemple.fr', phone: '+33 6 12 34 56 78', firstName: 'Inès', lastName: 'Moreau' },
  });
  both = { id: opened.case.id, token: opened.trackingToken };
  emailOnly = (await buildTrackedCase(h.ctx, brandId, { storeId, channel: 'webform', customer: { email: 'sam.lee@example.com', firstName: 'Sam' } })).case;
  await h.worker.drain();
});
afterAll(() => h?.close());

const upload = async (client: Client, caseId: string, files: { name: string; content: Buffer }[]) => {
  const form = await multipart({}, files);
  return client.request({ method: 'POST', url: `/api/v1/cases/${caseId}/attachments`, payload: form.payload, headers: form.headers });
};

describe('reply channels', () => {
  it('offers the case’s channel and every other one the customer has an address for', async () => {
    expect((await agent.get(`/api/v1/cases/${both.id}/reply-channels`)).json().items).toEqual([
      { channel: 'email', recipient: 'ines.moreau@exemple.fr', caseChannel: true, audiences: ['private'] },
      { channel: 'sms', recipient: '+33612345678', caseChannel: false, audiences: ['private'] },
    ]);
    expect((await agent.get(`/api/v1/cases/${emailOnly.id}/reply-channels`)).json().items).toEqual([
      { channel: 'webform', recipient: null, caseChannel: true, audiences: ['private'] },
      { channel: 'email', recipient: 'sam.lee@example.com', caseChannel: false, audiences: ['private'] },
    ]);
    const otherStore = (await buildStore(h.ctx, brandId)).id;
    const elsewhere = await h.userClient('store_staff', { brandIds: [brandId], storeIds: [otherStore] });
    expect((await elsewhere.get(`/api/v1/cases/${both.id}/reply-channels`)).statusCode).toBe(403);
  });

  it('sends a reply on SMS for a case that came by e-mail, even when the customer chose e-mail for news', async () => {
    const res = await agent.post(`/api/v1/cases/${both.id}/messages`, { kind: 'reply', body: 'Bonjour Inès, votre programmateur est prêt.', channel: 'sms' });
    expect(res.statusCode).toBe(201);
    expect(res.json().message).toMatchObject({ channel: 'sms', data: { replyOn: 'sms' } });
    await h.worker.drain();
    const events = (await agent.get(`/api/v1/cases/${both.id}/events`)).json().items as { id: string; delivery: Record<string, unknown> | null }[];
    const sent = events.find((e) => e.id === res.json().message.id)!;
    // No SMS provider in this test: the delivery fails at once, saying why.
    expect(sent.delivery).toMatchObject({ channel: 'sms', recipient: '+33612345678', status: 'failed', detail: 'not_configured: no SMS provider is configured (COMPTOIR_TWILIO_ACCOUNT_SID)' });
  });

  it('refuses a reply on a channel the customer cannot be reached on', async () => {
    const res = await agent.post(`/api/v1/cases/${emailOnly.id}/messages`, { kind: 'reply', body: 'Bonjour', channel: 'sms' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'channel', message: 'the customer cannot be reached on sms; answer on webform or email' }]);
  });
});

describe('files on replies', () => {
  it('uploads photos, sends them with the reply, and shows them on the tracking page', async () => {
    const up = await upload(agent, both.id, [{ name: 'bon-de-retour.png', content: solidPng(40, 30) }]);
    expect(up.statusCode).toBe(201);
    const [file] = up.json().items as { id: string; filename: string; contentType: string }[];
    expect(file).toMatchObject({ filename: 'bon-de-retour.png', contentType: 'image/png', visibility: 'internal' });
    const sent = await agent.post(`/api/v1/cases/${both.id}/messages`, { kind: 'reply', body: 'Voici le bon de retour.', attachmentIds: [file!.id] });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().message.attachments).toEqual([expect.objectContaining({ id: file!.id, visibility: 'public' })]);
    expect((await agent.post(`/api/v1/cases/${both.id}/messages`, { kind: 'note', body: 'encore', attachmentIds: [file!.id] })).statusCode).toBe(422);
    const tracked = (await h.app.inject({ method: 'GET', url: `/api/v1/track/${both.token}` })).json();
    const shown = tracked.messages.find((m: { body: string }) => m.body === 'Voici le bon de retour.');
    expect(shown.attachments).toEqual([expect.objectContaining({ filename: 'bon-de-retour.png' })]);

    // The e-mail carries the file itself (the outbox of this harness is a folder of .eml files).
    await h.worker.drain();
    const outbox = h.services.config.outbound.mail.transport;
    if (outbox.kind !== 'file') throw new Error('this test reads the file outbox');
    const mails = await Promise.all(readdirSync(outbox.dir).map(async (f) => simpleParser(readFileSync(join(outbox.dir, f)))));
    const mail = mails.find((m) => m.text?.includes('Voici le bon de retour.'));
    expect(mail?.to).toMatchObject({ text: 'ines.moreau@exemple.fr' });
    expect(mail!.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, same: a.content.equals(solidPng(40, 30)) }))).toEqual([
      { filename: 'bon-de-retour.png', contentType: 'image/png', same: true },
    ]);
  });

  it('keeps a note’s files internal, refuses what is not a photo or a PDF, and files of another case', async () => {
    const [file] = (await upload(agent, both.id, [{ name: 'facture.png', content: solidPng(10, 10) }])).json().items;
    const noted = await agent.post(`/api/v1/cases/${both.id}/messages`, { kind: 'note', body: 'Facture du magasin', attachmentIds: [file.id] });
    expect(noted.json().message.attachments).toEqual([expect.objectContaining({ visibility: 'internal' })]);
    expect((await upload(agent, both.id, [{ name: 'script.sh', content: Buffer.from('#!/bin/sh\necho hi\n') }])).statusCode).toBe(415);
    const [other] = (await upload(agent, emailOnly.id, [{ name: 'photo.png', content: solidPng(10, 10) }])).json().items;
    expect((await agent.post(`/api/v1/cases/${both.id}/messages`, { kind: 'reply', body: 'x', attachmentIds: [other.id] })).statusCode).toBe(422);
    const viewer = await h.userClient('viewer');
    expect((await upload(viewer, both.id, [{ name: 'photo.png', content: solidPng(10, 10) }])).statusCode).toBe(403);
  });
});
