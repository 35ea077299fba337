// The connection test of channel accounts, against real servers: Dovecot for IMAP, the SMTP
// relay (with a login) mail leaves by, the local Twilio. A wrong password, a wrong relay login
// and a wrong Twilio token each come back ok: false with the server's reason, in French or
// English; chat widgets and phone lines say what was looked at. Only admins may run it, and
// every run is in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpRelay, type SmtpRelay } from '../../../test/fakes/smtp-relay.ts';
import { startFakeTwilio, type FakeTwilio } from '../../../test/fakes/twilio.ts';
import { startDovecot, type Dovecot } from '../../../test/support/dovecot.ts';
import { buildBrand, buildTeam } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { checkRelay } from '../email/email.check.ts';
import { checkSmsAccount } from '../sms/sms.check.ts';
import type { ConnectionTestDto } from './accounts.contract.ts';

let h: Harness;
let admin: Client;
let imap: Dovecot;
let relay: SmtpRelay;
let twilio: FakeTwilio;
let brandId: string;

beforeAll(async () => {
  [imap, relay, twilio] = await Promise.all([
    startDovecot({ 'sav@jardin.test': 'imap-secret-1' }),
    startSmtpRelay({ user: 'comptoir', pass: 'relay-secret' }),
    startFakeTwilio(),
  ]);
  h = await startHarness({
    env: {
      COMPTOIR_PUBLIC_URL: 'https://sav.jardin.test',
      COMPTOIR_SMTP_URL: relay.url,
      COMPTOIR_MAIL_FROM: 'SAV Jardin <sav@jardin.test>',
      COMPTOIR_TWILIO_ACCOUNT_SID: twilio.accountSid,
      COMPTOIR_TWILIO_AUTH_TOKEN: twilio.authToken,
      COMPTOIR_TWILIO_FROM: '+33757001122',
      COMPTOIR_TWILIO_API_URL: twilio.url,
    },
  });
  admin = await h.userClient('admin');
  brandId = (await buildBrand(h.ctx, { slug: 'jardin-test', name: 'Jardin' })).id;
});
afterAll(async () => {
  expect(twilio?.unexpected).toEqual([]);
  await h?.close();
  await Promise.all([imap?.stop(), relay?.close(), twilio?.close()]);
});

