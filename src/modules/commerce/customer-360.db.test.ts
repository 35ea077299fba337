// The customer 360 over HTTP: a customer's orders from every channel (web shop, store till,
// another brand's shop) newest first with their lines, their value per currency (void orders
// left out) and incident count, both as the reader's brands allow; merged records' orders with
// the survivor's; and the order lines a case is about — linked once, audited, on the timeline,
// refused for another customer's order or another store's case.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand, buildCase, buildStore } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { systemActor } from '../access/actor.ts';
import { queryRows } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { orderSource } from './commerce.schema.ts';
import { ingestOrders, type IncomingOrder, type OrderSourceRow } from './orders.ingest.ts';
import { createSource, loadSource } from './order-sources.service.ts';

let h: Harness;
let agent: Client;
let staffS2: Client;
let brandBAgent: Client;
let brandA: string;
let brandB: string;
let storeS1: string;
let storeS2: string;
let web: OrderSourceRow;
let till: OrderSourceRow;
let otherBrand: OrderSourceRow;
let claireId: string;
let caseS1: { id: string; number: string };
let caseB: { id: string };
const system = systemActor('test');

const EMAIL = 'claire.martin@exemple.fr';

function anOrder(externalId: string, over: Partial<IncomingOrder> = {}): IncomingOrder {
  return {
    externalId,
    number: `#${externalId}`,
    purchasedAt: new Date('2026-01-10T10:00:00Z'),
    deliveredAt: null,
    currency: 'EUR',
    totalAmount: 19900,
    paymentMethod: 'card',
    financialStatus: 'paid',
    fulfillmentStatus: null,
    sourceUpdatedAt: new Date('2026-01-10T10:00:00Z'),
    customer: { email: EMAIL, firstName: 'Claire', lastName: 'Martin' },
    lines: [{ externalId: `${externalId}-1`, sku: 'GAR-5041', name: 'Tondeuse Gardena PowerMax 37E', manufacturer: 'Gardena', quantity: 1, unitPriceAmount: 19900, totalAmount: 19900 }],
    ...over,
  };
}

beforeAll(async () => {
  h = await startHarness();
  brandA = (await buildBrand(h.ctx)).id;
  brandB = (await buildBrand(h.ctx)).id;
  storeS1 = (await buildStore(h.ctx, brandA)).id;
  storeS2 = (await buildStore(h.ctx, brandA)).id;
  const shopify = (name: string, brandId: string) =>
    createSource(h.ctx, system, { kind: 'shopify', name, brandId, storeId: null, salesChannel: 'online', settings: { shopDomain: `${name}.myshopify.com` }, secrets: { webhookSecret: 's' } });
  web = await loadSource(h.ctx, (await shopify('jardin', brandA)).id);
  otherBrand = await loadSource(h.ctx, (await shopify('maison', brandB)).id);
  // A store's till export (the file import's kind of source), written as its import will.
  const tillId = uuidv7();
  await h.ctx.db.insert(orderSource).values({ id: tillId, kind: 'file_import', name: 'Caisse Lyon', brandId: brandA, storeId: storeS1, salesChannel: 'store', settings: {} });
  till = await loadSource(h.ctx, tillId);

  const [first] = await ingestOrders(h.ctx, web, [anOrder('W1', { purchasedAt: new Date('2025-11-02T10:00:00Z') })]);
  claireId = first!.customerId!;
  await ingestOrders(h.ctx, web, [
    anOrder('W2', {
      purchasedAt: new Date('2026-02-20T10:00:00Z'),
      totalAmount: 4990,
      lines: [
        { externalId: 'W2-1', sku: 'GAR-4100', name: 'Lame', quantity: 1, unitPriceAmount: 2990, totalAmount: 2990 },
        { externalId: 'W2-2', sku: null, name: 'Livraison express', quantity: 1, unitPriceAmount: 2000, totalAmount: 2000 },
      ],
    }),
    anOrder('W3', { purchasedAt: new Date('2026-02-25T10:00:00Z'), financialStatus: 'refunded', totalAmount: 1000 }),
  ]);
  await ingestOrders(h.ctx, till, [anOrder('T1', { number: 'TICKET-0042', purchasedAt: new Date('2026-01-15T15:00:00Z'), totalAmount: 3500, paymentMethod: 'cash', lines: [{ externalId: null, sku: 'ARR-10', name: 'Arrosoir', quantity: 1, unitPriceAmount: 3500, totalAmount: 3500 }] })]);
  await ingestOrders(h.ctx, otherBrand, [anOrder('M1', { currency: 'CAD', totalAmount: 39999, purchasedAt: new Date('2026-03-01T10:00:00Z') })]);
  // Someone else's order, and an anonymous till receipt.
  await ingestOrders(h.ctx, web, [anOrder('X1', { customer: { email: 'quelqu.un@exemple.fr' } })]);
  await ingestOrders(h.ctx, till, [anOrder('T2', { number: 'TICKET-0043', customer: null })]);

  const c1 = await buildCase(h.ctx, brandA, { customer: { email: EMAIL, firstName: 'Claire', lastName: 'Martin' }, storeId: storeS1, subject: 'Tondeuse en panne' });
  caseS1 = { id: c1.id, number: c1.number };
  caseB = { id: (await buildCase(h.ctx, brandB, { customer: { email: EMAIL, firstName: 'Claire', lastName: 'Martin' } })).id };
  expect(c1.customer.id).toBe(claireId);

  agent = await h.userClient('agent');
  staffS2 = await h.userClient('store_staff', { brandIds: [brandA], storeIds: [storeS2] });
  brandBAgent = await h.userClient('agent', { brandIds: [brandB] });
});
afterAll(() => h?.close());

