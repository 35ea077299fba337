// Counter mode in a real browser at tablet size (768×1024, then 1024×768), against a real
// Comptoir. A customer who wrote by e-mail walks into the store: the staff member signs in
// and lands on the counter, finds her by phone and by e-mail, sees the case opened online,
// records her visit, prints her ticket (the PDF read back), hands over; then the next
// customer holds up the same ticket: a USB scanner types its link into the search box, and
// the tablet's camera (Chromium's fake device showing the ticket's QR code, decoded by jsQR)
// finds the case too. No screen scrolls sideways; axe finds no serious violation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/modules/access/actor.ts';
import { createUser } from '../../src/modules/access/users.service.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { dialogShown, saveScreenshot, watchPageErrors } from '../support/page-watch.ts';
import { startE2eServer, PASSWORD, type E2eServer } from '../support/e2e-server.ts';
import { buildStore, buildTrackedCase } from '../support/factories.ts';
import { fakeCameraShowing } from '../support/fake-camera.ts';
import { readTicket } from '../support/pdf-ticket.ts';

let server: E2eServer;
let browser: TestBrowser;
let page: Page;
let dir: string;
let staffEmail = '';
let storeName = '';
let trackingUrl = '';
let c = { id: '', number: '' };
let pageErrors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-counter-'));
  server = await startE2eServer();
  const store = await buildStore(server.ctx, server.brandId, { name: 'Jardins & Co Évry' });
  storeName = store.name;
  staffEmail = 'lucas.comptoir@jardins.test';
  await createUser(server.ctx, systemActor('e2e'), { email: staffEmail, name: 'Lucas Comptoir', role: 'store_staff', password: PASSWORD, language: 'fr', active: true, brandIds: [server.brandId], storeIds: [store.id] });
  const opened = await buildTrackedCase(server.ctx, server.brandId, {
    subject: 'Robot tondeuse qui ne se recharge plus',
    message: 'Bonjour, mon robot tondeuse acheté en ligne ne se recharge plus sur sa base.',
    customer: { email: 'nadia.benali@example.fr', phone: '06 98 76 54 32', firstName: 'Nadia', lastName: 'Benali' },
    channel: 'email',
    orderRef: 'CMD-7781',
  });
  c = { id: opened.case.id, number: opened.case.number };
  trackingUrl = `${server.ctx.config.http.publicUrl.replace(/\/+$/, '')}/t/${opened.trackingToken}`;
  // The camera shows the ticket's QR code from the start; it is only read when asked to scan.
  browser = await launchBrowser({ viewport: { width: 768, height: 1024 }, acceptDownloads: true }, await fakeCameraShowing(join(dir, 'ticket.y4m'), trackingUrl));
  await browser.context.grantPermissions(['camera'], { origin: server.url });
  browser.context.setDefaultTimeout(15_000);
  page = await browser.context.newPage();
  pageErrors = watchPageErrors(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const shot = (name: string) => saveScreenshot(page, name);

/** The screen fits the tablet: nothing wider than the window, and axe finds nothing serious. */
async function expectFitAndAccessible(name: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${name}`).toBeLessThanOrEqual(0);
  expect(await seriousA11yViolations(page), `serious axe violations on ${name}`).toEqual([]);
}

const search = () => page.getByRole('searchbox', { name: 'Rechercher un client ou un dossier' });
const caseHeading = () => page.getByRole('heading', { level: 2, name: 'Robot tondeuse qui ne se recharge plus' });

async function find(text: string) {
  await search().fill(text);
  await search().press('Enter');
}

describe('counter mode on a tablet', () => {
  it('lands store staff on the counter after sign-in', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Adresse e-mail').fill(staffEmail);
    await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/counter$/);
    await page.getByRole('heading', { level: 1, name: 'Comptoir magasin' }).waitFor();
    await page.getByText(storeName).waitFor();
    // The navigation offers what store staff use; not the manager views.
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Dossiers', 'Clients', 'Comptoir magasin']);
    await expectFitAndAccessible('the counter’s first screen');
    await shot('counter-search');
  });

  it('finds the customer of a case opened by e-mail by her phone, shows the case, records her visit and prints her ticket', async () => {
    await find('06 98 76 54 32');
    await page.getByRole('heading', { level: 2, name: 'Nadia Benali' }).waitFor();
    const card = page.locator(`[data-case-number="${c.number}"]`);
    expect(await card.textContent()).toContain('Robot tondeuse qui ne se recharge plus');
    expect(await card.textContent()).toContain('E-mail');
    await expectFitAndAccessible('the customer at the counter');
    await shot('counter-customer');

    await card.click();
    await caseHeading().waitFor();
    await page.getByText('Ouvert par : E-mail').waitFor();
    await page.getByText(/ouvert en ligne ou dans un autre magasin/).waitFor();
    await page.getByLabel('Ce que dit ou apporte le client').fill('Elle rapporte le robot et sa base de charge.');
    await page.getByRole('button', { name: 'Enregistrer la visite' }).click();
    await page.getByText('Visite enregistrée sur le dossier.').waitFor();
    const staff = await server.apiAs(staffEmail);
    const events = (await staff.request('GET', `/api/v1/cases/${c.id}/events`)).body as { items: { type: string; channel: string | null; body: string | null }[] };
    expect(events.items.at(-1)).toMatchObject({ type: 'message_in', channel: 'counter', body: 'Elle rapporte le robot et sa base de charge.' });

    // The ticket opens in a new tab (the browser's viewer prints it; headless, it downloads).
    const popup = page.waitForEvent('popup');
    const response = browser.context.waitForEvent('response', (r) => r.url().includes(`/api/v1/cases/${c.id}/ticket.pdf`));
    await page.getByRole('link', { name: 'Ticket 80 mm' }).click();
    const pdf = await response;
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['cache-control']).toBe('no-store');
    expect(new URL(pdf.url()).searchParams.get('format')).toBe('receipt');
    await (await popup).close();
    const bytes = await page.request.get(pdf.url());
    const ticket = readTicket(dir, 'counter-ticket', await bytes.body());
    expect(ticket.text.replace(/\s+/g, ' ')).toContain(`Dossier n° ${c.number}`);
    expect(ticket.text).toContain(storeName);
    expect(ticket.qr).toBe(trackingUrl);
    await expectFitAndAccessible('the case at the counter');
    await shot('counter-case');
  });

  it('hands over: the customer is gone and the search box waits for the next one', async () => {
    await page.getByRole('button', { name: 'Terminer : client suivant' }).click();
    await page.getByText('Cherchez le client, ou scannez le QR code de son ticket.').waitFor();
    expect(await search().inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
    expect(await page.getByText('Nadia Benali').count()).toBe(0);
  });

  it('finds her by e-mail too', async () => {
    await find('nadia.benali@example.fr');
    await page.getByRole('heading', { level: 2, name: 'Nadia Benali' }).waitFor();
    await page.locator(`[data-case-number="${c.number}"]`).waitFor();
    // Back: the search's results, to pick someone else.
    await page.getByRole('button', { name: '← Retour' }).click();
    await page.getByRole('heading', { level: 2, name: '1 client trouvé' }).waitFor();
    await page.getByRole('button', { name: 'Choisir Nadia Benali' }).waitFor();
  });

  it('goes straight to the case when a USB scanner types the ticket’s link and Enter', async () => {
    // Into the box still holding the last search: focusing it selects that text, which the scan replaces.
    await search().click();
    // A keyboard-wedge scanner types like a very fast keyboard, then presses Enter.
    await page.keyboard.type(trackingUrl, { delay: 2 });
    await page.keyboard.press('Enter');
    await caseHeading().waitFor();
    expect(await page.getByText(c.number, { exact: true }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Terminer : client suivant' }).click();
    expect(await search().inputValue()).toBe('');
  });

  it('says so when the camera is refused, in a dialog axe finds nothing serious in', async () => {
    const denied = await browser.context.newPage();
    try {
      await denied.addInitScript(() => {
        navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('refused by the test', 'NotAllowedError'));
      });
      await denied.goto(`${server.url}/counter`);
      await denied.getByRole('button', { name: 'Scanner un ticket' }).click();
      await denied.getByRole('dialog', { name: 'Scanner le QR code du ticket' }).getByText(/L’accès à la caméra est refusé/).waitFor();
      await dialogShown(denied);
      expect(await seriousA11yViolations(denied), 'serious axe violations in the camera dialog').toEqual([]);
      await saveScreenshot(denied, 'counter-scan-denied');
      await denied.getByRole('button', { name: 'Fermer la caméra' }).last().click();
      await denied.getByRole('dialog').waitFor({ state: 'hidden' });
    } finally {
      await denied.close();
    }
  });

  it('reads the ticket’s QR code with the tablet’s camera, in landscape too', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('button', { name: 'Scanner un ticket' }).click();
    await page.getByRole('dialog', { name: 'Scanner le QR code du ticket' }).waitFor();
    // jsQR decodes the camera's frames (headless Chromium on Linux has no BarcodeDetector).
    await caseHeading().waitFor({ timeout: 20_000 });
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await expectFitAndAccessible('the scanned case in landscape');
    await shot('counter-case-landscape');
    expect(pageErrors).toEqual([]);
  });
});
