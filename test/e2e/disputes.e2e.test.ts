// The agent's side of a dispute in a real browser: a customer's formal notice arrives on the
// case the agent holds; the case page says so above its timeline, in the customer's words,
// and a draft reply that refuses is pointed out before it is sent. axe-core checks the page.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCustomerMessage } from '../../src/modules/cases/customer-messages.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, watchPageErrors, type TestBrowser } from '../support/browser.ts';
import { PASSWORD, startE2eServer, type E2eServer } from '../support/e2e-server.ts';
import { startSmtpRelay, type SmtpRelay } from '../fakes/smtp-relay.ts';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));

let server: E2eServer;
let browser: TestBrowser;
let relay: SmtpRelay;
let page: Page;
let errors: string[];

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  relay = await startSmtpRelay();
  [server, browser] = await Promise.all([startE2eServer({ mailRelay: relay.url }), launchBrowser()]);
  browser.context.setDefaultTimeout(10_000);
  page = await browser.context.newPage();
  errors = watchPageErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await relay?.close();
});

describe('a dispute in the agent’s console', () => {
  it('shows the dispute above the timeline and points out a refusing draft', async () => {
    // An e-mail case: a reply to it goes privately, by e-mail.
    const c = server.cases.billing;
    await recordCustomerMessage(server.ctx, c.id, { body: 'Sans échange sous 8 jours, je vous mets en demeure et je saisis la DGCCRF.', channel: 'email' });
    const agent = await server.apiAs(server.agent.email);
    await expect
      .poll(async () => ((await agent.request('GET', `/api/v1/cases/${c.id}`)).body as { priority: string }).priority, { timeout: 10_000 })
      .toBe('urgent');

    await page.goto(`${server.url}/login`);
    await page.getByLabel('Adresse e-mail').fill(server.agent.email);
    await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/cases/);
    await page.goto(`${server.url}/cases/${c.id}`);

    const banner = page.getByTestId('dispute-banner');
    await banner.getByText('Le client a écrit : mise en demeure, organisme de protection des consommateurs.', { exact: false }).waitFor();
    await banner.getByText('Sans échange sous 8 jours, je vous mets en demeure et je saisis la DGCCRF.').waitFor();
    await page.getByText(/^Litige détecté dans le message du client : mise en demeure, organisme de protection des consommateurs/).waitFor();

    await page.getByLabel(/^Votre réponse/).fill('Bonjour, ce produit est hors garantie : nous ne sommes pas responsables.');
    const hint = page.getByTestId('refusal-hint');
    await hint.getByText('Mots relevés : « hors garantie », « ne sommes pas responsables ».', { exact: false }).waitFor();
    await page.getByLabel(/^Votre réponse/).fill('Bonjour, nous échangeons votre programmateur dès demain en magasin.');
    await hint.waitFor({ state: 'detached' });

    expect(await seriousA11yViolations(page), 'serious or critical axe violations on the disputed case').toEqual([]);
    await page.screenshot({ path: `${screenshots}dispute-case.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
