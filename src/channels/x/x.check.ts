// The connection test of an X account: the access token is accepted and speaks for the
// account's own user (GET /2/users/me: answers would leave from whoever it names), and the
// webhook X must be given (its address, the consumer secret that answers the CRC, when the
// last event came: X's side of the subscription cannot be read with a user token).
import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { registerCatalog, type Language } from '../../platform/i18n/i18n.ts';
import { CHECK_TIMEOUT_MS, connectionCheck, formatInstant } from '../connection-check.ts';
import type { AccountRow, ConnectionCheck } from '../connector.ts';
import { inboundMessage } from '../inbound/inbound.schema.ts';
import { asProviderError } from '../provider-errors.ts';
import { XClient } from './x-client.ts';
import { xSettingsOf, xWebhookPath, type XSecrets } from './x.settings.ts';

registerCatalog({
  fr: {
    'check.x_token': 'Jeton d’accès X',
    'check.x_token.settings': 'Les réglages de ce compte ne donnent pas l’identifiant X et le nom du compte : rien ne peut être vérifié.',
    'check.x_token.missing': 'Aucun jeton d’accès n’est enregistré : aucune réponse ne peut partir sur X.',
    'check.x_token.ok': 'X ({api}) accepte le jeton : il agit pour @{username} ({id}), le compte de la marque.',
    'check.x_token.other': 'X ({api}) accepte le jeton, mais il agit pour @{username} ({id}) et non pour @{handle} ({userId}) : les réponses partiraient d’un autre compte.',
    'check.x_token.refused': 'X ({api}) refuse le jeton : {reason}',
    'check.x_token.failed': 'X ({api}) ne répond pas correctement : {reason}',
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
    'check.x_token.failed': 'X ({api}) does not answer properly: {reason}',
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
    return connectionCheck(lang, 'x_token', false, failure.code === 'auth' ? 'check.x_token.refused' : 'check.x_token.failed', { ...vars, reason: failure.detail });
  }
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
  return [await tokenCheck(ctx, account, secrets, lang), webhook];
}
