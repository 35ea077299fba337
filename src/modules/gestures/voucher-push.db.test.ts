// Vouchers pushed to Shopify as discount codes, against the local fake of the Admin GraphQL
// API: queued with the grant, created for the shop's customer (single use, the voucher's
// amount off the order); a code the shop already has drawn again; a throttled shop retried
// once its bucket refills; a refused token failing the push with its reason.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asInjection, connectFakeShop, startFakeShopify, type FakeShopify, type FakeShopifyOrder } from '../../../test/fakes/shopify.ts';
import { buildCase } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { ManualClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/database.ts';
import type { GestureDto, GesturePanelDto } from './gestures.contract.ts';

const clock = new ManualClock('2026-03-02T10:00:00+01:00');
let h: Harness;
let shop: FakeShopify;
let admin: Client;
let agent: Client;
let brandId: string;
let sourceId: string;
let webhook: string;

beforeAll(async () => {
  h = await startHarness({ clock });
  // A small bucket refilling slowly: a throttled shop keeps the push waiting longer than a client waits.
  shop = await startFakeShopify({ bucket: { maximumAvailable: 100, restoreRate: 0.5 } });
  admin = await h.userClient('admin');
  agent = await h.userClient('agent', { name: 'Camille Agent' });
  brandId = (await admin.post('/api/v1/brands', { slug: 'jardin', name: 'Jardin & Co' })).json().id;
  ({ sourceId, webhookUrl: webhook } = await connectFakeShop(admin, shop, { brandId }));
});
afterAll(async () => {
  expect(shop?.unexpected ?? []).toEqual([]);
  await shop?.close();
  await h?.close();
});

let n = 0;
/** A customer who bought on the shop (its webhook received), and a case of theirs. */
async function shopCustomerCase(): Promise<{ caseId: string; customerGid: string }> {
  n++;
  const email = `acheteur.${n}@exemple.fr`;
  const order: FakeShopifyOrder = {
    id: `56789012345678${90000 + n}`,
    orderNumber: 1000 + n,
    email,
    customer: { id: `72345678901234${50000 + n}`, email, firstName: 'Claire', lastName: `Martin ${n}` },
    createdAt: '2026-02-20T10:00:00+01:00',
    updatedAt: '2026-02-20T10:00:00+01:00',
    currency: 'EUR',
    financialStatus: 'paid',
    fulfillmentStatus: null,
    gateway: 'shopify_payments',
    lines: [{ id: `92345678901234${50000 + n}1`, title: 'Tondeuse Gardena PowerMax 37E', sku: 'GAR-5041', quantity: 1, price: '199.00' }],
    fulfillments: [],
  };
  shop.orders.push(order);
  const res = await h.app.inject(asInjection(shop.webhook(webhook, 'orders/create', shop.orderBody(order))));
  expect(res.statusCode, res.body).toBe(200);
  await h.worker.drain();
  const c = await buildCase(h.ctx, brandId, { customer: { email }, assigneeId: agent.userId });
  return { caseId: c.id, customerGid: `gid://shopify/Customer/${order.customer!.id}` };
}

const grantVoucher = async (caseId: string, amount: number) => {
  const res = await agent.post(`/api/v1/cases/${caseId}/gestures`, { kind: 'voucher', amount });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().gesture as GestureDto;
};
const gestureOf = async (caseId: string, id: string) => ((await agent.get(`/api/v1/cases/${caseId}/gestures`)).json() as GesturePanelDto).gestures.find((g) => g.id === id)!;
// Jobs still to run (a job given up on stays, failed, for operators).
const pendingPushJobs = async () => (await queryRows<{ n: number }>(h.ctx.db, sql`SELECT count(*)::int AS n FROM job WHERE name = 'gestures.voucher-push' AND state <> 'failed'`))[0]!.n;

describe('a voucher for a Shopify customer', () => {
  it('is queued with its grant and created on the shop as a single-use discount code for that customer', async () => {
    const { caseId, customerGid } = await shopCustomerCase();
    expect(((await agent.get(`/api/v1/cases/${caseId}/gestures`)).json() as GesturePanelDto).shopify).toBe(true);
    const g = await grantVoucher(caseId, 3_000);
    expect(g.push).toEqual({ state: 'pending', detail: null, discountId: null });
    expect(await pendingPushJobs()).toBe(1);
    await h.worker.drain();
    const pushed = await gestureOf(caseId, g.id);
    expect(pushed.push).toMatchObject({ state: 'pushed', detail: null, discountId: expect.stringMatching(/^gid:\/\/shopify\/DiscountCodeNode\/\d+$/) });
    const discount = shop.discounts.find((d) => d.id === pushed.push.discountId)!;
    expect(discount).toMatchObject({ code: g.voucherCode, amount: '30.00', appliesOnEachItem: false, customers: [customerGid], usageLimit: 1, appliesOncePerCustomer: true, startsAt: '2026-03-02T09:00:00.000Z' });
    expect(discount.title).toContain(g.voucherCode!);
  });

  it('draws another code when the shop already has this one (TAKEN)', async () => {
    const { caseId } = await shopCustomerCase();
    const g = await grantVoucher(caseId, 1_500);
    shop.takenCodes.add(g.voucherCode!);
    await h.worker.drain();
    const pushed = await gestureOf(caseId, g.id);
    expect(pushed.push.state).toBe('pushed');
    expect(pushed.voucherCode).not.toBe(g.voucherCode);
    expect(shop.discounts.find((d) => d.id === pushed.push.discountId)).toMatchObject({ code: pushed.voucherCode, amount: '15.00' });
  });

  it('waits for a throttled shop and pushes once its bucket refills', async () => {
    const { caseId } = await shopCustomerCase();
    const g = await grantVoucher(caseId, 2_000);
    shop.spend(0);
    await h.worker.drain();
    const waiting = await gestureOf(caseId, g.id);
    expect(waiting.push.state).toBe('pending');
    expect(waiting.push.detail).toMatch(/^temporary \(THROTTLED\): Throttled/);
    expect(await pendingPushJobs()).toBe(1);
    shop.spend(100);
    clock.advance(60_000);
    await h.worker.drain();
    expect((await gestureOf(caseId, g.id)).push.state).toBe('pushed');
  });

  it('fails with the reason when the shop refuses the access token, and marks the source failing', async () => {
    const { caseId } = await shopCustomerCase();
    const g = await grantVoucher(caseId, 1_000);
    shop.revokeToken();
    await h.worker.drain();
    const failed = await gestureOf(caseId, g.id);
    expect(failed.push).toMatchObject({ state: 'failed', discountId: null });
    expect(failed.push.detail).toMatch(/^auth \(401\): \[API\] Invalid API key/);
    expect((await admin.get(`/api/v1/order-sources/${sourceId}`)).json()).toMatchObject({ state: 'failing' });
    expect(await pendingPushJobs()).toBe(0);
  });
});

describe('a voucher for a customer who never bought on Shopify', () => {
  it('is not pushed anywhere', async () => {
    const c = await buildCase(h.ctx, brandId, { customer: { email: 'magasin.seulement@exemple.fr' }, assigneeId: agent.userId });
    const g = await grantVoucher(c.id, 1_000);
    expect(g.push.state).toBe('none');
  });
});
