// POST /order-sources/{id}/test: checks for real that a source can work — Shopify's Admin API
// takes the access token, PrestaShop's webservice takes the key — and says where the shop must
// send its webhooks and when the last one came. Each check in the admin's language; the test is
// audited, the source never changed by it.
import { sql } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { registerCatalog, type Language } from '../../platform/i18n/i18n.ts';
import { CHECK_TIMEOUT_MS, connectionCheck, formatInstant } from '../../channels/connection-check.ts';
import type { ConnectionCheck } from '../../channels/connector.ts';
import { asProviderError } from '../../channels/provider-errors.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ConnectionTestDto } from '../../channels/accounts/accounts.contract.ts';
import { loadSource, presentSource } from './order-sources.service.ts';
import type { OrderSourceRow } from './orders.ingest.ts';
import { clientFor as prestashopClient } from './prestashop/prestashop.poll.ts';
import { shopifyClientFor } from './shopify/shopify.backfill.ts';

registerCatalog({
  fr: {
    'check.shopify_api': 'API Admin Shopify',
    'check.shopify_api.ok': 'Shopify accepte le jeton : boutique « {name} » ({domain}). Les commandes d’un client peuvent être recherchées.',
    'check.shopify_api.none': 'Aucun jeton d’accès : les webhooks suffisent aux nouvelles commandes, mais les commandes passées d’un client ne peuvent pas être recherchées.',
    'check.shopify_api.refused': 'Shopify refuse le jeton d’accès : {reason}',
    'check.shopify_api.failed': 'Shopify ({url}) ne répond pas correctement : {reason}',
    'check.shop_webhook': 'Webhooks',
    'check.shop_webhook.seen': 'La boutique envoie ses webhooks ({topics}) à {url} ; le dernier est arrivé le {at}.',
    'check.shop_webhook.never': 'Dans la boutique, envoyez les webhooks ({topics}) à {url} ; aucun n’est encore arrivé.',
    'check.prestashop_webservice': 'Webservice PrestaShop',
    'check.prestashop_webservice.ok': 'Le webservice de {url} accepte la clé et lit les commandes.',
    'check.prestashop_webservice.refused': 'Le webservice de {url} refuse la clé : {reason}',
    'check.prestashop_webservice.failed': 'Le webservice de {url} ne répond pas correctement : {reason}',
    'check.prestashop_cursor': 'Lecture des commandes',
    'check.prestashop_cursor.read': 'Les commandes modifiées jusqu’au {at} (heure de la boutique) sont lues ; la suite l’est toutes les 5 minutes.',
    'check.prestashop_cursor.never': 'Aucune commande lue pour l’instant : la lecture a lieu toutes les 5 minutes.',
  },
  en: {
    'check.shopify_api': 'Shopify Admin API',
    'check.shopify_api.ok': 'Shopify accepts the token: shop “{name}” ({domain}). A customer’s orders can be looked up.',
    'check.shopify_api.none': 'No access token: webhooks bring new orders, but a customer’s past orders cannot be looked up.',
    'check.shopify_api.refused': 'Shopify refuses the access token: {reason}',
    'check.shopify_api.failed': 'Shopify ({url}) does not answer properly: {reason}',
    'check.shop_webhook': 'Webhooks',
    'check.shop_webhook.seen': 'The shop sends its webhooks ({topics}) to {url}; the last one arrived on {at}.',
    'check.shop_webhook.never': 'In the shop, send the webhooks ({topics}) to {url}; none has arrived yet.',
    'check.prestashop_webservice': 'PrestaShop webservice',
    'check.prestashop_webservice.ok': 'The webservice of {url} accepts the key and reads orders.',
    'check.prestashop_webservice.refused': 'The webservice of {url} refuses the key: {reason}',
    'check.prestashop_webservice.failed': 'The webservice of {url} does not answer properly: {reason}',
    'check.prestashop_cursor': 'Reading orders',
    'check.prestashop_cursor.read': 'Orders changed up to {at} (the shop’s time) are read; the rest is read every 5 minutes.',
    'check.prestashop_cursor.never': 'No order read yet: reading happens every 5 minutes.',
  },
});

