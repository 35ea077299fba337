// The survey in a real browser: an agent solves a case, the customer receives the closing
// message by e-mail (at a real SMTP relay), opens its survey link and answers with the keyboard
// alone — CSAT and NPS with the arrow keys, a comment, Enter — then reads the thanks. axe-core
// checks the page before and after; the page runs no script, on a phone-sized screen too.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, watchPageErrors, type TestBrowser } from '../support/browser.ts';
import { startE2eServer, type E2eServer } from '../support/e2e-server.ts';
import { startSmtpRelay, type SmtpRelay } from '../fakes/smtp-relay.ts';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));

let server: E2eServer;
let browser: TestBrowser;
let relay: SmtpRelay;
let page: Page;
let errors: string[];
const scripts: string[] = [];
let surveyPath = '';

async function expectAccessible(name: string) {
  expect(await seriousA11yViolations(page), `serious or critical axe violations on ${name}`).toEqual([]);
}

const focused = () => page.evaluate(() => {
  const el = document.activeElement as HTMLInputElement | null;
  return { tag: el?.tagName.toLowerCase() ?? '', name: el?.getAttribute('name') ?? '', value: el?.value ?? '' };
});

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  relay = await startSmtpRelay();
  [server, browser] = await Promise.all([startE2eServer({ mailRelay: relay.url }), launchBrowser({ viewport: { width: 390, height: 844 } })]);
  browser.context.setDefaultTimeout(10_000);
  page = await browser.context.newPage();
  errors = watchPageErrors(page);
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script' && !response.url().includes('/__e2e__/')) scripts.push(response.url());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await relay?.close();
});

describe('the satisfaction survey', () => {
  it('comes with the closing message when the agent solves the case', async () => {
    const agent = await server.apiAs(server.agent.email);
    const id = server.cases.billing.id;
    expect((await agent.request('POST', `/api/v1/cases/${id}/messages`, { kind: 'reply', body: 'Bonjour Madame Dupont, le concessionnaire vous rembourse la seconde facturation sous 5 jours.' })).status).toBe(201);
    expect((await agent.request('PATCH', `/api/v1/cases/${id}`, { status: 'solved' })).status).toBe(200);
    const subject = `[${server.cases.billing.number}] Votre demande est résolue : merci !`;
    await expect.poll(() => relay.received.some((m) => m.mail.subject === subject), { timeout: 10_000 }).toBe(true);
    const mail = relay.received.find((m) => m.mail.subject === subject)!;
    expect(mail.envelope.to).toEqual(['jeanne.dupont@example.fr']);
    expect(mail.mail.text).toContain('Notre dernière réponse : « Bonjour Madame Dupont, le concessionnaire vous rembourse la seconde facturation sous 5 jours. »');
    const link = /https?:\/\/\S+\/s\/[\w-]+\.[\w-]{43}/.exec(mail.mail.text!);
    expect(link).not.toBeNull();
    surveyPath = new URL(link![0]).pathname;
  });

  it('is answered with the keyboard alone, and is accessible', async () => {
    await page.goto(`${server.url}${surveyPath}`);
    await page.getByRole('heading', { level: 1, name: `Votre avis sur le dossier ${server.cases.billing.number}` }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    const csat = page.getByRole('group', { name: 'Êtes-vous satisfait de la façon dont nous avons traité votre demande ?' });
    await csat.waitFor();
    await page.getByRole('group', { name: 'Recommanderiez-vous Jardins & Co à un proche ?' }).waitFor();
    await page.getByText(/^Jusqu’au .+, répondez simplement à notre dernier message/).waitFor();
    await expectAccessible('the survey page');
    await page.screenshot({ path: `${screenshots}survey-page.png`, fullPage: true });

    // Tab to the first score of the first question, then the arrow keys choose.
    for (let n = 0; n < 10 && (await focused()).name !== 'csat'; n++) await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'input', name: 'csat', value: '1' });
    for (let n = 0; n < 4; n++) await page.keyboard.press('ArrowRight');
    expect(await csat.getByRole('radio', { name: '5 (très satisfait)' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ name: 'nps', value: '0' });
    for (let n = 0; n < 9; n++) await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatchObject({ name: 'nps', value: '9' });
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'textarea', name: 'comment' });
    await page.keyboard.type('Remboursement obtenu sans relancer, merci.');
    await page.keyboard.press('Tab');
    expect((await focused()).tag).toBe('button');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Merci pour votre avis !' }).waitFor();
    await page.getByText('Satisfaction : 5 sur 5').waitFor();
    await page.getByText('Recommandation : 9 sur 10').waitFor();
    await expectAccessible('the thanks');
    await page.screenshot({ path: `${screenshots}survey-thanks.png`, fullPage: true });
    expect(scripts).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('is on the case for the agents, and answered once', async () => {
    const agent = await server.apiAs(server.agent.email);
    const survey = (await agent.request('GET', `/api/v1/cases/${server.cases.billing.id}/survey`)).body as { items: { answer: { csat: number; nps: number; comment: string } | null }[] };
    expect(survey.items[0]!.answer).toMatchObject({ csat: 5, nps: 9, comment: 'Remboursement obtenu sans relancer, merci.' });
    await page.goto(`${server.url}${surveyPath}?lang=en`);
    await page.getByText(/^You already gave us your opinion on this case/).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectAccessible('the answered survey, in English');
  });
});
