// The customer panel in a real browser against a real Comptoir. A customer known by e-mail
// gave the store a phone number another record owns (a call logged last month): the case
// page shows her identities, her open and past cases, and the suggestion that the two are
// one person; the agent previews the merge, confirms it, and the panel shows the phone and
// the other record's case. Then identities are edited, and the customer search finds her.
// Last, a colleague opens a case for her and solves it: the panel follows without a reload.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/modules/access/actor.ts';
import { updateCase } from '../../src/modules/cases/case-changes.ts';
import { createCustomer } from '../../src/modules/customers/customers.service.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { saveScreenshot, watchPageErrors } from '../support/page-watch.ts';
import { startE2eServer, PASSWORD, type E2eServer } from '../support/e2e-server.ts';
import { buildCase } from '../support/factories.ts';

let server: E2eServer;
let browser: TestBrowser;
let page: Page;
const ids = { open: '', past: '', byPhone: '', customer: '' };
const numbers = { open: '', past: '', byPhone: '' };
let pageErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser({ viewport: { width: 1280, height: 1000 } })]);
  browser.context.setDefaultTimeout(10_000);
  const system = systemActor('e2e');
  // Last month, by e-mail: a case now solved.
  const past = await buildCase(server.ctx, server.brandId, {
    subject: 'Sécateur émoussé',
    customer: { email: 'lea.roussel@example.fr', firstName: 'Léa', lastName: 'Roussel' },
    channel: 'email',
  });
  await updateCase(server.ctx, system, past.id, { status: 'solved' });
  // A call from a number nobody knew: another record.
  const byPhone = await buildCase(server.ctx, server.brandId, { subject: 'Rappel demandé', customer: { phone: '06 55 44 33 22', lastName: 'Roussel' }, channel: 'phone' });
  // Today at the counter she gives both: the case is hers, the phone is the other record's.
  const open = await buildCase(server.ctx, server.brandId, {
    subject: 'Tondeuse qui cale',
    customer: { email: 'lea.roussel@example.fr', phone: '06 55 44 33 22' },
    channel: 'counter',
  });
  // And a record from her Instagram messages, that no identity ties to her.
  await createCustomer(server.ctx, system, { displayName: 'L. Roussel (Instagram)', identities: [{ kind: 'instagram', value: '@lea_au_jardin' }] });
  Object.assign(ids, { open: open.id, past: past.id, byPhone: byPhone.id, customer: open.customer.id });
  Object.assign(numbers, { open: open.number, past: past.number, byPhone: byPhone.number });
  page = await browser.context.newPage();
  pageErrors = watchPageErrors(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shot = (name: string) => saveScreenshot(page, name);

const panel = () => page.getByTestId('customer-panel');
const identities = async () => (await panel().getByTestId('customer-identities').locator('li').allTextContents()).map((t) => t.replace('×', '').trim());

describe('the customer panel', () => {
  it('shows the customer’s identities and every case beside the case, with the suggested duplicate', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Adresse e-mail').fill(server.agent.email);
    await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/cases$/);
    await page.goto(`${server.url}/cases/${ids.open}`);
    await panel().getByRole('heading', { level: 2, name: 'Léa Roussel' }).waitFor();
    expect(await identities()).toEqual(['E-maillea.roussel@example.fr']);
    await panel().getByText('2 dossiers').waitFor();
    const open = panel().locator(`li[data-case-number="${numbers.open}"]`);
    expect(await open.getAttribute('aria-current')).toBe('true');
    expect(await open.textContent()).toContain('Comptoir magasin');
    const past = panel().locator(`li[data-case-number="${numbers.past}"]`);
    expect(await past.textContent()).toContain('Résolu');
    expect(await past.getByRole('link', { name: numbers.past }).getAttribute('href')).toBe(`/cases/${ids.past}`);
    await panel().getByText('Roussel : Téléphone +33655443322 en commun, vu sur le canal Comptoir magasin.').waitFor();
    expect(await seriousA11yViolations(page), 'serious axe violations on the case page with its customer panel').toEqual([]);
    await shot('customer-panel');
  });

  it('accepts the suggestion after its preview: the phone and the other record’s case join the panel', async () => {
    await panel().getByRole('button', { name: 'Voir la fusion' }).click();
    const preview = panel().getByTestId('merge-preview');
    await preview.getByText('Passeront à Léa Roussel : 1 dossier(s) et 1 coordonnée(s).').waitFor();
    await preview.getByText('Fusionner Roussel dans Léa Roussel').waitFor();
    expect(await seriousA11yViolations(page), 'serious axe violations in the merge preview').toEqual([]);
    await shot('customer-merge-preview');
    await preview.getByRole('button', { name: 'Confirmer la fusion' }).click();
    await panel().getByText('3 dossiers').waitFor();
    expect((await identities()).sort()).toEqual(['E-maillea.roussel@example.fr', 'Téléphone06 55 44 33 22']);
    await panel().locator(`li[data-case-number="${numbers.byPhone}"]`).waitFor();
    expect(await panel().getByRole('button', { name: 'Voir la fusion' }).count()).toBe(0);
    const agent = await server.apiAs(server.agent.email);
    const moved = (await agent.request('GET', `/api/v1/cases/${ids.byPhone}`)).body as { customer: { id: string } };
    expect(moved.customer.id).toBe(ids.customer);
  });

  it('adds and removes an identity', async () => {
    await panel().getByLabel('Type').selectOption('instagram');
    await panel().getByLabel(/^Valeur/).fill('@lea.jardine');
    await panel().getByRole('button', { name: 'Ajouter' }).click();
    await panel().getByText('lea.jardine').waitFor();
    expect(await identities()).toContain('Instagram@lea.jardine');
    await panel().getByRole('button', { name: 'Retirer @lea.jardine' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="customer-identities"]')?.textContent?.includes('lea.jardine'));
    expect(await identities()).toHaveLength(2);
  });

  it('finds the customer from the search page and opens her page', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await page.getByLabel(/^Rechercher un client/).fill('lea rousel');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/\/customers\?q=lea/);
    await page.getByText('1 client trouvé').waitFor();
    expect(await seriousA11yViolations(page), 'serious axe violations on the customer search').toEqual([]);
    await shot('customer-search');
    await page.getByRole('link', { name: 'Léa Roussel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Léa Roussel' }).waitFor();
    await page.getByText('3 dossiers').waitFor();
    expect(await seriousA11yViolations(page), 'serious axe violations on the customer page').toEqual([]);
    await shot('customer-page');
  });

  it('merges by hand with a record found by name, after its preview', async () => {
    await page.getByRole('button', { name: 'Fusionner avec un autre client…' }).click();
    await page.getByLabel(/^Rechercher l’autre fiche/).fill('roussel instagram');
    await page.getByRole('button', { name: /L\. Roussel \(Instagram\)/ }).click();
    const preview = page.getByTestId('merge-preview');
    await preview.getByText('Fusionner L. Roussel (Instagram) dans Léa Roussel').waitFor();
    await preview.getByText('Passeront à Léa Roussel : 0 dossier(s) et 1 coordonnée(s).').waitFor();
    await preview.getByRole('button', { name: 'Confirmer la fusion' }).click();
    await page.getByText('@lea_au_jardin').waitFor();
    const shown = (await page.getByTestId('customer-identities').locator('li').allTextContents()).map((t) => t.replace('×', '').trim());
    expect(shown.sort()).toEqual(['E-maillea.roussel@example.fr', 'Instagram@lea_au_jardin', 'Téléphone06 55 44 33 22']);
    expect(pageErrors).toEqual([]);
  });

  it('follows a colleague’s changes to her cases without a reload', async () => {
    await page.goto(`${server.url}/cases/${ids.open}`);
    await panel().getByText('3 dossiers').waitFor();
    await page.getByText('En direct').waitFor();
    const admin = await server.apiAs(server.admin.email);
    const created = await admin.request('POST', '/api/v1/cases', {
      customer: { email: 'lea.roussel@example.fr' },
      subject: 'Souffleur de feuilles bruyant',
      message: 'Le souffleur fait un bruit de ferraille depuis ce matin.',
      channel: 'email',
      brandId: server.brandId,
    });
    expect(created.status).toBe(201);
    const fresh = created.body as { id: string; number: string; customer: { id: string } };
    expect(fresh.customer.id).toBe(ids.customer);
    // The stream says a case of hers was opened: the panel lists it at once.
    await panel().getByText('4 dossiers').waitFor();
    const item = panel().locator(`li[data-case-number="${fresh.number}"]`);
    await item.getByText('Nouveau').waitFor();
    // A change to one of the cases it shows: the panel follows too.
    expect((await admin.request('PATCH', `/api/v1/cases/${fresh.id}`, { status: 'solved' })).status).toBe(200);
    await item.getByText('Résolu').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
