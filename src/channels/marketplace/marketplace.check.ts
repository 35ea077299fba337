// The connection test of a marketplace account. Comptoir does not call the relay, it waits for
// its signed messages, so the test says what it can see: the shared secret is set, the address
// the relay must post to (and whether it must date its requests), and when the last message came.
import type { Ctx } from '../../context.ts';
import { registerCatalog, t, type Language } from '../../platform/i18n/i18n.ts';
import { connectionCheck, formatInstant } from '../connection-check.ts';
import type { AccountRow, ConnectionCheck } from '../connector.ts';
import { lastInboundAt } from '../inbound/last-inbound.ts';
import { marketplaceWebhookPath } from './marketplace.routes.ts';
import { marketplaceSettingsOf, type MarketplaceSecrets } from './marketplace.settings.ts';

registerCatalog({
  fr: {
    'check.marketplace_secret': 'Secret du webhook',
    'check.marketplace_secret.ok': 'Un secret partagé de {length} caractères est enregistré : le relais signe chaque message avec lui (HMAC-SHA256).',
    'check.marketplace_secret.missing': 'Aucun secret partagé n’est enregistré : les messages du relais seront refusés.',
    'check.marketplace_webhook': 'Adresse du webhook',
    'check.marketplace_webhook.seen': 'Le relais envoie les messages des acheteurs à {url}{dated} ; le dernier est arrivé le {at}.',
    'check.marketplace_webhook.never': 'Le relais doit envoyer les messages des acheteurs à {url}{dated} ; aucun n’est encore arrivé.',
    'check.marketplace_webhook.dated': ', datés (X-Comptoir-Timestamp)',
  },
  en: {
    'check.marketplace_secret': 'Webhook secret',
    'check.marketplace_secret.ok': 'A shared secret of {length} characters is saved: the relay signs every message with it (HMAC-SHA256).',
    'check.marketplace_secret.missing': 'No shared secret is saved: the relay’s messages will be refused.',
    'check.marketplace_webhook': 'Webhook address',
    'check.marketplace_webhook.seen': 'The relay posts buyers’ messages to {url}{dated}; the last one arrived on {at}.',
    'check.marketplace_webhook.never': 'The relay must post buyers’ messages to {url}{dated}; none has arrived yet.',
    'check.marketplace_webhook.dated': ', dated (X-Comptoir-Timestamp)',
  },
});

export async function checkMarketplaceAccount(ctx: Ctx, account: AccountRow, secrets: Partial<MarketplaceSecrets>, lang: Language): Promise<ConnectionCheck[]> {
  const url = `${ctx.config.http.publicUrl}${marketplaceWebhookPath(account.id)}`;
  const dated = marketplaceSettingsOf(account.settings).requireTimestamp ? t(lang, 'check.marketplace_webhook.dated') : '';
  const last = await lastInboundAt(ctx, account.id);
  const secret = secrets.webhookSecret ?? '';
  return [
    connectionCheck(lang, 'marketplace_secret', secret.length > 0, secret ? 'check.marketplace_secret.ok' : 'check.marketplace_secret.missing', { length: secret.length }),
    last
      ? connectionCheck(lang, 'marketplace_webhook', true, 'check.marketplace_webhook.seen', { url, dated, at: formatInstant(last, lang, ctx.config.defaults.timezone) })
      : connectionCheck(lang, 'marketplace_webhook', true, 'check.marketplace_webhook.never', { url, dated }),
  ];
}
