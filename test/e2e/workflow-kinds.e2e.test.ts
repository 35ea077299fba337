// The exchange in store, the repair and the credit note on the case workspace, in a real
// browser against a real Comptoir with its job worker (the return's journey is
// workflows.e2e.test.ts). Hugo's hedge trimmer, bought on the web shop, is linked to his case:
// - an exchange at the Lyon store fails while the store has none in stock, then, once the store
//   has two, reserves one and hands it over (the store's stock follows);
// - a repair by the manufacturer goes out with its tracking number, waits for a part, turns out
//   irreparable and is refunded instead, at an amount the agent types;
// - a credit note is issued at the line's price, its PDF downloadable from the card and read
//   back with pdftotext.
// axe-core checks the page at each kind's waiting step.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const SKU = 'GAR-9830';
let relay: SmtpRelay;
let server: E2eServer;
let browser: TestBrowser;
let page: Page;
let caseId = '';
let storeId = '';
let pageErrors: string[] = [];
const pdfDir = mkdtempSync(join(tmpdir(), 'comptoir-credit-note-'));
const customer = { email: 'hugo.lambert@example.fr', firstName: 'Hugo', lastName: 'Lambert' };

beforeAll(async () => {
  relay = await startSmtpRelay();
  // The mail relay gives the server its job worker: the workflows' automatic steps run on it.
  [server, browser] = await Promise.all([startE2eServer({ mailRelay: relay.url }), launchBrowser({ viewport: { width: 1280, height: 1200 } })]);
  browser.context.setDefaultTimeout(15_000);
  storeId = (await buildStore(server.ctx, server.brandId, { code: 'LYON', name: 'Jardins & Co Lyon', city: 'Lyon' })).id;
  await agentsRefund(server.ctx);
  const opened = await buildTrackedCase(server.ctx, server.brandId, { subject: 'Taille-haie qui cale', customer, channel: 'email', reason: 'breakdown' });
  caseId = opened.case.id;
  await linkWebShopPurchase(server, { id: caseId, customerId: opened.case.customer.id }, {
    number: 'W-3001',
    sku: SKU,
    name: 'Taille-haie Bosch AHS 50',
    amount: 14990,
    purchasedAt: new Date('2026-05-04T10:00:00Z'),
    deliveredAt: new Date('2026-05-07T09:00:00Z'),
    customer,
  });
  page = await browser.context.newPage();
  pageErrors = watchPageErrors(page);
  await signInOnPage(page, server, server.agent.email);
  await page.goto(`${server.url}/cases/${caseId}`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await relay?.close();
  rmSync(pdfDir, { recursive: true, force: true });
});

const panel = () => page.getByTestId('case-workflows');
const running = () => panel().locator('article[data-workflow-state="running"]');
const text = async (locator: ReturnType<Page['locator']>) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ');
const stepStates = async (card: ReturnType<Page['locator']>) =>
  Object.fromEntries(await card.locator('li[data-step]').evaluateAll((items) => items.map((li) => [li.getAttribute('data-step'), li.getAttribute('data-step-state')])));

/** Opens the start form and chooses the kind. */
async function startForm(kind: string) {
  await panel().getByRole('button', { name: 'Démarrer un retour, un échange, une réparation…' }).click();
  const form = panel().getByRole('form', { name: 'Démarrer un retour, un échange, une réparation ou un remboursement' });
  await form.getByLabel('Quoi').selectOption({ label: kind });
  return form;
}

async function stock(): Promise<{ onHand: number; reserved: number; available: number }> {
  const admin = await server.apiAs(server.admin.email);
  return (await admin.request('GET', `/api/v1/stores/${storeId}/stock/${SKU}`)).body as { onHand: number; reserved: number; available: number };
}

describe('exchanges, repairs and credit notes on the case workspace', () => {
  it('refuses an exchange the store cannot stock, then hands one over and takes it off the store’s stock', async () => {
    let form = await startForm('Échange en magasin');
    // The product comes from the linked line; without it and a store, nothing is sent.
    expect(await form.getByLabel('Référence du produit échangé').inputValue()).toBe(SKU);
    await form.getByLabel('Référence du produit échangé').fill('');
    await form.getByRole('button', { name: 'Démarrer' }).click();
    await form.getByText('Choisissez le magasin.').waitFor();
    await form.getByText('Indiquez la référence du produit.').waitFor();
    await form.getByLabel('Référence du produit échangé').fill(SKU);
    await form.getByLabel('Magasin qui fait l’échange').selectOption({ label: 'Jardins & Co Lyon — Lyon' });
    await form.getByRole('button', { name: 'Démarrer' }).click();
    // None in stock: the stock check fails the exchange, said on its card.
    const failed = panel().locator('article[data-workflow-state="failed"]');
    await failed.waitFor();
    expect((await stepStates(failed)).check_stock).toBe('failed');
    expect(await text(failed)).toContain('Interrompu');

    const admin = await server.apiAs(server.admin.email);
    expect((await admin.request('PUT', `/api/v1/stores/${storeId}/stock/${SKU}`, { onHand: 2 })).status).toBe(200);
    form = await startForm('Échange en magasin');
    await form.getByLabel('Magasin qui fait l’échange').selectOption({ label: 'Jardins & Co Lyon — Lyon' });
    await form.getByRole('button', { name: 'Démarrer' }).click();
    await page.getByTestId('workflows-status').getByText('Échange en magasin démarré').waitFor();
    await running().locator('li[data-step="handover"][data-step-state="waiting"]').waitFor();
    expect(await stepStates(running())).toEqual({ check_stock: 'done', reserve: 'done', handover: 'waiting' });
    expect(await stock()).toEqual({ storeId, sku: SKU, onHand: 2, reserved: 1, available: 1 });
    await page.getByText('Étape : Échange', { exact: true }).waitFor();
    expect(await seriousA11yViolations(page), 'serious axe violations with an exchange waiting for its handover').toEqual([]);

    await running().getByRole('button', { name: 'Remis au client' }).click();
    await page.getByTestId('workflows-status').getByText('Échange en magasin : « Remis au client » enregistré').waitFor();
    const done = panel().locator('article[data-workflow-state="completed"]');
    await done.waitFor();
    expect(await stepStates(done)).toEqual({ check_stock: 'done', reserve: 'done', handover: 'done' });
    expect(await stock()).toMatchObject({ onHand: 1, reserved: 0, available: 1 });
  });

  it('sends a repair to the manufacturer with its tracking number, waits for the part, and refunds it when it cannot be repaired', async () => {
    const form = await startForm('Réparation');
    // A repair asks for no article, amount or store: only who repairs.
    expect(await form.getByLabel('Montant (EUR)').count()).toBe(0);
    await form.getByLabel('le fabricant').check();
    await form.getByRole('button', { name: 'Démarrer' }).click();
    // Said as French says it: a repair is feminine.
    await page.getByTestId('workflows-status').getByText('Réparation démarrée', { exact: true }).waitFor();
    const repair = running();
    await repair.locator('li[data-step="dispatch"][data-step-state="waiting"]').waitFor();
    await page.getByText('Étape : Envoyé en réparation', { exact: true }).waitFor();

    await repair.getByRole('button', { name: 'Envoyé en réparation' }).click();
    const dispatch = repair.getByRole('form', { name: 'Envoyé en réparation' });
    await dispatch.getByLabel('Numéro de suivi du transporteur (facultatif)').fill('6A12345678901');
    await dispatch.getByRole('button', { name: 'Envoyé en réparation' }).click();
    await repair.locator('li[data-step="diagnosis"][data-step-state="waiting"]').waitFor();
    expect(await seriousA11yViolations(page), 'serious axe violations with a repair waiting for its diagnosis').toEqual([]);

    await repair.getByRole('button', { name: 'Diagnostic fait, pièce à commander' }).click();
    await repair.locator('li[data-step="awaiting_part"][data-step-state="waiting"]').waitFor();
    await page.getByText('Étape : En attente de pièce', { exact: true }).waitFor();
    await repair.getByRole('button', { name: 'Pièce reçue' }).click();
    await repair.locator('li[data-step="repair"][data-step-state="waiting"]').waitFor();

    // Irreparable: the refund's amount is asked for, and a wrong one is not sent.
    await repair.getByRole('button', { name: 'Irréparable : rembourser' }).click();
    const refund = repair.getByRole('form', { name: 'Irréparable : rembourser' });
    await refund.getByLabel('Montant (EUR)').fill('douze');
    await refund.getByText('Indiquez un montant positif, par exemple 199,00.').waitFor();
    expect(await refund.getByRole('button', { name: 'Irréparable : rembourser' }).isDisabled()).toBe(true);
    await refund.getByLabel('Montant (EUR)').fill('129,90');
    await refund.getByRole('button', { name: 'Irréparable : rembourser' }).click();

    const done = panel().locator('article[data-workflow-state="completed"]').filter({ has: page.locator('li[data-step="dispatch"]') });
    await done.waitFor();
    expect(await stepStates(done)).toEqual({ dispatch: 'done', diagnosis: 'done', awaiting_part: 'done', repair: 'done', return_to_customer: 'skipped', refund: 'done' });
    expect(await text(done.getByTestId('workflow-refund'))).toMatch(/^Remboursement de 129,90 € — à payer par la comptabilité/);
    await saveScreenshot(page, 'workflows-repair-refunded');
  });

  it('issues a credit note at the line’s price, its PDF on the card', async () => {
    const form = await startForm('Avoir');
    expect(await form.getByLabel('Montant (EUR)').inputValue()).toBe('149.90');
    await form.getByRole('button', { name: 'Démarrer' }).click();
    const note = panel().locator('article[data-workflow-state="completed"]').filter({ has: page.locator('li[data-step="credit_note"]') });
    await note.waitFor();
    const heading = (await note.getByRole('heading', { level: 3 }).textContent())!;
    const number = /^Avoir (AV-\d{4}-\d{6})$/.exec(heading)?.[1];
    expect(number, heading).toBeTruthy();
    expect(await text(note.getByTestId('workflow-refund'))).toBe(`Avoir ${number} de 149,90 € — émis`);
    await page.getByText('Étape : Avoir', { exact: true }).waitFor();

    const link = note.getByRole('link', { name: `Avoir ${number} (PDF)` });
    const response = await page.request.get(new URL((await link.getAttribute('href'))!, server.url).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const file = join(pdfDir, `${number}.pdf`);
    writeFileSync(file, await response.body());
    const pdf = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(pdf).toContain(number!);
    expect(pdf).toContain('149,90');
    expect(pdf).toContain('Hugo Lambert');
    expect(await seriousA11yViolations(page), 'serious axe violations with three finished workflows').toEqual([]);
    await saveScreenshot(page, 'workflows-credit-note');
    expect(pageErrors).toEqual([]);
  });
});
