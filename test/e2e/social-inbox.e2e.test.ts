// The social inbox in a real browser against a real Comptoir: a community manager signs in
// and lands on /social, where the angriest public mention (a shouted legal threat with a video)
// comes first among the X and Facebook messages; they hand it over to the Grigny store and its
// team with a note, and the case shows where it went. The response-time page shows the day ×
// hour table. axe finds no serious violation on either page or in the dialog.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { systemActor } from '../../src/modules/access/actor.ts';
import { createUser } from '../../src/modules/access/users.service.ts';
import { caseEvent, savCase } from '../../src/modules/cases/cases.schema.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { startE2eServer, PASSWORD, type E2eServer } from '../support/e2e-server.ts';
import { buildStore } from '../support/factories.ts';
import { dialogShown, saveScreenshot, watchPageErrors } from '../support/page-watch.ts';
import { buildSocialAccount, buildSocialMessage } from '../support/social-fixtures.ts';

const MIN = 60_000;
let server: E2eServer;
let browser: TestBrowser;
let page: Page;
let pageErrors: string[] = [];
let storeId = '';
let urgent: Awaited<ReturnType<typeof buildSocialMessage>>;

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser({ viewport: { width: 1280, height: 900 } })]);
  browser.context.setDefaultTimeout(10_000);
  await createUser(server.ctx, systemActor('e2e'), {
    email: 'chloe.cm@jardins.test',
    name: 'Chloé Community',
    role: 'community_manager',
    password: PASSWORD,
    language: 'fr',
    active: true,
    brandIds: [],
    storeIds: [],
  });
  storeId = (await buildStore(server.ctx, server.brandId, { name: 'Magasin de Grigny' })).id;
  const x = await buildSocialAccount(server.ctx, { name: '@JardinsEtCo', channel: 'x', brandId: server.brandId });
  const facebook = await buildSocialAccount(server.ctx, { name: 'Page Jardins & Co', channel: 'meta', brandId: server.brandId });
  const now = Date.now();
  await buildSocialMessage(server.ctx, {
    accountId: x,
    text: 'Bonjour, vous ouvrez dimanche ?',
    handle: 'jardinier_du_dimanche',
    followers: 80,
    postedAt: new Date(now - 90 * MIN),
  });
  urgent = await buildSocialMessage(server.ctx, {
    accountId: x,
    text: 'ARNAQUE !!! 2e programmateur qui inonde mon jardin, MON AVOCAT VA VOUS ÉCRIRE #fail',
    handle: 'nhoizey',
    name: 'Nicolas Hoizey',
    followers: 24_000,
    media: [{ kind: 'video' }],
    postedAt: new Date(now - 20 * MIN),
  });
  await buildSocialMessage(server.ctx, {
    accountId: facebook,
    channel: 'facebook',
    text: 'Toujours pas de réponse à mon message, très déçue.',
    name: 'Marie Tremblay',
    postedAt: new Date(now - 60 * MIN),
    respondedAt: null,
  });
  await buildSocialMessage(server.ctx, {
    accountId: facebook,
    channel: 'facebook',
    text: 'Merci pour la réponse rapide !',
    name: 'Paul Durand',
    postedAt: new Date(now - 5 * 60 * MIN),
    respondedAt: new Date(now - 5 * 60 * MIN + 25 * MIN),
  });
  page = await browser.context.newPage();
  pageErrors = watchPageErrors(page);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shot = (name: string) => saveScreenshot(page, name);
const cards = () => page.getByTestId('social-stream').locator('article');

