// Looking up a customer's past orders in the Shopify shops, on demand (an agent opens a customer
// who wrote before their orders were ever sent to us): each active Shopify source with an access
// token is asked for the orders of each of the customer's e-mail addresses, and what it finds is
// ingested like a webhook's order (the same gids: nothing is doubled). One shop failing does
// not hide the others' orders: each source says how it went.
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../context.ts';
import { asProviderError } from '../../../channels/provider-errors.ts';
import { requirePermission, type Actor } from '../../access/actor.ts';
import { customerIdentity } from '../../customers/customers.schema.ts';
import { loadCustomer } from '../../customers/customers.service.ts';
import { orderSource } from '../commerce.schema.ts';
import type { BackfillDto } from '../commerce.contract.ts';
import { shopifySecrets, shopifySettings, sourceTimeZone } from '../order-sources.kinds.ts';
import { markSourceFailing, sourceSecrets } from '../order-sources.service.ts';
import { ingestOrders, type OrderSourceRow } from '../orders.ingest.ts';
import { ShopifyGraphql, type ShopifyApiOptions } from './shopify.graphql.ts';
import { orderFromGraphql } from './shopify.order.ts';

/** The source's Admin API client, or null when it has no access token. */
export function shopifyClientFor(ctx: Pick<Ctx, 'secrets' | 'clock'>, source: OrderSourceRow, options: Partial<ShopifyApiOptions> = {}): ShopifyGraphql | null {
  const settings = shopifySettings.parse(source.settings);
  const secrets = shopifySecrets.safeParse(sourceSecrets(ctx, source)).data;
  if (!secrets?.accessToken) return null;
  return new ShopifyGraphql({
    baseUrl: settings.apiBaseUrl ?? `https://${settings.shopDomain}`,
    apiVersion: settings.apiVersion,
    accessToken: secrets.accessToken,
    now: () => ctx.clock.now(),
    ...options,
  });
}

export async function backfillCustomerOrders(ctx: Ctx, actor: Actor, customerId: string, options: Partial<ShopifyApiOptions> = {}): Promise<BackfillDto> {
  requirePermission(actor, 'customers.write');
  const who = await loadCustomer(ctx, customerId);
  const emails = (await ctx.db.select({ value: customerIdentity.value }).from(customerIdentity).where(and(eq(customerIdentity.customerId, who.id), eq(customerIdentity.kind, 'email')))).map(
    (i) => i.value,
  );
  const brands = actor.scope.brandIds;
  const sources = (await ctx.db.select().from(orderSource).where(and(eq(orderSource.kind, 'shopify'), inArray(orderSource.state, ['active'])))).filter(
    (s) => !brands || s.brandId === null || brands.includes(s.brandId),
  );
  const items: BackfillDto['items'] = [];
  for (const source of sources) {
    const client = shopifyClientFor(ctx, source, options);
    if (!client) continue;
    const item = { sourceId: source.id, name: source.name, found: 0, created: 0, updated: 0, error: null as string | null };
    try {
      const timeZone = sourceTimeZone(source.settings, ctx.config.defaults.timezone);
      for (const email of emails) {
        const orders = (await client.ordersByEmail(email)).map((node) => orderFromGraphql(node, timeZone));
        item.found += orders.length;
        for (const r of await ingestOrders(ctx, source, orders)) {
          if (r.state === 'created') item.created++;
          else if (r.state === 'updated') item.updated++;
        }
      }
    } catch (error) {
      const failure = asProviderError(error);
      item.error = failure.detail;
      if (failure.code === 'auth') await markSourceFailing(ctx, source.id, `Shopify refuses the access token: ${failure.message}`);
    }
    items.push(item);
  }
  return { customerId: who.id, emails, items };
}
