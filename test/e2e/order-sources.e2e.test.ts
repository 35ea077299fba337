// An online shop connected from the administration, in a real browser against a real Comptoir
// and the local fake Shopify (test/fakes/shopify.ts): the admin connects a Shopify shop (the
// browser refusing a domain that is not a myshopify.com one), copies the webhook address,
// tests the connection (working, then with a wrong token: Shopify's refusal in words), and sees
// the shop's webhooks arrive and what became of them. axe-core checks the screens; screenshots
// order-sources-*.png.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/context.ts';
import { ctxOf } from '../../src/context.ts';
import { buildJobRegistry } from '../../src/jobs.ts';
import { JobWorker } from '../../src/platform/jobs/worker.ts';
import { startFakeShopify, type FakeShopify, type FakeShopifyOrder } from '../fakes/shopify.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, watchPageErrors, type TestBrowser } from '../support/browser.ts';
import { PASSWORD, startE2eServer, type E2eServer } from '../support/e2e-server.ts';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));

let server: E2eServer;
let browser: TestBrowser;
let shop: FakeShopify;
let page: Page;
let pageErrors: string[] = [];
let worker: JobWorker<Ctx>;
let sourceId: string;

const dialog = () => page.getByRole('dialog');
const connectionTest = () => page.getByRole('region', { name: 'Test de connexion' });
const deliveries = () => page.getByRole('region', { name: 'Webhooks récents' });

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  [server, browser, shop] = await Promise.all([startE2eServer(), launchBrowser(), startFakeShopify()]);
  // The deliveries are processed by the job worker, as on a running server.
  const services = server.services;
  worker = new JobWorker<Ctx>({ database: services.database, registry: buildJobRegistry(), context: () => ctxOf(services), clock: services.clock, log: services.log, concurrency: 2, pollMs: 100 });
  await worker.start();
  services.jobs.attach(worker);
  browser.context.setDefaultTimeout(10_000);
  page = await browser.context.newPage();
  pageErrors = watchPageErrors(page);
});

afterAll(async () => {
  await browser?.close();
  server?.services.jobs.attach(undefined);
  await worker?.stop();
  await server?.close();
  expect(shop?.unexpected).toEqual([]);
  await shop?.close();
});

const order: FakeShopifyOrder = {
  id: '5678901234567890123',
  orderNumber: 1001,
  email: 'claire.martin@exemple.fr',
  customer: { id: '7234567890123456789', email: 'claire.martin@exemple.fr', firstName: 'Claire', lastName: 'Martin' },
  createdAt: '2026-03-02T10:00:00+01:00',
  updatedAt: '2026-03-02T10:00:00+01:00',
  currency: 'EUR',
  financialStatus: 'paid',
  fulfillmentStatus: null,
  gateway: 'shopify_payments',
  lines: [{ id: '9234567890123456789', title: 'Tondeuse Gardena PowerMax 37E', sku: 'GAR-5041', quantity: 1, price: '199.00' }],
  fulfillments: [],
};