const TOPICS: Record<string, string> = {
  shopify: 'orders/create, orders/updated, orders/fulfilled, customers/create, customers/update',
  woocommerce: 'order.created, order.updated',
};

async function webhookCheck(ctx: Ctx, source: OrderSourceRow, lang: Language): Promise<ConnectionCheck> {
  const [last] = await queryRows<{ at: Date | string | null }>(ctx.db, sql`SELECT max(received_at) AS at FROM order_webhook WHERE source_id = ${source.id}`);
  const vars = { url: presentSource(ctx, source).webhookUrl ?? '', topics: TOPICS[source.kind] ?? '' };
  return last?.at
    ? connectionCheck(lang, 'shop_webhook', true, 'check.shop_webhook.seen', { ...vars, at: formatInstant(new Date(last.at), lang, ctx.config.defaults.timezone) })
    : connectionCheck(lang, 'shop_webhook', true, 'check.shop_webhook.never', vars);
}

async function shopifyChecks(ctx: Ctx, source: OrderSourceRow, lang: Language): Promise<ConnectionCheck[]> {
  const client = shopifyClientFor(ctx, source, { maxWaitMs: CHECK_TIMEOUT_MS, timeoutMs: CHECK_TIMEOUT_MS });
  let api: ConnectionCheck;
  if (!client) api = connectionCheck(lang, 'shopify_api', true, 'check.shopify_api.none');
  else {
    try {
      const shop = await client.shop();
      api = connectionCheck(lang, 'shopify_api', true, 'check.shopify_api.ok', { name: shop.name, domain: shop.myshopifyDomain });
    } catch (error) {
      const failure = asProviderError(error);
      api = connectionCheck(lang, 'shopify_api', false, failure.code === 'auth' ? 'check.shopify_api.refused' : 'check.shopify_api.failed', { reason: failure.detail, url: client.endpoint });
    }
  }
  return [api, await webhookCheck(ctx, source, lang)];
}

async function prestashopChecks(ctx: Ctx, source: OrderSourceRow, lang: Language): Promise<ConnectionCheck[]> {
  const client = prestashopClient(ctx, source);
  const url = String(source.settings.shopUrl ?? '');
  let webservice: ConnectionCheck;
  try {
    await client.list('orders', { display: '[id]', limit: '0,1' });
    webservice = connectionCheck(lang, 'prestashop_webservice', true, 'check.prestashop_webservice.ok', { url });
  } catch (error) {
    const failure = asProviderError(error);
    webservice = connectionCheck(lang, 'prestashop_webservice', false, failure.code === 'auth' ? 'check.prestashop_webservice.refused' : 'check.prestashop_webservice.failed', { url, reason: failure.detail });
  }
  const at = typeof source.cursor.dateUpd === 'string' ? source.cursor.dateUpd : null;
  const cursor = at ? connectionCheck(lang, 'prestashop_cursor', true, 'check.prestashop_cursor.read', { at }) : connectionCheck(lang, 'prestashop_cursor', true, 'check.prestashop_cursor.never');
  return [webservice, cursor];
}

export async function testOrderSource(ctx: Ctx, actor: Actor, id: string, lang: Language): Promise<ConnectionTestDto> {
  requirePermission(actor, 'org.manage');
  const source = await loadSource(ctx, id);
  const checks =
    source.kind === 'shopify'
      ? await shopifyChecks(ctx, source, lang)
      : source.kind === 'prestashop'
        ? await prestashopChecks(ctx, source, lang)
        : source.kind === 'woocommerce'
          ? [await webhookCheck(ctx, source, lang)]
          : [connectionCheck(lang, 'connector', false, 'check.connector.none', { channel: source.kind })];
  const ok = checks.every((c) => c.ok);
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, actor, { action: 'order_source.tested', targetType: 'order_source', targetId: id, details: { ok, failed: checks.filter((c) => !c.ok).map((c) => c.name) } }),
  );
  return { ok, checks };
}
