// Two agents on the same case, each in a browser of their own, against a real Comptoir: each
// sees the other there; one types and the other sees it; one sends a reply; the second,
// sending afterwards, is shown the colleague's reply first and sends anyway. Then a case of
// the same customer is merged from the case page (with its preview) and its messages appear
// in the thread; the merged case says where it went; messages are split off into a new case.
// axe-core checks every screen; screenshots collab-*.png.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/modules/access/actor.ts';
import { createUser } from '../../src/modules/access/users.service.ts';
import type { CaseDto } from '../../src/modules/cases/cases.contract.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { PASSWORD, startE2eServer, type E2eServer } from '../support/e2e-server.ts';
import { buildCase } from '../support/factories.ts';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
/** Presence reaches the other screen through the stream at once; a lost signal heals within a 15 s heartbeat. */
const PRESENCE_TIMEOUT = 20_000;

let server: E2eServer;
const browsers: TestBrowser[] = [];
let camille: Page;
let bastien: Page;
let billing: CaseDto;
const pageErrors: string[] = [];

async function open(): Promise<Page> {
  const browser = await launchBrowser();
  browsers.push(browser);
  browser.context.setDefaultTimeout(10_000);
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) pageErrors.push(`csp: ${message.text()}`);
  });
  return page;
}

async function signIn(page: Page, email: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/cases$/);
}

async function expectAccessible(page: Page, name: string) {
  expect(await seriousA11yViolations(page), `serious or critical axe violations on ${name}`).toEqual([]);
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
const timeline = (page: Page) => page.getByRole('list', { name: /Événements du dossier/ });
const presence = (page: Page) => page.getByTestId('presence');

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  let pages: Page[];
  [server, ...pages] = await Promise.all([startE2eServer(), open(), open()]);
  [camille, bastien] = pages as [Page, Page];
  await createUser(server.ctx, systemActor('e2e'), { email: 'bastien.roux@jardins.test', name: 'Bastien Roux', role: 'agent', password: PASSWORD, language: 'fr', active: true, brandIds: [], storeIds: [] });
  billing = server.cases.billing;
  await Promise.all([signIn(camille, server.agent.email), signIn(bastien, 'bastien.roux@jardins.test')]);
});

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server?.close();
});

describe('two agents on one case', () => {
  it('shows each agent that the other is on the case', async () => {
    await camille.goto(`${server.url}/cases/${billing.id}`);
    await timeline(camille).getByText('Le concessionnaire m’a facturé deux fois').waitFor();
    await bastien.goto(`${server.url}/cases/${billing.id}`);
    await timeline(bastien).getByText('Le concessionnaire m’a facturé deux fois').waitFor();
    await presence(camille).getByText('Aussi sur ce dossier : Bastien Roux').waitFor({ timeout: PRESENCE_TIMEOUT });
    await presence(bastien).getByText('Aussi sur ce dossier : Camille Martin').waitFor({ timeout: PRESENCE_TIMEOUT });
    await shot(camille, 'collab-presence');
    await expectAccessible(camille, 'the case page with a colleague on it');
  });

  it('shows one agent typing to the other', async () => {
    await bastien.getByLabel(/Votre réponse/).fill('Bonjour Jeanne, nous avons demandé au concessionnaire d’annuler la seconde facture.');
    await presence(camille).getByText('Bastien Roux écrit une réponse…').waitFor({ timeout: PRESENCE_TIMEOUT });
    await shot(camille, 'collab-typing');
  });

  it('warns the second agent before sending, with the colleague’s reply, and sends anyway on request', async () => {
    // Camille starts her answer while Bastien still writes his.
    await camille.getByLabel(/Votre réponse/).fill('Bonjour Madame Dupont, nous regardons la facture.');
    await bastien.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await bastien.getByRole('status').getByText('Réponse envoyée.').waitFor();
    // It reaches Camille's timeline live, and Bastien is no longer typing.
    await timeline(camille).getByText('nous avons demandé au concessionnaire').waitFor();
    await presence(camille).getByText('Bastien Roux écrit une réponse…').waitFor({ state: 'detached', timeout: PRESENCE_TIMEOUT });

    const refused = camille.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${billing.id}/messages`));
    await camille.getByRole('button', { name: 'Envoyer la réponse' }).click();
    expect((await refused).status()).toBe(409);
    const warning = camille.getByTestId('meanwhile-warning');
    await warning.getByText('Quelqu’un a écrit pendant que vous rédigiez').waitFor();
    expect(await warning.textContent()).toContain('Bastien Roux');
    expect(await warning.textContent()).toContain('nous avons demandé au concessionnaire d’annuler la seconde facture.');
    // The warning has the focus, and the draft is still there.
    expect(await camille.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('meanwhile-warning');
    expect(await camille.getByLabel(/Votre réponse/).inputValue()).toBe('Bonjour Madame Dupont, nous regardons la facture.');
    await shot(camille, 'collab-meanwhile');
    await expectAccessible(camille, 'the warning before sending');

    const sent = camille.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${billing.id}/messages`));
    await warning.getByRole('button', { name: 'Envoyer quand même' }).click();
    expect((await sent).status()).toBe(201);
    await camille.getByRole('status').getByText('Réponse envoyée.').waitFor();
    const replies = timeline(camille).locator('li[data-event-type="message_out"]');
    await replies.filter({ hasText: 'Camille Martin' }).getByText('nous regardons la facture.').waitFor();
    await replies.filter({ hasText: 'Bastien Roux' }).waitFor();
    await timeline(bastien).getByText('Bonjour Madame Dupont, nous regardons la facture.').waitFor();
  });

  it('says when the colleague leaves', async () => {
    await bastien.goto(`${server.url}/cases`);
    await presence(camille).waitFor({ state: 'detached', timeout: PRESENCE_TIMEOUT });
  });
});