async function account(body: Record<string, unknown>): Promise<string> {
  const res = await admin.post('/api/v1/channel-accounts', { brandId, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function test(id: string, language = 'fr', client = admin) {
  const res = await client.post(`/api/v1/channel-accounts/${id}/test`, undefined, { 'accept-language': language });
  return { status: res.statusCode, body: res.json() as ConnectionTestDto };
}

const check = (result: ConnectionTestDto, name: string) => {
  const found = result.checks.find((c) => c.name === name);
  if (!found) throw new Error(`no ${name} check in ${JSON.stringify(result.checks)}`);
  return found;
};

describe('an e-mail account', () => {
  let id: string;
  beforeAll(async () => {
    id = await account({
      channel: 'email',
      name: 'SAV jardin',
      address: 'sav@jardin.test',
      settings: { imap: { host: imap.host, port: imap.port, secure: false, user: 'sav@jardin.test' } },
      secrets: { imapPassword: 'imap-secret-1' },
    });
    await imap.deliver('sav@jardin.test', 'From: paul@exemple.fr\nTo: sav@jardin.test\nSubject: Tondeuse\nMessage-ID: <t1@exemple.fr>\n\nBonjour.\n');
  });

  it('logs in to the IMAP mailbox and to the relay mail leaves by', async () => {
    const { status, body } = await test(id);
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.checks.map((c) => c.name)).toEqual(['imap', 'smtp_relay']);
    expect(check(body, 'imap')).toEqual({
      name: 'imap',
      label: 'Boîte IMAP',
      ok: true,
      detail: `Connecté à ${imap.host}:${imap.port} en tant que sav@jardin.test ; le dossier « INBOX » contient 1 message(s).`,
    });
    const port = new URL(relay.url).port;
    expect(check(body, 'smtp_relay')).toMatchObject({ ok: true, detail: `Le relais 127.0.0.1:${port} accepte la connexion et l’authentification : les réponses partent de « SAV Jardin <sav@jardin.test> ».` });
    // The relay was logged in to, nothing was sent.
    expect(relay.received).toEqual([]);
  });

  it('says in English when the password is wrong, with the server’s answer', async () => {
    expect((await admin.patch(`/api/v1/channel-accounts/${id}`, { secrets: { imapPassword: 'not-the-password' } })).statusCode).toBe(200);
    const { body } = await test(id, 'en');
    expect(body.ok).toBe(false);
    const imapCheck = check(body, 'imap');
    expect(imapCheck.ok).toBe(false);
    expect(imapCheck.label).toBe('IMAP mailbox');
    expect(imapCheck.detail).toMatch(new RegExp(`^The server ${imap.host}:${imap.port} refuses the login sav@jardin.test or its password: .*Authentication failed`));
    expect(check(body, 'smtp_relay').ok).toBe(true);
    // The test looks, it does not change the account.
    expect((await admin.get(`/api/v1/channel-accounts/${id}`)).json().state).toBe('active');
  });

  it('names a folder that does not exist and a server that does not answer', async () => {
    await admin.patch(`/api/v1/channel-accounts/${id}`, { settings: { imap: { host: imap.host, port: imap.port, secure: false, user: 'sav@jardin.test', folder: 'Archives SAV' } }, secrets: { imapPassword: 'imap-secret-1' } });
    expect(check((await test(id)).body, 'imap').detail).toMatch(/^Connecté à .*, mais le dossier « Archives SAV » est introuvable : /);
    await admin.patch(`/api/v1/channel-accounts/${id}`, { settings: { imap: { host: '127.0.0.1', port: 1, secure: false, user: 'sav@jardin.test' } } });
    const closed = check((await test(id)).body, 'imap');
    expect(closed).toMatchObject({ ok: false });
    expect(closed.detail).toMatch(/^Impossible de joindre 127\.0\.0\.1:1 : .*ECONNREFUSED/);
  });

  it('without IMAP, says that mail comes in by the SMTP server', async () => {
    const smtpOnly = await account({ channel: 'email', name: 'Contact', address: 'contact@jardin.test' });
    const { body } = await test(smtpOnly);
    expect(check(body, 'smtp_inbound')).toMatchObject({ ok: true, detail: expect.stringContaining('Comptoir reçoit le courrier adressé à contact@jardin.test sur son serveur SMTP (port 2525)') });
  });

  it('says when the relay refuses its login, and when there is no relay at all', async () => {
    const url = new URL(relay.url);
    url.password = 'wrong';
    const refused = await checkRelay({ kind: 'smtp', url: url.href }, 'SAV <sav@jardin.test>', 'fr');
    expect(refused.ok).toBe(false);
    expect(refused.detail).toMatch(new RegExp(`^Le relais 127\\.0\\.0\\.1:${url.port} refuse les identifiants de COMPTOIR_SMTP_URL : .*535`));
    expect(refused.detail).not.toContain('wrong');
    const none = await checkRelay({ kind: 'file', dir: '/tmp/outbox' }, 'SAV <sav@jardin.test>', 'en');
    expect(none).toMatchObject({ ok: false, detail: 'No SMTP relay is configured (COMPTOIR_SMTP_URL): e-mails are written to the folder /tmp/outbox and never reach customers.' });
  });
});

describe('an SMS account', () => {
  it('fetches the Twilio account and checks the sender', async () => {
    const id = await account({ channel: 'sms', name: 'SMS SAV', address: '+33 7 57 00 11 22' });
    const { body } = await test(id);
    expect(body.ok).toBe(true);
    expect(check(body, 'twilio_account').detail).toBe(`Twilio (${twilio.url}) accepte les identifiants : compte « Comptoir test account » actif (Full).`);
    expect(check(body, 'sms_sender')).toMatchObject({ ok: true, detail: 'Les SMS partent de +33757001122, le numéro de ce compte.' });
    expect(check(body, 'sms_webhook')).toMatchObject({ ok: true, detail: `Dans la console Twilio, réglez « A message comes in » du numéro +33 7 57 00 11 22 sur ${h.ctx.config.http.publicUrl}/api/v1/channels/sms/${id}/inbound (HTTP POST) ; aucun SMS n’est encore arrivé.` });

    twilio.setAccountStatus('suspended');
    expect(check((await test(id, 'en')).body, 'twilio_account')).toMatchObject({ ok: false, detail: expect.stringContaining('the account “Comptoir test account” is suspended') });
    twilio.setAccountStatus('active');
  });

  it('says when Twilio refuses the token, when the number is another, and when Twilio is not configured', async () => {
    const config = h.ctx.config;
    const twilioConfig = config.outbound.sms.twilio!;
    const withToken = (authToken: string) => ({ ...h.ctx, config: { ...config, outbound: { ...config.outbound, sms: { ...config.outbound.sms, twilio: { ...twilioConfig, authToken } } } } });
    const refused = await checkSmsAccount(withToken('0123456789abcdef0123'), { id: '0195f1c2-0000-7000-8000-000000000000', address: '+33611223344' }, 'fr');
    expect(refused[0]).toMatchObject({ name: 'twilio_account', ok: false });
    expect(refused[0]!.detail).toBe(`Twilio (${twilio.url}) refuse les identifiants du compte ${twilio.accountSid} : auth (20003): Authenticate`);
    expect(refused[1]).toMatchObject({ name: 'sms_sender', ok: false, detail: 'Les SMS partent de +33757001122 (COMPTOIR_TWILIO_FROM), pas de +33611223344 : les clients ne reconnaîtront pas ce numéro.' });

    const none = { ...h.ctx, config: { ...config, outbound: { ...config.outbound, sms: { ...config.outbound.sms, twilio: null } } } };
    expect(await checkSmsAccount(none, { id: '0195f1c2-0000-7000-8000-000000000000', address: '+33611223344' }, 'en')).toEqual([
      { name: 'twilio_account', label: 'Twilio account', ok: false, detail: 'Twilio is not configured on this server (COMPTOIR_TWILIO_ACCOUNT_SID and COMPTOIR_TWILIO_AUTH_TOKEN): no SMS leaves.' },
    ]);
  });
});

describe('accounts nothing can log in to', () => {
  it('a chat widget: its allowed sites, its hours, and whether anyone can answer', async () => {
    const empty = await buildTeam(h.ctx, { slug: 'chat-vide', name: 'Chat du soir' });
    const id = await account({ channel: 'chat', name: 'Chat boutique', address: 'boutique', teamId: empty.id, settings: { allowedOrigins: ['https://www.jardin.test'] } });
    const { body } = await test(id);
    expect(check(body, 'chat_origins')).toMatchObject({ ok: true, detail: 'Le widget (https://sav.jardin.test/chat/widget.js, clé « boutique ») peut être intégré sur : https://www.jardin.test.' });
    expect(check(body, 'chat_hours').ok).toBe(true);
    expect(check(body, 'chat_agents')).toMatchObject({ ok: false, detail: 'Personne ne peut répondre (Chat du soir) : ajoutez des agents à l’équipe.' });
    expect(body.ok).toBe(false);

    const agent = await h.userClient('agent');
    await admin.patch(`/api/v1/teams/${empty.id}`, { memberIds: [agent.userId] });
    const staffed = await test(id, 'en');
    expect(check(staffed.body, 'chat_agents')).toMatchObject({ ok: true, detail: '1 agent(s) can answer (Chat du soir), 0 of them connected now.' });
  });

  it('a phone line: its secret, the webhook address, the extensions', async () => {
    const id = await account({ channel: 'phone', name: 'Standard', address: '+33170000000', secrets: { webhookSecret: 'a-shared-secret-of-32-characters!' } });
    const { body } = await test(id);
    expect(body.ok).toBe(true);
    expect(body.checks).toEqual([
      { name: 'phone_secret', label: 'Secret du webhook', ok: true, detail: 'Un secret partagé de 33 caractères est enregistré : chaque événement doit être signé avec lui (HMAC-SHA256).' },
      { name: 'phone_webhook', label: 'Adresse du webhook', ok: true, detail: `Le standard doit envoyer ses événements à https://sav.jardin.test/api/v1/channels/phone/${id}/events ; aucun n’est encore arrivé.` },
      { name: 'phone_extensions', label: 'Postes des agents', ok: true, detail: 'Aucun agent n’a de poste : les appels s’affichent à l’équipe de la ligne, sans ouvrir d’écran.' },
    ]);
  });
});

describe('who may test', () => {
  it('admins only; an unknown account is a 404; every test is audited', async () => {
    const id = await account({ channel: 'sms', name: 'SMS audit', address: '+33757001122', storeId: null });
    for (const role of ['manager', 'agent'] as const) {
      const client = await h.userClient(role);
      expect((await test(id, 'fr', client)).status).toBe(403);
    }
    expect((await test('0193e5a0-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await test(id)).status).toBe(200);
    const audit = (await admin.get(`/api/v1/audit?action=channel_account.tested&targetId=${id}`)).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: admin.userId, targetType: 'channel_account', details: { ok: true, failed: [] } });
  });
});
