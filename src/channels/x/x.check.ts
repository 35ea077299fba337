// The connection test of an X account: the access token is accepted and speaks for the
// account's own user (GET /2/users/me: answers would leave from whoever it names), whether it
// can be renewed and when it expires (X's tokens last two hours: without a refresh token the
// answers stop then), and the webhook X must be given (its address, the consumer secret that
// answers the CRC, when the last event came: X's side of the subscription cannot be read with
// a user token). The test renews nothing: it never changes the account, and a renewal spends
// the refresh token.
import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { registerCatalog, t, type Language } from '../../platform/i18n/i18n.ts';
import { CHECK_TIMEOUT_MS, connectionCheck, formatInstant } from '../connection-check.ts';
import type { AccountRow, ConnectionCheck } from '../connector.ts';
import { inboundMessage } from '../inbound/inbound.schema.ts';
import { asProviderError } from '../provider-errors.ts';
import { XClient } from './x-client.ts';
import { oauthAppOf, tokenStateOf } from './x-token.ts';
import { xSettingsOf, xWebhookPath, type XSecrets } from './x.settings.ts';

registerCatalog({
  fr: {
    'check.x_token': 'Jeton d’accès X',
    'check.x_token.settings': 'Les réglages de ce compte ne donnent pas l’identifiant X et le nom du compte : rien ne peut être vérifié.',
    'check.x_token.missing': 'Aucun jeton d’accès n’est enregistré : aucune réponse ne peut partir sur X.',
    'check.x_token.ok': 'X ({api}) accepte le jeton : il agit pour @{username} ({id}), le compte de la marque.',
    'check.x_token.other': 'X ({api}) accepte le jeton, mais il agit pour @{username} ({id}) et non pour @{handle} ({userId}) : les réponses partiraient d’un autre compte.',
    'check.x_token.refused': 'X ({api}) refuse le jeton : {reason}',
    'check.x_token.refused_renewable': 'X ({api}) refuse le jeton : {reason}. Un jeton de renouvellement est enregistré : Comptoir le renouvellera au prochain envoi.',
    'check.x_token.failed': 'X ({api}) ne répond pas correctement : {reason}',
    'check.x_refresh': 'Renouvellement du jeton',
    'check.x_refresh.missing':
      'Aucun jeton de renouvellement (refreshToken et clientId) n’est enregistré : le jeton d’accès expire au bout de deux heures, puis plus aucune réponse ne part avant qu’un administrateur en enregistre un nouveau. Connectez le compte avec le scope offline.access et enregistrez le refresh token et le Client ID de l’application.',
    'check.x_refresh.valid': 'Renouvellement configuré ({client} {clientId}) : le jeton d’accès expire le {at} et sera renouvelé automatiquement.',
    'check.x_refresh.expired': 'Renouvellement configuré ({client} {clientId}) : le jeton d’accès a expiré le {at} ; il sera renouvelé au prochain envoi.',
    'check.x_refresh.unknown': 'Renouvellement configuré ({client} {clientId}) : l’expiration du jeton d’accès enregistré n’est pas connue (Comptoir ne l’a pas encore renouvelé) ; il sera renouvelé dès que X le refusera.',
    'check.x_refresh.confidential': 'client confidentiel',
    'check.x_refresh.public': 'client public',
    'check.x_webhook': 'Webhook Account Activity',
    'check.x_webhook.missing': 'Aucun consumer secret n’est enregistré : le CRC de X échouera et ses événements seront refusés. Adresse du webhook : {url}',
    'check.x_webhook.seen': 'X doit envoyer les événements de @{handle} à {url} (CRC et signatures avec le consumer secret) ; le dernier est arrivé le {at}.',
    'check.x_webhook.never': 'X doit envoyer les événements de @{handle} à {url} (CRC et signatures avec le consumer secret) ; aucun n’est encore arrivé : enregistrez le webhook et abonnez le compte.',
  },
  en: {
    'check.x_token': 'X access token',
    'check.x_token.settings': 'This account’s settings do not give the X user id and handle: nothing can be checked.',
    'check.x_token.missing': 'No access token is saved: no answer can leave on X.',
    'check.x_token.ok': 'X ({api}) accepts the token: it acts for @{username} ({id}), the brand’s account.',
    'check.x_token.other': 'X ({api}) accepts the token, but it acts for @{username} ({id}), not @{handle} ({userId}): answers would leave from another account.',
    'check.x_token.refused': 'X ({api}) refuses the token: {reason}',
    'check.x_token.refused_renewable': 'X ({api}) refuses the token: {reason}. A refresh token is saved: Comptoir will renew it at the next send.',
    'check.x_token.failed': 'X ({api}) does not answer properly: {reason}',
    'check.x_refresh': 'Token renewal',
    'check.x_refresh.missing':
      'No refresh token (refreshToken and clientId) is saved: the access token expires after two hours, then no answer leaves until an admin saves a new one. Connect the account with the offline.access scope and save the refresh token and the app’s Client ID.',
    'check.x_refresh.valid': 'Renewal is set up ({client} {clientId}): the access token expires on {at} and will be renewed automatically.',
    'check.x_refresh.expired': 'Renewal is set up ({client} {clientId}): the access token expired on {at}; it will be renewed at the next send.',
    'check.x_refresh.unknown': 'Renewal is set up ({client} {clientId}): the saved access token’s expiry is not known (Comptoir has not renewed it yet); it will be renewed as soon as X refuses it.',
    'check.x_refresh.confidential': 'confidential client',
    'check.x_refresh.public': 'public client',
    'check.x_webhook': 'Account Activity webhook',
    'check.x_webhook.missing': 'No consumer secret is saved: X’s CRC will fail and its events will be refused. Webhook address: {url}',
    'check.x_webhook.seen': 'X must send @{handle}’s events to {url} (CRC and signatures with the consumer secret); the last one arrived on {at}.',
    'check.x_webhook.never': 'X must send @{handle}’s events to {url} (CRC and signatures with the consumer secret); none has arrived yet: register the webhook and subscribe the account.',
  },
});

