// The customer's purchases in a real browser against a real Comptoir. Claire bought a mower on
// the web shop (Shopify) and a watering can at the Lyon store's till; she writes about the
// mower. Beside her case the agent sees both orders with their lines and what she is worth,
// links the case to the mower's line in one click — the purchase shows above the panel and the
// timeline says who linked it, and what the rulebook says about it (the verdict, asked as a
// defect or a withdrawal) — then unlinks it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/modules/access/actor.ts';
import { uuidv7 } from '../../src/platform/ids.ts';
import { orderSource } from '../../src/modules/commerce/commerce.schema.ts';
import { createSource, loadSource } from '../../src/modules/commerce/order-sources.service.ts';
import { ingestOrders } from '../../src/modules/commerce/orders.ingest.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { saveScreenshot, watchPageErrors } from '../support/page-watch.ts';
import { startE2eServer, PASSWORD, type E2eServer } from '../support/e2e-server.ts';
import { buildCase } from '../support/factories.ts';

let server: E2eServer;
let browser: TestBrowser;
let page: Page;
let caseId = '';
let pageErrors: string[] = [];
const customer = { email: 'claire.martin@example.fr', firstName: 'Claire', lastName: 'Martin' };

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser({ viewport: { width: 1280, height: 1100 } })]);
  browser.context.setDefaultTimeout(10_000);
  const system = systemActor('e2e');
  const web = await createSource(server.ctx, system, {
    kind: 'shopify',
    name: 'Boutique en ligne',
    brandId: server.brandId,
    storeId: null,
    salesChannel: 'online',
    settings: { shopDomain: 'jardins.myshopify.com' },
    secrets: { webhookSecret: 'secret' },
  });
  await ingestOrders(server.ctx, await loadSource(server.ctx, web.id), [
    {
      externalId: 'gid://shopify/Order/5678901234567890123',
      number: '#1001',
      purchasedAt: new Date('2026-03-02T10:00:00Z'),
      deliveredAt: new Date('2026-03-05T09:00:00Z'),
      currency: 'EUR',
      totalAmount: 23890,
      paymentMethod: 'shopify_payments',
      financialStatus: 'paid',
      fulfillmentStatus: 'fulfilled',
      sourceUpdatedAt: new Date('2026-03-05T09:00:00Z'),
      customer,
      lines: [
        { externalId: 'gid://shopify/LineItem/1', sku: 'GAR-5041', name: 'Tondeuse Gardena PowerMax 37E', quantity: 1, unitPriceAmount: 19900, totalAmount: 19900, deliveredOn: '2026-03-05' },
        { externalId: 'gid://shopify/LineItem/2', sku: 'GAR-4100', name: 'Lame de rechange', quantity: 2, unitPriceAmount: 1995, totalAmount: 3990 },
      ],
    },
  ]);
  const tillId = uuidv7();
  await server.ctx.db.insert(orderSource).values({ id: tillId, kind: 'file_import', name: 'Caisse Lyon', brandId: server.brandId, salesChannel: 'store', settings: {} });
  await ingestOrders(server.ctx, await loadSource(server.ctx, tillId), [
    {
      externalId: 'T-42',
      number: 'TICKET-0042',
      purchasedAt: new Date('2026-01-15T15:00:00Z'),
      deliveredAt: new Date('2026-01-15T15:00:00Z'),
      currency: 'EUR',
      totalAmount: 3500,
      paymentMethod: 'cash',
      financialStatus: 'paid',
      fulfillmentStatus: 'fulfilled',
      sourceUpdatedAt: null,
      customer,
      lines: [{ externalId: null, sku: 'ARR-10', name: 'Arrosoir 10 L', quantity: 1, unitPriceAmount: 3500, totalAmount: 3500 }],
    },
  ]);
  caseId = (await buildCase(server.ctx, server.brandId, { subject: 'Tondeuse qui cale', customer, channel: 'email' })).id;
  page = await browser.context.newPage();
  pageErrors = watchPageErrors(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const panel = () => page.getByTestId('customer-panel');
const purchase = () => page.getByTestId('case-purchase');

describe('the customer’s purchases beside a case', () => {
  it('shows every order from the web and the store, with its lines and what the customer is worth', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Adresse e-mail').fill(server.agent.email);
    await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/cases$/);
    await page.goto(`${server.url}/cases/${caseId}`);
    const orders = panel().getByTestId('customer-orders');
    await orders.getByRole('heading', { level: 3, name: 'Achats' }).waitFor();
    await orders.locator('li[data-order-number="#1001"]').waitFor();
    const value = (await orders.getByTestId('customer-value').textContent())!.replace(/\s/g, ' ');
    expect(value).toMatch(/^2 commandes · 273,90 € · 1 incident · premier achat le 15 janv\. 2026$/);
    const numbers = await orders.locator('li[data-order-number]').evaluateAll((items) => items.map((li) => li.getAttribute('data-order-number')));
    expect(numbers).toEqual(['#1001', 'TICKET-0042']);
    const web = (await orders.locator('li[data-order-number="#1001"]').textContent())!;
    expect(web).toContain('En ligne · Boutique en ligne');
    expect(web).toContain('1 × Tondeuse Gardena PowerMax 37E');
    expect(web).toContain('2 × Lame de rechange');
    expect((await orders.locator('li[data-order-number="TICKET-0042"]').textContent())!).toContain('En magasin · Caisse Lyon');
    await purchase().getByText('Aucun article lié').waitFor();
    expect(await seriousA11yViolations(page), 'serious axe violations on the case page with the customer’s orders').toEqual([]);
    await saveScreenshot(page, 'customer-orders');
  });

  it('links the case to the line it is about, shows the purchase and the timeline line, then unlinks it', async () => {
    await panel().getByRole('button', { name: 'Lier au dossier « Tondeuse Gardena PowerMax 37E » de la commande #1001' }).click();
    await purchase().getByText('Tondeuse Gardena PowerMax 37E').waitFor();
    const shown = (await purchase().textContent())!.replace(/\s/g, ' ');
    expect(shown).toContain('Commande #1001 · Boutique en ligne · 199,00 €');
    expect(shown).toContain('acheté le 2 mars 2026 · livré le 5 mars 2026');
    await panel().getByText('lié à ce dossier').waitFor();
    await page.getByText(/a lié ce dossier à « Tondeuse Gardena PowerMax 37E » de la commande #1001/).waitFor();
    // What the rulebook says about it: a defect, under France's legal guarantee, in the words the tracking page uses too.
    const verdict = purchase().getByTestId('policy-verdict');
    await verdict.getByText('Droit ouvert').waitFor();
    expect((await verdict.textContent())!.replace(/\s/g, ' ')).toContain('Garantie légale jusqu’au 5 mars 2028');
    expect(await verdict.getByTestId('verdict-explanation').textContent()).toMatch(/garantie légale/i);
    expect(await seriousA11yViolations(page), 'serious axe violations with a linked purchase').toEqual([]);
    // Asked as a withdrawal, months after the delivery: no right any more.
    await verdict.getByText('Rétractation / retour').click();
    await verdict.getByText('Pas de droit selon le règlement').waitFor();
    await verdict.getByText('Défaut').click();
    await verdict.getByText('Droit ouvert').waitFor();
    await saveScreenshot(page, 'case-purchase');

    await purchase().getByRole('button', { name: 'Délier « Tondeuse Gardena PowerMax 37E » de ce dossier' }).click();
    await purchase().getByText('Aucun article lié').waitFor();
    await page.getByText(/a retiré « Tondeuse Gardena PowerMax 37E » de la commande #1001 de ce dossier/).waitFor();
    await panel().getByRole('button', { name: 'Lier au dossier « Tondeuse Gardena PowerMax 37E » de la commande #1001' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
