// Shopify end to end against the fake: the signed webhook (stored once per X-Shopify-Webhook-Id
// before anything else, refused unsigned or from another shop with nothing stored), the order
// it brings (lines, products by SKU, the customer found or made, gids kept exactly), an older
// version arriving late changing nothing, the delivery date from orders/fulfilled, the
// customers topic, and the GraphQL lookup of a customer's past orders through the throttle.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asInjection, connectFakeShop, startFakeShopify, type FakeShopify, type FakeShopifyOrder } from '../../../../test/fakes/shopify.ts';
import { startHarness, type Client, type Harness } from '../../../../test/support/harness.ts';
import { queryRows } from '../../../platform/db/database.ts';

let h: Harness;
let shop: FakeShopify;
let admin: Client;
let agent: Client;
let sourceId: string;
let webhook: string;

beforeAll(async () => {
  h = await startHarness();
  shop = await startFakeShopify({ bucket: { maximumAvailable: 120, restoreRate: 400 } });
  admin = await h.userClient('admin');
  agent = await h.userClient('agent');
  ({ sourceId, webhookUrl: webhook } = await connectFakeShop(admin, shop));
});
afterAll(async () => {
  expect(shop?.unexpected ?? []).toEqual([]);
  await shop?.close();
  await h?.close();
});

let counter = 0;
function anOrder(over: Partial<FakeShopifyOrder> = {}): FakeShopifyOrder {
  counter++;
  return {
    id: `56789012345678${90000 + counter}`,
    orderNumber: 1000 + counter,
    email: `client.${counter}@exemple.fr`,
    customer: { id: `72345678901234${50000 + counter}`, email: `client.${counter}@exemple.fr`, firstName: 'Claire', lastName: `Martin ${counter}` },
    createdAt: '2026-03-02T10:00:00+01:00',
    updatedAt: '2026-03-02T10:00:00+01:00',
    currency: 'EUR',
    financialStatus: 'paid',
    fulfillmentStatus: null,
    gateway: 'shopify_payments',
    lines: [
      { id: `92345678901234${50000 + counter}1`, title: 'Tondeuse Gardena PowerMax 37E', sku: 'GAR-5041', quantity: 1, price: '199.00', vendor: 'Gardena' },
      { id: `92345678901234${50000 + counter}2`, title: 'Lame de rechange', sku: `GAR-41${counter}`, quantity: 2, price: '19.95' },
    ],
    fulfillments: [],
    ...over,
  };
}

const send = (signed: ReturnType<FakeShopify['webhook']>, headers: Record<string, string> = {}) => h.app.inject(asInjection(signed, headers));
const deliveries = (webhookId: string) =>
  queryRows<{ id: string; state: string; detail: string | null; topic: string }>(h.ctx.db, sql`SELECT id, state, detail, topic FROM order_webhook WHERE delivery_id = ${webhookId}`);
const orderRow = (gid: string) =>
  queryRows<{ id: string; number: string; customer_id: string | null; total_amount: number; delivered_at: Date | null; fulfillment_status: string | null; source_updated_at: Date }>(
    h.ctx.db,
    sql`SELECT id, number, customer_id, total_amount::int AS total_amount, delivered_at, fulfillment_status, source_updated_at FROM sales_order WHERE source_id = ${sourceId} AND external_id = ${gid}`,
  );
const linesOf = (orderId: string) =>
  queryRows<{ id: string; position: number; external_id: string; sku: string; product_id: string | null; total_amount: number; delivered_at: string | null }>(
    h.ctx.db,
    sql`SELECT id, position, external_id, sku, product_id, total_amount::int AS total_amount, delivered_at::text FROM sales_order_line WHERE order_id = ${orderId} ORDER BY position`,
  );

