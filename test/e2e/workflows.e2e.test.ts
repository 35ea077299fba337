// Returns, exchanges, repairs and refunds on the case workspace, in a real browser against a
// real Comptoir with its job worker: Léa's mower (bought on the web shop of a file-import
// source, not Shopify) is linked to her case. The agent starts a return with drop-off at the
// Lyon store — the amount comes from the line's price — marks the parcel received, records the
// inspection, and the refund is recorded "to be paid" by finance: the panel shows every step
// done, the case's step in the header follows, and her tracking page shows the RMA number and
// the refund. A second workflow is started and cancelled: its done steps are undone. axe-core
// checks the page with the panel open.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpRelay, type SmtpRelay } from '../fakes/smtp-relay.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { saveScreenshot, watchPageErrors } from '../support/page-watch.ts';
import { signInOnPage, startE2eServer, type E2eServer } from '../support/e2e-server.ts';
import { agentsRefund } from '../support/latitude.ts';
import { buildStore, buildTrackedCase } from '../support/factories.ts';
import { linkWebShopPurchase } from '../support/purchases.ts';

let relay: SmtpRelay;
let server: E2eServer;
let browser: TestBrowser;
let page: Page;
let caseId = '';
let trackingToken = '';
let pageErrors: string[] = [];
const customer = { email: 'lea.girard@example.fr', firstName: 'Léa', lastName: 'Girard' };

