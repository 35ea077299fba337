// The manager views in a real browser against a real Comptoir: a manager signs in, opens
// the team overview from the navigation, reads the workload (open, unassigned, per agent,
// per team, by age), and moves all of an agent's cases to a colleague in one action; the
// figures follow, and follow what colleagues do elsewhere without a reload. axe finds no serious violation on the page or in the dialog.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/modules/access/actor.ts';
import { createUser } from '../../src/modules/access/users.service.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { dialogShown, saveScreenshot, watchPageErrors } from '../support/page-watch.ts';
import { startE2eServer, PASSWORD, type E2eServer } from '../support/e2e-server.ts';
import { buildCase } from '../support/factories.ts';

let server: E2eServer;
let browser: TestBrowser;
let page: Page;
let hugo = { id: '', name: 'Hugo Lambert' };
const camilleCases: string[] = [];
let pageErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser({ viewport: { width: 1280, height: 900 } })]);
  browser.context.setDefaultTimeout(10_000);
  const system = systemActor('e2e');
  await createUser(server.ctx, system, { email: 'manon.manager@jardins.test', name: 'Manon Manager', role: 'manager', password: PASSWORD, language: 'fr', active: true, brandIds: [], storeIds: [] });
  const other = await createUser(server.ctx, system, { email: 'hugo.lambert@jardins.test', name: hugo.name, role: 'agent', password: PASSWORD, language: 'fr', active: true, brandIds: [], storeIds: [] });
  hugo = { id: other.id, name: other.name };
  // Seeded: the Gardena case (Camille Martin's, team SAV Jardin), the billing case (nobody's),
  // a solved one. Three more for Camille in her team, one for Hugo in no team.
  camilleCases.push(server.cases.gardena.id);
  for (const subject of ['Tuyau percé à la livraison', 'Taille-haie sans batterie', 'Arrosage automatique bloqué']) {
    camilleCases.push((await buildCase(server.ctx, server.brandId, { subject, teamId: server.teamId, assigneeId: server.agent.id })).id);
  }
  await buildCase(server.ctx, server.brandId, { subject: 'Facture introuvable', assigneeId: hugo.id });
  page = await browser.context.newPage();
  pageErrors = watchPageErrors(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shot = (name: string) => saveScreenshot(page, name);

const stat = (testId: string) => page.getByTestId(testId).locator('p').nth(1);
const agentRow = (id: string) => page.locator(`[data-testid="agents-load"] tr[data-agent="${id}"]`);
const cells = async (row: ReturnType<typeof agentRow>) => (await row.locator('th, td').allTextContents()).map((t) => t.trim());

describe('the manager views', () => {
  it('shows the workload: open and unassigned cases, each agent’s load, each team’s, by age', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Adresse e-mail').fill('manon.manager@jardins.test');
    await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/cases$/);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Pilotage' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pilotage de l’équipe' }).waitFor();

    expect(await stat('total-open').textContent()).toBe('6');
    expect(await stat('total-unassigned').textContent()).toBe('1');
    expect((await cells(agentRow(server.agent.id))).slice(0, 2)).toEqual(['Camille Martin', '4']);
    expect((await cells(agentRow(hugo.id))).slice(0, 2)).toEqual(['Hugo Lambert', '1']);
    expect((await cells(agentRow('none'))).slice(0, 2)).toEqual(['Non attribués', '1']);
    // Every case is new, and all were opened today.
    const team = await page.locator(`[data-testid="team-workload"] tr[data-team="${server.teamId}"]`).locator('th, td').allTextContents();
    expect(team.slice(0, 6).map((t) => t.trim())).toEqual(['SAV Jardin', '4', '0', '0', '0', '4']);
    expect((await page.locator('[data-testid="backlog"] tr[data-age="under_1d"] td').last().textContent())?.trim()).toMatch(/^6/);
    expect(await seriousA11yViolations(page), 'serious axe violations on the manager views').toEqual([]);
    await shot('manager-overview');
  });

  it('moves every case of an agent to a colleague in one action', async () => {
    await agentRow(server.agent.id).getByRole('button', { name: /Réassigner/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Réassigner les dossiers de Camille Martin' });
    await dialog.getByText('Tous les dossiers en cours (4)').waitFor();
    expect(await dialog.getByRole('checkbox', { checked: true }).count()).toBe(5); // "all" and the four cases
    await dialog.getByRole('combobox', { name: /^Agent/ }).selectOption({ label: 'Hugo Lambert' });
    await dialogShown(page);
    expect(await seriousA11yViolations(page), 'serious axe violations in the reassign dialog').toEqual([]);
    await shot('manager-reassign');
    await dialog.getByRole('button', { name: 'Réassigner 4 dossiers' }).click();
    await dialog.getByText('Déplacés : 4 · déjà en place : 0 · refusés : 0').waitFor();
    await shot('manager-reassigned');
    await dialog.getByRole('button', { name: 'Fermer' }).last().click();

    await page.waitForFunction((id) => !document.querySelector(`[data-testid="agents-load"] tr[data-agent="${id}"]`), server.agent.id);
    expect((await cells(agentRow(hugo.id))).slice(0, 2)).toEqual(['Hugo Lambert', '5']);
    const manager = await server.apiAs('manon.manager@jardins.test');
    for (const id of camilleCases) {
      const c = (await manager.request('GET', `/api/v1/cases/${id}`)).body as { assigneeId: string; teamId: string };
      expect(c.assigneeId).toBe(hugo.id);
      expect(c.teamId).toBe(server.teamId); // moved to an agent: the team stays
    }
    expect(pageErrors).toEqual([]);
  });

  it('follows the cases colleagues open and assign, without a reload', async () => {
    expect(await stat('total-open').textContent()).toBe('6');
    const admin = await server.apiAs(server.admin.email);
    const created = await admin.request('POST', '/api/v1/cases', {
      customer: { email: 'remi.garnier@example.fr', firstName: 'Rémi', lastName: 'Garnier' },
      subject: 'Barbecue livré sans grille',
      message: 'Il manque la grille du barbecue livré hier.',
      channel: 'email',
      brandId: server.brandId,
    });
    expect(created.status).toBe(201);
    // The stream refreshes the figures, at most every 10 seconds (the poll, every minute, is slower than this wait).
    await expect.poll(() => stat('total-open').textContent(), { timeout: 20_000 }).toBe('7');
    expect(await stat('total-unassigned').textContent()).toBe('2');
    const id = (created.body as { id: string }).id;
    expect((await admin.request('PATCH', `/api/v1/cases/${id}`, { assigneeId: hugo.id })).status).toBe(200);
    await expect.poll(async () => (await cells(agentRow(hugo.id))).slice(0, 2), { timeout: 20_000 }).toEqual(['Hugo Lambert', '6']);
    expect(await stat('total-unassigned').textContent()).toBe('1');
    expect(pageErrors).toEqual([]);
  });
});
