// A shop visitor chats with an agent, in a real browser: a shop's page on another origin
// carries the one script tag; with no agent there the widget offers the offline form (an
// e-mail case, acknowledged on screen and by e-mail); once an agent's console is there, the
// visitor starts a conversation, gets the acknowledgment; the agent, in the console, sees the
// visitor typing and answers; the visitor sees the agent typing and the answer, which comes
// back read, and sees their own message read; the case solved, the transcript comes by e-mail. axe-core checks the
// widget, open, in both states.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { PASSWORD, startE2eServer, type ApiAs, type E2eServer } from '../support/e2e-server.ts';
import { startSmtpRelay, type SmtpRelay } from '../fakes/smtp-relay.ts';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const KEY = 'jardins-site';

let server: E2eServer;
let browser: TestBrowser;
let relay: SmtpRelay;
let shop: Server;
let shopUrl: string;
let admin: ApiAs;
let agent: ApiAs;
const pageErrors: string[] = [];
let widgetBytes = 0;

async function newShopPage(): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
  page.on('response', async (response) => {
    if (response.url().endsWith('/chat/widget.js')) widgetBytes = Number(response.headers()['content-length'] ?? (await response.body()).length);
  });
  await page.goto(shopUrl);
  await page.getByRole('button', { name: 'Discuter avec nous' }).waitFor();
  return page;
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  relay = await startSmtpRelay();
  [server, browser] = await Promise.all([startE2eServer({ mailRelay: relay.url }), launchBrowser()]);
  browser.context.setDefaultTimeout(10_000);
  // The shop's own site: another origin than Comptoir's, with the one tag.
  shop = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    // /en is the shop's English page: the widget follows the page's language.
    res.end(`<!doctype html><html lang="${req.url === '/en' ? 'en' : 'fr'}"><head><meta charset="utf-8"><title>Jardins &amp; Co, la boutique</title></head>
<body><main><h1>Jardins &amp; Co</h1><p>Programmateurs d’arrosage, tondeuses et outils.</p></main>
<script src="${server.url}/chat/widget.js" data-account="${KEY}" async></script></body></html>`);
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  shopUrl = `http://localhost:${(shop.address() as AddressInfo).port}`;

  admin = await server.apiAs(server.admin.email);
  agent = await server.apiAs(server.agent.email);
  // The team answers around the clock here, so the test does not depend on the hour it runs.
  const day = [['00:00', '24:00']];
  const calendar = await admin.request('POST', '/api/v1/calendars', { name: 'Chat 24/7', timezone: 'Europe/Paris', hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day } });
  expect(calendar.status, JSON.stringify(calendar.body)).toBe(201);
  // memberIds given again: a PATCH without them empties the team (the body's default applies).
  const team = await admin.request('PATCH', `/api/v1/teams/${server.teamId}`, { calendarId: (calendar.body as { id: string }).id, memberIds: [server.agent.id] });
  expect(team.status).toBe(200);
  const account = await admin.request('POST', '/api/v1/channel-accounts', {
    channel: 'chat',
    name: 'Chat de la boutique',
    address: KEY,
    brandId: server.brandId,
    teamId: server.teamId,
    settings: { allowedOrigins: [shopUrl], greeting: { fr: 'Bonjour ! Une question sur un produit ?' } },
  });
  expect(account.status, JSON.stringify(account.body)).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await relay?.close();
  await new Promise((resolve) => shop?.close(resolve));
});