describe('an online shop', () => {
  it('is connected from the administration, the browser refusing a domain that is not a Shopify one', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Adresse e-mail').fill(server.admin.email);
    await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/cases$/);
    await page.goto(`${server.url}/admin`);
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Boutiques en ligne' }).click();
    await page.getByRole('heading', { level: 1, name: 'Boutiques en ligne' }).waitFor();
    await page.getByText('Aucune boutique connectée').waitFor();

    await page.getByRole('button', { name: 'Connecter une boutique' }).click();
    await expect.poll(() => dialog().getByLabel('Plateforme').inputValue()).toBe('shopify');
    await dialog().getByRole('textbox', { name: 'Nom', exact: true }).fill('Jardins & Co en ligne');
    await dialog().getByRole('textbox', { name: 'Domaine myshopify.com' }).fill('jardins-et-co.fr');
    await dialog().getByLabel('Secret des webhooks').fill(shop.clientSecret);
    await dialog().getByLabel('Jeton d’accès à l’API Admin').fill(shop.accessToken);
    await dialog().getByRole('button', { name: 'Créer' }).click();
    await dialog().getByText(/myshopify\.com/).first().waitFor();
    expect(await dialog().getByRole('textbox', { name: 'Domaine myshopify.com' }).getAttribute('aria-invalid')).toBe('true');

    await dialog().getByRole('textbox', { name: 'Domaine myshopify.com' }).fill(shop.shopDomain);
    await dialog().getByRole('button', { name: 'Créer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jardins & Co en ligne' }).waitFor();
    sourceId = /\/admin\/order-sources\/([0-9a-f-]+)/.exec(page.url())![1]!;

    // The secrets were saved and are never shown back.
    const admin = await server.apiAs(server.admin.email);
    const source = (await admin.request('GET', `/api/v1/order-sources/${sourceId}`)).body as { settings: Record<string, unknown>; secretsSet: string[]; webhookUrl: string };
    expect(source.secretsSet).toEqual(['accessToken', 'webhookSecret']);
    expect(await page.content()).not.toContain(shop.accessToken);
    // The webhook address to paste into Shopify, and which secret signs them.
    expect(await page.getByRole('textbox', { name: 'Adresse des webhooks' }).inputValue()).toBe(source.webhookUrl);
    await page.getByText('Shopify les signe avec le secret client de l’application').waitFor();
    // This Comptoir's Shopify is the local fake (admins never see the address).
    expect((await admin.request('PATCH', `/api/v1/order-sources/${sourceId}`, { settings: { ...source.settings, apiBaseUrl: shop.url } })).status).toBe(200);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Jardins & Co en ligne' }).waitFor();
  });

  it('tests the connection: working, then Shopify refusing a wrong token, in words', async () => {
    await connectionTest().getByRole('button', { name: 'Tester la connexion' }).click();
    await connectionTest().getByText('Tout fonctionne').waitFor();
    await page.screenshot({ path: `${screenshots}order-sources-test-ok.png`, fullPage: true });

    await page.getByLabel('Jeton d’accès à l’API Admin').fill('shpat_wrong_token');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Modifications enregistrées.').first().waitFor();
    // The page shows the saved source afresh: the earlier result is gone.
    await connectionTest().getByTestId('connection-result').waitFor({ state: 'detached' });
    await connectionTest().getByRole('button', { name: 'Tester la connexion' }).click();
    await connectionTest().getByText('Un problème empêche ce compte de fonctionner').waitFor();
    await connectionTest().getByText(/Shopify refuse le jeton d’accès/).waitFor();
    await page.screenshot({ path: `${screenshots}order-sources-test-refused.png`, fullPage: true });
    expect(await seriousA11yViolations(page), 'serious or critical axe violations on the shop page').toEqual([]);
  });

  it('shows the webhooks the shop sends, processed or failed with the reason', async () => {
    await deliveries().getByText('Aucun webhook reçu pour l’instant').waitFor();
    const url = await page.getByRole('textbox', { name: 'Adresse des webhooks' }).inputValue();
    // Shopify posts to the public address; here it is this server's.
    const path = new URL(url).pathname;
    const post = async (topic: string, body: string) => {
      const signed = shop.webhook(`${server.url}${path}`, topic, body);
      const res = await fetch(signed.url, { method: 'POST', headers: signed.headers, body: signed.body });
      expect(res.status).toBe(200);
    };
    await post('orders/create', shop.orderBody(order));
    await post('orders/updated', '{"id": "pas une commande"}');

    const rows = () => deliveries().getByRole('row');
    await expect.poll(async () => (await rows().allInnerTexts()).slice(1).map((r) => r.split(/\s+/)[0]), { timeout: 15_000 }).toEqual(['orders/updated', 'orders/create']);
    await deliveries().locator('tr[data-delivery="processed"]').getByText('Traité').waitFor({ timeout: 15_000 });
    await deliveries().locator('tr[data-delivery="failed"]').getByText('En échec').waitFor();
    await deliveries().locator('tr[data-delivery="failed"]').getByText(/^Pourquoi : /).waitFor();
    await page.screenshot({ path: `${screenshots}order-sources-webhooks.png`, fullPage: true });

    // The list says when the shop last sent something and that one failed.
    await page.getByRole('link', { name: '← Toutes les boutiques' }).click();
    const row = page.locator(`tr[data-source="${sourceId}"]`);
    await row.getByText('2 webhooks ces dernières 24 heures').waitFor();
    await row.getByText('1 webhook en échec').waitFor();
    await page.screenshot({ path: `${screenshots}order-sources-list.png`, fullPage: true });
    expect(await seriousA11yViolations(page), 'serious or critical axe violations on the shops list').toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
