// The connection test of a Meta account, for real: the Page answers with its token (and the
// app secret's proof), the Instagram account and the WhatsApp number when connected, and what
// the admin must type into the Meta app: the webhook address, the verify token saved here, the
// fields to subscribe; when the last event arrived.
import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { registerCatalog, type Language } from '../../platform/i18n/i18n.ts';
import { CHECK_TIMEOUT_MS, connectionCheck, formatInstant } from '../connection-check.ts';
import type { AccountRow, ConnectionCheck } from '../connector.ts';
import { inboundMessage } from '../inbound/inbound.schema.ts';
import { asProviderError } from '../provider-errors.ts';
import { graphClientFor, type GraphClient } from './graph-client.ts';
import { metaWebhookPath } from './meta.contract.ts';
import { metaSettingsOf, type MetaSecrets, type MetaSettings } from './meta.settings.ts';

registerCatalog({
  fr: {
    'check.meta_page': 'Page Facebook',
    'check.meta_page.ok': 'La Page « {name} » ({id}) répond avec le jeton de Page et la preuve du secret de l’application.',
    'check.meta_page.missing': 'Aucun jeton de Page n’est enregistré : rien ne peut partir sur Facebook, Messenger ni Instagram.',
    'check.meta_page.refused': 'Meta refuse le jeton de Page ou le secret de l’application pour la Page {id} : {reason}',
    'check.meta_page.failed': 'L’API Graph ({api}) ne répond pas correctement pour la Page {id} : {reason}',
    'check.meta_instagram': 'Compte Instagram',
    'check.meta_instagram.ok': 'Le compte Instagram @{username} ({id}) répond avec le jeton de Page.',
    'check.meta_instagram.failed': 'Le compte Instagram {id} ne répond pas avec le jeton de Page : {reason}',
    'check.meta_whatsapp': 'Numéro WhatsApp',
    'check.meta_whatsapp.ok': 'Le numéro {number} (« {name} », qualité {quality}) répond avec le jeton WhatsApp.',
    'check.meta_whatsapp.missing': 'Le numéro WhatsApp {id} est renseigné mais aucun jeton WhatsApp n’est enregistré : rien ne part sur WhatsApp.',
    'check.meta_whatsapp.failed': 'Le numéro WhatsApp {id} ne répond pas avec le jeton WhatsApp : {reason}',
    'check.meta_webhook': 'Webhook',
    'check.meta_webhook.todo': 'Dans l’application Meta (Webhooks), l’URL de rappel est {url} et le jeton de vérification celui enregistré sur ce compte. Abonnez {fields}.',
    'check.meta_webhook.seen': '{todo} Le dernier événement est arrivé le {at}.',
    'check.meta_webhook.never': '{todo} Aucun événement n’est encore arrivé.',
    'check.meta_webhook.secrets': 'Le secret de l’application et le jeton de vérification doivent être enregistrés : sans eux, Meta ne peut pas vérifier l’adresse et chaque envoi est refusé.',
  },
  en: {
    'check.meta_page': 'Facebook Page',
    'check.meta_page.ok': 'The Page “{name}” ({id}) answers with the Page token and the app secret’s proof.',
    'check.meta_page.missing': 'No Page token is saved: nothing can go on Facebook, Messenger or Instagram.',
    'check.meta_page.refused': 'Meta refuses the Page token or the app secret for the Page {id}: {reason}',
    'check.meta_page.failed': 'The Graph API ({api}) does not answer properly for the Page {id}: {reason}',
    'check.meta_instagram': 'Instagram account',
    'check.meta_instagram.ok': 'The Instagram account @{username} ({id}) answers with the Page token.',
    'check.meta_instagram.failed': 'The Instagram account {id} does not answer with the Page token: {reason}',
    'check.meta_whatsapp': 'WhatsApp number',
    'check.meta_whatsapp.ok': 'The number {number} (“{name}”, quality {quality}) answers with the WhatsApp token.',
    'check.meta_whatsapp.missing': 'The WhatsApp number {id} is set but no WhatsApp token is saved: nothing goes on WhatsApp.',
    'check.meta_whatsapp.failed': 'The WhatsApp number {id} does not answer with the WhatsApp token: {reason}',
    'check.meta_webhook': 'Webhook',
    'check.meta_webhook.todo': 'In the Meta app (Webhooks), the callback URL is {url} and the verify token the one saved on this account. Subscribe {fields}.',
    'check.meta_webhook.seen': '{todo} The last event arrived on {at}.',
    'check.meta_webhook.never': '{todo} No event has arrived yet.',
    'check.meta_webhook.secrets': 'The app secret and the verify token must be saved: without them Meta cannot verify the address and every delivery is refused.',
  },
});

