// The inbox in a real browser against a real Comptoir: an agent signs in, picks a built-in
// view and sees the counts, filters, saves the filters as a view, works the list with the
// keyboard (j / k / x / Enter, / and ?), assigns and tags several cases at once, opens the
// merge dialog, sees a case opened by someone else appear with the counts moving, and filters
// on periods relative to today ("opened in the last 7 days"), saved as such. axe-core checks the inbox, the shortcut sheet and the merge dialog.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/modules/access/actor.ts';
import { eq } from 'drizzle-orm';
import { updateCase } from '../../src/modules/cases/case-changes.ts';
import { savCase } from '../../src/modules/cases/cases.schema.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, watchPageErrors, type TestBrowser } from '../support/browser.ts';
import { PASSWORD, startE2eServer, type E2eServer } from '../support/e2e-server.ts';
import { buildCase } from '../support/factories.ts';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));

let server: E2eServer;
let browser: TestBrowser;
let page: Page;
let pageErrors: string[] = [];
const subjects = { washer: 'Lave-linge en panne', parcel: 'Colis abîmé à la livraison', refund: 'Remboursement en attente' };

const shot = (name: string) => page.screenshot({ path: `${screenshots}inbox-${name}.png`, fullPage: true });
async function expectAccessible(name: string) {
  expect(await seriousA11yViolations(page), `serious or critical axe violations on ${name}`).toEqual([]);
}
const rows = () => page.locator('main tbody tr');
const waitForRowCount = (count: number) => page.waitForFunction((n) => document.querySelectorAll('main tbody tr').length === n, count);
/** The number a view shows in the sidebar. */
const countOf = (view: string) => page.locator(`nav li[data-view="${view}"] [data-count]`).first().getAttribute('data-count');
const focusedNumber = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.caseNumber ?? null);

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  browser.context.setDefaultTimeout(10_000);
  // Three more open cases: unassigned, on several channels; the last waits for the customer.
  const customer = (email: string, firstName: string, lastName: string) => ({ email, firstName, lastName });
  await buildCase(server.ctx, server.brandId, { subject: subjects.washer, channel: 'email', customer: customer('luc.moreau@example.fr', 'Luc', 'Moreau') });
  await buildCase(server.ctx, server.brandId, { subject: subjects.parcel, channel: 'chat', customer: customer('ines.roux@example.fr', 'Inès', 'Roux') });
  const refund = await buildCase(server.ctx, server.brandId, { subject: subjects.refund, channel: 'webform', customer: customer('paul.blanc@example.fr', 'Paul', 'Blanc') });
  await updateCase(server.ctx, systemActor('e2e'), refund.id, { status: 'waiting_customer' });
  page = await browser.context.newPage();
  pageErrors = watchPageErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the inbox', () => {
  it('shows the views with their counts, and a built-in view lists its cases', async () => {
    await page.goto(`${server.url}/cases`);
    await page.getByLabel('Adresse e-mail').fill(server.agent.email);
    await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/cases$/);
    await waitForRowCount(5);
    const sidebar = page.getByRole('navigation', { name: 'Vues de la boîte de réception' });
    await sidebar.getByRole('link', { name: /^Tous les dossiers ouverts\s*5\s*dossiers$/ }).waitFor();
    expect(await sidebar.getByRole('link', { name: /^Tous les dossiers ouverts/ }).getAttribute('aria-current')).toBe('page');
    const expected = { mine: '1', team: '1', unassigned: '4', waiting: '1', 'channel:email': '2', 'channel:x': '1', 'channel:chat': '1', 'channel:webform': '1', 'store:none': '5' };
    for (const [view, n] of Object.entries(expected)) expect({ view, n: await countOf(view) }).toEqual({ view, n });
    await shot('views');
    await expectAccessible('the inbox');

    await sidebar.getByRole('link', { name: /^Non attribués/ }).click();
    await page.waitForURL(/view=unassigned/);
    await waitForRowCount(4);
    expect(await rows().allTextContents()).not.toContainEqual(expect.stringContaining('Programmateur Gardena'));
    await page.getByTestId('inbox-view-name').getByText('Non attribués').waitFor();
  });

  it('filters the view, and saves the filters as a view of its own', async () => {
    await page.getByLabel('Canal', { exact: true }).selectOption('email');
    await page.waitForURL(/channel=email/);
    expect(page.url()).not.toContain('view=');
    await waitForRowCount(2);
    expect((await rows().allTextContents()).join(' ')).toContain(subjects.washer);
    await shot('filtered');

    await page.getByRole('button', { name: 'Enregistrer comme vue' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enregistrer comme vue' });
    await dialog.getByLabel(/Nom de la vue/).fill('E-mails à prendre');
    await dialog.getByRole('button', { name: 'Enregistrer la vue' }).click();
    await page.waitForURL(/view=[0-9a-f-]{36}/);
    const mine = page.getByRole('region', { name: 'Mes vues' });
    const saved = mine.getByRole('link', { name: /^E-mails à prendre\s*2\s*dossiers$/ });
    await saved.waitFor();
    expect(await saved.getAttribute('aria-current')).toBe('page');
    await waitForRowCount(2);
    // The saved view holds the filters: a reload lists the same cases.
    await page.reload();
    await waitForRowCount(2);
    expect(await page.getByLabel('Canal', { exact: true }).inputValue()).toBe('email');
  });

  it('works the list with the keyboard: j / k move, x selects, the toolbar assigns them to me', async () => {
    await page.getByRole('link', { name: /^Tous les dossiers ouverts/ }).click();
    await waitForRowCount(5);
    const numbers = await rows().evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.caseNumber));
    await page.keyboard.press('j');
    expect(await focusedNumber()).toBe(numbers[0]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await focusedNumber()).toBe(numbers[2]);
    await page.keyboard.press('k');
    expect(await focusedNumber()).toBe(numbers[1]);
    // The move is announced, with the case and its place in the list.
    await page.getByRole('status').getByText(new RegExp(`^${numbers[1]} : .+, 2 sur 5$`)).waitFor({ state: 'attached' });
    await page.keyboard.press('x');
    await page.keyboard.press('k');
    await page.keyboard.press('x');
    const toolbar = page.getByRole('toolbar', { name: 'Actions sur les dossiers sélectionnés' });
    await toolbar.getByText('2 dossiers sélectionnés').waitFor();
    expect(await rows().nth(0).getByRole('checkbox').isChecked()).toBe(true);
    expect(await rows().nth(1).getByRole('checkbox').isChecked()).toBe(true);
    await shot('selected');
    await expectAccessible('the inbox with a selection');

    await toolbar.getByRole('button', { name: 'Attribuer' }).click();
    await page.getByRole('menuitem', { name: 'À moi' }).click();
    await page.getByRole('alert').getByText('2 dossiers modifiés.').waitFor();
    for (const n of [0, 1]) await rows().nth(n).getByText('Camille Martin').waitFor();
    await toolbar.waitFor({ state: 'detached' });
    await expect.poll(() => countOf('mine'), { timeout: 15_000 }).toBe('3');
  });

  it('ticks a range with shift-click and tags the cases at once', async () => {
    await rows().nth(0).getByRole('checkbox').click();
    await rows().nth(2).getByRole('checkbox').click({ modifiers: ['Shift'] });
    const toolbar = page.getByRole('toolbar', { name: 'Actions sur les dossiers sélectionnés' });
    await toolbar.getByText('3 dossiers sélectionnés').waitFor();
    await toolbar.getByRole('button', { name: 'Étiquettes…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Étiquettes de 3 dossiers' });
    await dialog.getByLabel('Étiquettes à ajouter').fill('rappel, Prioritaire');
    await dialog.getByRole('button', { name: 'Appliquer' }).click();
    await page.getByRole('alert').getByText('3 dossiers modifiés.').waitFor();
    for (const n of [0, 1, 2]) {
      await rows().nth(n).getByText('rappel', { exact: true }).waitFor();
      await rows().nth(n).getByText('prioritaire', { exact: true }).waitFor();
    }
    expect(await rows().nth(3).getByText('rappel', { exact: true }).count()).toBe(0);

    // Merging: the dialog offers the selected cases, the oldest kept by default.
    await rows().nth(3).getByRole('checkbox').click();
    await rows().nth(4).getByRole('checkbox').click();
    await toolbar.getByRole('button', { name: 'Fusionner…' }).click();
    const merge = page.getByRole('dialog', { name: 'Fusionner 2 dossiers' });
    await merge.getByRole('radio').first().waitFor();
    expect(await merge.getByRole('radio').count()).toBe(2);
    expect(await merge.getByRole('radio', { checked: true }).count()).toBe(1);
    await shot('merge');
    await expectAccessible('the merge dialog');
    // Two customers' cases: the server refuses (only one customer's cases merge), the dialog says so and merges nothing.
    await merge.getByRole('button', { name: 'Fusionner', exact: true }).click();
    await merge.getByRole('alert').getByText('La fusion a échoué').waitFor();
    expect(await rows().count()).toBeGreaterThanOrEqual(5);
    await merge.getByRole('button', { name: 'Annuler' }).click();
    await merge.waitFor({ state: 'detached' });
    // Esc clears the selection.
    await page.keyboard.press('Escape');
    await toolbar.waitFor({ state: 'detached' });
  });

  it('opens the shortcut sheet with ?, and / goes to the search box', async () => {
    await page.locator('main h1').focus();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Raccourcis clavier' });
    await sheet.getByRole('heading', { name: 'Boîte de réception' }).waitFor();
    await sheet.getByRole('heading', { name: 'Page d’un dossier' }).waitFor();
    for (const action of ['Dossier suivant', 'Ouvrir le dossier pour répondre', 'Insérer une macro', 'Revenir à la boîte de réception']) await sheet.getByText(action).waitFor();
    await shot('shortcuts');
    await expectAccessible('the shortcut sheet');
    // Keys do not reach the list behind the sheet.
    await page.keyboard.press('j');
    expect(await focusedNumber()).toBeNull();
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });

    await page.keyboard.press('/');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
    // Typing in the box is text, not shortcuts.
    await page.keyboard.type('Colis');
    await page.waitForURL(/q=Colis/);
    await waitForRowCount(1);
    expect(await page.getByLabel('Rechercher').inputValue()).toBe('Colis');
    expect(await rows().first().getByRole('checkbox').isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await waitForRowCount(5);
  });

  it('shows a case opened by someone else without a reload, and the counts follow', async () => {
    await page.getByRole('link', { name: /^Non attribués/ }).click();
    await waitForRowCount(2);
    const unassignedBefore = await countOf('unassigned');
    const admin = await server.apiAs(server.admin.email);
    const created = await admin.request('POST', '/api/v1/cases', {
      customer: { email: 'nadia.benali@example.fr', firstName: 'Nadia', lastName: 'Benali' },
      subject: 'Aspirateur qui ne charge plus',
      message: 'Mon aspirateur ne charge plus depuis hier.',
      channel: 'email',
      brandId: server.brandId,
    });
    expect(created.status).toBe(201);
    await waitForRowCount(3);
    await rows().first().getByText('Aspirateur qui ne charge plus').waitFor();
    await expect.poll(() => countOf('open'), { timeout: 15_000 }).toBe('6');
    expect(await countOf('unassigned')).toBe(String(Number(unassignedBefore) + 1));
    await shot('live');

    // On a tablet the views come above the list, and nothing is wider than the screen.
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await shot('tablet');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('solves the focused case with e: it leaves the view and the next row takes the focus', async () => {
    await page.getByRole('link', { name: /^Tous les dossiers ouverts/ }).click();
    await waitForRowCount(6);
    const numbers = await rows().evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.caseNumber));
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await focusedNumber()).toBe(numbers[1]);
    await page.keyboard.press('e');
    await page.getByRole('alert').getByText('1 dossier modifié.').waitFor();
    await waitForRowCount(5);
    expect(await rows().evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.caseNumber))).not.toContain(numbers[1]);
    await expect.poll(focusedNumber).toBe(numbers[2]);
  });

  it('opens the focused case with r, ready to reply', async () => {
    const id = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.caseId);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await page.keyboard.press('r');
    await page.waitForURL(new RegExp(`/cases/${id}\\?compose=reply$`));
    await page.goBack();
    await waitForRowCount(5);
  });

  it('opens the focused case with Enter', async () => {
    await page.locator('main h1').focus();
    await page.keyboard.press('j');
    const number = await focusedNumber();
    const id = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.caseId);
    expect(number).toMatch(/^SAV-/);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/cases/${id}$`));
    await page.getByRole('heading', { level: 1 }).getByText(number!).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('filters on a period relative to today, and saves it as such', async () => {
    // The refund case was opened 40 days ago.
    await server.ctx.db.update(savCase).set({ createdAt: new Date(Date.now() - 40 * 86_400_000) }).where(eq(savCase.subject, subjects.refund));
    await page.goto(`${server.url}/cases`);
    await waitForRowCount(5);
    await page.getByRole('button', { name: 'Plus de filtres' }).click();
    const opened = page.getByLabel('Ouverture', { exact: true });
    await opened.selectOption('last_7_days');
    await page.waitForURL(/createdPeriod=last_7_days/);
    await waitForRowCount(4);
    expect((await rows().allTextContents()).join(' ')).not.toContain(subjects.refund);

    await opened.selectOption('older_than');
    await page.getByLabel('Nombre de jours').fill('30');
    await page.waitForURL(/createdPeriod=older_than_30_days/);
    await waitForRowCount(1);
    await rows().first().getByText(subjects.refund).waitFor();
    // After a reload, the list of choices names the period.
    await page.reload();
    await waitForRowCount(1);
    expect(await page.getByLabel('Ouverture', { exact: true }).inputValue()).toBe('older_than_30_days');

    await opened.selectOption('dates');
    await page.getByLabel('Ouvert à partir du').waitFor();
    await waitForRowCount(5);
    await opened.selectOption('last_7_days');
    await waitForRowCount(4);
    await page.getByRole('button', { name: 'Enregistrer comme vue' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enregistrer comme vue' });
    await dialog.getByLabel(/Nom de la vue/).fill('Créés ces 7 derniers jours');
    await dialog.getByRole('button', { name: 'Enregistrer la vue' }).click();
    await page.waitForURL(/view=[0-9a-f-]{36}/);
    await page.getByRole('region', { name: 'Mes vues' }).getByRole('link', { name: /^Créés ces 7 derniers jours\s*4\s*dossiers$/ }).waitFor();
    // Saved as words: the view stays "the last 7 days" tomorrow.
    const views = (await (await server.apiAs(server.agent.email)).request('GET', '/api/v1/views')).body as { items: { name: string; filters: Record<string, unknown> }[] };
    expect(views.items.find((v) => v.name === 'Créés ces 7 derniers jours')?.filters).toEqual({ status: ['open_all'], createdPeriod: 'last_7_days' });
    expect(await page.getByLabel('Ouverture', { exact: true }).inputValue()).toBe('last_7_days');
    await shot('periods');
    await expectAccessible('the inbox filtered on a period');
    expect(pageErrors).toEqual([]);
  });
});
