// The connection test of an e-mail account, done for real: log in to its IMAP mailbox and open
// its folder (imapflow), or say how its mail reaches the SMTP server Comptoir runs; then connect
// and authenticate to the relay customers' mail leaves by (nodemailer's verify()). A refused
// password comes back with the server's own answer.
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import type { Ctx } from '../../context.ts';
import type { MailTransportConfig } from '../../platform/config-outbound.ts';
import { registerCatalog, type Language } from '../../platform/i18n/i18n.ts';
import { CHECK_TIMEOUT_MS, connectionCheck, failureText } from '../connection-check.ts';
import type { AccountRow, ConnectionCheck } from '../connector.ts';
import type { EmailSecrets, EmailSettings } from './email.settings.ts';
import { isAuthFailure } from './imap-poller.ts';
import { smtpError } from './smtp-errors.ts';

registerCatalog({
  fr: {
    'check.imap': 'Boîte IMAP',
    'check.imap.ok': 'Connecté à {server} en tant que {user} ; le dossier « {folder} » contient {count} message(s).',
    'check.imap.refused': 'Le serveur {server} refuse l’identifiant {user} ou son mot de passe : {reason}',
    'check.imap.noPassword': 'Aucun mot de passe IMAP n’est enregistré pour {user}.',
    'check.imap.folder': 'Connecté à {server}, mais le dossier « {folder} » est introuvable : {reason}',
    'check.imap.unreachable': 'Impossible de joindre {server} : {reason}',
    'check.smtp_inbound': 'Réception par SMTP',
    'check.smtp_inbound.ok': 'Comptoir reçoit le courrier adressé à {address} sur son serveur SMTP (port {port}) : votre relais ou vos MX doivent l’y transférer.',
    'check.smtp_inbound.off': 'Ni boîte IMAP ni serveur SMTP entrant (COMPTOIR_SMTP_INBOUND_PORT=0) : le courrier adressé à {address} n’arrive pas.',
    'check.smtp_relay': 'Relais d’envoi SMTP',
    'check.smtp_relay.ok': 'Le relais {server} accepte la connexion et l’authentification : les réponses partent de « {from} ».',
    'check.smtp_relay.refused': 'Le relais {server} refuse les identifiants de COMPTOIR_SMTP_URL : {reason}',
    'check.smtp_relay.unreachable': 'Le relais {server} ne répond pas correctement : {reason}',
    'check.smtp_relay.file': 'Aucun relais SMTP configuré (COMPTOIR_SMTP_URL) : les e-mails sont écrits dans le dossier {dir} et n’atteignent pas les clients.',
  },
  en: {
    'check.imap': 'IMAP mailbox',
    'check.imap.ok': 'Connected to {server} as {user}; the “{folder}” folder holds {count} message(s).',
    'check.imap.refused': 'The server {server} refuses the login {user} or its password: {reason}',
    'check.imap.noPassword': 'No IMAP password is saved for {user}.',
    'check.imap.folder': 'Connected to {server}, but the “{folder}” folder cannot be found: {reason}',
    'check.imap.unreachable': 'Cannot reach {server}: {reason}',
    'check.smtp_inbound': 'Receiving by SMTP',
    'check.smtp_inbound.ok': 'Comptoir receives mail for {address} on its SMTP server (port {port}): your relay or MX must forward it there.',
    'check.smtp_inbound.off': 'Neither an IMAP mailbox nor the inbound SMTP server (COMPTOIR_SMTP_INBOUND_PORT=0): mail for {address} does not arrive.',
    'check.smtp_relay': 'Outgoing SMTP relay',
    'check.smtp_relay.ok': 'The relay {server} accepts the connection and the login: replies leave from “{from}”.',
    'check.smtp_relay.refused': 'The relay {server} refuses the credentials in COMPTOIR_SMTP_URL: {reason}',
    'check.smtp_relay.unreachable': 'The relay {server} does not answer properly: {reason}',
    'check.smtp_relay.file': 'No SMTP relay is configured (COMPTOIR_SMTP_URL): e-mails are written to the folder {dir} and never reach customers.',
  },
});

type Imap = NonNullable<EmailSettings['imap']>;

export async function checkImap(imap: Imap, password: string | undefined, lang: Language): Promise<ConnectionCheck> {
  const vars = { server: `${imap.host}:${imap.port}`, user: imap.user, folder: imap.folder };
  if (!password) return connectionCheck(lang, 'imap', false, 'check.imap.noPassword', vars);
  const client = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: imap.secure,
    auth: { user: imap.user, pass: password },
    logger: false,
    connectionTimeout: CHECK_TIMEOUT_MS,
    greetingTimeout: CHECK_TIMEOUT_MS,
    socketTimeout: CHECK_TIMEOUT_MS * 2,
  });
  // A failed connection also emits 'error'; without a listener it would be thrown at the process.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    return connectionCheck(lang, 'imap', false, isAuthFailure(error) ? 'check.imap.refused' : 'check.imap.unreachable', { ...vars, reason: failureText(error) });
  }
  try {
    const status = await client.status(imap.folder, { messages: true });
    return connectionCheck(lang, 'imap', true, 'check.imap.ok', { ...vars, count: (status && status.messages) || 0 });
  } catch (error) {
    return connectionCheck(lang, 'imap', false, 'check.imap.folder', { ...vars, reason: failureText(error) });
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** host:port of a relay URL, never its credentials. */
function relayName(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol === 'smtps:' ? '465' : '587')}`;
}

export async function checkRelay(transport: MailTransportConfig, from: string, lang: Language): Promise<ConnectionCheck> {
  if (transport.kind === 'file') return connectionCheck(lang, 'smtp_relay', false, 'check.smtp_relay.file', { dir: transport.dir });
  const server = relayName(transport.url);
  const smtp = nodemailer.createTransport({ url: transport.url, connectionTimeout: CHECK_TIMEOUT_MS, greetingTimeout: CHECK_TIMEOUT_MS, socketTimeout: CHECK_TIMEOUT_MS });
  try {
    await smtp.verify();
    return connectionCheck(lang, 'smtp_relay', true, 'check.smtp_relay.ok', { server, from });
  } catch (error) {
    const refused = smtpError(error).code === 'auth';
    return connectionCheck(lang, 'smtp_relay', false, refused ? 'check.smtp_relay.refused' : 'check.smtp_relay.unreachable', { server, reason: failureText(error) });
  } finally {
    smtp.close();
  }
}

export async function checkEmailAccount(ctx: Ctx, account: AccountRow, settings: EmailSettings, secrets: EmailSecrets, lang: Language): Promise<ConnectionCheck[]> {
  const inbound = ctx.config.email.smtpServer.port;
  const receiving = settings.imap
    ? checkImap(settings.imap, secrets.imapPassword, lang)
    : Promise.resolve(connectionCheck(lang, 'smtp_inbound', inbound > 0, inbound > 0 ? 'check.smtp_inbound.ok' : 'check.smtp_inbound.off', { address: account.address, port: inbound }));
  return Promise.all([receiving, checkRelay(ctx.config.outbound.mail.transport, ctx.config.outbound.mail.from, lang)]);
}