describe('a customer’s orders', () => {
  it('come from every channel, newest first, with their lines and products, a page at a time', async () => {
    const res = await agent.get(`/api/v1/customers/${claireId}/orders`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.map((o: { number: string }) => o.number)).toEqual(['#M1', '#W3', '#W2', 'TICKET-0042', '#W1']);
    expect(items.find((o: { number: string }) => o.number === 'TICKET-0042')).toMatchObject({ salesChannel: 'store', storeId: storeS1, source: { kind: 'file_import', name: 'Caisse Lyon' }, paymentMethod: 'cash' });
    const w2 = items.find((o: { number: string }) => o.number === '#W2');
    expect(w2.lines).toMatchObject([
      { position: 1, sku: 'GAR-4100', name: 'Lame', totalAmount: 2990, product: { sku: 'GAR-4100', name: 'Lame' }, cases: [] },
      { position: 2, sku: null, name: 'Livraison express', product: null },
    ]);
    const first = await agent.get(`/api/v1/customers/${claireId}/orders?limit=2`);
    expect(first.json().items).toHaveLength(2);
    const rest = await agent.get(`/api/v1/customers/${claireId}/orders?limit=10&cursor=${first.json().nextCursor}`);
    expect(rest.json().items.map((o: { number: string }) => o.number)).toEqual(['#W2', 'TICKET-0042', '#W1']);
    expect(rest.json().nextCursor).toBeNull();
  });

  it('are the reader’s brands’ only: a store employee sees the web shop’s and other stores’, not another brand’s', async () => {
    const staff = await staffS2.get(`/api/v1/customers/${claireId}/orders`);
    expect(staff.json().items.map((o: { number: string }) => o.number)).toEqual(['#W3', '#W2', 'TICKET-0042', '#W1']);
    const other = await brandBAgent.get(`/api/v1/customers/${claireId}/orders`);
    expect(other.json().items.map((o: { number: string }) => o.number)).toEqual(['#M1']);
  });

  it('give the customer’s value: per currency, void orders left out, incidents counted', async () => {
    const res = await agent.get(`/api/v1/customers/${claireId}/value`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      customerId: claireId,
      orderCount: 4,
      lifetimeValue: [
        { currency: 'EUR', amount: 19900 + 4990 + 3500, orderCount: 3 },
        { currency: 'CAD', amount: 39999, orderCount: 1 },
      ],
      incidentCount: 2,
      openIncidentCount: 2,
      firstPurchaseAt: '2025-11-02T10:00:00.000Z',
      lastPurchaseAt: '2026-03-01T10:00:00.000Z',
    });
    const staff = (await staffS2.get(`/api/v1/customers/${claireId}/value`)).json();
    expect(staff).toMatchObject({ orderCount: 3, lifetimeValue: [{ currency: 'EUR', amount: 28390, orderCount: 3 }], incidentCount: 1 });
  });

  it('include those of a customer merged into this one', async () => {
    const [bob] = await ingestOrders(h.ctx, web, [anOrder('B1', { customer: { email: 'claire.pro@exemple.fr', firstName: 'Claire' }, purchasedAt: new Date('2024-06-01T10:00:00Z') })]);
    const merged = await agent.post(`/api/v1/customers/${claireId}/merge`, { sourceId: bob!.customerId });
    expect(merged.statusCode, merged.body).toBe(200);
    const numbers = (await agent.get(`/api/v1/customers/${claireId}/orders?limit=100`)).json().items.map((o: { number: string }) => o.number);
    expect(numbers).toContain('#B1');
    expect((await agent.get(`/api/v1/customers/${bob!.customerId}/value`)).json()).toMatchObject({ customerId: claireId, orderCount: 5 });
  });
});

