// The customer's side in a real browser against a real Comptoir: a customer opens a case
// from the web form, reads the acknowledgment (number, promised date), receives it by e-mail
// within seconds with the same promise, which the agents see too, lands on the tracking page, replies with a photo; an agent answers through the API; the customer
// reloads and reads the answer. axe-core checks the form, the acknowledgment and the
// tracking page; the pages run no script at all, on a phone-sized screen too.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { startE2eServer, type E2eServer } from '../support/e2e-server.ts';
import { startSmtpRelay, type SmtpRelay } from '../fakes/smtp-relay.ts';
import { solidPng } from '../support/images.ts';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));

let server: E2eServer;
let browser: TestBrowser;
let page: Page;
const pageErrors: string[] = [];
/** Every script the customer's browser downloaded, with its size. */
const scripts: { url: string; bytes: number }[] = [];
let caseNumber = '';
let promised = '';
let relay: SmtpRelay;

async function shot(name: string) {
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
}

async function expectAccessible(name: string) {
  expect(await seriousA11yViolations(page), `serious or critical axe violations on ${name}`).toEqual([]);
}

const horizontalOverflow = () => page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  relay = await startSmtpRelay();
  [server, browser] = await Promise.all([
    startE2eServer({ env: { COMPTOIR_FORM_MIN_FILL_SECONDS: '1' }, mailRelay: relay.url }),
    launchBrowser({ viewport: { width: 390, height: 844 } }),
  ]);
  browser.context.setDefaultTimeout(10_000);
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) pageErrors.push(`csp: ${message.text()}`);
  });
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script' && !response.url().includes('/__e2e__/')) scripts.push({ url: response.url(), bytes: (await response.body()).length });
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await relay?.close();
});