describe('the Shopify webhook', () => {
  it('stores a delivery once however often Shopify retries it, and ingests its order: lines, products by SKU, the customer', async () => {
    const order = anOrder();
    const signed = shop.webhook(webhook, 'orders/create', shop.orderBody(order));
    const first = await send(signed);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ received: true, duplicate: false });
    const again = await send(signed);
    expect(again.json()).toEqual({ received: true, duplicate: true });
    expect(await deliveries(signed.headers['x-shopify-webhook-id']!)).toHaveLength(1);

    await h.worker.drain();
    const [stored] = await deliveries(signed.headers['x-shopify-webhook-id']!);
    expect(stored).toMatchObject({ state: 'processed', detail: 'created' });
    const [o] = await orderRow(`gid://shopify/Order/${order.id}`);
    expect(o).toMatchObject({ number: `#${order.orderNumber}`, total_amount: 19900 + 3990 });
    const lines = await linesOf(o!.id);
    expect(lines.map((l) => [l.position, l.external_id, l.sku, l.total_amount])).toEqual([
      [1, `gid://shopify/LineItem/${order.lines[0]!.id}`, 'GAR-5041', 19900],
      [2, `gid://shopify/LineItem/${order.lines[1]!.id}`, order.lines[1]!.sku, 3990],
    ]);
    expect(lines.every((l) => l.product_id)).toBe(true);
    const [customer] = await queryRows<{ id: string }>(h.ctx.db, sql`SELECT customer_id AS id FROM customer_identity WHERE kind = 'email' AND value = ${order.email}`);
    expect(o!.customer_id).toBe(customer!.id);

    // The same SKU in another order is the same product.
    const other = anOrder();
    await send(shop.webhook(webhook, 'orders/create', shop.orderBody(other)));
    await h.worker.drain();
    const [o2] = await orderRow(`gid://shopify/Order/${other.id}`);
    expect((await linesOf(o2!.id))[0]!.product_id).toBe(lines[0]!.product_id);
  });

  it('refuses a missing or wrong signature, and a delivery from another shop, storing nothing', async () => {
    const body = shop.orderBody(anOrder());
    const signed = shop.webhook(webhook, 'orders/create', body);
    const forged = await send(shop.webhook(webhook, 'orders/create', body, { secret: 'not-the-secret', webhookId: signed.headers['x-shopify-webhook-id'] }));
    expect(forged.statusCode).toBe(403);
    expect(forged.headers['content-type']).toContain('application/problem+json');
    const { 'x-shopify-hmac-sha256': _, ...unsigned } = signed.headers;
    const missing = await h.app.inject({ ...asInjection(signed), headers: unsigned });
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
    const changed = await h.app.inject({ ...asInjection(signed), payload: body.replace('Tondeuse', 'Tendeuse') });
    expect(changed.statusCode).toBe(403);
    const elsewhere = await send(signed, { 'x-shopify-shop-domain': 'someone-else.myshopify.com' });
    expect(elsewhere.statusCode).toBe(403);
    expect(await deliveries(signed.headers['x-shopify-webhook-id']!)).toHaveLength(0);
    const unknown = await h.app.inject({ ...asInjection(signed), url: '/api/v1/order-sources/0195f1c2-0000-7000-8000-000000000000/shopify' });
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses a body over the limit with 413', async () => {
    const huge = anOrder({ lines: Array.from({ length: 12_000 }, (_, i) => ({ id: `1${String(i).padStart(18, '0')}`, title: 'x'.repeat(150), sku: `S${i}`, quantity: 1, price: '1.00' })) });
    const res = await send(shop.webhook(webhook, 'orders/create', shop.orderBody(huge)));
    expect(res.statusCode).toBe(413);
  });

  it('never lets an older version, delivered late, overwrite a newer one; orders/fulfilled brings the delivery date', async () => {
    const v1 = anOrder({ updatedAt: '2026-03-02T10:00:00+01:00' });
    const v3: FakeShopifyOrder = {
      ...v1,
      updatedAt: '2026-03-05T09:00:00+01:00',
      fulfillmentStatus: 'fulfilled',
      fulfillments: [{ createdAt: '2026-03-03T10:00:00+01:00', updatedAt: '2026-03-05T09:00:00+01:00', shipmentStatus: 'delivered', lineIds: v1.lines.map((l) => l.id) }],
    };
    const v2: FakeShopifyOrder = { ...v1, updatedAt: '2026-03-03T08:00:00+01:00', financialStatus: 'partially_refunded' };
    await send(shop.webhook(webhook, 'orders/create', shop.orderBody(v1)));
    await send(shop.webhook(webhook, 'orders/fulfilled', shop.orderBody(v3)));
    await h.worker.drain();
    const late = shop.webhook(webhook, 'orders/updated', shop.orderBody(v2));
    await send(late);
    await h.worker.drain();
    const [o] = await orderRow(`gid://shopify/Order/${v1.id}`);
    expect(o!.fulfillment_status).toBe('fulfilled');
    expect(new Date(o!.delivered_at!).toISOString()).toBe('2026-03-05T08:00:00.000Z');
    expect(new Date(o!.source_updated_at).toISOString()).toBe('2026-03-05T08:00:00.000Z');
    expect((await linesOf(o!.id)).map((l) => l.delivered_at)).toEqual(['2026-03-05', '2026-03-05']);
    const [stale] = await deliveries(late.headers['x-shopify-webhook-id']!);
    expect(stale).toMatchObject({ state: 'processed' });
    expect(stale!.detail).toContain('older than the version already read');
    const [{ n }] = (await queryRows<{ n: number }>(h.ctx.db, sql`SELECT count(*)::int AS n FROM sales_order WHERE external_id = ${`gid://shopify/Order/${v1.id}`}`)) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('finds or makes the customer of a customers/create delivery, and ignores topics it does not read', async () => {
    const created = shop.webhook(webhook, 'customers/create', shop.customerBody({ id: '7234567890123499999', email: 'nouvelle.cliente@exemple.fr', firstName: 'Inès', lastName: 'Durand', phone: '+33698765432' }));
    const deleted = shop.webhook(webhook, 'orders/delete', '{"id": 5678901234567890123}');
    expect((await send(created)).statusCode).toBe(200);
    expect((await send(deleted)).statusCode).toBe(200);
    await h.worker.drain();
    expect((await deliveries(created.headers['x-shopify-webhook-id']!))[0]).toMatchObject({ state: 'processed' });
    expect((await deliveries(deleted.headers['x-shopify-webhook-id']!))[0]).toMatchObject({ state: 'ignored', detail: 'topic orders/delete is not read' });
    const found = await agent.get('/api/v1/customers?q=nouvelle.cliente%40exemple.fr');
    expect(found.json().items).toHaveLength(1);
    expect(found.json().items[0]).toMatchObject({ firstName: 'Inès', lastName: 'Durand' });
  });

  it('keeps a delivery it cannot read as failed, with the reason', async () => {
    const broken = shop.webhook(webhook, 'orders/create', '{"id": 1, "currency": "EUR", "created_at": "2026-03-02T10:00:00Z", "total_price": "douze"}');
    expect((await send(broken)).statusCode).toBe(200);
    await h.worker.drain();
    const [row] = await deliveries(broken.headers['x-shopify-webhook-id']!);
    expect(row).toMatchObject({ state: 'failed' });
    expect(row!.detail).toContain('total_price is not an amount');
  });
});

