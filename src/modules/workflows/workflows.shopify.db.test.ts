// A return refunded on the original payment of a Shopify order, against the fake Shopify:
// refundCreate made once (a replayed job finds the refund by its reference and makes no
// second one); a refund Shopify refuses (userErrors) or a refused access token (401) undoing
// the return — label voided, RMA cancelled, case back on its step, agent told; a throttled
// Shopify retried by the job until it answers.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectFakeShop, startFakeShopify, asInjection, type FakeShopify, type FakeShopifyOrder } from '../../../test/fakes/shopify.ts';
import { buildBrand } from '../../../test/support/factories.ts';
import { agentsRefund } from '../../../test/support/latitude.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { ManualClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/database.ts';
import { advanceWorkflow } from './workflow.driver.ts';

const clock = new ManualClock('2026-04-14T09:00:00+02:00');
let h: Harness;
let shop: FakeShopify;
let admin: Client;
let agent: Client;
let sourceId: string;
let webhook: string;
let brandId: string;

beforeAll(async () => {
  h = await startHarness({ clock });
  // A slow bucket: once spent, Shopify stays throttled longer than the client may wait.
  shop = await startFakeShopify({ bucket: { maximumAvailable: 1000, restoreRate: 0.01 } });
  admin = await h.userClient('admin');
  agent = await h.userClient('agent', { name: 'Camille Martin' });
  // Not a test of authority (workflow-authority.db.test.ts is): the agent refunds without asking.
  await agentsRefund(h.ctx);
  brandId = (await buildBrand(h.ctx, { name: 'Garden World' })).id;
  ({ sourceId, webhookUrl: webhook } = await connectFakeShop(admin, shop, { brandId }));
});
afterAll(async () => {
  expect(shop?.unexpected ?? []).toEqual([]);
  await shop?.close();
  await h?.close();
});

let n = 0;
/** A paid Shopify order, ingested, and a case of its customer linked to its line, step "diagnosis". */
async function caseWithShopifyOrder(): Promise<{ caseId: string; order: FakeShopifyOrder }> {
  n++;
  const email = `client.shopify.${n}@exemple.fr`;
  const order: FakeShopifyOrder = {
    id: `5678901234567${80000 + n}`,
    orderNumber: 2000 + n,
    email,
    customer: { id: `7234567890123${40000 + n}`, email, firstName: 'Claire', lastName: `Martin ${n}` },
    createdAt: '2026-04-02T10:00:00+02:00',
    updatedAt: '2026-04-02T10:00:00+02:00',
    currency: 'EUR',
    financialStatus: 'paid',
    fulfillmentStatus: null,
    gateway: 'shopify_payments',
    lines: [{ id: `9234567890123${40000 + n}1`, title: 'Tondeuse Gardena PowerMax 37E', sku: 'GAR-5041', quantity: 1, price: '199.00' }],
    fulfillments: [],
  };
  shop.orders.push(order);
  const delivered = await h.app.inject(asInjection(shop.webhook(webhook, 'orders/create', shop.orderBody(order))));
  expect(delivered.statusCode, delivered.body).toBeLessThan(300);
  await h.worker.drain();
  const [line] = await queryRows<{ id: string }>(
    h.ctx.db,
    sql`SELECT l.id FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id WHERE o.source_id = ${sourceId} AND o.external_id = ${`gid://shopify/Order/${order.id}`}`,
  );
  const created = await agent.post('/api/v1/cases', { customer: { email }, subject: 'Tondeuse défectueuse', message: 'Elle ne démarre pas.', channel: 'email', brandId, priority: 'normal', tags: [] });
  expect(created.statusCode, created.body).toBe(201);
  const caseId = created.json().id as string;
  expect((await agent.post(`/api/v1/cases/${caseId}/order-lines`, { orderLineId: line!.id })).statusCode).toBeLessThan(300);
  expect((await agent.patch(`/api/v1/cases/${caseId}`, { assigneeId: agent.userId, step: 'diagnosis' })).statusCode).toBe(200);
  return { caseId, order };
}

/** Starts a return by label, has the parcel received and inspected: the refund step is next. */
async function returnedForRefund(caseId: string, amount = 19900): Promise<string> {
  const started = await agent.post(`/api/v1/cases/${caseId}/workflows`, { kind: 'return', mode: 'label', settlement: 'refund', amount: { amount, currency: 'EUR' } });
  expect(started.statusCode, started.body).toBe(201);
  const id = started.json().id as string;
  await h.worker.drain();
  expect((await agent.post(`/api/v1/workflows/${id}/events`, { type: 'parcel_received' })).statusCode).toBe(200);
  expect((await agent.post(`/api/v1/workflows/${id}/events`, { type: 'inspected', accepted: true })).statusCode).toBe(200);
  return id;
}

const workflowOf = async (id: string) => (await agent.get(`/api/v1/workflows/${id}`)).json();
const stepOf = async (caseId: string) => (await agent.get(`/api/v1/cases/${caseId}`)).json().step?.key ?? null;
const bellFor = async (caseId: string) => ((await agent.get('/api/v1/me/notifications')).json().items as { kind: string; case: { id: string }; excerpt: string }[]).filter((b) => b.case.id === caseId);

