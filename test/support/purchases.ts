// A purchase to work on: a paid, delivered web-shop order of one product, imported from a file
// source (so a refund is recorded "to be paid" by finance, not sent to Shopify), and linked to
// the case through the API as an agent links it. The workflows' browser tests start from it.
import { orderSource } from '../../src/modules/commerce/commerce.schema.ts';
import { loadSource } from '../../src/modules/commerce/order-sources.service.ts';
import { ingestOrders } from '../../src/modules/commerce/orders.ingest.ts';
import { uuidv7 } from '../../src/platform/ids.ts';
import type { E2eServer } from './e2e-server.ts';

export interface OnePurchase {
  number: string;
  sku: string;
  name: string;
  /** In cents. */
  amount: number;
  purchasedAt: Date;
  deliveredAt: Date;
  customer: { email: string; firstName: string; lastName: string };
}

export async function linkWebShopPurchase(server: E2eServer, c: { id: string; customerId: string }, p: OnePurchase): Promise<void> {
  const sourceId = uuidv7();
  await server.ctx.db.insert(orderSource).values({ id: sourceId, kind: 'file_import', name: 'Boutique en ligne', brandId: server.brandId, salesChannel: 'online', settings: {} });
  await ingestOrders(server.ctx, await loadSource(server.ctx, sourceId), [
    {
      externalId: p.number,
      number: p.number,
      purchasedAt: p.purchasedAt,
      deliveredAt: p.deliveredAt,
      currency: 'EUR',
      totalAmount: p.amount,
      paymentMethod: 'card',
      financialStatus: 'paid',
      fulfillmentStatus: 'fulfilled',
      sourceUpdatedAt: null,
      customer: p.customer,
      lines: [{ externalId: `${p.number}-1`, sku: p.sku, name: p.name, quantity: 1, unitPriceAmount: p.amount, totalAmount: p.amount, deliveredOn: p.deliveredAt.toISOString().slice(0, 10) }],
    },
  ]);
  const agent = await server.apiAs(server.agent.email);
  const orders = await agent.request('GET', `/api/v1/customers/${c.customerId}/orders`);
  const lineId = (orders.body as { items: { lines: { id: string }[] }[] }).items[0]!.lines[0]!.id;
  const linked = await agent.request('POST', `/api/v1/cases/${c.id}/order-lines`, { orderLineId: lineId });
  if (linked.status !== 201) throw new Error(`linking the purchase answered ${linked.status}`);
}
