// The connection test of a phone line. Comptoir does not call the telephony system, it waits
// for its signed webhooks, so the test says what it can see: the shared secret is set, the
// address the system must post to, when the last event came, and which agents have an
// extension for the screen pop.
import { desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { registerCatalog, type Language } from '../../platform/i18n/i18n.ts';
import { connectionCheck, formatInstant } from '../connection-check.ts';
import type { AccountRow, ConnectionCheck } from '../connector.ts';
import { inboundMessage } from '../inbound/inbound.schema.ts';
import type { PhoneSecrets } from './phone.settings.ts';
import { phoneExtension } from './phone.schema.ts';

registerCatalog({
  fr: {
    'check.phone_secret': 'Secret du webhook',
    'check.phone_secret.ok': 'Un secret partagé de {length} caractères est enregistré : chaque événement doit être signé avec lui (HMAC-SHA256).',
    'check.phone_secret.missing': 'Aucun secret partagé n’est enregistré : les événements du standard seront refusés.',
    'check.phone_webhook': 'Adresse du webhook',
    'check.phone_webhook.seen': 'Le standard envoie ses événements à {url} ; le dernier est arrivé le {at}.',
    'check.phone_webhook.never': 'Le standard doit envoyer ses événements à {url} ; aucun n’est encore arrivé.',
    'check.phone_extensions': 'Postes des agents',
    'check.phone_extensions.some': '{count} agent(s) ont un poste : leur écran s’ouvre quand leur poste sonne.',
    'check.phone_extensions.none': 'Aucun agent n’a de poste : les appels s’affichent à l’équipe de la ligne, sans ouvrir d’écran.',
  },
  en: {
    'check.phone_secret': 'Webhook secret',
    'check.phone_secret.ok': 'A shared secret of {length} characters is saved: every event must be signed with it (HMAC-SHA256).',
    'check.phone_secret.missing': 'No shared secret is saved: the telephony system’s events will be refused.',
    'check.phone_webhook': 'Webhook address',
    'check.phone_webhook.seen': 'The telephony system posts its events to {url}; the last one arrived on {at}.',
    'check.phone_webhook.never': 'The telephony system must post its events to {url}; none has arrived yet.',
    'check.phone_extensions': 'Agents’ extensions',
    'check.phone_extensions.some': '{count} agent(s) have an extension: their screen opens when it rings.',
    'check.phone_extensions.none': 'No agent has an extension: calls show to the line’s team without opening a screen.',
  },
});

export async function checkPhoneLine(ctx: Ctx, account: AccountRow, secrets: Partial<PhoneSecrets>, lang: Language): Promise<ConnectionCheck[]> {
  const url = `${ctx.config.http.publicUrl}/api/v1/channels/phone/${account.id}/events`;
  const [last] = await ctx.db
    .select({ at: inboundMessage.receivedAt })
    .from(inboundMessage)
    .where(eq(inboundMessage.accountId, account.id))
    .orderBy(desc(inboundMessage.receivedAt))
    .limit(1);
  const [extensions] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(phoneExtension);
  const secret = secrets.webhookSecret ?? '';
  const count = extensions?.n ?? 0;
  return [
    connectionCheck(lang, 'phone_secret', secret.length > 0, secret ? 'check.phone_secret.ok' : 'check.phone_secret.missing', { length: secret.length }),
    last
      ? connectionCheck(lang, 'phone_webhook', true, 'check.phone_webhook.seen', { url, at: formatInstant(last.at, lang, ctx.config.defaults.timezone) })
      : connectionCheck(lang, 'phone_webhook', true, 'check.phone_webhook.never', { url }),
    connectionCheck(lang, 'phone_extensions', true, count > 0 ? 'check.phone_extensions.some' : 'check.phone_extensions.none', { count }),
  ];
}
