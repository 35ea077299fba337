// What the admin sees of a source's activity: the list's last webhook and failure count, the
// recent deliveries with the reason of each ignored or failed one, admins only; and "read now"
// for a PrestaShop shop only, once while a read waits, audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asInjection, startFakeShopify, type FakeShopify, type FakeShopifyOrder } from '../../../test/fakes/shopify.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { ManualClock } from '../../platform/clock.ts';

let h: Harness;
const clock = new ManualClock('2026-03-10T09:00:00Z');
let shop: FakeShopify;
let admin: Client;
let manager: Client;
let source: { id: string; webhookUrl: string };

beforeAll(async () => {
  h = await startHarness({ clock });
  shop = await startFakeShopify();
  admin = await h.userClient('admin');
  manager = await h.userClient('manager');
  const res = await admin.post('/api/v1/order-sources', {
    kind: 'shopify',
    name: 'Boutique en ligne',
    settings: { shopDomain: shop.shopDomain, apiVersion: shop.apiVersion, apiBaseUrl: shop.url },
    secrets: { webhookSecret: shop.clientSecret },
  });
  expect(res.statusCode, res.body).toBe(201);
  source = res.json();
});
afterAll(async () => {
  await shop?.close();
  await h?.close();
});

const order: FakeShopifyOrder = {
  id: '5678901234567812345',
  orderNumber: 1042,
  email: 'claire.martin@exemple.fr',
  customer: { id: '7234567890123412345', email: 'claire.martin@exemple.fr', firstName: 'Claire', lastName: 'Martin' },
  createdAt: '2026-03-02T10:00:00+01:00',
  updatedAt: '2026-03-02T10:00:00+01:00',
  currency: 'EUR',
  financialStatus: 'paid',
  fulfillmentStatus: null,
  gateway: 'shopify_payments',
  lines: [{ id: '9234567890123412345', title: 'Tondeuse Gardena PowerMax 37E', sku: 'GAR-5041', quantity: 1, price: '199.00' }],
  fulfillments: [],
};

const listed = async () => {
  const res = await admin.get('/api/v1/order-sources');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.find((s: { id: string }) => s.id === source.id);
};

describe('order source activity', () => {
  it('is empty before the shop sends anything', async () => {
    expect((await listed()).activity).toEqual({ lastWebhookAt: null, webhooksLastDay: 0, failedLastWeek: 0, lastReadUpTo: null });
    const res = await admin.get(`/api/v1/order-sources/${source.id}/webhooks`);
    expect(res.json().items).toEqual([]);
  });

  it('lists the deliveries newest first, processed, ignored and failed with the reason, and counts them', async () => {
    const send = (topic: string, body: string) => h.app.inject(asInjection(shop.webhook(source.webhookUrl, topic, body)));
    expect((await send('orders/create', shop.orderBody(order))).statusCode).toBe(200);
    clock.advance(1000);
    expect((await send('products/update', '{"id": 1}')).statusCode).toBe(200);
    clock.advance(1000);
    expect((await send('orders/updated', '{"id": "not an order"}')).statusCode).toBe(200);
    await h.worker.drain();

    const res = await admin.get(`/api/v1/order-sources/${source.id}/webhooks?limit=10`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { topic: string; state: string; detail: string | null; orderId: string | null }[];
    expect(items.map((d) => [d.topic, d.state])).toEqual([
      ['orders/updated', 'failed'],
      ['products/update', 'ignored'],
      ['orders/create', 'processed'],
    ]);
    expect(items[0]!.detail).toBeTruthy();
    expect(items[1]!.detail).toBe('topic products/update is not read');
    expect(items[2]!.orderId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json().activity).toMatchObject({ webhooksLastDay: 3, failedLastWeek: 1 });

    const activity = (await listed()).activity;
    expect(activity).toMatchObject({ webhooksLastDay: 3, failedLastWeek: 1, lastReadUpTo: null });
    expect(Date.parse(activity.lastWebhookAt)).toBe(clock.now().getTime());

    // A day later the deliveries are no longer "today"; a week later the failure is old news.
    clock.advance(8 * 24 * 3600 * 1000);
    // (The sessions expired meanwhile.)
    admin = await h.userClient('admin');
    manager = await h.userClient('manager');
    expect((await listed()).activity).toMatchObject({ webhooksLastDay: 0, failedLastWeek: 0, lastWebhookAt: activity.lastWebhookAt });
  });

  it('is for admins only', async () => {
    expect((await manager.get(`/api/v1/order-sources/${source.id}/webhooks`)).statusCode).toBe(403);
    expect((await manager.post(`/api/v1/order-sources/${source.id}/sync`)).statusCode).toBe(403);
  });

  it('reads a PrestaShop shop on demand, once while a read waits, and audits it; a webhook shop has nothing to read', async () => {
    expect((await admin.post(`/api/v1/order-sources/${source.id}/sync`)).statusCode).toBe(409);
    const created = await admin.post('/api/v1/order-sources', {
      kind: 'prestashop',
      name: 'Boutique PrestaShop',
      settings: { shopUrl: 'http://127.0.0.1:9/shop' },
      secrets: { webserviceKey: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ123456' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const first = await admin.post(`/api/v1/order-sources/${id}/sync`);
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toEqual({ queued: true });
    expect((await admin.post(`/api/v1/order-sources/${id}/sync`)).json()).toEqual({ queued: false });
    const audit = await admin.get(`/api/v1/audit?targetId=${id}`);
    expect(audit.json().items.map((a: { action: string }) => a.action)).toContain('order_source.sync_requested');
  });
});
