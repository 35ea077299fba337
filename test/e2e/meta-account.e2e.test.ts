// A Meta account in the administration, in a real browser against a real Comptoir and the
// local fake Meta (test/fakes/meta-graph.ts): the admin creates it (the browser refusing a
// Page id that is not one), manages the WhatsApp template catalogue by hand and from Meta, and
// tests the connection. axe-core checks the screen; screenshots meta-account-*.png.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMetaGraph, type FakeMetaGraph } from '../fakes/meta-graph.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, watchPageErrors, type TestBrowser } from '../support/browser.ts';
import { PASSWORD, startE2eServer, type E2eServer } from '../support/e2e-server.ts';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));

let server: E2eServer;
let browser: TestBrowser;
let meta: FakeMetaGraph;
let page: Page;
let pageErrors: string[] = [];
let accountId: string;

const dialog = () => page.getByRole('dialog');
const catalogue = () => page.getByRole('table', { name: 'Modèles WhatsApp approuvés' });

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  [server, browser, meta] = await Promise.all([startE2eServer(), launchBrowser(), startFakeMetaGraph()]);
  browser.context.setDefaultTimeout(10_000);
  page = await browser.context.newPage();
  pageErrors = watchPageErrors(page);
  meta.templates.push({ name: 'suivi_dossier', language: 'fr', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'BODY', text: 'Bonjour {{1}}, votre dossier {{2}} avance.' }] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  expect(meta?.unexpected).toEqual([]);
  await meta?.close();
});

describe('a Meta account', () => {
  it('is created from the channel accounts, the browser refusing a Page id that is not one', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Adresse e-mail').fill(server.admin.email);
    await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/cases$/);
    await page.goto(`${server.url}/admin/channels`);
    await page.getByRole('heading', { level: 1, name: 'Comptes de canaux' }).waitFor();
    await page.getByRole('button', { name: 'Nouveau compte' }).click();
    await dialog().getByLabel('Canal').selectOption('meta');
    await dialog().getByRole('textbox', { name: 'Nom', exact: true }).fill('Jardins sur Meta');
    await dialog().getByRole('textbox', { name: 'Adresse', exact: true }).fill(meta.pageId);
    await dialog().getByRole('textbox', { name: 'Identifiant de la Page', exact: true }).fill('jardinsetco');
    await dialog().getByLabel('Secret de l’application').fill(meta.appSecret);
    await dialog().getByLabel('Jeton d’accès de la Page').fill(meta.pageAccessToken);
    await dialog().getByRole('button', { name: 'Générer' }).click();
    await dialog().getByRole('button', { name: 'Créer' }).click();
    await dialog().getByText('Format invalide').waitFor();

    await dialog().getByRole('textbox', { name: 'Identifiant de la Page', exact: true }).fill(meta.pageId);
    await dialog().getByRole('textbox', { name: 'Identifiant du numéro WhatsApp', exact: true }).fill(meta.phoneNumberId);
    await dialog().getByRole('textbox', { name: 'Identifiant du compte WhatsApp Business', exact: true }).fill(meta.wabaId);
    await dialog().getByLabel('Jeton WhatsApp (utilisateur système)').fill(meta.whatsappToken);
    await dialog().getByRole('button', { name: 'Créer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jardins sur Meta' }).waitFor();
    accountId = /\/admin\/channels\/([0-9a-f-]+)/.exec(page.url())![1]!;
    await page.getByText('Aucun modèle : hors de la fenêtre de 24 heures, rien ne pourra partir sur WhatsApp.').waitFor();

    // This Comptoir's Graph API is the local fake (admins never see the address).
    const admin = await server.apiAs(server.admin.email);
    const account = (await admin.request('GET', `/api/v1/channel-accounts/${accountId}`)).body as { settings: Record<string, unknown>; secretsSet: string[] };
    expect(account.secretsSet).toEqual(['appSecret', 'pageAccessToken', 'verifyToken', 'whatsappToken']);
    expect((await admin.request('PATCH', `/api/v1/channel-accounts/${accountId}`, { settings: { ...account.settings, apiBaseUrl: meta.url } })).status).toBe(200);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Jardins sur Meta' }).waitFor();
  });

  it('keeps a WhatsApp template catalogue: added and removed by hand, read from Meta', async () => {
    const adding = page.getByRole('group', { name: 'Ajouter le modèle' });
    await adding.getByRole('textbox', { name: 'Nom du modèle' }).fill('relance_client');
    await adding.getByRole('textbox', { name: 'Texte' }).fill('Bonjour {{1}}, avez-vous pu regarder notre réponse ?');
    await adding.getByText('Tel qu’approuvé chez Meta ; 1 valeur(s) à remplir.').waitFor();
    await adding.getByRole('button', { name: 'Ajouter le modèle' }).click();
    await catalogue().getByText('relance_client').waitFor();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Modifications enregistrées.').waitFor();
    const admin = await server.apiAs(server.admin.email);
    const saved = async () => ((await admin.request('GET', `/api/v1/channel-accounts/${accountId}`)).body as { settings: { templates: unknown[]; apiBaseUrl: string } }).settings;
    expect(await saved()).toMatchObject({ apiBaseUrl: meta.url, templates: [{ name: 'relance_client', language: 'fr', category: 'UTILITY', body: 'Bonjour {{1}}, avez-vous pu regarder notre réponse ?', variables: 1 }] });

    await page.getByRole('button', { name: 'Retirer le modèle relance_client (fr)' }).click();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Aucun modèle : hors de la fenêtre de 24 heures, rien ne pourra partir sur WhatsApp.').waitFor();
    await expect.poll(async () => (await saved()).templates).toEqual([]);

    await page.getByRole('button', { name: 'Lire les modèles approuvés chez Meta' }).click();
    await page.getByText('Modèles lus chez Meta : 1 ajouté(s), 0 retiré(s), 0 écarté(s).').waitFor();
    await catalogue().getByText('Bonjour {{1}}, votre dossier {{2}} avance.').waitFor();
    await page.screenshot({ path: `${screenshots}meta-account-templates.png`, fullPage: true });
  });

  it('tests the connection: the Page and the WhatsApp number answer; the webhook to configure is given', async () => {
    await page.getByRole('region', { name: 'Test de connexion' }).getByRole('button', { name: 'Tester la connexion' }).click();
    const result = page.getByTestId('connection-result');
    await result.getByText('Tout fonctionne').waitFor();
    expect(await result.locator('[data-check="meta_page"]').textContent()).toContain(`La Page « ${meta.pageName} » (${meta.pageId}) répond`);
    expect(await result.locator('[data-check="meta_webhook"]').textContent()).toContain(`/api/v1/channels/meta/${accountId}/webhook`);
    await page.screenshot({ path: `${screenshots}meta-account-test.png`, fullPage: true });
    expect(await seriousA11yViolations(page), 'serious or critical axe violations on the Meta account').toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