describe('the live chat widget', () => {
  it('is one small script, under 30 KB gzipped', async () => {
    const res = await fetch(`${server.url}/chat/widget.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(Number(res.headers.get('content-length'))).toBeLessThan(30 * 1024);
  });

  it('offers the offline form while no agent is there; the message becomes an e-mail case', async () => {
    const page = await newShopPage();
    await page.getByRole('button', { name: 'Discuter avec nous' }).click();
    await page.getByText('Nous ne sommes pas disponibles pour le moment').waitFor();
    expect(await seriousA11yViolations(page), 'axe on the offline form').toEqual([]);
    await page.getByLabel('Votre nom', { exact: true }).fill('Sam Leclerc');
    await page.getByLabel('Votre e-mail', { exact: true }).fill('sam.leclerc@example.fr');
    await page.getByLabel('Votre message').fill('Ma tondeuse ne démarre plus.');
    await page.getByRole('button', { name: 'Envoyer le message' }).click();
    const ack = page.getByText(/^Votre demande porte le numéro SAV-\d{4}-\d{6}\.$/);
    await ack.waitFor();
    const number = (await ack.textContent())!.match(/SAV-\d{4}-\d{6}/)![0];
    await page.getByText(/vous répond au plus tard le/).waitFor();
    await expect.poll(() => relay.received.some((m) => m.envelope.to.includes('sam.leclerc@example.fr') && m.mail.subject?.includes(number)), { timeout: 5_000 }).toBe(true);
    await page.screenshot({ path: `${screenshots}chat-offline.png` });
    await page.close();
  });

  it('lets a shop visitor chat with an agent in the console: acknowledgment, typing both ways, the answer, read', async () => {
    // The agent signs in: the console's heartbeat opens the chat.
    const consolePage = await browser.context.newPage();
    consolePage.on('pageerror', (error) => pageErrors.push(`console: ${error.message}`));
    await consolePage.goto(`${server.url}/login`);
    await consolePage.getByLabel('Adresse e-mail').fill(server.agent.email);
    await consolePage.getByLabel(/^Mot de passe/).fill(PASSWORD);
    await consolePage.getByRole('button', { name: 'Se connecter' }).click();
    await consolePage.waitForURL(/\/cases$/);
    // The heartbeat starts once the signed-in shell (a chunk of its own) is loaded: give it the time a loaded machine takes.
    await expect
      .poll(async () => ((await (await fetch(`${server.url}/api/v1/chat/accounts/${KEY}/status`, { headers: { origin: shopUrl } })).json()) as { open: boolean }).open, { timeout: 10_000 })
      .toBe(true);

    const page = await newShopPage();
    const launcher = page.getByRole('button', { name: 'Discuter avec nous' });
    // Keyboard: the launcher opens the panel and focus goes into it.
    await launcher.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Bonjour ! Une question sur un produit ?').waitFor();
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    await page.getByLabel('Votre nom (facultatif)').fill('Marc');
    await page.getByRole('button', { name: 'Commencer' }).click();
    const box = page.getByLabel('Votre message');
    await box.fill('Bonjour, mon programmateur Gardena fuit encore.');
    await box.press('Enter');
    const ack = page.getByText(/^Votre demande porte le numéro SAV-\d{4}-\d{6}\.$/);
    await ack.waitFor();
    const number = (await ack.textContent())!.match(/SAV-\d{4}-\d{6}/)![0];
    await page.getByRole('link', { name: 'Suivre ma demande' }).waitFor();
    expect(await seriousA11yViolations(page), 'axe on the open conversation').toEqual([]);

    const found = (await agent.request('GET', `/api/v1/cases?q=${number}`)).body as { items: { id: string; channel: string }[] };
    const caseId = found.items[0]!.id;
    expect(found.items[0]!.channel).toBe('chat');

    // The agent opens the case: the visitor's message shows read in the widget.
    await consolePage.goto(`${server.url}/cases/${caseId}`);
    await consolePage.getByText('Bonjour, mon programmateur Gardena fuit encore.', { exact: true }).waitFor();
    await page.getByText('Lu', { exact: true }).waitFor();

    // Typing, both ways.
    await box.pressSequentially('Et aussi');
    await consolePage.getByText('Le visiteur écrit…').waitFor();
    await box.fill('');
    const reply = consolePage.getByLabel(/Votre réponse/);
    await reply.pressSequentially('Bonjour Marc, nous vous envoyons un joint neuf.');
    await page.getByText('Camille écrit…').waitFor();
    await consolePage.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await page.getByText('Bonjour Marc, nous vous envoyons un joint neuf.').waitFor();
    await expect.poll(() => page.getByText('Camille écrit…').count()).toBe(0);

    // The visitor saw it (panel open, page in front): the delivery comes back read.
    const deliveryOf = async () => {
      const events = (await agent.request('GET', `/api/v1/cases/${caseId}/events`)).body as { items: { body: string | null; delivery: { channel: string; status: string } | null }[] };
      return events.items.find((e) => e.body === 'Bonjour Marc, nous vous envoyons un joint neuf.')?.delivery;
    };
    await expect.poll(async () => (await deliveryOf())?.status, { timeout: 5_000 }).toBe('read');
    expect((await deliveryOf())?.channel).toBe('chat');
    await consolePage.screenshot({ path: `${screenshots}chat-console.png` });
    await consolePage.close();
    await page.screenshot({ path: `${screenshots}chat-conversation.png` });

    // Escape closes the panel and gives the focus back to the launcher.
    await box.focus();
    await page.keyboard.press('Escape');
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await launcher.evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b)).toBe(true);

    // The agent solves the case: the widget offers the transcript, which arrives by e-mail.
    await launcher.click();
    const current = (await agent.request('GET', `/api/v1/cases/${caseId}`)).body as { version: number };
    expect((await agent.request('PATCH', `/api/v1/cases/${caseId}`, { status: 'solved' }, { 'if-match': `"${current.version}"` })).status).toBe(200);
    await page.getByText('La conversation est terminée.').waitFor();
    await page.getByLabel('Votre e-mail', { exact: true }).fill('marc.chat@example.fr');
    await page.getByRole('button', { name: 'Recevoir la conversation par e-mail' }).click();
    await page.getByText('La conversation vous est envoyée par e-mail.').waitFor();
    await expect.poll(() => relay.received.find((m) => m.envelope.to.includes('marc.chat@example.fr'))?.mail.subject, { timeout: 5_000 }).toBe(`[${number}] Votre conversation avec Jardins & Co`);
    const transcript = relay.received.find((m) => m.envelope.to.includes('marc.chat@example.fr'))!.mail.text!;
    expect(transcript).toMatch(/Vous : Bonjour, mon programmateur Gardena fuit encore\./);
    expect(transcript).toMatch(/Camille : Bonjour Marc, nous vous envoyons un joint neuf\./);

    expect(widgetBytes).toBeGreaterThan(0);
    expect(widgetBytes).toBeLessThan(30 * 1024);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('speaks English on an English page', async () => {
    expect((await agent.request('POST', '/api/v1/chat/presence')).status).toBe(204);
    const page = await browser.context.newPage();
    await page.goto(`${shopUrl}/en`);
    await page.getByRole('button', { name: 'Chat with us' }).click();
    await page.getByRole('dialog', { name: 'Live chat' }).waitFor();
    await page.getByLabel('Your name (optional)').waitFor();
    await page.getByRole('button', { name: 'Close the chat' }).click();
    await page.close();
  });
});
