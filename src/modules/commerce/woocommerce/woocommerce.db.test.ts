// WooCommerce end to end against the fake sender: the creation ping (200, nothing stored), the
// signed order.created and order.updated deliveries (stored once per delivery id, the order
// ingested and then updated in place), unsigned or forged deliveries refused with nothing stored.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wooOrderBody, wooPing, wooWebhook, type FakeWooOrder, type WooRequest } from '../../../../test/fakes/woocommerce.ts';
import { startHarness, type Client, type Harness } from '../../../../test/support/harness.ts';
import { queryRows } from '../../../platform/db/database.ts';

const SECRET = 'wc-webhook-secret-1234';
let h: Harness;
let admin: Client;
let sourceId: string;
let webhook: string;

beforeAll(async () => {
  h = await startHarness();
  admin = await h.userClient('admin');
  const res = await admin.post('/api/v1/order-sources', { kind: 'woocommerce', name: 'Boutique WordPress', settings: { siteUrl: 'https://boutique.example/' }, secrets: { webhookSecret: SECRET } });
  expect(res.statusCode, res.body).toBe(201);
  sourceId = res.json().id;
  webhook = res.json().webhookUrl;
  expect(webhook).toMatch(new RegExp(`/api/v1/order-sources/${sourceId}/woocommerce$`));
});
afterAll(() => h?.close());

const send = (r: WooRequest, headers: Record<string, string> = {}) => h.app.inject({ method: 'POST', url: new URL(r.url).pathname, headers: { ...r.headers, ...headers }, payload: r.body });
const storedCount = async () => (await queryRows<{ n: number }>(h.ctx.db, sql`SELECT count(*)::int AS n FROM order_webhook WHERE source_id = ${sourceId}`))[0]!.n;

const order: FakeWooOrder = {
  id: 727,
  status: 'processing',
  currency: 'EUR',
  createdGmt: '2026-03-02T09:00:00',
  modifiedGmt: '2026-03-02T09:00:00',
  billing: { first_name: 'Luc', last_name: 'Petit', email: 'luc.petit@exemple.fr', phone: '06 12 34 56 79' },
  paymentMethod: 'stripe',
  paymentMethodTitle: 'Carte bancaire',
  lines: [{ id: 31, name: 'Taille-haie Bosch AHS 50', sku: 'BOS-AHS50', quantity: 1, total: '108.25', totalTax: '21.65' }],
};

describe('the WooCommerce webhook', () => {
  it('answers the creation ping with 200 and stores nothing', async () => {
    const res = await send(wooPing(webhook, 7));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ received: true, duplicate: false, ping: true });
    expect(await storedCount()).toBe(0);
  });

  it('stores a signed delivery once, ingests the order, then updates it in place', async () => {
    const created = wooWebhook(webhook, SECRET, 'order.created', wooOrderBody(order), { deliveryId: '1001' });
    expect((await send(created)).json()).toEqual({ received: true, duplicate: false });
    expect((await send(created)).json()).toEqual({ received: true, duplicate: true });
    expect(await storedCount()).toBe(1);
    await h.worker.drain();
    const read = () =>
      queryRows<{ id: string; number: string; total_amount: number; financial_status: string; delivered_at: Date | null; customer_id: string }>(
        h.ctx.db,
        sql`SELECT id, number, total_amount::int AS total_amount, financial_status, delivered_at, customer_id FROM sales_order WHERE source_id = ${sourceId} AND external_id = '727'`,
      );
    const [first] = await read();
    expect(first).toMatchObject({ number: '727', total_amount: 12990, financial_status: 'paid', delivered_at: null });

    const completed = wooOrderBody({ ...order, status: 'completed', modifiedGmt: '2026-03-06T15:00:00', completedGmt: '2026-03-06T15:00:00' });
    expect((await send(wooWebhook(webhook, SECRET, 'order.updated', completed, { deliveryId: '1002' }))).statusCode).toBe(200);
    await h.worker.drain();
    const rows = await read();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(first!.id);
    expect(new Date(rows[0]!.delivered_at!).toISOString()).toBe('2026-03-06T15:00:00.000Z');
    expect(rows[0]!.customer_id).toBe(first!.customer_id);
    const [line] = await queryRows<{ delivered_at: string }>(h.ctx.db, sql`SELECT delivered_at::text FROM sales_order_line WHERE order_id = ${first!.id}`);
    expect(line!.delivered_at).toBe('2026-03-06');
  });

  it('refuses a missing or forged signature, storing nothing', async () => {
    const body = wooOrderBody({ ...order, id: 728 });
    const signed = wooWebhook(webhook, SECRET, 'order.created', body);
    const { 'x-wc-webhook-signature': _, ...unsigned } = signed.headers;
    const missing = await h.app.inject({ method: 'POST', url: new URL(webhook).pathname, headers: unsigned, payload: body });
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const forged = await send(wooWebhook(webhook, 'another-secret', 'order.created', body));
    expect(forged.statusCode).toBe(403);
    // The form body of a ping cannot carry an order past the check: with WooCommerce's headers it must be signed.
    const fakePing = await send({ ...wooPing(webhook), headers: { ...wooPing(webhook).headers, 'x-wc-webhook-topic': 'order.created' } });
    expect(fakePing.statusCode).toBe(401);
    expect(await storedCount()).toBe(2);
  });
});