describe('the social inbox', () => {
  it('opens on the stream for a community manager, the urgent mention first', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Adresse e-mail').fill('chloe.cm@jardins.test');
    await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/social$/);
    await page.getByRole('heading', { level: 1, name: 'Réseaux sociaux' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link', { name: 'Réseaux sociaux' }).getAttribute('aria-current')).toBe('page');

    // Unanswered ones by default: the threat, the Facebook complaint, the question.
    await expect.poll(() => cards().count()).toBe(3);
    const first = cards().first();
    expect(await first.getAttribute('data-event-id')).toBe(urgent.eventId);
    expect(await first.getByTestId('urgency').textContent()).toMatch(/^Urgent · \d+$/);
    expect(await first.getByRole('listitem').allTextContents()).toEqual(
      expect.arrayContaining(['Menace juridique', 'Colère', 'En majuscules', 'Vidéo jointe', 'Large audience']),
    );
    expect(await first.textContent()).toContain('@nhoizey');
    expect(await cards().nth(1).textContent()).toContain('Marie Tremblay');

    // The live figure per account: the Facebook page answered in 25 min today, one still waits.
    const liveFb = page.getByTestId('live-account').filter({ hasText: 'Page Jardins & Co' });
    expect(await liveFb.textContent()).toContain('25 min');

    // j moves to the first message.
    await page.locator('body').press('j');
    expect(await first.getAttribute('data-focused')).toBe('true');

    expect(await seriousA11yViolations(page), 'serious axe violations on the social inbox').toEqual([]);
    await shot('social-inbox');
  });

  it("hands the urgent mention over to the Grigny store's team, with a note", async () => {
    await cards().first().getByRole('button', { name: `Transmettre le dossier ${urgent.number}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Transmettre le dossier' });
    await dialogShown(page);
    await dialog.getByRole('combobox', { name: 'Magasin' }).selectOption({ label: 'Magasin de Grigny' });
    await dialog.getByRole('combobox', { name: 'Équipe' }).selectOption({ label: 'SAV Jardin' });
    await dialog.getByRole('textbox', { name: /Note pour l’équipe/ }).fill('Client très remonté, vidéo à l’appui : le rappeler aujourd’hui.');
    expect(await seriousA11yViolations(page), 'serious axe violations in the hand-over dialog').toEqual([]);
    await shot('social-hand-over');
    await dialog.getByRole('button', { name: 'Transmettre' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The card says where it went.
    await expect.poll(() => cards().first().textContent()).toContain('Magasin de Grigny');
    expect(await cards().first().textContent()).toContain('SAV Jardin');
    const [row] = await server.ctx.db.select().from(savCase).where(eq(savCase.id, urgent.caseId));
    expect(row).toMatchObject({ storeId, teamId: server.teamId });
    const notes = await server.ctx.db.select().from(caseEvent).where(eq(caseEvent.caseId, urgent.caseId));
    expect(notes.find((e) => e.type === 'note')?.bodyText).toContain('le rappeler aujourd’hui');

    // Opening its case goes to the workspace.
    await cards().first().getByTestId('open-case').click();
    await page.waitForURL(new RegExp(`/cases/${urgent.caseId}`));
  });

  it('warns before a public reply with a phone number, and offers the ready reply asking to go private', async () => {
    const compose = page.getByRole('region', { name: 'Écrire' });
    // He only posted in public: the answer goes in public by default, and says so.
    const audience = compose.getByRole('radiogroup', { name: 'Où répondre' });
    await audience.waitFor();
    expect(await compose.getByRole('radio', { name: 'En public' }).isChecked()).toBe(true);
    expect(await compose.getByTestId('public-hint').textContent()).toContain('Visible de tous');

    await compose.getByRole('textbox', { name: /Votre réponse/ }).fill('Appelez-nous au 06 12 34 56 78, nous allons régler cela.');
    await compose.getByRole('button', { name: 'Envoyer la réponse' }).click();
    const warning = page.getByTestId('personal-data-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('06 12 34 56 78');
    // The warning is read first: it has the focus.
    expect(await warning.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await seriousA11yViolations(page), 'serious axe violations with the personal-data warning').toEqual([]);
    await shot('public-reply-warning');

    await warning.getByRole('button', { name: 'Proposer de passer en privé' }).click();
    await warning.waitFor({ state: 'hidden' });
    const draft = await compose.getByRole('textbox', { name: /Votre réponse/ }).inputValue();
    expect(draft).toContain('@nhoizey');
    expect(draft).not.toContain('06 12');
    await compose.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await expect.poll(() => compose.getByRole('status').first().textContent()).toContain('Réponse envoyée');
    // On the timeline, the reply says it was public.
    const reply = page.locator('[data-event-type="message_out"]').filter({ hasText: '@nhoizey' });
    await expect.poll(() => reply.getByTestId('audience-label').textContent()).toBe('Public');
  });

  it('shows the response times as a day × hour table', async () => {
    await page.goto(`${server.url}/social/response-times`);
    await page.getByRole('heading', { level: 1, name: 'Délais de réponse sur les réseaux sociaux' }).waitFor();
    const fb = page.getByRole('region', { name: 'Page Jardins & Co' });
    await fb.waitFor();
    const table = fb.getByTestId('response-heatmap');
    expect(await table.locator('thead th').count()).toBe(25);
    expect(await table.locator('tbody th[scope="row"]').allTextContents()).toEqual(['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche']);
    expect(await table.locator('tbody td').filter({ hasText: '25 min' }).count()).toBe(1);
    expect(await fb.textContent()).toMatch(/50\s%/);
    expect(await seriousA11yViolations(page), 'serious axe violations on the response times').toEqual([]);
    await shot('social-response-times');
    expect(pageErrors).toEqual([]);
  });
});
