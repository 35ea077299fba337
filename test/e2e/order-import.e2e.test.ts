// The sales import in a real browser against a real Comptoir: an admin picks a till export
// (French Excel's CSV: Windows-1252, `;`), finds its columns mapped from the headers, runs the
// dry run (a bad date reported with its line), imports it and watches it finish, then finds
// it in the latest imports. axe-core checks the screen; screenshots order-import-*.png.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpRelay, type SmtpRelay } from '../fakes/smtp-relay.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, watchPageErrors, type TestBrowser } from '../support/browser.ts';
import { PASSWORD, startE2eServer, type E2eServer } from '../support/e2e-server.ts';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));

let server: E2eServer;
let browser: TestBrowser;
let relay: SmtpRelay;
let page: Page;
let pageErrors: string[] = [];

const tillExport = Buffer.from(
  [
    'N° ticket;Date;Code article;Libellé;Qté;Prix unitaire TTC;E-mail',
    'T-1;31/12/2026 14:32;TOND-42;Tondeuse thermique 42 cm;1;399,00;paule@example.fr',
    'T-1;31/12/2026 14:32;HUILE-1;Huile 4 temps;2;9,90;paule@example.fr',
    'T-2;31/02/2027 10:00;SAC-1;Sac de ramassage;1;19,90;',
    'T-3;02/01/2027;SAC-1;Sac de ramassage;1;19,90;',
  ].join('\r\n') + '\r\n',
  'latin1',
);

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  relay = await startSmtpRelay();
  // The mail relay also starts the job worker, which runs the import.
  [server, browser] = await Promise.all([startE2eServer({ mailRelay: relay.url }), launchBrowser()]);
  browser.context.setDefaultTimeout(15_000);
  page = await browser.context.newPage();
  pageErrors = watchPageErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await relay?.close();
});

describe('the sales import', () => {
  it('maps a till export from its headers, reports its bad rows, imports it', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Adresse e-mail').fill(server.admin.email);
    await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/cases$/);
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Import des ventes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import des ventes' }).waitFor();

    await page.locator('input[type="file"]').setInputFiles({ name: 'ventes.csv', mimeType: 'text/csv', buffer: tillExport });
    await page.getByText('Colonnes proposées d’après les en-têtes du fichier.').waitFor();
    await page.getByText('Fichier CSV, encodage windows-1252, séparateur ;.').waitFor();
    expect(await page.getByRole('combobox', { name: 'N° de ticket ou de commande', exact: true }).inputValue()).toBe('N° ticket');
    expect(await page.getByRole('combobox', { name: 'Prix unitaire TTC', exact: true }).inputValue()).toBe('Prix unitaire TTC');
    expect(await page.getByRole('combobox', { name: 'E-mail du client', exact: true }).inputValue()).toBe('E-mail');
    await page.getByRole('cell', { name: 'Tondeuse thermique 42 cm' }).waitFor();

    await page.getByRole('textbox', { name: 'Nom de la provenance' }).fill('Caisses magasins');
    await page.getByRole('button', { name: 'Essai à blanc' }).click();
    const badRows = page.getByRole('table', { name: 'Lignes en erreur' });
    await badRows.getByRole('cell', { name: 'Date illisible ou impossible' }).waitFor();
    expect(await badRows.getByRole('row').nth(1).innerText()).toMatch(/^4\s+Date illisible ou impossible\s+Date d’achat\s+31\/02\/2027 10:00$/);
    await shot('dry-run');
    expect(await seriousA11yViolations(page), 'serious or critical axe violations').toEqual([]);

    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByText('Terminé').first().waitFor();
    await page.getByText('4 lignes traitées').waitFor();
    expect(await page.getByRole('progressbar', { name: 'Avancement de l’import' }).getAttribute('aria-valuenow')).toBe('100');
    const recent = page.getByRole('table', { name: 'Derniers imports' });
    await recent.getByRole('cell', { name: 'ventes.csv' }).waitFor();
    await shot('done');
    expect(await seriousA11yViolations(page), 'serious or critical axe violations once done').toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

async function shot(name: string) {
  await page.screenshot({ path: `${screenshots}order-import-${name}.png`, fullPage: true });
}
