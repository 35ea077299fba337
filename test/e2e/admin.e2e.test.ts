// The administration in a real browser against a real Comptoir (a real IMAP server and SMTP
// relay behind the channel account). An admin creates a store and a team, creates a user
// limited to that store, closes Saturday and a day in a calendar and watches the promise a
// customer would get change before saving, edits the acknowledgment and reads its preview,
// tests a mailbox's connection (refused, then working), and finds all of it in the audit
// log. A manager sees the screens read-only; an agent has no administration. axe-core checks
// the main screens; screenshots admin-*.png.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpRelay, type SmtpRelay } from '../fakes/smtp-relay.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, watchPageErrors, type TestBrowser } from '../support/browser.ts';
import { startDovecot, type Dovecot } from '../support/dovecot.ts';
import { PASSWORD, startE2eServer, type E2eServer } from '../support/e2e-server.ts';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));

let server: E2eServer;
let browser: TestBrowser;
let page: Page;
let relay: SmtpRelay;
let imap: Dovecot;
let pageErrors: string[] = [];

async function shot(name: string) {
  await page.screenshot({ path: `${screenshots}admin-${name}.png`, fullPage: true });
}

async function expectAccessible(name: string) {
  expect(await seriousA11yViolations(page), `serious or critical axe violations on ${name}`).toEqual([]);
}

async function signIn(email: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/cases$/);
}

const nav = () => page.getByRole('navigation', { name: 'Administration' });
const dialog = () => page.getByRole('dialog');
/** A text field of the open dialog by its name (a required field's label ends with a hidden asterisk). */
const field = (name: string) => dialog().getByRole('textbox', { name, exact: true });
async function open(screen: string, heading: string) {
  await nav().getByRole('link', { name: screen }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}
/** Picks an option of a Mantine MultiSelect by typing part of its label. */
async function pick(label: string, typed: string, option: string) {
  await dialog().getByLabel(label, { exact: true }).fill(typed);
  await page.getByRole('listbox').getByRole('option', { name: option }).click();
  await page.keyboard.press('Escape');
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  [imap, relay] = await Promise.all([startDovecot({ 'sav@jardins.test': 'imap-secret-1' }), startSmtpRelay()]);
  [server, browser] = await Promise.all([startE2eServer({ mailRelay: relay.url }), launchBrowser()]);
  browser.context.setDefaultTimeout(10_000);
  page = await browser.context.newPage();
  pageErrors = watchPageErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await Promise.all([imap?.stop(), relay?.close()]);
});

