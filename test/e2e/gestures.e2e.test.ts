// Goodwill gestures in a real browser against a real Comptoir: the agent opens a case, sees the
// suggested gesture with its reason and their latitude, grants the suggestion at once (a
// voucher with its code), then asks for more than their latitude allows (an approval request);
// the team's manager finds it in the approvals list and approves it in one click, and the
// agent's case shows the second voucher; an admin raises the agent's latitude and the case shows
// it. axe-core checks each screen.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/modules/access/actor.ts';
import { createUser } from '../../src/modules/access/users.service.ts';
import { updateTeam } from '../../src/modules/org/teams.service.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, watchPageErrors, type TestBrowser } from '../support/browser.ts';
import { dialogShown } from '../support/page-watch.ts';
import { PASSWORD, startE2eServer, type E2eServer } from '../support/e2e-server.ts';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const MANAGER = 'manon.manager@jardins.test';

let server: E2eServer;
let agentBrowser: TestBrowser;
let managerBrowser: TestBrowser;
let agentPage: Page;
let managerPage: Page;
let agentErrors: string[];
let managerErrors: string[];

async function signIn(page: Page, email: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  [server, agentBrowser, managerBrowser] = await Promise.all([startE2eServer(), launchBrowser(), launchBrowser()]);
  const manager = await createUser(server.ctx, systemActor('test'), { email: MANAGER, name: 'Manon Manager', role: 'manager', password: PASSWORD, language: 'fr', active: true, brandIds: [], storeIds: [] });
  await updateTeam(server.ctx, systemActor('test'), server.teamId, { leadUserId: manager.id });
  for (const b of [agentBrowser, managerBrowser]) b.context.setDefaultTimeout(10_000);
  agentPage = await agentBrowser.context.newPage();
  managerPage = await managerBrowser.context.newPage();
  agentErrors = watchPageErrors(agentPage);
  managerErrors = watchPageErrors(managerPage);
});

afterAll(async () => {
  await agentBrowser?.close();
  await managerBrowser?.close();
  await server?.close();
});

