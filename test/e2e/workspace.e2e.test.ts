// The case workspace in a real browser against a real Comptoir: an agent signs in, opens a
// case that came by e-mail, answers it with a macro picked with the keyboard (its actions
// applied), and the customer's tracking page shows the answer; the agent writes a note
// mentioning a colleague, whose bell (in a second browser) counts it live and opens the
// case; the agent answers again by SMS, the other channel the customer has, and the
// timeline says so with the delivery's state. A manager keeps macros with a live preview.
// axe-core checks each screen; screenshots are saved as workspace-*.png.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { PASSWORD, startE2eServer, type ApiAs, type E2eServer } from '../support/e2e-server.ts';
import { startSmtpRelay, type SmtpRelay } from '../fakes/smtp-relay.ts';
import { dialogShown } from '../support/page-watch.ts';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));

let relay: SmtpRelay;
let server: E2eServer;
let agentBrowser: TestBrowser;
let colleagueBrowser: TestBrowser;
let page: Page;
let colleaguePage: Page;
let admin: ApiAs;
let caseId = '';
let caseNumber = '';
let trackingPath = '';
const colleague = { name: 'Bruno Petit', email: 'bruno.petit@jardins.test' };
const pageErrors: string[] = [];

const shot = (p: Page, name: string) => p.screenshot({ path: `${screenshots}workspace-${name}.png`, fullPage: true });
async function expectAccessible(p: Page, name: string) {
  expect(await seriousA11yViolations(p), `serious or critical axe violations on ${name}`).toEqual([]);
}
async function signIn(p: Page, email: string) {
  await p.goto(`${server.url}/login`);
  await p.getByLabel('Adresse e-mail').fill(email);
  await p.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await p.getByRole('button', { name: 'Se connecter' }).click();
  await p.waitForURL(/\/cases/);
}
/** Keys for the page, not for a field: nothing keeps the focus. */
const blur = (p: Page) => p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
const timeline = () => page.getByRole('list', { name: 'Événements du dossier, du plus ancien au plus récent' });

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  relay = await startSmtpRelay();
  [server, agentBrowser, colleagueBrowser] = await Promise.all([startE2eServer({ mailRelay: relay.url }), launchBrowser(), launchBrowser()]);
  for (const b of [agentBrowser, colleagueBrowser]) b.context.setDefaultTimeout(10_000);
  page = await agentBrowser.context.newPage();
  colleaguePage = await colleagueBrowser.context.newPage();
  for (const p of [page, colleaguePage]) p.on('pageerror', (error) => pageErrors.push(error.message));

  admin = await server.apiAs(server.admin.email);
  const made = await admin.request('POST', '/api/v1/users', { ...colleague, role: 'manager', password: PASSWORD, language: 'fr' });
  expect(made.status).toBe(201);
  const macro = await admin.request('POST', '/api/v1/macros', {
    name: 'Pièce commandée',
    bodyFr: 'Bonjour {{customer.firstName}},\n\nNous avons commandé la pièce pour votre dossier {{case.number}}. Nous revenons vers vous {{case.promise}}.\n\n{{agent.firstName}}, SAV {{brand.name}}',
    bodyEn: 'Hello {{customer.firstName}},\n\nWe ordered the part for your case {{case.number}}. We will be back to you {{case.promise}}.\n\n{{agent.firstName}}, {{brand.name}} after-sales',
    actions: { status: 'waiting_third_party', addTags: ['piece-commandee'] },
  });
  expect(macro.status).toBe(201);
  await admin.request('POST', '/api/v1/macros', { name: 'Remerciements', bodyFr: 'Merci {{customer.firstName}} !', bodyEn: 'Thank you {{customer.firstName}}!' });

  const opened = await admin.request('POST', '/api/v1/cases', {
    brandId: server.brandId,
    subject: 'Tondeuse qui cale au démarrage',
    message: 'Ma tondeuse achetée il y a trois mois cale dès le démarrage.',
    channel: 'email',
    customer: { email: 'ines.moreau@example.fr', phone: '+33 6 12 34 56 78', firstName: 'Inès', lastName: 'Moreau' },
  });
  expect(opened.status).toBe(201);
  ({ id: caseId, number: caseNumber } = opened.body as { id: string; number: string });
  // The acknowledgment e-mail carries the customer's tracking link.
  const deadline = Date.now() + 10_000;
  while (!relay.received.some((m) => m.mail.subject?.includes(caseNumber)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  trackingPath = /\/t\/[A-Za-z0-9_-]{43}/.exec(relay.received.find((m) => m.mail.subject?.includes(caseNumber))?.mail.text ?? '')?.[0] ?? '';
  if (!trackingPath) throw new Error('the acknowledgment with the tracking link did not arrive');
});

