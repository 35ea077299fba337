// The store counter and the phone in a real browser against a real Comptoir. A customer who
// wrote by e-mail walks into a store: the store's staff find her case by her phone number,
// print the ticket (the PDF read back with pdftotext), and the tracking link it carries opens
// her tracking page. Then the customer calls: the telephony webhook pops her and her open
// case on the agent's screen, and the agent logs the call from there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processInbound } from '../../src/channels/inbound/inbound.process.ts';
import { webhookSignature } from '../../src/channels/webhook-signature.ts';
import { systemActor } from '../../src/modules/access/actor.ts';
import { queryRows } from '../../src/platform/db/database.ts';
import { createUser } from '../../src/modules/access/users.service.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { startE2eServer, PASSWORD, type E2eServer } from '../support/e2e-server.ts';
import { buildCase, buildStore } from '../support/factories.ts';
import { readTicket } from '../support/pdf-ticket.ts';

let server: E2eServer;
let browser: TestBrowser;
let page: Page;
let dir: string;
let caseId = '';
let caseNumber = '';
let staffEmail = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-ticket-'));
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser({ viewport: { width: 1280, height: 900 } })]);
  browser.context.setDefaultTimeout(10_000);
  page = await browser.context.newPage();
  const store = await buildStore(server.ctx, server.brandId, { name: 'Jardins & Co Grigny' });
  staffEmail = 'sophie.comptoir@jardins.test';
  await createUser(server.ctx, systemActor('e2e'), { email: staffEmail, name: 'Sophie Comptoir', role: 'store_staff', password: PASSWORD, language: 'fr', active: true, brandIds: [server.brandId], storeIds: [store.id] });
  const web = await buildCase(server.ctx, server.brandId, {
    subject: 'Tondeuse livrée sans lame',
    message: 'Bonjour, la tondeuse commandée en ligne est arrivée sans sa lame.',
    customer: { email: 'ines.lefevre@example.fr', phone: '06 12 34 56 78', firstName: 'Inès', lastName: 'Lefèvre' },
    channel: 'email',
    orderRef: 'CMD-4242',
  });
  caseId = web.id;
  caseNumber = web.number;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function signIn(email: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  // Store staff land on the counter screen, agents on the cases.
  await page.waitForURL(/\/(cases|counter)$/);
}

describe('the counter journey', () => {
  it('finds the e-mail case at the counter, prints its ticket, and the ticket’s link opens the tracking page', async () => {
    await signIn(staffEmail);
    // The counter lookup, with the staff's browser session (the counter screen is to come).
    const lookup = await page.request.get(`${server.url}/api/v1/counter/lookup?q=${encodeURIComponent('06 12 34 56 78')}`);
    expect(lookup.status()).toBe(200);
    const [match] = (await lookup.json()).items;
    expect(match.customer.displayName).toBe('Inès Lefèvre');
    expect(match.openCases.map((c: { number: string; access: string }) => [c.number, c.access])).toEqual([[caseNumber, 'history']]);

    // The case page offers the ticket in both formats.
    await page.goto(`${server.url}/cases/${caseId}`);
    const receipt = page.locator('a[data-ticket="receipt"]');
    await receipt.waitFor();
    expect(await receipt.textContent()).toBe('Ticket 80 mm');
    const href = await receipt.getAttribute('href');
    expect(href).toBe(`/api/v1/cases/${caseId}/ticket.pdf?format=receipt`);
    expect(await page.locator('a[data-ticket="a4"]').getAttribute('href')).toBe(`/api/v1/cases/${caseId}/ticket.pdf?format=a4`);

    const pdf = await page.request.get(`${server.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const ticket = readTicket(dir, 'ticket', await pdf.body());
    expect(ticket.text.replace(/\s+/g, ' ')).toContain(`Dossier n° ${caseNumber}`);
    expect(ticket.text).toContain('Jardins & Co Grigny');
    // The QR code carries the public address of the deployment (COMPTOIR_PUBLIC_URL); here the
    // test server listens elsewhere, so the path it names is opened on it.
    const publicUrl = server.ctx.config.http.publicUrl.replace(/\/+$/, '');
    expect(ticket.qr?.startsWith(`${publicUrl}/t/`), `QR: ${ticket.qr}`).toBe(true);
    const path = ticket.qr!.slice(publicUrl.length);
    expect(path).toMatch(/^\/t\/[\w-]{43}$/);
    // The same link is printed, for whoever cannot scan. A narrow receipt wraps it anywhere, and
    // pdftotext takes a '-' of the token at a line's end for a hyphenation: both are left out.
    const bare = (t: string) => t.replace(/[\s-]+/g, '');
    expect(bare(ticket.text)).toContain(bare(`${publicUrl}${path}`));

    // The customer scans it, on her phone, signed in to nothing.
    const phone = await browser.context.browser()!.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const tracking = await phone.newPage();
      const res = await tracking.goto(`${server.url}${path}`);
      expect(res!.status()).toBe(200);
      await tracking.getByText(caseNumber).first().waitFor();
      expect(await tracking.textContent('body')).toContain('Tondeuse livrée sans lame');
    } finally {
      await phone.close();
    }
  });

  it('pops the calling customer and her open case on the agent’s screen, who logs the call there', async () => {
    const admin = await server.apiAs(server.admin.email);
    const secret = 'the-line-and-the-pbx-share-this-secret';
    const line = await admin.request('POST', '/api/v1/channel-accounts', { channel: 'phone', name: 'Ligne SAV', address: '+33180000001', brandId: server.brandId, secrets: { webhookSecret: secret } });
    expect(line.status).toBe(201);
    const lineId = (line.body as { id: string }).id;

    await browser.context.clearCookies();
    await signIn(server.agent.email);
    await page.getByText('En direct').first().waitFor();

    const body = JSON.stringify({ event: 'call.started', callId: 'e2e-call-1', from: '+33612345678', agent: { email: server.agent.email } });
    const hook = await fetch(`${server.url}/api/v1/channels/phone/${lineId}/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-comptoir-signature': webhookSignature(secret, body) }, body });
    expect(hook.status).toBe(202);
    // No worker runs in this server: the inbound job is run here, as a worker would.
    const [stored] = await queryRows<{ id: string }>(server.ctx.db, sql`SELECT id FROM inbound_message WHERE provider_id = 'e2e-call-1:call.started'`);
    await processInbound(server.ctx, stored!.id);

    const pop = page.getByTestId('screen-pop');
    await pop.waitFor();
    expect(await pop.textContent()).toContain('Inès Lefèvre');
    await pop.getByRole('link', { name: `${caseNumber} · Tondeuse livrée sans lame` }).waitFor();
    await page.getByLabel('Résumé de l’appel').fill('Elle passera en magasin avec la facture.');
    await page.getByRole('button', { name: 'Enregistrer l’appel' }).click();
    await page.getByText('L’appel est enregistré.').waitFor();

    const agentApi = await server.apiAs(server.agent.email);
    const events = (await agentApi.request('GET', `/api/v1/cases/${caseId}/events`)).body as { items: { type: string; body: string | null; data: { number?: string } }[] };
    expect(events.items.find((e) => e.type === 'call_logged')).toMatchObject({ body: 'Elle passera en magasin avec la facture.', data: { number: '+33612345678' } });
  });
});