describe('looking up a customer’s past orders in Shopify', () => {
  it('brings every order of the customer’s e-mail through the throttle, and the same orders again change nothing', async () => {
    const email = 'fidele.cliente@exemple.fr';
    const create = await agent.post('/api/v1/customers', { firstName: 'Fidèle', lastName: 'Cliente', identities: [{ kind: 'email', value: email }] });
    expect(create.statusCode, create.body).toBe(201);
    const customerId = create.json().id;
    for (let i = 0; i < 30; i++) shop.orders.push(anOrder({ email, customer: null, createdAt: `2025-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 9) + 1}T10:00:00+01:00` }));
    shop.orders.push(anOrder({ email: 'quelqu.un.autre@exemple.fr' }));
    // Another app of the shop spent the bucket: the first query is told "Throttled" and waits.
    shop.spend(0);
    const res = await agent.post(`/api/v1/customers/${customerId}/orders/lookup`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ customerId, emails: [email], items: [{ sourceId, found: 30, created: 30, updated: 0, error: null }] });
    expect(shop.throttled).toBeGreaterThan(0);
    expect(shop.graphqlRequests.filter((r) => r.query.includes('orders(')).every((r) => r.variables.query === `email:"${email}"`)).toBe(true);

    const again = await agent.post(`/api/v1/customers/${customerId}/orders/lookup`);
    expect(again.json().items[0]).toMatchObject({ found: 30, created: 0 });
    const orders = await agent.get(`/api/v1/customers/${customerId}/orders?limit=100`);
    expect(orders.json().items).toHaveLength(30);
  });

  it('says when the shop refuses the token, and marks the source failing', async () => {
    const res = await admin.post('/api/v1/order-sources', {
      kind: 'shopify',
      name: 'Ancienne boutique',
      settings: { shopDomain: 'old-shop.myshopify.com', apiBaseUrl: shop.url, apiVersion: shop.apiVersion },
      secrets: { webhookSecret: 'x', accessToken: 'shpat_revoked' },
    });
    const customer = await agent.post('/api/v1/customers', { firstName: 'Jo', identities: [{ kind: 'email', value: 'jo@exemple.fr' }] });
    const lookup = await agent.post(`/api/v1/customers/${customer.json().id}/orders/lookup`);
    const refused = lookup.json().items.find((i: { sourceId: string }) => i.sourceId === res.json().id);
    expect(refused.error).toMatch(/^auth/);
    expect((await admin.get(`/api/v1/order-sources/${res.json().id}`)).json()).toMatchObject({ state: 'failing' });
  });
});