describe('a goodwill gesture on a case', () => {
  const caseId = () => server.cases.gardena.id;

  it('is suggested with its reason, and granted at once within the agent’s latitude', async () => {
    await signIn(agentPage, server.agent.email);
    await agentPage.goto(`${server.url}/cases/${caseId()}`);
    const panel = agentPage.getByTestId('gesture-panel');
    // A high-priority case is a major incident; a first one for a standard customer: a 10 € voucher.
    await panel.getByText('Suggestion : Bon d’achat de 10,00 €').waitFor();
    await panel.getByText('Incident majeur, premier incident en 12 mois, client Standard (0,00 € d’achats) : un bon d’achat de 10,00 €.').waitFor();
    await panel.getByText('Votre marge sans approbation : 50,00 € sur ce dossier, 300,00 € ce mois-ci').waitFor();
    expect(await seriousA11yViolations(agentPage), 'serious axe violations on the gesture panel').toEqual([]);

    await panel.getByRole('button', { name: 'Accorder' }).click();
    const granted = panel.getByTestId('gestures-granted');
    await granted.getByText(/^Bon d’achat de 10,00\s€/).waitFor();
    expect(await granted.getByTestId('voucher-code').first().textContent()).toMatch(/^SAV-[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}$/);
    await panel.getByText('Votre marge sans approbation : 40,00 € sur ce dossier, 290,00 € ce mois-ci').waitFor();
    await agentPage.getByText(/Camille Martin a accordé un geste commercial : Bon d’achat de 10,00\s€, code SAV-/).waitFor();
  });

  it('becomes an approval request beyond it', async () => {
    const panel = agentPage.getByTestId('gesture-panel');
    await panel.getByLabel(/^Montant/).fill('45');
    await panel.getByRole('button', { name: 'Accorder' }).click();
    await panel.getByText('En attente d’approbation').waitFor();
    const request = panel.locator('[data-approval][data-status="pending"]');
    await request.getByText('Geste commercial : un bon d’achat de 45,00 € (coût 45,00 €)').waitFor();
    await request.getByText('Pourquoi : au-delà du plafond par dossier').waitFor();
    // The agent cannot approve their own request.
    expect(await request.getByRole('button', { name: 'Approuver' }).count()).toBe(0);
    await agentPage.screenshot({ path: `${screenshots}gestures-case.png`, fullPage: true });
  });

  it('is approved by the manager from the approvals list, and the voucher appears on the case', async () => {
    await signIn(managerPage, MANAGER);
    await managerPage.goto(`${server.url}/manager`);
    await managerPage.getByRole('link', { name: 'Approbations' }).click();
    await managerPage.waitForURL(/\/manager\/approvals$/);
    const list = managerPage.getByTestId('approvals-list');
    const request = list.locator('[data-approval]').filter({ hasText: 'Geste commercial : un bon d’achat de 45,00 €' });
    await request.getByText('Demandé par Camille Martin', { exact: false }).waitFor();
    await request.getByText('Règles : aucun achat lié au dossier').waitFor();
    expect(await seriousA11yViolations(managerPage), 'serious axe violations on the approvals list').toEqual([]);
    await managerPage.screenshot({ path: `${screenshots}gestures-approvals.png`, fullPage: true });
    await request.getByLabel('Commentaire (facultatif)').fill('Client de longue date');
    await request.getByRole('button', { name: 'Approuver' }).click();
    await list.getByText('Aucune demande en attente.').or(managerPage.getByText('Aucune demande en attente.')).waitFor();

    await agentPage.reload();
    const granted = agentPage.getByTestId('gestures-granted');
    await granted.getByText(/^Bon d’achat de 45,00\s€/).waitFor();
    await granted.getByText('Demandé par Camille Martin, approuvé par Manon Manager', { exact: false }).waitFor();
    expect([...agentErrors, ...managerErrors]).toEqual([]);
  });

  it('is refused from the bell in one click', async () => {
    const panel = agentPage.getByTestId('gesture-panel');
    await panel.getByLabel('Geste', { exact: true }).click();
    await agentPage.getByRole('listbox').getByRole('option', { name: 'Remboursement' }).click();
    await panel.getByLabel(/^Montant/).fill('20');
    await panel.getByRole('button', { name: 'Accorder' }).click();
    await panel.getByText('Geste commercial : un remboursement de 20,00 € (coût 20,00 €)').waitFor();

    await managerPage.getByRole('button', { name: /^Notifications/ }).click();
    const refuse = managerPage.getByRole('button', { name: /^Refuser : Geste commercial : un remboursement de 20,00\s€/ });
    await refuse.waitFor();
    // Fully faded in: axe judges contrast on what is shown, not on a frame of the transition.
    await dialogShown(managerPage);
    expect(await seriousA11yViolations(managerPage), 'serious axe violations in the bell').toEqual([]);
    await refuse.click();
    await refuse.waitFor({ state: 'detached' });
    await managerPage.keyboard.press('Escape');
    await agentPage.reload();
    await agentPage.getByText(/Manon Manager a refusé la demande/).waitFor();
    expect(await agentPage.getByTestId('gesture-panel').getByText('En attente d’approbation').count()).toBe(0);
  });

  it('follows the latitude an admin saves', async () => {
    // The admin, in the second browser (the manager signed out).
    await managerBrowser.context.clearCookies();
    await signIn(managerPage, server.admin.email);
    await managerPage.goto(`${server.url}/admin/gestures`);
    const limits = managerPage.getByTestId('gesture-setting-limits');
    await limits.getByRole('row', { name: /Agent SAV 50,00 € 300,00 €/ }).waitFor();
    await managerPage.getByTestId('gesture-setting-scale').getByRole('row', { name: /^Or/ }).waitFor();
    expect(await seriousA11yViolations(managerPage), 'serious axe violations on the gestures settings').toEqual([]);
    await managerPage.screenshot({ path: `${screenshots}gestures-settings.png`, fullPage: true });
    const editor = limits.getByLabel('Document (JSON)');
    const document = JSON.parse(await editor.inputValue()) as { roles: { agent: { perCase: number } } };
    document.roles.agent.perCase = 10_000;
    await editor.fill(JSON.stringify(document, null, 2));
    await limits.getByLabel('Commentaire de version').fill('Marge agent portée à 100 €');
    await limits.getByRole('button', { name: 'Enregistrer les marges' }).click();
    await limits.getByText(/^Version 1, enregistrée le .* — Marge agent portée à 100 €$/).waitFor();

    await agentPage.reload();
    // 10 € and the approved 45 € spent on the case: 45 € left of the new 100 €.
    await agentPage.getByTestId('gesture-latitude').getByText('Votre marge sans approbation : 45,00 € sur ce dossier, 290,00 € ce mois-ci').waitFor();
    expect([...agentErrors, ...managerErrors]).toEqual([]);
  });
});
