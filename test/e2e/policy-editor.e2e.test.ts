// The rulebook's editor in a real browser against a real Comptoir: the admin turns the direct
// store exchange on but forgets its price cap (the page says so in words, on the field, and
// saves nothing), fixes it, saves version 1 (in the history), and the verdicts follow at once:
// a 399 € defective purchase is exchanged on the spot under a 500 € cap, not once the cap is
// lowered to 300 € (version 2). An agent cannot reach the editor, nor save through the API.
// axe-core checks the screen; screenshots policy-editor-*.png.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, watchPageErrors, type TestBrowser } from '../support/browser.ts';
import { PASSWORD, startE2eServer, type ApiAs, type E2eServer } from '../support/e2e-server.ts';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));

let server: E2eServer;
let browser: TestBrowser;
let page: Page;
let pageErrors: string[] = [];
let admin: ApiAs;

const editor = () => page.getByRole('textbox', { name: 'Document (JSON)' });
const history = () => page.getByRole('table', { name: 'Historique des versions' });

/** A store purchase of 399 € ten days ago, defective, the product in stock. */
const today = new Date().toISOString().slice(0, 10);
const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
const purchase = {
  country: 'FR',
  channel: 'store',
  condition: 'new',
  category: 'tv',
  purchasedAt: tenDaysAgo,
  deliveredAt: tenDaysAgo,
  requestedAt: today,
  request: 'defect',
  price: { amount: 39_900, currency: 'EUR' },
  inStock: true,
};
const verdict = async () => (await admin.request('POST', '/api/v1/policies/evaluate', purchase)).body as { remedies: string[]; rules: string[]; policyVersion: number };

async function signIn(email: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/cases$/);
}

/** The document in the editor, changed by `edit`, typed back in. */
async function editDocument(edit: (document: Record<string, unknown>) => void) {
  const document = JSON.parse(await editor().inputValue()) as Record<string, unknown>;
  edit(document);
  await editor().fill(JSON.stringify(document, null, 2));
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  browser.context.setDefaultTimeout(10_000);
  page = await browser.context.newPage();
  pageErrors = watchPageErrors(page);
  admin = await server.apiAs(server.admin.email);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the rulebook editor', () => {
  it('says in words what is wrong with a document, and saves nothing', async () => {
    expect(await verdict()).toMatchObject({ policyVersion: 0 });
    expect((await verdict()).remedies).not.toContain('exchange_in_store');

    await signIn(server.admin.email);
    await page.goto(`${server.url}/admin`);
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Règles de retour et de garantie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Règles de retour et de garantie' }).waitFor();
    await page.getByTestId('policy-version').getByText(/^Version 0/).waitFor();
    await page.getByText('Aucune version enregistrée').waitFor();

    // The exchange turned on without saying up to which price.
    await editDocument((d) => {
      d.storeExchange = { enabled: true, maxPrice: {}, maxDaysSincePurchase: 30, requiresStock: true, channels: ['store'] };
      d.colour = 'bleu';
    });
    await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'Le document n’est pas valide' });
    await problems.waitFor();
    await problems.getByText('storeExchange.maxPrice').waitFor();
    await problems.getByText(/Indiquez le prix le plus élevé/).waitFor();
    await problems.getByText(/colour/).waitFor();
    await page.screenshot({ path: `${screenshots}policy-editor-invalid.png`, fullPage: true });
    expect(await seriousA11yViolations(page), 'serious or critical axe violations on the invalid document').toEqual([]);

    // Not JSON at all.
    await editor().fill('{ "storeExchange": ');
    await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ce texte n’est pas du JSON valide' }).waitFor();
    expect((await admin.request('GET', '/api/v1/policies/current')).body).toMatchObject({ version: 0 });
  });

  it('saves the fixed document as version 1, in the history, and the verdicts follow it', async () => {
    await page.reload();
    await page.getByTestId('policy-version').getByText(/^Version 0/).waitFor();
    await editDocument((d) => {
      d.storeExchange = { enabled: true, maxPrice: { EUR: 50_000 }, maxDaysSincePurchase: 30, requiresStock: true, channels: ['store'] };
    });
    await page.getByLabel('Pourquoi ce changement (historique)').fill('Échange direct en magasin jusqu’à 500 €');
    await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
    await page.getByText('Version 1 enregistrée : elle s’applique dès maintenant.').waitFor();
    await page.getByTestId('policy-version').getByText(/^Version 1, enregistrée le .+ par .+ — Échange direct en magasin jusqu’à 500 €$/).waitFor();
    await history().getByRole('row').filter({ hasText: 'Échange direct en magasin jusqu’à 500 €' }).waitFor();

    const v1 = await verdict();
    expect(v1.policyVersion).toBe(1);
    expect(v1.remedies).toContain('exchange_in_store');
    expect(v1.rules).toContain('store.exchange');

    // Lowered to 300 €: a 399 € purchase is no longer exchanged on the spot.
    await editDocument((d) => {
      (d.storeExchange as { maxPrice: Record<string, number> }).maxPrice = { EUR: 30_000 };
    });
    await page.getByLabel('Pourquoi ce changement (historique)').fill('Plafond ramené à 300 €');
    await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
    await page.getByText('Version 2 enregistrée : elle s’applique dès maintenant.').waitFor();
    await expect.poll(async () => (await history().getByRole('row').allInnerTexts()).length).toBe(3);
    const v2 = await verdict();
    expect(v2.policyVersion).toBe(2);
    expect(v2.remedies).not.toContain('exchange_in_store');

    // An earlier version reopens in the editor, to be saved again as a new one.
    await history().getByRole('button', { name: 'Ouvrir dans l’éditeur : version 1' }).click();
    await page.getByText('Vous modifiez le contenu de la version 1').waitFor();
    expect(JSON.parse(await editor().inputValue()).storeExchange.maxPrice).toEqual({ EUR: 50_000 });
    await page.screenshot({ path: `${screenshots}policy-editor-history.png`, fullPage: true });
    expect(await seriousA11yViolations(page), 'serious or critical axe violations on the editor').toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('is out of an agent’s reach, in the browser and through the API', async () => {
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/login/);
    await signIn(server.agent.email);
    await page.goto(`${server.url}/admin/policies`);
    await page.getByText('L’administration est réservée aux administrateurs et aux responsables.', { exact: false }).waitFor();
    expect(await editor().count()).toBe(0);
    const agent = await server.apiAs(server.agent.email);
    const current = (await admin.request('GET', '/api/v1/policies/current')).body as { version: number; document: unknown };
    expect((await agent.request('PUT', '/api/v1/policies/current', { document: current.document, basedOnVersion: current.version })).status).toBe(403);
    expect((await admin.request('GET', '/api/v1/policies/current')).body).toMatchObject({ version: 2 });
  });
});