describe('merging and splitting from the case page', () => {
  let relance: CaseDto;

  it('merges another case of the customer into this one after a preview, and shows its messages in the thread', async () => {
    relance = await buildCase(server.ctx, server.brandId, {
      subject: 'Relance : double facturation',
      message: 'Je relance par le chat : toujours deux factures pour la même révision.',
      customer: { email: 'jeanne.dupont@example.fr' },
      channel: 'chat',
    });
    await camille.getByRole('button', { name: 'Fusionner…' }).click();
    const dialog = camille.getByRole('dialog', { name: 'Fusionner des dossiers' });
    await dialog.getByRole('checkbox', { name: new RegExp(relance.number) }).check();
    await dialog.getByRole('button', { name: 'Voir l’aperçu' }).click();
    const preview = dialog.getByTestId('merge-preview');
    await preview.getByText(`${relance.number} : 1 message copié à sa date,`, { exact: false }).waitFor();
    expect(await preview.textContent()).toContain(`son lien de suivi mènera à ${billing.number}`);
    expect(await preview.textContent()).toContain('délais arrêtés : Première réponse, Résolution');
    await shot(camille, 'collab-merge-preview');
    await expectAccessible(camille, 'the merge dialog');

    await dialog.getByRole('button', { name: 'Fusionner', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const copied = timeline(camille).locator(`li[data-event-type="message_in"]`).filter({ has: camille.locator(`[data-moved-from="${relance.number}"]`) });
    await copied.getByText('Je relance par le chat').waitFor();
    expect(await copied.textContent()).toContain('via Chat');
    await timeline(camille).getByText(`Camille Martin a fusionné ${relance.number} dans ce dossier`).waitFor();
    await camille.getByRole('region', { name: 'Travailler ensemble' }).getByText('Fusionné ici').waitFor();
    await shot(camille, 'collab-merged-thread');

    await copied.getByRole('link', { name: relance.number }).click();
    await camille.waitForURL(new RegExp(`/cases/${relance.id}$`));
    const banner = camille.getByTestId('merged-banner');
    await banner.getByText(`Ce dossier a été fusionné dans ${billing.number}`).waitFor();
    await camille.locator('main header').getByText('Clôturé', { exact: true }).waitFor();
    await shot(camille, 'collab-merged-case');
    await expectAccessible(camille, 'a merged case');
    await banner.getByRole('link', { name: `Ouvrir ${billing.number}` }).click();
    await camille.waitForURL(new RegExp(`/cases/${billing.id}$`));
  });

  it('splits a customer message off into a new case', async () => {
    await camille.getByRole('button', { name: 'Scinder…' }).click();
    const bar = camille.getByRole('region', { name: 'Scinder le dossier' });
    await bar.waitFor();
    const relanceMessage = timeline(camille).locator('li[data-event-type="message_in"]').filter({ hasText: 'Je relance par le chat' });
    await relanceMessage.getByRole('checkbox', { name: 'Choisir ce message pour le nouveau dossier' }).check();
    await bar.getByText('1 message choisi').waitFor();
    await bar.getByLabel(/Objet du nouveau dossier/).fill('Relance par le chat');
    await shot(camille, 'collab-split');
    await expectAccessible(camille, 'split mode');
    await bar.getByRole('button', { name: 'Scinder dans un nouveau dossier' }).click();
    const done = camille.getByRole('status').filter({ hasText: 'Nouveau dossier' });
    await done.waitFor();
    const number = /SAV-\d{4}-\d{6}/.exec((await done.textContent()) ?? '')![0];
    await camille.getByRole('region', { name: 'Travailler ensemble' }).getByText('Scindé vers').waitFor();
    await done.getByRole('link', { name: `Ouvrir ${number}` }).click();
    await timeline(camille).getByText('Je relance par le chat').waitFor();
    await camille.getByRole('region', { name: 'Travailler ensemble' }).getByText('Scindé depuis').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