afterAll(async () => {
  await agentBrowser?.close();
  await colleagueBrowser?.close();
  await server?.close();
  await relay?.close();
});

describe('the case workspace', () => {
  it('opens the case with the reply box focused (?compose=reply) and the thread of every channel', async () => {
    await signIn(page, server.agent.email);
    // The inbox as the agent leaves it (a search), to come back to with Esc.
    await page.goto(`${server.url}/cases?q=tondeuse`);
    await page.getByRole('link', { name: caseNumber }).waitFor();
    await page.goto(`${server.url}/cases/${caseId}?compose=reply`);
    await page.getByRole('heading', { level: 1, name: new RegExp(caseNumber) }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-autocomplete') !== null || document.activeElement?.tagName)).toBe('TEXTAREA');
    const first = timeline().locator('[data-event-type="message_in"]').first();
    await first.getByText('Ma tondeuse achetée il y a trois mois cale dès le démarrage.').waitFor();
    await first.locator('[data-channel="email"]').getByText('via E-mail').waitFor();
    // The acknowledgment went by e-mail: its delivery is shown beside it.
    await timeline().locator('[data-event-type="message_out"] [data-delivery]').first().waitFor();
    for (const label of ['Statut', 'Étape', 'Motif', 'Priorité', 'Équipe', 'Attribué à']) await page.getByLabel(label, { exact: true }).waitFor();
    await expectAccessible(page, 'the case page');
    await shot(page, 'case');
  });

  it('answers with a macro picked with the keyboard; its actions are applied with the reply', async () => {
    await blur(page);
    await page.keyboard.press('m');
    const picker = page.getByRole('dialog', { name: 'Insérer une macro' });
    await picker.waitFor();
    // Fully faded in: axe judges contrast on what is shown, not on a frame of the transition.
    await dialogShown(page);
    await picker.getByLabel('Rechercher une macro').waitFor();
    await page.keyboard.type('piece');
    await picker.getByRole('option', { name: /Pièce commandée/ }).waitFor();
    expect(await picker.getByRole('option').count()).toBe(1);
    await expectAccessible(page, 'the macro picker');
    await shot(page, 'macro-picker');
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'hidden' });
    const reply = page.getByLabel(/^Votre réponse/);
    await expect.poll(() => reply.inputValue()).toMatch(new RegExp(`^Bonjour Inès,\\n\\nNous avons commandé la pièce pour votre dossier ${caseNumber}\\. Nous revenons vers vous au plus tard le .+\\.\\n\\nCamille, SAV Jardins & Co$`));
    await page.getByText('Macro « Pièce commandée »').waitFor();
    await page.getByText('À l’envoi de la réponse : statut « En attente d’un tiers » ; étiquettes piece-commandee.').waitFor();
    await reply.press('Control+Enter');
    await page.getByRole('status').getByText('Réponse envoyée.').waitFor();
    const sent = timeline().locator('[data-event-type="message_out"]').filter({ hasText: 'Nous avons commandé la pièce' });
    await sent.waitFor();
    await sent.locator('[data-delivery]').waitFor();
    await expect.poll(() => page.getByLabel('Statut', { exact: true }).inputValue()).toBe('waiting_third_party');
    await shot(page, 'answered');
  });

  it('shows the answer on the customer’s tracking page', async () => {
    const customer = await agentBrowser.context.newPage();
    await customer.goto(`${server.url}${trackingPath}`);
    await customer.getByRole('heading', { level: 1, name: `Votre dossier ${caseNumber}` }).waitFor();
    await customer.getByText(`Nous avons commandé la pièce pour votre dossier ${caseNumber}.`, { exact: false }).waitFor();
    await shot(customer, 'tracking');
    await customer.close();
  });

  it('mentions a colleague in a note; their bell counts it live and opens the case', async () => {
    await signIn(colleaguePage, colleague.email);
    const bell = colleaguePage.getByRole('button', { name: /^Notifications/ });
    await bell.waitFor();
    expect(await bell.getAttribute('data-unread')).toBe('0');

    await blur(page);
    await page.keyboard.press('n');
    const note = page.getByLabel('Votre note interne');
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Merci @Bru');
    await page.getByRole('listbox', { name: 'Collègues à mentionner' }).getByRole('option', { name: /Bruno Petit/ }).waitFor();
    await shot(page, 'mention');
    await page.keyboard.press('Enter');
    expect(await note.inputValue()).toBe('Merci @Bruno Petit ');
    await page.keyboard.type('peux-tu appeler le fournisseur pour la pièce ?');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('status').getByText('Note ajoutée.').waitFor();
    await timeline().locator('[data-event-type="note"]').getByText('Mentionne : Bruno Petit').waitFor();

    // No reload: the stream tells the colleague's screen.
    await expect.poll(() => bell.getAttribute('data-unread'), { timeout: 10_000 }).toBe('1');
    expect(await bell.getAttribute('aria-label')).toBe('Notifications : 1 non lues');
    await bell.click();
    const item = colleaguePage.getByRole('list', { name: 'Vos notifications' }).getByRole('button', { name: new RegExp(`Camille Martin vous mentionne dans ${caseNumber}`) });
    await item.waitFor();
    await expectAccessible(colleaguePage, 'the bell');
    await shot(colleaguePage, 'bell');
    await item.click();
    await colleaguePage.waitForURL(new RegExp(`/cases/${caseId}$`));
    await colleaguePage.getByRole('heading', { level: 1, name: new RegExp(caseNumber) }).waitFor();
    await expect.poll(() => bell.getAttribute('data-unread')).toBe('0');
  });

  it('answers on SMS, the other channel the customer has, and shows where it went', async () => {
    await blur(page);
    await page.keyboard.press('r');
    await page.getByLabel('Répondre par').selectOption('sms');
    const reply = page.getByLabel('Votre réponse (envoyée par SMS)');
    await reply.fill('Inès, la pièce arrive jeudi au magasin.');
    await page.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await page.getByRole('status').getByText('Réponse envoyée.').waitFor();
    const sms = timeline().locator('[data-event-type="message_out"]').filter({ hasText: 'la pièce arrive jeudi' });
    await sms.locator('[data-channel="sms"]').getByText('via SMS').waitFor();
    // No SMS provider here: the delivery says it failed and why (or waits for the end of quiet hours).
    await sms.locator('[data-delivery]').getByText('à +33612345678').waitFor();
    expect(await sms.locator('[data-delivery]').getAttribute('data-delivery')).toMatch(/^(failed|queued)$/);
    await expectAccessible(page, 'the case page after replies');
    await shot(page, 'sms');
  });

  it('assigns the case to the agent with a, marks it solved with e, and goes back to the inbox with Esc', async () => {
    await blur(page);
    expect(await page.getByLabel('Attribué à', { exact: true }).inputValue()).toBe('');
    await page.keyboard.press('a');
    await expect.poll(() => page.getByLabel('Attribué à', { exact: true }).inputValue()).toBe(server.agent.id);
    await timeline().getByText('Camille Martin a réattribué le dossier : à Camille Martin').waitFor();
    await page.keyboard.press('e');
    await expect.poll(() => page.getByLabel('Statut', { exact: true }).inputValue()).toBe('solved');
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/cases\?q=tondeuse$/);
  });

  it('lets a manager keep macros, with a live preview in French and English', async () => {
    await colleaguePage.getByRole('link', { name: 'Macros' }).click();
    await colleaguePage.getByRole('heading', { level: 1, name: 'Macros' }).waitFor();
    await colleaguePage.getByRole('button', { name: 'Pièce commandée' }).waitFor();
    await colleaguePage.getByRole('button', { name: 'Nouvelle macro' }).click();
    await colleaguePage.getByLabel('Nom').fill('Retour sous garantie');
    await colleaguePage.getByLabel('Texte en français').fill('Bonjour {{customer.firstName}}, votre retour pour {{case.number}} est accepté.');
    await colleaguePage.getByLabel('Texte en anglais').fill('Hello {{customer.firstName}}, your return for {{case.number}} is accepted.');
    await colleaguePage.locator('[data-preview="fr"]').getByText('Bonjour Jérôme, votre retour pour SAV-2026-000123 est accepté.').waitFor();
    await colleaguePage.locator('[data-preview="en"]').getByText('Hello Jérôme, your return for SAV-2026-000123 is accepted.').waitFor();
    await colleaguePage.getByLabel('Texte en anglais').fill('Hello {{customer.nickname}}');
    await colleaguePage.getByRole('alert').filter({ hasText: 'Le texte ne peut pas être rendu' }).getByText(/unknown variable \{\{customer\.nickname\}\}/).first().waitFor();
    await colleaguePage.getByLabel('Texte en anglais').fill('Hello {{customer.firstName}}, your return for {{case.number}} is accepted.');
    await colleaguePage.locator('[data-preview="en"]').getByText('Hello Jérôme, your return for SAV-2026-000123 is accepted.').waitFor();
    await expectAccessible(colleaguePage, 'the macros page');
    await shot(colleaguePage, 'macros');
    await colleaguePage.getByRole('button', { name: 'Enregistrer la macro' }).click();
    await colleaguePage.getByRole('button', { name: 'Retour sous garantie' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