/** What to subscribe, per object, for what this account connects (Meta's names, French punctuation in French). */
function fieldsToSubscribe(settings: MetaSettings, lang: Language): string {
  const colon = lang === 'fr' ? ' : ' : ': ';
  return [
    `Page${colon}feed, messages, messaging_postbacks, message_deliveries, message_reads`,
    ...(settings.instagramId ? [`Instagram${colon}messages, comments`] : []),
    ...(settings.whatsappPhoneNumberId ? [`WhatsApp Business Account${colon}messages`] : []),
  ].join(' ; ');
}

async function lookup(graph: GraphClient, id: string, token: string, fields: string): Promise<{ ok: true; found: Record<string, string> } | { ok: false; code: string; reason: string }> {
  try {
    return { ok: true, found: await graph.get<Record<string, string>>(id, token, { fields }, CHECK_TIMEOUT_MS) };
  } catch (error) {
    const failure = asProviderError(error);
    return { ok: false, code: failure.code, reason: failure.detail };
  }
}

export async function checkMetaAccount(ctx: Ctx, account: AccountRow, secrets: Partial<MetaSecrets>, lang: Language): Promise<ConnectionCheck[]> {
  const settings = metaSettingsOf(account.settings);
  const graph = graphClientFor(ctx, settings, secrets);
  const checks: ConnectionCheck[] = [];

  const pageVars = { id: settings.pageId, api: settings.apiBaseUrl };
  if (!secrets.pageAccessToken) checks.push(connectionCheck(lang, 'meta_page', false, 'check.meta_page.missing'));
  else {
    const page = await lookup(graph, settings.pageId, secrets.pageAccessToken, 'name');
    checks.push(
      page.ok
        ? connectionCheck(lang, 'meta_page', true, 'check.meta_page.ok', { ...pageVars, name: page.found.name ?? '' })
        : connectionCheck(lang, 'meta_page', false, page.code === 'auth' ? 'check.meta_page.refused' : 'check.meta_page.failed', { ...pageVars, reason: page.reason }),
    );
    if (settings.instagramId) {
      const ig = await lookup(graph, settings.instagramId, secrets.pageAccessToken, 'username');
      checks.push(
        ig.ok
          ? connectionCheck(lang, 'meta_instagram', true, 'check.meta_instagram.ok', { id: settings.instagramId, username: ig.found.username ?? '' })
          : connectionCheck(lang, 'meta_instagram', false, 'check.meta_instagram.failed', { id: settings.instagramId, reason: ig.reason }),
      );
    }
  }

  if (settings.whatsappPhoneNumberId) {
    const id = settings.whatsappPhoneNumberId;
    if (!secrets.whatsappToken) checks.push(connectionCheck(lang, 'meta_whatsapp', false, 'check.meta_whatsapp.missing', { id }));
    else {
      const number = await lookup(graph, id, secrets.whatsappToken, 'display_phone_number,verified_name,quality_rating');
      checks.push(
        number.ok
          ? connectionCheck(lang, 'meta_whatsapp', true, 'check.meta_whatsapp.ok', { number: number.found.display_phone_number ?? id, name: number.found.verified_name ?? '', quality: number.found.quality_rating ?? '?' })
          : connectionCheck(lang, 'meta_whatsapp', false, 'check.meta_whatsapp.failed', { id, reason: number.reason }),
      );
    }
  }

  const [last] = await ctx.db.select({ at: inboundMessage.receivedAt }).from(inboundMessage).where(eq(inboundMessage.accountId, account.id)).orderBy(desc(inboundMessage.receivedAt)).limit(1);
  const todo = connectionCheck(lang, 'meta_webhook', true, 'check.meta_webhook.todo', { url: `${ctx.config.http.publicUrl}${metaWebhookPath(account.id)}`, fields: fieldsToSubscribe(settings, lang) }).detail;
  if (!secrets.appSecret || !secrets.verifyToken) checks.push(connectionCheck(lang, 'meta_webhook', false, 'check.meta_webhook.secrets'));
  else
    checks.push(
      last
        ? connectionCheck(lang, 'meta_webhook', true, 'check.meta_webhook.seen', { todo, at: formatInstant(last.at, lang, ctx.config.defaults.timezone) })
        : connectionCheck(lang, 'meta_webhook', true, 'check.meta_webhook.never', { todo }),
    );
  return checks;
}