describe('the customer’s journey', () => {
  it('opens a case from the web form', async () => {
    await page.goto(`${server.url}/form?brand=jardins-et-co`);
    await page.getByRole('heading', { level: 1, name: 'Contacter le service après-vente' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expectAccessible('the web form');
    expect(await horizontalOverflow()).toBe(0);

    // Keyboard first: the skip link, then the form.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');

    await page.getByLabel('Prénom').fill('Marc');
    await page.getByLabel('Nom', { exact: true }).fill('Petit');
    await page.getByLabel('Adresse e-mail').fill('marc.petit@example.fr');
    await page.getByLabel('Motif').selectOption({ label: 'Panne' });
    await page.getByLabel(/^Produit concerné/).fill('Programmateur Gardena Flex');
    await page.getByLabel('Votre message').fill('Mon programmateur d’arrosage a inondé le jardin pour la deuxième fois.');
    await page.getByLabel(/^Photos ou documents/).setInputFiles({ name: 'programmateur.png', mimeType: 'image/png', buffer: solidPng(120, 80, [30, 110, 60]) });
    await shot('webform-filled');
    // A person takes more than a second to fill a form (the server refuses faster ones).
    await page.waitForTimeout(1200);
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  });

  it('shows the acknowledgment with the case number and the promised date and time', async () => {
    await page.waitForURL(/\/form\/received\/[A-Za-z0-9_-]{43}\?lang=fr$/);
    await page.getByRole('heading', { level: 1, name: 'Votre demande est enregistrée' }).waitFor();
    const number = await page.locator('text=Numéro de dossier').locator('strong').textContent();
    expect(number).toMatch(/^SAV-\d{4}-\d{6}$/);
    caseNumber = number!;
    const promise = await page.locator('text=Réponse promise').locator('strong').textContent();
    expect(promise).toMatch(/^au plus tard le \p{L}+ \d+(er)? \p{L}+ \d{4} à \d\d:\d\d$/u);
    promised = promise!;
    await page.getByText('Un conseiller lit votre demande et vous répond au plus tard le').waitFor();
    await expectAccessible('the acknowledgment');
    await shot('webform-acknowledgment');
  });

  it('receives the acknowledgment by e-mail within seconds, with the promise the agents track', async () => {
    const sent = Date.now();
    // The seeded cases' acknowledgments arrive too: ours is the one naming our case.
    await expect.poll(() => relay.received.some((m) => m.mail.subject?.includes(caseNumber)), { timeout: 5_000 }).toBe(true);
    expect(Date.now() - sent).toBeLessThan(5_000);
    const mail = relay.received.find((m) => m.mail.subject?.includes(caseNumber));
    expect(mail!.envelope.to).toEqual(['marc.petit@example.fr']);
    expect(mail!.mail.subject).toContain(caseNumber);
    expect(mail!.mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail!.mail.text).toContain(promised.replace(/^au plus tard le /, ''));
    expect(mail!.mail.text).toMatch(/\/t\/[A-Za-z0-9_-]{43}/);
    const agent = await server.apiAs(server.agent.email);
    const found = (await agent.request('GET', `/api/v1/cases?q=${caseNumber}`)).body as { items: { clocks: { metric: string; promise: { fr: string }; remainingMs: number }[] }[] };
    const firstReply = found.items[0]!.clocks.find((k) => k.metric === 'first_reply')!;
    expect(firstReply.promise.fr).toBe(promised);
    expect(firstReply.remainingMs).toBeGreaterThan(0);
  });

  it('lands on the tracking page, in plain words', async () => {
    await page.getByRole('link', { name: 'Suivre mon dossier' }).click();
    await page.waitForURL(/\/t\/[A-Za-z0-9_-]{43}\?lang=fr$/);
    await page.getByRole('heading', { level: 1, name: `Votre dossier ${caseNumber}` }).waitFor();
    await page.getByText('Panne — Programmateur Gardena Flex', { exact: true }).waitFor();
    const status = page.getByRole('region', { name: 'Où en est votre demande' });
    await status.getByText('Demande reçue').waitFor();
    await status.getByText('Votre dossier est entre les mains de notre SAV technique.').waitFor();
    await status.getByText(/^Première réponse : au plus tard le/).waitFor();
    const steps = page.getByRole('region', { name: 'Les étapes' }).getByRole('listitem');
    expect(await steps.allTextContents()).toEqual([
      expect.stringMatching(/^Prise en charge \(en cours\)le /),
      'Diagnostic (à venir)',
      'Clôturé (à venir)',
    ]);
    // The photo sent with the form is shown with the first message.
    const firstPhoto = page.getByRole('img', { name: 'programmateur.png' });
    await firstPhoto.waitFor();
    await expect.poll(() => firstPhoto.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(120);
    await expectAccessible('the tracking page');
    expect(await horizontalOverflow()).toBe(0);
    await shot('tracking-page');
  });

  it('replies with a photo from the tracking page', async () => {
    await page.getByLabel('Votre message').fill('Voici une photo de l’étiquette au dos du programmateur.');
    await page.getByLabel(/^Photos ou documents/).setInputFiles({ name: 'etiquette.png', mimeType: 'image/png', buffer: solidPng(64, 48, [200, 160, 20]) });
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await page.waitForURL(/sent=1/);
    await page.getByRole('status').getByText('Votre message a bien été envoyé.').waitFor();
    const mine = page.locator('ol.messages > li').last();
    await mine.getByText('Voici une photo de l’étiquette au dos du programmateur.').waitFor();
    expect(await mine.textContent()).toContain('Vous');
    await expect.poll(() => mine.getByRole('img', { name: 'etiquette.png' }).evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(64);
  });

  it('shows the agent’s answer after a reload, under the agent’s first name only', async () => {
    const agent = await server.apiAs(server.agent.email);
    const found = (await agent.request('GET', `/api/v1/cases?q=${caseNumber}`)).body as { items: { id: string }[] };
    const caseId = found.items[0]!.id;
    const events = (await agent.request('GET', `/api/v1/cases/${caseId}/events`)).body as { items: { type: string; attachments: unknown[] }[] };
    expect(events.items.filter((e) => e.type === 'message_in').map((e) => e.attachments.length)).toEqual([1, 1]);
    expect((await agent.request('POST', `/api/v1/cases/${caseId}/messages`, { kind: 'note', body: 'Note interne : proposer le modèle supérieur.' })).status).toBe(201);
    const answered = await agent.request('POST', `/api/v1/cases/${caseId}/messages`, {
      kind: 'reply',
      body: 'Merci Marc. Nous vous envoyons un programmateur neuf, et un bon de retour pour l’ancien.',
    });
    expect(answered.status).toBe(201);

    await page.reload();
    const reply = page.locator('ol.messages > li.agent').filter({ hasText: 'Camille' });
    await reply.getByText('Nous vous envoyons un programmateur neuf').waitFor();
    expect(await reply.textContent()).toContain('Camille, service client');
    const text = (await page.content()) ?? '';
    for (const hidden of ['Note interne', 'Martin', server.agent.email]) expect(text).not.toContain(hidden);
    await page.getByRole('region', { name: 'Où en est votre demande' }).getByText('En cours de traitement').waitFor();
    await expectAccessible('the tracking page with the answer');
    await shot('tracking-page-answered');
  });

  it('chooses how to be told, switches to English, and runs no script at all', async () => {
    await page.getByRole('radio', { name: /par e-mail/ }).check();
    await page.getByRole('button', { name: 'Enregistrer ce choix' }).click();
    await page.getByRole('status').getByText('C’est noté : nous vous préviendrons par e-mail.').waitFor();

    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: `Your case ${caseNumber}` }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('region', { name: 'Where your request stands' }).getByText('Being handled').waitFor();
    await page.setViewportSize({ width: 1280, height: 860 });
    await shot('tracking-page-en-desktop');

    expect(scripts).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