describe('the order lines a case is about', () => {
  const lineOf = async (number: string, position = 1) => {
    const items = (await agent.get(`/api/v1/customers/${claireId}/orders?limit=100`)).json().items as { number: string; lines: { id: string; position: number }[] }[];
    return items.find((o) => o.number === number)!.lines.find((l) => l.position === position)!.id;
  };

  it('link once, audited, shown on the timeline and on the customer’s orders', async () => {
    const lineId = await lineOf('#W1');
    const linked = await agent.post(`/api/v1/cases/${caseS1.id}/order-lines`, { orderLineId: lineId });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json()).toMatchObject({ line: { id: lineId, sku: 'GAR-5041', cases: [{ id: caseS1.id, number: caseS1.number }] }, order: { number: '#W1', source: { kind: 'shopify' } }, linkedBy: { id: agent.userId } });
    const again = await agent.post(`/api/v1/cases/${caseS1.id}/order-lines`, { orderLineId: lineId });
    expect(again.statusCode).toBe(200);

    const list = await staffS2.get(`/api/v1/cases/${caseS1.id}/order-lines`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toHaveLength(1);
    const events = (await agent.get(`/api/v1/cases/${caseS1.id}/events?limit=100`)).json().items as { type: string; visibility: string; data: Record<string, unknown> }[];
    const added = events.filter((e) => e.type === 'order_line_linked');
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ visibility: 'internal', data: { orderLineId: lineId, orderNumber: '#W1', sku: 'GAR-5041', name: 'Tondeuse Gardena PowerMax 37E' } });
    const audit = (await (await h.userClient('admin')).get(`/api/v1/audit?targetId=${caseS1.id}`)).json().items.map((a: { action: string }) => a.action);
    expect(audit.filter((a: string) => a === 'case.order_line_linked')).toHaveLength(1);
    const w1 = (await agent.get(`/api/v1/customers/${claireId}/orders?limit=100`)).json().items.find((o: { number: string }) => o.number === '#W1');
    expect(w1.lines[0].cases).toEqual([{ id: caseS1.id, number: caseS1.number }]);
  });

  it('link an anonymous till receipt, but refuse another customer’s order', async () => {
    // Neither is among her orders: the counter finds them by their number.
    const hers = (await agent.get(`/api/v1/customers/${claireId}/orders`)).json().items.map((o: { number: string }) => o.number);
    expect(hers).not.toContain('TICKET-0043');
    const [receipt] = await queryRows<{ id: string }>(h.ctx.db, sql`SELECT l.id FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id WHERE o.number = 'TICKET-0043'`);
    const [someoneElse] = await queryRows<{ id: string }>(h.ctx.db, sql`SELECT l.id FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id WHERE o.number = '#X1'`);
    expect((await agent.post(`/api/v1/cases/${caseS1.id}/order-lines`, { orderLineId: receipt!.id })).statusCode).toBe(201);
    const refused = await agent.post(`/api/v1/cases/${caseS1.id}/order-lines`, { orderLineId: someoneElse!.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('#X1');
  });

  it('respect the case’s scope: another store reads them but cannot change them, another brand does not see the case', async () => {
    const lineId = await lineOf('#W2');
    expect((await staffS2.post(`/api/v1/cases/${caseS1.id}/order-lines`, { orderLineId: lineId })).statusCode).toBe(403);
    expect((await brandBAgent.get(`/api/v1/cases/${caseS1.id}/order-lines`)).statusCode).toBe(404);
    // An order of a brand the reader does not see is not there for them to link.
    const m1 = (await brandBAgent.get(`/api/v1/customers/${claireId}/orders`)).json().items[0].lines[0].id;
    expect((await agent.post(`/api/v1/cases/${caseB.id}/order-lines`, { orderLineId: m1 })).statusCode).toBe(201);
    expect((await brandBAgent.post(`/api/v1/cases/${caseB.id}/order-lines`, { orderLineId: lineId })).statusCode).toBe(404);
  });

  it('unlink, audited and on the timeline; a line no case uses any more may go when the shop drops it, a linked one stays', async () => {
    const lineId = await lineOf('#W1');
    const removed = await agent.delete(`/api/v1/cases/${caseS1.id}/order-lines/${lineId}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await agent.delete(`/api/v1/cases/${caseS1.id}/order-lines/${lineId}`)).statusCode).toBe(404);
    const events = (await agent.get(`/api/v1/cases/${caseS1.id}/events?limit=100`)).json().items as { type: string }[];
    expect(events.filter((e) => e.type === 'order_line_unlinked')).toHaveLength(1);

    // W2's first line is linked to a case; a new version of W2 without its lines keeps it.
    const kept = await lineOf('#W2');
    await agent.post(`/api/v1/cases/${caseS1.id}/order-lines`, { orderLineId: kept });
    await ingestOrders(h.ctx, web, [anOrder('W2', { sourceUpdatedAt: new Date('2026-02-21T10:00:00Z'), lines: [{ externalId: 'W2-3', sku: 'GAR-9', name: 'Autre', quantity: 1, unitPriceAmount: 100, totalAmount: 100 }] })]);
    const w2 = (await agent.get(`/api/v1/customers/${claireId}/orders?limit=100`)).json().items.find((o: { number: string }) => o.number === '#W2');
    expect(w2.lines.map((l: { id: string; name: string }) => [l.name, l.id === kept])).toEqual([
      ['Lame', true],
      ['Autre', false],
    ]);
  });
});
