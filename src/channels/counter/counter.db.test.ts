// The store counter: a customer who wrote by e-mail walks into a store; the staff find them by
// what they can tell, see the case (read-only: it is the web's), record the visit, print the
// ticket — read back from the PDF with pdftotext, its QR code decoded — and open counter cases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { buildBrand, buildCase, buildStore, buildTrackedCase } from '../../../test/support/factories.ts';
import { readTicket } from '../../../test/support/pdf-ticket.ts';

let h: Harness;
let staff: Client;
let agent: Client;
let outsider: Client;
let ids: { brand: string; otherBrand: string; mine: string; other: string };
let dir: string;

beforeAll(async () => {
  h = await startHarness();
  const brand = (await buildBrand(h.ctx, { name: 'Jardin & Maison' })).id;
  const otherBrand = (await buildBrand(h.ctx)).id;
  ids = { brand, otherBrand, mine: (await buildStore(h.ctx, brand, { name: 'Jardin & Maison Grigny' })).id, other: (await buildStore(h.ctx, brand)).id };
  staff = await h.userClient('store_staff', { brandIds: [brand], storeIds: [ids.mine] });
  outsider = await h.userClient('store_staff', { brandIds: [otherBrand] });
  agent = await h.userClient('agent');
  dir = mkdtempSync(join(tmpdir(), 'comptoir-ticket-'));
});
afterAll(async () => {
  if (process.env.KEEP_TICKETS) console.log(`tickets kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
  await h?.close();
});

const readBack = (name: string, pdf: Buffer) => readTicket(dir, name, pdf);

describe('the counter lookup', () => {
  it('finds the customer of a case opened by e-mail by phone, name, e-mail, case number and order number, with all their open cases', async () => {
    const web = await buildCase(h.ctx, ids.brand, { customer: { email: 'Helene.Martin@exemple.fr', phone: '06 12 34 56 20', firstName: 'Hélène', lastName: 'Martin' }, orderRef: 'CMD-88812', subject: 'Programmateur qui fuit' });
    const second = await buildCase(h.ctx, ids.brand, { customer: { email: 'helene.martin@exemple.fr' }, storeId: ids.mine, channel: 'counter' });
    for (const q of ['06 12 34 56 20', '+33612345620', 'helene martin', 'Hélène', 'helene.martin@exemple.fr', web.number, 'cmd-88812']) {
      const res = await staff.get(`/api/v1/counter/lookup?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
      const match = res.json().items.find((m: { customer: { id: string } }) => m.customer.id === web.customer.id);
      expect(match, q).toBeDefined();
      expect(match.openCases.map((c: { id: string }) => c.id).sort(), q).toEqual([web.id, second.id].sort());
      // The e-mail case is the web's: the store sees it, read-only; its own case is its to work.
      expect(match.openCases.find((c: { id: string }) => c.id === web.id).access).toBe('history');
      expect(match.openCases.find((c: { id: string }) => c.id === second.id).access).toBe('full');
    }
    const byNumber = (await staff.get(`/api/v1/counter/lookup?q=${web.number}`)).json().items[0];
    expect(byNumber.matchedBy).toBe('case_number');
    expect(byNumber.matchedCases.map((c: { id: string }) => c.id)).toEqual([web.id]);
    const byOrder = (await staff.get('/api/v1/counter/lookup?q=CMD-88812')).json().items[0];
    expect(byOrder.matchedBy).toBe('order_ref');
    expect(byOrder.matchedCases.map((c: { id: string }) => c.id)).toEqual([web.id]);
    // Found by what the customer said, no case is named.
    expect((await staff.get('/api/v1/counter/lookup?q=06 12 34 56 20')).json().items[0].matchedCases).toEqual([]);
  });

  it('shows nobody a case of a brand they do not work for', async () => {
    const foreign = await buildCase(h.ctx, ids.otherBrand, { customer: { email: 'double.marque@exemple.fr' }, orderRef: 'AUTRE-1' });
    const mine = await buildCase(h.ctx, ids.brand, { customer: { email: 'double.marque@exemple.fr' } });
    const seen = (await staff.get('/api/v1/counter/lookup?q=double.marque@exemple.fr')).json().items[0];
    expect(seen.openCases.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    expect((await staff.get('/api/v1/counter/lookup?q=AUTRE-1')).json().items).toEqual([]);
    expect((await staff.get(`/api/v1/counter/lookup?q=${foreign.number}`)).json().items).toEqual([]);
    expect((await outsider.get('/api/v1/counter/lookup?q=double.marque@exemple.fr')).json().items[0].openCases.map((c: { id: string }) => c.id)).toEqual([foreign.id]);
  });
});

