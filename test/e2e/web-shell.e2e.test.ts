// The web shell in a real browser against a real Comptoir: an agent signs in (French),
// works the inbox (filters, search), opens a case, replies, adds an internal note, moves
// the case on, sees other people's changes arrive live, is told when a change is refused
// because the case moved on, switches to English, and signs out. axe-core checks the
// login page, the list and the case page.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, watchPageErrors, type TestBrowser } from '../support/browser.ts';
import { PASSWORD, startE2eServer, type E2eServer } from '../support/e2e-server.ts';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));

let server: E2eServer;
let browser: TestBrowser;
let page: Page;
/** Uncaught exceptions and CSP refusals in the page: each one fails the run. */
let pageErrors: string[] = [];

async function shot(name: string) {
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
}

async function expectAccessible(name: string) {
  const violations = await seriousA11yViolations(page);
  expect(violations, `serious or critical axe violations on ${name}`).toEqual([]);
}

const rows = () => page.locator('main tbody tr');
const timeline = () => page.getByRole('list', { name: /Événements du dossier|Case events/ });

/** How many pixels the page is wider than the window. */
const horizontalOverflow = () => page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));

async function waitForRowCount(count: number) {
  await page.waitForFunction((n) => document.querySelectorAll('main tbody tr').length === n, count);
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  // A low sign-in limit so the "too many attempts" message can be shown in a few tries.
  // The server (PGlite compiles its WASM) and the browser start side by side.
  [server, browser] = await Promise.all([startE2eServer({ env: { COMPTOIR_LOGIN_MAX_ATTEMPTS: '3' } }), launchBrowser()]);
  browser.context.setDefaultTimeout(10_000);
  page = await browser.context.newPage();
  pageErrors = watchPageErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('web shell', () => {
  it('refuses a wrong password, then says when to retry after too many attempts', async () => {
    await page.goto(`${server.url}/cases`);
    await page.waitForURL(/\/login\?redirect=/);
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expectAccessible('the login page');

    await page.getByLabel('Adresse e-mail').fill(server.agent.email);
    await page.getByLabel(/^Mot de passe/).fill('not the password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    await shot('login-wrong-password');

    // The limit is 3 failures per address: the 4th attempt is refused before any check.
    await page.getByLabel('Adresse e-mail').fill('nobody@jardins.test');
    for (let attempt = 1; attempt <= 3; attempt++) {
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
      await page.getByRole('button', { name: 'Se connecter' }).click();
      expect((await answer).status()).toBe(401);
    }
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText(/Trop de tentatives de connexion\. Réessayez dans \d+ minutes? \(à \d{2}:\d{2}\)\./).waitFor();
  });

  it('signs the agent in (French) and lists the open cases with their details', async () => {
    await page.getByLabel('Adresse e-mail').fill(server.agent.email);
    await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/cases$/);
    await page.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
    // After an in-app navigation the page heading has the focus.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');

    // Open cases only by default: the solved one is not listed. Most recent activity first.
    await waitForRowCount(2);
    const { gardena, billing } = server.cases;
    const first = rows().nth(0);
    expect(await first.getByRole('link').textContent()).toBe(gardena.number);
    const firstText = await first.textContent();
    for (const expected of ['Programmateur Gardena qui inonde le jardin', 'Marc Petit', 'Nouveau', 'Haute', 'X (Twitter)', 'Prise en charge']) {
      expect(firstText).toContain(expected);
    }
    expect(await first.locator('time').textContent()).toMatch(/^(maintenant|il y a \d+ (seconde|minute)s?)$/);
    expect(await rows().nth(1).textContent()).toContain(billing.number);
    await page.getByRole('status').getByText('2 dossiers affichés').waitFor();
    await page.getByText('En direct').waitFor();
    await shot('case-list');
    await expectAccessible('the case list');
  });

  it('filters the list by status and by a search term', async () => {
    await page.getByLabel('Statut').selectOption('solved');
    await page.waitForURL(/status=solved/);
    await waitForRowCount(1);
    expect(await rows().first().textContent()).toContain('Pièce électronique arrivée défectueuse');

    await page.getByLabel('Statut').selectOption('all');
    await waitForRowCount(3);

    await page.getByLabel('Rechercher').fill('facturé');
    await page.waitForURL(/q=/);
    await waitForRowCount(1);
    expect(await rows().first().textContent()).toContain('Double facturation de la révision');

    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await waitForRowCount(2);
    expect(await page.getByLabel('Rechercher').inputValue()).toBe('');
  });

  it('opens a case, replies, adds an internal note and changes the status', async () => {
    const { gardena } = server.cases;
    await page.getByRole('link', { name: gardena.number }).click();
    await page.waitForURL(new RegExp(`/cases/${gardena.id}$`));
    const heading = page.getByRole('heading', { level: 1 });
    await heading.getByText('Programmateur Gardena qui inonde le jardin').waitFor();
    expect(await heading.textContent()).toContain(gardena.number);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');

    const details = page.getByRole('region', { name: 'Informations' });
    for (const fact of ['Marc Petit', 'Panne', 'Prise en charge', 'SAV Jardin', 'Camille Martin', 'arrosage']) await details.getByText(fact, { exact: true }).waitFor();

    // The customer's message, with its channel.
    const incoming = timeline().locator('li[data-event-type="message_in"]');
    await incoming.getByText('Mon programmateur d’arrosage Gardena').waitFor();
    expect(await incoming.textContent()).toContain('via X (Twitter)');
    await timeline().getByText('Comptoir a ouvert le dossier via X (Twitter)').waitFor();

    // A public reply: it appears, on the case's channel; answering a new case opens it.
    await page.getByLabel(/Votre réponse/).fill('Bonjour Marc, nous sommes désolés. Dans quel magasin avez-vous acheté ce programmateur ?');
    await page.getByRole('button', { name: 'Envoyer la réponse' }).click();
    const reply = timeline().locator('li[data-event-type="message_out"]').filter({ hasText: 'Camille Martin' });
    await reply.getByText('Dans quel magasin avez-vous acheté ce programmateur ?').waitFor();
    expect(await reply.textContent()).toContain('Camille Martin');
    expect(await reply.textContent()).toContain('Réponse au client');
    expect(await reply.textContent()).toContain('via X (Twitter)');
    await timeline().getByText('Camille Martin a changé le statut : Nouveau → Ouvert').waitFor();
    await page.getByRole('status').getByText('Réponse envoyée.').waitFor();

    // An internal note: set apart and labelled as never shown to the customer.
    await page.locator('label', { hasText: /^Note interne$/ }).click();
    await page.getByLabel('Votre note interne').fill('Client fidèle : proposer le modèle supérieur en échange.');
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    const note = timeline().locator('li[data-event-type="note"]');
    await note.getByText('Client fidèle : proposer le modèle supérieur en échange.').waitFor();
    expect(await note.textContent()).toContain('Note interne · invisible pour le client');
    expect(await note.evaluate((li) => getComputedStyle(li).borderStyle)).toBe('dashed');

    // Status change, sent with If-Match: the header and the timeline follow.
    await page.getByLabel('Statut').selectOption('waiting_customer');
    const patch = page.waitForRequest((r) => r.method() === 'PATCH');
    await page.getByRole('button', { name: 'Enregistrer les changements' }).click();
    expect((await patch).headers()['if-match']).toMatch(/^"\d+"$/);
    await page.locator('main header').getByText('En attente du client', { exact: true }).waitFor();
    await timeline().getByText('Camille Martin a changé le statut : Ouvert → En attente du client').waitFor();

    await shot('case-page');
    await expectAccessible('the case page');
  });

  it('shows other people’s changes live, and refuses a change made on a stale case', async () => {
    const { gardena } = server.cases;
    const admin = await server.apiAs(server.admin.email);

    // Someone else writes on the open case: it appears without a reload.
    const posted = await admin.request('POST', `/api/v1/cases/${gardena.id}/messages`, { kind: 'note', body: 'Magasin Truffaut de Lyon contacté.' });
    expect(posted.status).toBe(201);
    await timeline().getByText('Magasin Truffaut de Lyon contacté.').waitFor();

    // The agent starts a change; meanwhile the admin raises the priority.
    await page.getByLabel('Priorité').selectOption('low');
    const raised = await admin.request('PATCH', `/api/v1/cases/${gardena.id}`, { priority: 'urgent' });
    expect(raised.status).toBe(200);
    await timeline().getByText('Alice Admin a changé la priorité : Haute → Urgente').waitFor();
    await page.getByRole('button', { name: 'Enregistrer les changements' }).click();
    await page.getByRole('alert').getByText('Le dossier a changé entre-temps').waitFor();
    // The form shows the case as it is now, and the agent's stale change was not applied.
    await expect.poll(() => page.getByLabel('Priorité').inputValue()).toBe('urgent');
    const current = await admin.request('GET', `/api/v1/cases/${gardena.id}`);
    expect((current.body as { priority: string }).priority).toBe('urgent');
    await shot('case-stale-change');

    // A case opened elsewhere shows up in the list by itself.
    await page.getByRole('link', { name: 'Retour aux dossiers' }).click();
    await waitForRowCount(2);
    const created = await admin.request('POST', '/api/v1/cases', {
      customer: { email: 'nadia.benali@example.fr', firstName: 'Nadia', lastName: 'Benali' },
      subject: 'Colis jamais reçu',
      message: 'Mon colis est marqué livré mais je ne l’ai jamais reçu.',
      channel: 'chat',
      brandId: server.brandId,
    });
    expect(created.status).toBe(201);
    await waitForRowCount(3);
    await rows().first().getByText('Colis jamais reçu').waitFor();
  });

  it('switches to English and remembers it', async () => {
    await page.getByRole('banner').locator('label', { hasText: 'EN' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    for (const label of ['Status', 'Priority', 'Channel', 'Search']) await page.getByLabel(label, { exact: true }).waitFor();
    await page.getByRole('columnheader', { name: 'Last activity' }).waitFor();
    expect(await rows().first().textContent()).toContain('New');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('comptoir.language'))).toBe('en');

    // Keyboard: the first Tab stop skips the header to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // A tablet: nothing wider than the screen (the table scrolls in its own box).
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await horizontalOverflow()).toBe(0);

    await page.getByRole('link', { name: server.cases.gardena.number }).click();
    await page.getByRole('heading', { level: 2, name: 'History' }).waitFor();
    await timeline().getByText('Camille Martin changed the status: Open → Waiting for the customer').waitFor();
    await page.getByRole('region', { name: 'Details' }).getByText('Breakdown', { exact: true }).waitFor();
    expect(await horizontalOverflow()).toBe(0);
    await shot('case-page-en-tablet');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    const session = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).status);
    expect(session).toBe(401);
    expect(pageErrors).toEqual([]);
  });
});