beforeAll(async () => {
  relay = await startSmtpRelay();
  // The mail relay gives the server its job worker: the workflow's automatic steps run on it.
  [server, browser] = await Promise.all([startE2eServer({ mailRelay: relay.url }), launchBrowser({ viewport: { width: 1280, height: 1200 } })]);
  browser.context.setDefaultTimeout(15_000);
  await buildStore(server.ctx, server.brandId, { code: 'LYON', name: 'Jardins & Co Lyon', city: 'Lyon' });
  // Refunds within the agent's latitude here (the approval path is the gestures' browser test's).
  await agentsRefund(server.ctx);
  const opened = await buildTrackedCase(server.ctx, server.brandId, { subject: 'Tondeuse qui ne démarre pas', customer, channel: 'email', reason: 'breakdown' });
  caseId = opened.case.id;
  trackingToken = opened.trackingToken;
  await linkWebShopPurchase(server, { id: caseId, customerId: opened.case.customer.id }, {
    number: 'W-2001',
    sku: 'GAR-5041',
    name: 'Tondeuse Gardena PowerMax 37E',
    amount: 19900,
    purchasedAt: new Date('2026-03-02T10:00:00Z'),
    deliveredAt: new Date('2026-03-05T09:00:00Z'),
    customer,
  });
  page = await browser.context.newPage();
  pageErrors = watchPageErrors(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await relay?.close();
});

const panel = () => page.getByTestId('case-workflows');
const card = (state?: string) => panel().locator(state ? `article[data-workflow-state="${state}"]` : 'article[data-workflow]');
const stepState = (key: string) => card('completed').locator(`li[data-step="${key}"]`).getAttribute('data-step-state');
const text = async (locator: ReturnType<Page['locator']>) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ');

describe('returns, exchanges, repairs and refunds on the case workspace', () => {
  let rma = '';

  it('starts a return with drop-off at a store, priced from the linked line', async () => {
    await signInOnPage(page, server, server.agent.email);
    await page.goto(`${server.url}/cases/${caseId}`);
    await panel().getByRole('heading', { level: 2, name: 'Retour, échange, réparation' }).waitFor();
    await panel().getByText('Aucun retour, échange, réparation ni remboursement sur ce dossier.').waitFor();
    await panel().getByRole('button', { name: 'Démarrer un retour, un échange, une réparation…' }).click();
    const form = panel().getByRole('form', { name: 'Démarrer un retour, un échange, une réparation ou un remboursement' });
    // Checked before it is sent: nothing chosen yet.
    await form.getByRole('button', { name: 'Démarrer' }).click();
    await form.getByText('Choisissez ce qu’il faut démarrer.').waitFor();
    await form.getByLabel('Quoi').selectOption({ label: 'Retour' });
    expect(await form.getByLabel('Article concerné').inputValue()).not.toBe('');
    expect(await form.getByLabel('Montant (EUR)').inputValue()).toBe('199.00');
    await form.getByRole('button', { name: 'Démarrer' }).click();
    await form.getByText('Choisissez le magasin.').waitFor();
    expect(await seriousA11yViolations(page), 'serious axe violations with the start form open').toEqual([]);
    await form.getByLabel('Magasin de dépôt').selectOption({ label: 'Jardins & Co Lyon — Lyon' });
    await form.getByRole('button', { name: 'Démarrer' }).click();

    await page.getByTestId('workflows-status').getByText('Retour démarré').waitFor();
    const heading = card().getByRole('heading', { level: 3, name: /^Retour RMA-\d{4}-\d{6}$/ });
    await heading.waitFor();
    rma = (await heading.textContent())!.replace('Retour ', '');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`Retour ${rma}`);
    // The RMA and the drop-off ran by themselves; the parcel is awaited.
    await card().locator('li[data-step="receive"][data-step-state="waiting"]').waitFor();
    expect(await card().locator('li[data-step="authorise"]').getAttribute('data-step-state')).toBe('done');
    expect(await card().locator('li[data-step="drop_off"]').getAttribute('data-step-state')).toBe('done');
    expect(await text(card())).toContain('dépôt au magasin Jardins & Co Lyon');
    await page.getByText('Étape : Retour autorisé', { exact: true }).waitFor();
    // Starting a second one while this one runs is not offered.
    expect(await panel().getByRole('button', { name: 'Démarrer un retour, un échange, une réparation…' }).isDisabled()).toBe(true);
  });

  it('marks the parcel received, records the inspection, and the refund is to be paid by finance', async () => {
    await card().getByRole('button', { name: 'Colis reçu' }).click();
    await page.getByTestId('workflows-status').getByText('Retour : « Colis reçu » enregistré').waitFor();
    await card().locator('li[data-step="inspect"][data-step-state="waiting"]').waitFor();
    await page.getByText('Étape : Contrôle du retour', { exact: true }).waitFor();
    expect(await seriousA11yViolations(page), 'serious axe violations with a workflow waiting for its inspection').toEqual([]);

    await card().getByRole('button', { name: 'Contrôle conforme' }).click();
    await page.getByTestId('workflows-status').getByText('Retour : « Contrôle conforme » enregistré').waitFor();
    await card('completed').waitFor();
    for (const key of ['authorise', 'drop_off', 'receive', 'inspect', 'refund']) expect(await stepState(key), key).toBe('done');
    expect(await text(card('completed').getByTestId('workflow-refund'))).toMatch(/^Remboursement de 199,00 € — à payer par la comptabilité/);
    await page.getByText('Étape : Remboursement', { exact: true }).waitFor();
    await saveScreenshot(page, 'workflows-return-done');
  });

  it('shows the customer the RMA number and the refund on the tracking page', async () => {
    const tracking = await browser.context.newPage();
    await tracking.goto(`${server.url}/t/${trackingToken}`);
    const body = (await tracking.textContent('body'))!.replace(/\s+/g, ' ');
    expect(body).toContain(`Numéro de retour : ${rma}`);
    expect(body).toContain('Remboursement de 199,00 € : en cours de paiement');
    await tracking.close();
  });

  it('cancels a second workflow after a confirmation: its done steps are undone', async () => {
    await panel().getByRole('button', { name: 'Démarrer un retour, un échange, une réparation…' }).click();
    const form = panel().getByRole('form', { name: 'Démarrer un retour, un échange, une réparation ou un remboursement' });
    await form.getByLabel('Quoi').selectOption({ label: 'Retour' });
    await form.getByLabel('par colis, avec une étiquette prépayée').check();
    await form.getByRole('button', { name: 'Démarrer' }).click();
    const second = card('running');
    await second.locator('li[data-step="receive"][data-step-state="waiting"]').waitFor();
    const secondRma = (await second.getByRole('heading', { level: 3 }).textContent())!.replace('Retour ', '');
    expect(secondRma).not.toBe(rma);
    await second.getByRole('link', { name: `Étiquette de retour ${secondRma} (PDF)` }).waitFor();
    // The warehouse records the parcel through the API: the live stream refreshes the panel, no reload.
    const warehouse = await server.apiAs(server.admin.email);
    const secondId = (await second.getAttribute('data-workflow'))!;
    expect((await warehouse.request('POST', `/api/v1/workflows/${secondId}/events`, { type: 'parcel_received' })).status).toBe(200);
    await second.locator('li[data-step="inspect"][data-step-state="waiting"]').waitFor();
    await page.getByText('Étape : Contrôle du retour', { exact: true }).waitFor();

    await second.getByRole('button', { name: 'Annuler…' }).click();
    const dialog = page.getByRole('dialog', { name: `Annuler ${secondRma} ?` });
    await dialog.getByLabel('Pourquoi (facultatif, écrit sur l’historique)').fill('La cliente garde finalement la lame');
    await dialog.getByRole('button', { name: 'Oui, annuler' }).click();
    await page.getByTestId('workflows-status').getByText('Retour annulé : ses étapes faites ont été défaites').waitFor();
    // The dialog fades out: checked while fading, its half-gone title and buttons read as nameless.
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const cancelled = card('cancelled');
    await cancelled.waitFor();
    await cancelled.getByText('Annulé : La cliente garde finalement la lame').waitFor();
    expect(await cancelled.locator('li[data-step="authorise"]').getAttribute('data-step-state')).toBe('undone');
    expect(await cancelled.locator('li[data-step="label"]').getAttribute('data-step-state')).toBe('undone');
    expect(await cancelled.locator('li[data-step="inspect"]').getAttribute('data-step-state')).toBe('failed');
    expect(await cancelled.getByRole('link').count()).toBe(0);
    // The first return stays as it was, and the case is back on its step before the cancelled one.
    await card('completed').waitFor();
    await page.getByText('Étape : Remboursement', { exact: true }).waitFor();
    expect(await seriousA11yViolations(page), 'serious axe violations with a completed and a cancelled workflow').toEqual([]);
    await saveScreenshot(page, 'workflows-cancelled');
  });

  it('speaks English when switched (the panel’s words come with the case page)', async () => {
    await page.getByRole('radiogroup', { name: 'Langue de l’interface' }).getByText('EN').click();
    await panel().getByRole('heading', { level: 2, name: 'Return, exchange, repair' }).waitFor();
    expect(await text(card('completed').getByTestId('workflow-refund'))).toMatch(/^Refund of €199\.00 — to be paid by finance/);
    await card('cancelled').getByText('Cancelled: La cliente garde finalement la lame').waitFor();
    await page.getByRole('radiogroup', { name: 'Interface language' }).getByText('FR').click();
    await panel().getByRole('heading', { level: 2, name: 'Retour, échange, réparation' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
