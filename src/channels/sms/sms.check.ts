// The connection test of an SMS account: Twilio is configured on this server, its API accepts
// the credentials and the account is active (a real fetch of the Account resource at the
// configured API address), SMS leave from the number the account names, and the address
// Twilio must post the number's incoming SMS to (with when the last one came).
import type { Ctx } from '../../context.ts';
import { registerCatalog, type Language } from '../../platform/i18n/i18n.ts';
import { CHECK_TIMEOUT_MS, connectionCheck, formatInstant } from '../connection-check.ts';
import type { AccountRow, ConnectionCheck } from '../connector.ts';
import { lastInboundAt } from '../inbound/last-inbound.ts';
import { asProviderError } from '../provider-errors.ts';
import { smsInboundPath } from './sms.routes.ts';
import { TwilioClient } from './twilio-client.ts';

registerCatalog({
  fr: {
    'check.twilio_account': 'Compte Twilio',
    'check.twilio_account.missing': 'Twilio n’est pas configuré sur ce serveur (COMPTOIR_TWILIO_ACCOUNT_SID et COMPTOIR_TWILIO_AUTH_TOKEN) : aucun SMS ne part.',
    'check.twilio_account.ok': 'Twilio ({api}) accepte les identifiants : compte « {name} » actif ({type}).',
    'check.twilio_account.inactive': 'Twilio ({api}) accepte les identifiants, mais le compte « {name} » est {status} : aucun SMS ne part.',
    'check.twilio_account.refused': 'Twilio ({api}) refuse les identifiants du compte {sid} : {reason}',
    'check.twilio_account.failed': 'Twilio ({api}) ne répond pas correctement : {reason}',
    'check.sms_sender': 'Expéditeur',
    'check.sms_sender.service': 'Le service de messagerie {service} choisit l’expéditeur des SMS.',
    'check.sms_sender.ok': 'Les SMS partent de {from}, le numéro de ce compte.',
    'check.sms_sender.other': 'Les SMS partent de {from} (COMPTOIR_TWILIO_FROM), pas de {address} : les clients ne reconnaîtront pas ce numéro.',
    'check.sms_webhook': 'SMS reçus',
    'check.sms_webhook.seen': 'Twilio envoie les SMS reçus au {address} à {url} ; le dernier est arrivé le {at}.',
    'check.sms_webhook.never': 'Dans la console Twilio, réglez « A message comes in » du numéro {address} sur {url} (HTTP POST) ; aucun SMS n’est encore arrivé.',
  },
  en: {
    'check.twilio_account': 'Twilio account',
    'check.twilio_account.missing': 'Twilio is not configured on this server (COMPTOIR_TWILIO_ACCOUNT_SID and COMPTOIR_TWILIO_AUTH_TOKEN): no SMS leaves.',
    'check.twilio_account.ok': 'Twilio ({api}) accepts the credentials: account “{name}” is active ({type}).',
    'check.twilio_account.inactive': 'Twilio ({api}) accepts the credentials, but the account “{name}” is {status}: no SMS leaves.',
    'check.twilio_account.refused': 'Twilio ({api}) refuses the credentials of account {sid}: {reason}',
    'check.twilio_account.failed': 'Twilio ({api}) does not answer properly: {reason}',
    'check.sms_sender': 'Sender',
    'check.sms_sender.service': 'The messaging service {service} chooses the SMS sender.',
    'check.sms_sender.ok': 'SMS leave from {from}, this account’s number.',
    'check.sms_sender.other': 'SMS leave from {from} (COMPTOIR_TWILIO_FROM), not {address}: customers will not recognise that number.',
    'check.sms_webhook': 'Incoming SMS',
    'check.sms_webhook.seen': 'Twilio posts the SMS sent to {address} to {url}; the last one arrived on {at}.',
    'check.sms_webhook.never': 'In the Twilio console, set “A message comes in” of the number {address} to {url} (HTTP POST); no SMS has arrived yet.',
  },
});

const compact = (number: string) => number.replace(/[\s.-]/g, '');

export async function checkSmsAccount(ctx: Pick<Ctx, 'config' | 'clock' | 'db'>, account: Pick<AccountRow, 'id' | 'address'>, lang: Language): Promise<ConnectionCheck[]> {
  const twilio = ctx.config.outbound.sms.twilio;
  if (!twilio) return [connectionCheck(lang, 'twilio_account', false, 'check.twilio_account.missing')];
  const vars = { api: twilio.apiUrl, sid: twilio.accountSid };
  let accountCheck: ConnectionCheck;
  try {
    const found = await new TwilioClient(twilio, () => ctx.clock.now()).account(CHECK_TIMEOUT_MS);
    const active = found.status === 'active';
    accountCheck = connectionCheck(lang, 'twilio_account', active, active ? 'check.twilio_account.ok' : 'check.twilio_account.inactive', { ...vars, name: found.friendlyName, type: found.type, status: found.status });
  } catch (error) {
    const failure = asProviderError(error);
    accountCheck = connectionCheck(lang, 'twilio_account', false, failure.code === 'auth' ? 'check.twilio_account.refused' : 'check.twilio_account.failed', { ...vars, reason: failure.detail });
  }
  const sender = twilio.messagingServiceSid
    ? connectionCheck(lang, 'sms_sender', true, 'check.sms_sender.service', { service: twilio.messagingServiceSid })
    : compact(twilio.from ?? '') === compact(account.address)
      ? connectionCheck(lang, 'sms_sender', true, 'check.sms_sender.ok', { from: twilio.from ?? '' })
      : connectionCheck(lang, 'sms_sender', false, 'check.sms_sender.other', { from: twilio.from ?? '', address: account.address });
  const url = `${ctx.config.http.publicUrl}${smsInboundPath(account.id)}`;
  const last = await lastInboundAt(ctx, account.id);
  const inbound = last
    ? connectionCheck(lang, 'sms_webhook', true, 'check.sms_webhook.seen', { address: account.address, url, at: formatInstant(last, lang, ctx.config.defaults.timezone) })
    : connectionCheck(lang, 'sms_webhook', true, 'check.sms_webhook.never', { address: account.address, url });
  return [accountCheck, sender, inbound];
}