describe('the counter lookup by a ticket’s QR code', () => {
  it('finds the case and its customer by the tracking link a scanner types, or its bare token, whatever the case’s status', async () => {
    const web = await buildTrackedCase(h.ctx, ids.brand, { customer: { email: 'scan.qr@exemple.fr', firstName: 'Léa', lastName: 'Scan' }, subject: 'Arrosage' });
    const other = await buildCase(h.ctx, ids.brand, { customer: { email: 'scan.qr@exemple.fr' }, storeId: ids.mine, channel: 'counter' });
    const link = `${h.ctx.config.http.publicUrl.replace(/\/+$/, '')}/t/${web.trackingToken}`;
    for (const q of [link, `${link}?lang=en`, web.trackingToken, `https://ancienne-adresse.exemple.fr/sav/t/${web.trackingToken}`]) {
      const res = await staff.get(`/api/v1/counter/lookup?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
      const items = res.json().items;
      expect(items, q).toHaveLength(1);
      expect(items[0]).toMatchObject({ customer: { id: web.case.customer.id, displayName: 'Léa Scan' }, matchedBy: 'tracking_link' });
      expect(items[0].matchedCases.map((c: { id: string; access: string }) => [c.id, c.access])).toEqual([[web.case.id, 'history']]);
      expect(items[0].openCases.map((c: { id: string }) => c.id).sort()).toEqual([web.case.id, other.id].sort());
    }
    // Solved since: not an open case any more, still the case the ticket names (a visit reopens it).
    await agent.patch(`/api/v1/cases/${web.case.id}`, { status: 'solved' });
    const [match] = (await staff.get(`/api/v1/counter/lookup?q=${encodeURIComponent(link)}`)).json().items;
    expect(match.matchedCases.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([[web.case.id, 'solved']]);
    expect(match.openCases.map((c: { id: string }) => c.id)).toEqual([other.id]);
  });

  it('finds nobody for an unknown, replaced or another brand’s link', async () => {
    const foreign = await buildTrackedCase(h.ctx, ids.otherBrand, { customer: { email: 'qr.autre.marque@exemple.fr' } });
    const replaced = await buildTrackedCase(h.ctx, ids.brand, { customer: { email: 'qr.remplace@exemple.fr' } });
    expect((await agent.post(`/api/v1/cases/${replaced.case.id}/tracking-link`)).statusCode).toBe(201);
    const publicUrl = h.ctx.config.http.publicUrl.replace(/\/+$/, '');
    for (const token of [foreign.trackingToken, replaced.trackingToken, 'A'.repeat(43)]) {
      const res = await staff.get(`/api/v1/counter/lookup?q=${encodeURIComponent(`${publicUrl}/t/${token}`)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
    }
    expect((await outsider.get(`/api/v1/counter/lookup?q=${encodeURIComponent(`${publicUrl}/t/${foreign.trackingToken}`)}`)).json().items[0].matchedCases[0].id).toBe(foreign.case.id);
  });
});

describe('counter cases and visits', () => {
  it('opens a counter case at the staff’s store, acknowledged by e-mail when one is given', async () => {
    const res = await staff.post('/api/v1/counter/cases', { customer: { firstName: 'Paul', lastName: 'Roux', email: 'paul.roux@exemple.fr' }, subject: 'Tondeuse', message: 'Elle cale au bout de deux minutes.', product: 'Tondeuse TX' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'counter', storeId: ids.mine, brandId: ids.brand, access: 'full' });
    const events = (await staff.get(`/api/v1/cases/${res.json().id}/events`)).json().items;
    expect(events.find((e: { type: string }) => e.type === 'message_in')).toMatchObject({ channel: 'counter', body: 'Elle cale au bout de deux minutes.' });
    expect(events.find((e: { data: { kind?: string } }) => e.data.kind === 'acknowledgment')).toMatchObject({ channel: 'email' });
  });

  it('refuses another store’s counter, and asks which store when the agent works at none', async () => {
    expect((await staff.post('/api/v1/counter/cases', { storeId: ids.other, customer: { lastName: 'X' }, subject: 'x', message: 'x' })).statusCode).toBe(403);
    const res = await agent.post('/api/v1/counter/cases', { customer: { lastName: 'X' }, subject: 'x', message: 'x' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'storeId', message: 'required' }]);
  });

  it('records a visit on a case opened online, as the customer’s message on the counter channel, without moving the case', async () => {
    const web = await buildCase(h.ctx, ids.brand, { customer: { email: 'visite@exemple.fr' } });
    const res = await staff.post(`/api/v1/cases/${web.id}/counter-visits`, { message: 'Apporte le produit et la facture.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ id: web.id, storeId: null, customerMessageCount: 2, access: 'history' });
    const events = (await staff.get(`/api/v1/cases/${web.id}/events`)).json().items;
    expect(events.at(-1)).toMatchObject({ type: 'message_in', channel: 'counter', body: 'Apporte le produit et la facture.', data: { recordedBy: staff.userId, storeId: ids.mine } });
    // Still the web's case: the store may not change it.
    expect((await staff.patch(`/api/v1/cases/${web.id}`, { priority: 'high' })).statusCode).toBe(403);
  });
});

describe('the ticket', () => {
  it('prints an 80 mm receipt and an A4 sheet with the case number, the promise, the next steps and the tracking link, whose QR code decodes to it', async () => {
    const web = await buildTrackedCase(h.ctx, ids.brand, { customer: { email: 'ticket@exemple.fr', firstName: 'Inès', lastName: 'Lefèvre' }, product: 'Programmateur Gardena' });
    const url = `${h.ctx.config.http.publicUrl.replace(/\/+$/, '')}/t/${web.trackingToken}`;
    const promise = web.case.clocks.find((k) => k.metric === 'first_reply')!.promise.fr;
    for (const format of ['receipt', 'a4'] as const) {
      const res = await staff.get(`/api/v1/cases/${web.case.id}/ticket.pdf?format=${format}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const back = readBack(`${web.case.number}-${format}`, res.rawPayload);
      const flat = back.text.replace(/\s+/g, ' ');
      expect(flat).toContain('Jardin & Maison');
      expect(flat).toContain('Jardin & Maison Grigny'); // the store printing it: the case is the web's
      expect(flat).toContain(`Dossier n° ${web.case.number}`);
      expect(flat).toContain(`Nous vous répondrons ${promise}.`);
      expect(flat).toContain('Et ensuite ?');
      expect(flat).toContain('Inès Lefèvre');
      // Wrapped anywhere on a receipt, where pdftotext also takes a token's '-' at a line's end
      // for a hyphenation: compared without spaces and dashes (the QR code below is exact).
      expect(back.text.replace(/[\s-]+/g, '')).toContain(url.replace(/-/g, ''));
      expect(back.qr).toBe(url);
      if (format === 'receipt') expect(back.pageSize).toMatch(/^226\.77\d* x \d+/);
      else expect(back.pageSize).toMatch(/^595\.28 x 841\.89/);
    }
    const en = readBack('en', (await staff.get(`/api/v1/cases/${web.case.id}/ticket.pdf?format=receipt&lang=en`)).rawPayload);
    expect(en.text.replace(/\s+/g, ' ')).toContain(`Case no. ${web.case.number}`);
    expect(en.text.replace(/\s+/g, ' ')).toContain(`We will answer you ${web.case.clocks.find((k) => k.metric === 'first_reply')!.promise.en}.`);
  });

  it('is a 404 problem for a case the reader may not see, and a 400 for an unknown format', async () => {
    const foreign = await buildCase(h.ctx, ids.otherBrand);
    const res = await staff.get(`/api/v1/cases/${foreign.id}/ticket.pdf`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await staff.get(`/api/v1/cases/${foreign.id}/ticket.pdf?format=a5`)).statusCode).toBe(400);
  });
});

