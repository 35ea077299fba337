// The one ingestion every source uses: idempotent (the same order twice is one order with the
// same lines), versioned (an older version never overwrites a newer one, nor makes a customer),
// safe when deliveries of one order race, and forgiving of contact details a shop let through.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../../test/support/harness.ts';
import { queryRows } from '../../platform/db/database.ts';
import { systemActor } from '../access/actor.ts';
import { createSource, loadSource } from './order-sources.service.ts';
import { ingestOrders, type IncomingOrder, type OrderSourceRow } from './orders.ingest.ts';

let h: Harness;
let source: OrderSourceRow;

beforeAll(async () => {
  h = await startHarness();
  const created = await createSource(h.ctx, systemActor('test'), { kind: 'woocommerce', name: 'Boutique', brandId: null, storeId: null, salesChannel: 'online', settings: {}, secrets: { webhookSecret: 's' } });
  source = await loadSource(h.ctx, created.id);
});
afterAll(() => h?.close());

const at = (iso: string) => new Date(iso);
function anOrder(externalId: string, version: string, over: Partial<IncomingOrder> = {}): IncomingOrder {
  return {
    externalId,
    number: externalId,
    purchasedAt: at('2026-03-02T10:00:00Z'),
    deliveredAt: null,
    currency: 'EUR',
    totalAmount: 5980,
    paymentMethod: 'card',
    financialStatus: 'paid',
    fulfillmentStatus: null,
    sourceUpdatedAt: at(version),
    customer: { email: `${externalId.toLowerCase()}@exemple.fr` },
    lines: [
      { externalId: `${externalId}-a`, sku: 'ARR-10', name: 'Arrosoir', quantity: 2, unitPriceAmount: 2990, totalAmount: 5980 },
      { externalId: `${externalId}-b`, sku: null, name: 'Port', quantity: 1, unitPriceAmount: 0, totalAmount: 0 },
    ],
    ...over,
  };
}

const orderOf = async (externalId: string) =>
  (
    await queryRows<{ id: string; total_amount: number; source_updated_at: Date; delivered_at: Date | null; customer_id: string | null; financial_status: string }>(
      h.ctx.db,
      sql`SELECT id, total_amount::int AS total_amount, source_updated_at, delivered_at, customer_id, financial_status FROM sales_order WHERE source_id = ${source.id} AND external_id = ${externalId}`,
    )
  )[0];
const lineIds = async (orderId: string) => (await queryRows<{ id: string }>(h.ctx.db, sql`SELECT id FROM sales_order_line WHERE order_id = ${orderId} ORDER BY position`)).map((r) => r.id);
const customers = async (email: string) => (await queryRows<{ n: number }>(h.ctx.db, sql`SELECT count(*)::int AS n FROM customer_identity WHERE kind = 'email' AND value = ${email}`))[0]!.n;

describe('ingesting orders', () => {
  it('makes one order of the same order twice, with the same lines', async () => {
    const [first] = await ingestOrders(h.ctx, source, [anOrder('A1', '2026-03-02T10:00:00Z')]);
    const o = await orderOf('A1');
    const lines = await lineIds(o!.id);
    const [again] = await ingestOrders(h.ctx, source, [anOrder('A1', '2026-03-02T10:00:00Z')]);
    expect(first).toMatchObject({ state: 'created', orderId: o!.id });
    expect(again).toMatchObject({ state: 'updated', orderId: o!.id, customerId: first!.customerId });
    expect(await lineIds(o!.id)).toEqual(lines);
  });

  it('leaves an older version out, and makes no customer from it', async () => {
    await ingestOrders(h.ctx, source, [anOrder('A2', '2026-03-05T10:00:00Z', { financialStatus: 'partially_refunded', deliveredAt: at('2026-03-04T10:00:00Z') })]);
    const [stale] = await ingestOrders(h.ctx, source, [anOrder('A2', '2026-03-03T10:00:00Z', { customer: { email: 'autre.personne@exemple.fr' }, totalAmount: 1 })]);
    expect(stale).toMatchObject({ state: 'stale' });
    expect(await orderOf('A2')).toMatchObject({ total_amount: 5980, financial_status: 'partially_refunded' });
    expect(await customers('autre.personne@exemple.fr')).toBe(0);
    // A newer version that does not say when it was delivered does not forget it.
    await ingestOrders(h.ctx, source, [anOrder('A2', '2026-03-06T10:00:00Z')]);
    expect(new Date((await orderOf('A2'))!.delivered_at!).toISOString()).toBe('2026-03-04T10:00:00.000Z');
  });

  it('ends with the newest version when deliveries of one order race', async () => {
    const versions = ['2026-03-02T10:00:00Z', '2026-03-02T10:05:00Z', '2026-03-02T10:01:00Z', '2026-03-02T10:04:00Z', '2026-03-02T10:02:00Z'];
    const results = await Promise.all(versions.map((v, i) => ingestOrders(h.ctx, source, [anOrder('A3', v, { totalAmount: 1000 + i })])));
    expect(results.flat().filter((r) => r.state === 'created')).toHaveLength(1);
    const o = await orderOf('A3');
    expect(new Date(o!.source_updated_at).toISOString()).toBe('2026-03-02T10:05:00.000Z');
    expect(o!.total_amount).toBe(1001);
    expect(await lineIds(o!.id)).toHaveLength(2);
    expect(await customers('a3@exemple.fr')).toBe(1);
  });

  it('keeps the order when the phone the shop let through is not a number, finding the customer by e-mail', async () => {
    const [r] = await ingestOrders(h.ctx, source, [anOrder('A4', '2026-03-02T10:00:00Z', { customer: { email: 'a4@exemple.fr', phone: 'pas de téléphone' } })]);
    expect(r).toMatchObject({ state: 'created' });
    expect(r!.customerId).not.toBeNull();
    const [anonymous] = await ingestOrders(h.ctx, source, [anOrder('A5', '2026-03-02T10:00:00Z', { customer: null })]);
    expect(anonymous).toMatchObject({ state: 'created', customerId: null });
  });
});