async function tokenCheck(ctx: Pick<Ctx, 'clock'>, account: AccountRow, secrets: Partial<XSecrets>, lang: Language): Promise<ConnectionCheck> {
  const settings = xSettingsOf(account.settings);
  if (!settings) return connectionCheck(lang, 'x_token', false, 'check.x_token.settings');
  if (!secrets.accessToken) return connectionCheck(lang, 'x_token', false, 'check.x_token.missing');
  const vars = { api: settings.apiBaseUrl, handle: settings.handle, userId: settings.userId };
  try {
    const me = await new XClient({ apiBaseUrl: settings.apiBaseUrl, accessToken: secrets.accessToken, now: () => ctx.clock.now() }).me(CHECK_TIMEOUT_MS);
    const ours = me.id === settings.userId;
    return connectionCheck(lang, 'x_token', ours, ours ? 'check.x_token.ok' : 'check.x_token.other', { ...vars, id: me.id, username: me.username });
  } catch (error) {
    const failure = asProviderError(error);
    const refused = failure.code !== 'auth' ? 'check.x_token.failed' : oauthAppOf(secrets) ? 'check.x_token.refused_renewable' : 'check.x_token.refused';
    return connectionCheck(lang, 'x_token', false, refused, { ...vars, reason: failure.detail });
  }
}

/** Whether the token can be renewed, and when the one saved expires (as the last renewal recorded it). */
function refreshCheck(ctx: Pick<Ctx, 'clock' | 'config'>, account: AccountRow, secrets: Partial<XSecrets>, lang: Language): ConnectionCheck {
  const app = oauthAppOf(secrets);
  if (!app) return connectionCheck(lang, 'x_refresh', false, 'check.x_refresh.missing');
  const vars = { client: t(lang, app.clientSecret ? 'check.x_refresh.confidential' : 'check.x_refresh.public'), clientId: app.clientId };
  const state = secrets.accessToken ? tokenStateOf(account.cursor, secrets.accessToken) : null;
  if (!state) return connectionCheck(lang, 'x_refresh', true, 'check.x_refresh.unknown', vars);
  const at = formatInstant(state.expiresAt, lang, ctx.config.defaults.timezone);
  return connectionCheck(lang, 'x_refresh', true, state.expiresAt > ctx.clock.now() ? 'check.x_refresh.valid' : 'check.x_refresh.expired', { ...vars, at });
}

export async function checkXAccount(ctx: Ctx, account: AccountRow, secrets: Partial<XSecrets>, lang: Language): Promise<ConnectionCheck[]> {
  const url = `${ctx.config.http.publicUrl}${xWebhookPath(account.id)}`;
  const handle = xSettingsOf(account.settings)?.handle ?? account.address;
  const [last] = await ctx.db
    .select({ at: inboundMessage.receivedAt })
    .from(inboundMessage)
    .where(eq(inboundMessage.accountId, account.id))
    .orderBy(desc(inboundMessage.receivedAt))
    .limit(1);
  const webhook = !secrets.consumerSecret
    ? connectionCheck(lang, 'x_webhook', false, 'check.x_webhook.missing', { url })
    : last
      ? connectionCheck(lang, 'x_webhook', true, 'check.x_webhook.seen', { url, handle, at: formatInstant(last.at, lang, ctx.config.defaults.timezone) })
      : connectionCheck(lang, 'x_webhook', true, 'check.x_webhook.never', { url, handle });
  return [await tokenCheck(ctx, account, secrets, lang), refreshCheck(ctx, account, secrets, lang), webhook];
}