describe('administration', () => {
  it('opens from the header for an admin, on the users', async () => {
    await signIn(server.admin.email);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Administration' }).click();
    await page.waitForURL(/\/admin\/users$/);
    await page.getByRole('heading', { level: 1, name: 'Utilisateurs et rôles' }).waitFor();
    await page.locator('tr[data-user-email="camille.martin@jardins.test"]').getByText('Agent SAV').waitFor();
    await shot('users');
    await expectAccessible('the users');
  });

  it('creates a store, refusing a wrong code in the browser first', async () => {
    await open('Magasins', 'Magasins');
    await page.getByRole('button', { name: 'Nouveau magasin' }).click();
    await dialog().getByLabel('Marque').selectOption({ label: 'Jardins & Co' });
    await field('Nom').fill('Jardins & Co Grigny');
    await field('Code').fill('GRI 01');
    await field('Ville').fill('Grigny');
    const sent: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/v1/stores') && sent.push(r.url()));
    await dialog().getByRole('button', { name: 'Créer' }).click();
    // Checked against the contract before anything is sent; the field says why and has the focus.
    const code = field('Code');
    await dialog().getByText('Lettres, chiffres, - et _ (32 au plus), sans espace').waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await code.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(sent).toEqual([]);
    await code.fill('GRI-01');
    await dialog().getByRole('button', { name: 'Créer' }).click();
    await dialog().waitFor({ state: 'detached' });
    const row = page.locator('tr[data-store-code="GRI-01"]');
    await row.getByText('Jardins & Co Grigny').waitFor();
    expect(await row.textContent()).toContain('Grigny · FR');
    await shot('stores');
    await expectAccessible('the stores');
  });

  it('creates a team, showing the server’s refusal of a slug already taken', async () => {
    await open('Équipes', 'Équipes');
    await page.getByRole('button', { name: 'Nouvelle équipe' }).click();
    await field('Nom').fill('SAV Grigny');
    await field('Identifiant').fill('sav-jardin');
    await pick('Membres', 'Camille', 'Camille Martin (camille.martin@jardins.test)');
    await dialog().getByRole('button', { name: 'Créer' }).click();
    await dialog().getByRole('alert').getByText(/A team with slug sav-jardin already exists/).waitFor();
    await field('Identifiant').fill('sav-grigny');
    await dialog().getByRole('button', { name: 'Créer' }).click();
    await dialog().waitFor({ state: 'detached' });
    const row = page.locator('tr[data-team-slug="sav-grigny"]');
    await row.getByText('SAV Grigny').waitFor();
    expect(await row.textContent()).toContain('Camille Martin');
  });

  it('creates a user limited to the new store', async () => {
    await open('Utilisateurs et rôles', 'Utilisateurs et rôles');
    await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    await field('Nom').fill('Lou Martin');
    await field('Adresse e-mail').fill('lou.martin@jardins.test');
    await dialog().getByLabel('Rôle').selectOption('store_staff');
    await dialog().getByLabel(/^Mot de passe/).fill('un mot de passe solide');
    await pick('Magasins', 'Grigny', 'Jardins & Co Grigny (GRI-01)');
    await dialog().getByRole('button', { name: 'Créer' }).click();
    await dialog().waitFor({ state: 'detached' });
    const row = page.locator('tr[data-user-email="lou.martin@jardins.test"]');
    await row.getByText('Personnel de magasin').waitFor();
    expect(await row.textContent()).toContain('Jardins & Co Grigny');

    const admin = await server.apiAs(server.admin.email);
    const users = (await admin.request('GET', '/api/v1/users?q=lou.martin')).body as { items: { storeIds: string[]; role: string }[] };
    const stores = (await admin.request('GET', '/api/v1/stores')).body as { items: { id: string; code: string }[] };
    expect(users.items[0]).toMatchObject({ role: 'store_staff', storeIds: [stores.items.find((s) => s.code === 'GRI-01')!.id] });
  });

  it('changes a calendar and sees the customer’s promise change before saving', async () => {
    await open('Calendriers et jours fériés', 'Calendriers et jours fériés');
    await page.getByRole('link', { name: 'Service client' }).click();
    await page.getByRole('heading', { level: 1, name: 'Service client' }).waitFor();
    const preview = page.getByRole('region', { name: 'Promesse au client' });
    await preview.getByLabel('Délai').fill('1');
    await preview.getByLabel('Unité').selectOption('businessDays');
    await preview.getByLabel(/à un moment choisi/).check();
    await preview.getByLabel(/Date et heure/).fill('2026-06-12T17:00');
    const draft = page.getByTestId('promise-draft').locator('[data-promise]');
    const saved = page.getByTestId('promise-saved').locator('[data-promise]');
    // Friday 17:00 + 1 business day: Saturday closes at 12:30, so its last open minute.
    await expect.poll(() => draft.textContent()).toBe('au plus tard le samedi 13 juin 2026 à 12:30');
    expect(await saved.textContent()).toBe('au plus tard le samedi 13 juin 2026 à 12:30');

    await page.getByRole('checkbox', { name: 'Ouvert le Samedi' }).uncheck();
    await expect.poll(() => draft.textContent()).toBe('au plus tard le lundi 15 juin 2026 à 17:00');
    expect(await saved.textContent()).toBe('au plus tard le samedi 13 juin 2026 à 12:30');
    await page.getByTestId('promise-draft').getByText('La promesse change').waitFor();

    await page.getByLabel('Date de fermeture').fill('2026-06-15');
    await page.getByRole('button', { name: 'Fermer ce jour' }).click();
    await page.getByRole('list', { name: 'Jours de fermeture' }).getByText('lundi 15 juin 2026').waitFor();
    await expect.poll(() => draft.textContent()).toBe('au plus tard le mardi 16 juin 2026 à 17:00');
    await shot('calendar');
    await expectAccessible('the calendar editor');

    await page.getByRole('button', { name: 'Enregistrer le calendrier' }).click();
    await page.getByText('Calendrier « Service client » enregistré').waitFor();
    await expect.poll(() => saved.textContent()).toBe('au plus tard le mardi 16 juin 2026 à 17:00');
    // The saved calendar is what the server now promises with.
    const admin = await server.apiAs(server.admin.email);
    const calendars = (await admin.request('GET', '/api/v1/calendars')).body as { items: { name: string; hours: Record<string, unknown[]>; holidays: { extra: string[] } }[] };
    const service = calendars.items.find((c) => c.name === 'Service client')!;
    expect(service.hours.sat).toEqual([]);
    expect(service.holidays.extra).toEqual(['2026-06-15']);
  });

  it('edits the acknowledgment and reads its preview; an unknown variable is refused on the field', async () => {
    await open('Modèles de messages', 'Modèles de messages');
    const body = page.getByRole('textbox', { name: 'Texte', exact: true });
    await body.waitFor();
    const preview = page.getByTestId('template-preview');
    await preview.getByText(/SAV-\d{4}-\d+/).first().waitFor();
    await body.fill(`${await body.inputValue()}\n\nMerci de votre confiance, {{brand.name}} {{client.inconnu}}`);
    // The server's preview refuses the unknown variable: its words land on the field.
    await expect.poll(() => body.getAttribute('aria-invalid')).toBe('true');
    await page.getByText(/client\.inconnu/).filter({ hasNot: page.locator('textarea') }).first().waitFor();

    const text = (await body.inputValue()).replace(' {{client.inconnu}}', '');
    await body.fill(text);
    // Rendered with sample data: the sample brand's name stands for the variable.
    await preview.getByText('Merci de votre confiance, Jardin & Maison').waitFor();
    await page.getByRole('button', { name: 'Enregistrer le modèle' }).click();
    await page.getByText('Modèle enregistré').waitFor();
    await page.getByRole('navigation', { name: 'Modèles' }).getByRole('button', { name: /E-mail · FR/ }).first().getByText('Personnalisé').waitFor();
    await shot('templates');
    await expectAccessible('the templates');
  });

  it('tests a mailbox: the wrong password is refused with the server’s reason, then everything works', async () => {
    await open('Comptes de canaux', 'Comptes de canaux');
    await page.getByRole('button', { name: 'Nouveau compte' }).click();
    await dialog().getByLabel('Canal').selectOption('email');
    await field('Nom').fill('SAV Jardins');
    await field('Adresse').fill('sav@jardins.test');
    await dialog().getByLabel('Relever une boîte IMAP').check();
    await field('Serveur IMAP').fill(imap.host);
    await field('Port').fill(String(imap.port));
    await dialog().getByLabel('Connexion chiffrée (TLS)').uncheck();
    await field('Identifiant').fill('sav@jardins.test');
    await dialog().getByLabel('Mot de passe IMAP').fill('pas-le-bon');
    await dialog().getByRole('button', { name: 'Créer' }).click();
    await page.getByRole('heading', { level: 1, name: 'SAV Jardins' }).waitFor();

    const test = page.getByRole('region', { name: 'Test de connexion' });
    await test.getByRole('button', { name: 'Tester la connexion' }).click();
    const result = page.getByTestId('connection-result');
    await result.getByText('Un problème empêche ce compte de fonctionner').waitFor();
    const imapCheck = result.locator('[data-check="imap"]');
    expect(await imapCheck.textContent()).toMatch(/Boîte IMAP — problème.*refuse l’identifiant sav@jardins\.test ou son mot de passe : .*Authentication failed/);
    expect(await result.locator('[data-check="smtp_relay"]').textContent()).toContain('accepte la connexion et l’authentification');
    await shot('channel-test-refused');

    await page.getByLabel('Mot de passe IMAP').fill('imap-secret-1');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Modifications enregistrées.').waitFor();
    await page.getByRole('region', { name: 'Test de connexion' }).getByRole('button', { name: 'Tester la connexion' }).click();
    await page.getByTestId('connection-result').getByText('Tout fonctionne').waitFor();
    expect(await page.locator('[data-check="imap"]').textContent()).toContain('Connecté à');
    await shot('channel-test');
    await expectAccessible('the channel account');
    // The password never comes back to the browser.
    const account = await page.request.get(`${server.url}/api/v1/channel-accounts`);
    expect(await account.text()).not.toContain('imap-secret-1');
  });

  it('finds these changes in the audit log, in words, and filters them', async () => {
    await open('Journal d’audit', 'Journal d’audit');
    const log = page.getByRole('table');
    for (const sentence of [
      'Alice Admin a créé le magasin « Jardins & Co Grigny »',
      'Alice Admin a créé l’équipe « SAV Grigny »',
      'Alice Admin a créé l’utilisateur lou.martin@jardins.test, rôle Personnel de magasin',
      'Alice Admin a modifié le calendrier « Service client » (horaires, jours fériés et fermetures)',
      'Alice Admin a modifié le compte de canal « SAV Jardins » (secrets)',
      'Alice Admin a modifié le modèle « Accusé de réception · E-mail · FR »',
      'Alice Admin a testé le compte de canal « SAV Jardins » : tout fonctionne',
      'Alice Admin a testé le compte de canal « SAV Jardins » : problème (imap)',
    ]) {
      await log.getByText(sentence, { exact: true }).waitFor();
    }
    await shot('audit');
    await expectAccessible('the audit log');

    await page.getByLabel('Action').selectOption({ label: 'Magasins' });
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody tr').textContent()).toContain('a créé le magasin « Jardins & Co Grigny »');
  });

  it('shows the other screens accessibly: brands, teams, SLA policies and their form, reasons, steps, channels', async () => {
    for (const [screen, heading, name] of [
      ['Marques', 'Marques', 'brands'],
      ['Équipes', 'Équipes', 'teams'],
      ['Motifs de contact', 'Motifs de contact', 'reasons'],
      ['Étapes SAV', 'Étapes SAV', 'steps'],
      ['Comptes de canaux', 'Comptes de canaux', 'channels'],
      ['Politiques de délai', 'Politiques de délai', 'sla-policies'],
    ] as const) {
      await open(screen, heading);
      await page.locator('main tbody tr').first().waitFor();
      await shot(name);
      await expectAccessible(`the ${name}`);
    }
    // The seeded policies in the order they are tried, with what they promise.
    expect(await page.locator('tr[data-policy="Urgent"]').textContent()).toContain('Première réponse : 4 heures ouvrées');
    await page.getByRole('button', { name: 'Modifier Standard' }).click();
    await dialog().getByText('S’applique aux dossiers').waitFor();
    await shot('sla-policy-form');
    await expectAccessible('the SLA policy form');
    await dialog().getByRole('button', { name: 'Annuler' }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  it('speaks English when switched, down to the connection test’s details', async () => {
    await open('Comptes de canaux', 'Comptes de canaux');
    await page.getByRole('link', { name: 'SAV Jardins' }).click();
    await page.getByRole('radiogroup', { name: 'Langue de l’interface' }).getByText('EN').click();
    await page.getByRole('region', { name: 'Connection test' }).getByRole('button', { name: 'Test the connection' }).click();
    await page.getByTestId('connection-result').getByText('Everything works').waitFor();
    expect(await page.locator('[data-check="imap"]').textContent()).toMatch(/IMAP mailbox — OK.*Connected to .* as sav@jardins\.test/);
    await page.getByRole('radiogroup', { name: 'Interface language' }).getByText('FR').click();
  });

  it('shows a manager the screens read-only, and an agent no administration', async () => {
    const admin = await server.apiAs(server.admin.email);
    const created = await admin.request('POST', '/api/v1/users', { email: 'maya.manager@jardins.test', name: 'Maya Manager', role: 'manager', password: PASSWORD });
    expect(created.status).toBe(201);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/login/);
    await signIn('maya.manager@jardins.test');
    await page.goto(`${server.url}/admin/stores`);
    await page.getByRole('heading', { level: 1, name: 'Magasins' }).waitFor();
    await page.getByText('Lecture seule').waitFor();
    await page.locator('tr[data-store-code="GRI-01"]').waitFor();
    expect(await page.getByRole('button', { name: 'Nouveau magasin' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Modifier/ }).count()).toBe(0);
    expect(await nav().getByRole('link', { name: 'Journal d’audit' }).count()).toBe(0);
    expect(await nav().getByRole('link', { name: 'Modèles de messages' }).count()).toBe(0);
    await shot('manager-read-only');
    await expectAccessible('the read-only stores');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/login/);
    await signIn(server.agent.email);
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await page.goto(`${server.url}/admin/users`);
    await page.getByText('L’administration est réservée aux administrateurs et aux responsables.', { exact: false }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