describe('a refund on a Shopify order', () => {
  it('is made once with refundCreate on the order’s gateway, and a replayed job makes no second one', async () => {
    const { caseId, order } = await caseWithShopifyOrder();
    const id = await returnedForRefund(caseId);
    await h.worker.drain();
    const wf = await workflowOf(id);
    expect(wf.state).toBe('completed');
    expect(wf.refund).toMatchObject({ method: 'shopify', state: 'refunded', amount: 19900, currency: 'EUR' });
    const made = shop.refunds.filter((r) => r.orderId === order.id);
    expect(made).toEqual([expect.objectContaining({ amount: 19900, gateway: 'shopify_payments', notify: true, note: expect.stringMatching(/^SAV SAV-2026-\d{6} \[comptoir:[0-9a-f-]{36}\]$/) })]);
    const mutation = shop.graphqlRequests.find((r) => r.query.includes('refundCreate'));
    expect(mutation?.variables).toMatchObject({ input: { orderId: `gid://shopify/Order/${order.id}`, transactions: [{ kind: 'REFUND', amount: '199.00', gateway: 'shopify_payments' }] } });
    expect(await stepOf(caseId)).toBe('refund');

    // The job again (a worker died after Shopify answered, before the commit): nothing new.
    const refundStep = wf.steps.find((s: { key: string }) => s.key === 'refund');
    await h.ctx.db.execute(sql`UPDATE workflow SET state = 'running' WHERE id = ${id}`);
    await h.ctx.db.execute(sql`UPDATE workflow_step SET state = 'current' WHERE workflow_id = ${id} AND position = ${refundStep.position}`);
    await h.ctx.db.execute(sql`UPDATE workflow_refund SET state = 'pending' WHERE workflow_id = ${id}`);
    await advanceWorkflow(h.ctx, { workflowId: id, position: refundStep.position }, { attempt: 2, maxAttempts: 6 });
    expect(shop.refunds.filter((r) => r.orderId === order.id)).toHaveLength(1);
    expect((await workflowOf(id)).refund.state).toBe('refunded');
  });

  it('refused by Shopify (userErrors): the label is voided, the RMA cancelled, the case back on its step, the agent told', async () => {
    const { caseId, order } = await caseWithShopifyOrder();
    const id = await returnedForRefund(caseId);
    shop.refundRejections.push('Card was declined');
    await h.worker.drain();
    const wf = await workflowOf(id);
    expect(wf.state).toBe('failed');
    expect(wf.failure).toBe('Shopify refused the refund — rejected (USER_ERRORS): transactions: Card was declined');
    expect(wf.steps.map((s: { key: string; state: string }) => `${s.key}:${s.state}`)).toEqual(['authorise:undone', 'label:undone', 'receive:done', 'inspect:done', 'refund:failed']);
    expect(wf.rma).toMatchObject({ state: 'cancelled', labelUrl: null });
    expect(wf.refund).toMatchObject({ state: 'failed' });
    expect(shop.refunds.filter((r) => r.orderId === order.id)).toEqual([]);
    expect(await stepOf(caseId)).toBe('diagnosis');
    expect(await bellFor(caseId)).toEqual([expect.objectContaining({ kind: 'workflow', excerpt: wf.failure })]);
  });

  it('with an access token Shopify refuses (401): the return is undone the same way', async () => {
    const { caseId } = await caseWithShopifyOrder();
    const id = await returnedForRefund(caseId);
    expect((await admin.patch(`/api/v1/order-sources/${sourceId}`, { secrets: { accessToken: 'shpat_revoked' } })).statusCode).toBe(200);
    try {
      await h.worker.drain();
    } finally {
      expect((await admin.patch(`/api/v1/order-sources/${sourceId}`, { secrets: { accessToken: shop.accessToken } })).statusCode).toBe(200);
    }
    const wf = await workflowOf(id);
    expect(wf.state).toBe('failed');
    expect(wf.failure).toMatch(/^Shopify refused the refund — auth \(401\): \[API\] Invalid API key/);
    expect(wf.rma.state).toBe('cancelled');
    expect(await stepOf(caseId)).toBe('diagnosis');
  });

  it('throttled: the job is retried until Shopify has room again, and refunds once', async () => {
    const { caseId, order } = await caseWithShopifyOrder();
    const id = await returnedForRefund(caseId, 5000);
    shop.spend(0);
    await h.worker.drain();
    expect((await workflowOf(id)).refund).toMatchObject({ state: 'pending' });
    expect(shop.throttled).toBeGreaterThan(0);
    const [job] = await queryRows<{ state: string; attempts: number }>(h.ctx.db, sql`SELECT state, attempts FROM job WHERE name = 'workflow.advance' AND payload->>'workflowId' = ${id}`);
    expect(job).toMatchObject({ state: 'pending', attempts: 1 });
    shop.spend(1000);
    clock.advance(60_000);
    await h.worker.drain();
    const wf = await workflowOf(id);
    expect(wf.state).toBe('completed');
    expect(shop.refunds.filter((r) => r.orderId === order.id).map((r) => r.amount)).toEqual([5000]);
  });
});

describe('a repair of a purchase', () => {
  it('gives the rulebook the day it was completed (the +6 months after a repair)', async () => {
    const { caseId } = await caseWithShopifyOrder();
    const before = (await agent.get(`/api/v1/cases/${caseId}/policy-verdict?request=defect`)).json();
    expect(before.request.repairs).toEqual([]);
    const id = (await agent.post(`/api/v1/cases/${caseId}/workflows`, { kind: 'repair', repairer: 'technical_sav' })).json().id;
    for (const e of [{ type: 'dispatched' }, { type: 'diagnosed', needsPart: false }, { type: 'repair_done', success: true }]) {
      expect((await agent.post(`/api/v1/workflows/${id}/events`, e)).statusCode).toBe(200);
    }
    const after = (await agent.get(`/api/v1/cases/${caseId}/policy-verdict?request=defect`)).json();
    expect(after.request.repairs).toEqual([{ completedAt: clock.now().toISOString().slice(0, 10) }]);
  });
});
