// PrestaShop end to end against the fake webservice: the poller reads every order changed since
// the cursor in pages (more than a page changed in the same second included), with the key as
// Basic auth, JSON asked, date filters with date=1; the cursor moves with each page; a later
// run reads only what changed since; the scheduled sweep polls through the job queue; a refused
// key marks the source failing and the connection test says why.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePrestashop, type FakePrestashop, type FakePsOrder } from '../../../../test/fakes/prestashop.ts';
import { startHarness, type Client, type Harness } from '../../../../test/support/harness.ts';
import { queryRows } from '../../../platform/db/database.ts';
import { sweepPrestashopSources } from '../commerce.jobs.ts';
import { PAGE_SIZE, pollPrestashop } from './prestashop.poll.ts';

let h: Harness;
let ps: FakePrestashop;
let admin: Client;
let sourceId: string;

const pad = (n: number) => String(n).padStart(2, '0');

function anOrder(id: number, dateUpd: string, over: Partial<FakePsOrder> = {}): FakePsOrder {
  return {
    id,
    reference: `REF${String(id).padStart(6, '0')}`,
    idCustomer: (id % 3) + 1,
    idAddressDelivery: (id % 3) + 11,
    idCurrency: 1,
    currentState: 2,
    valid: true,
    payment: 'Carte bancaire',
    dateAdd: '2026-02-01 09:00:00',
    dateUpd,
    rows: [{ id: id * 10, name: 'Arrosoir 10 L', reference: 'ARR-10', ean13: '3760000000017', quantity: 1, unitPriceTaxIncl: '29.900000' }],
    ...over,
  };
}

beforeAll(async () => {
  h = await startHarness();
  ps = await startFakePrestashop();
  ps.customers.push(
    { id: 1, email: 'anne.roux@exemple.fr', firstname: 'Anne', lastname: 'Roux' },
    { id: 2, email: 'marc.blanc@exemple.fr', firstname: 'Marc', lastname: 'Blanc' },
    { id: 3, email: 'lea.noir@exemple.fr', firstname: 'Léa', lastname: 'Noir' },
  );
  ps.addresses.push({ id: 11, phone: '', phone_mobile: '06 11 22 33 44' }, { id: 12, phone: '04 78 00 00 01', phone_mobile: '' }, { id: 13, phone: '', phone_mobile: '' });
  // 150 orders: 120 changed in the very same second (more than a page), then 30 a minute apart.
  for (let i = 1; i <= 120; i++) ps.orders.push(anOrder(i, '2026-03-01 12:00:00'));
  for (let i = 121; i <= 150; i++) ps.orders.push(anOrder(i, `2026-03-01 13:${pad(i - 121)}:00`));
  admin = await h.userClient('admin');
  const res = await admin.post('/api/v1/order-sources', {
    kind: 'prestashop',
    name: 'Boutique PrestaShop',
    salesChannel: 'online',
    settings: { shopUrl: ps.url, timeZone: 'Europe/Paris' },
    secrets: { webserviceKey: ps.key },
  });
  expect(res.statusCode, res.body).toBe(201);
  sourceId = res.json().id;
});
afterAll(async () => {
  expect(ps?.unexpected ?? []).toEqual([]);
  await ps?.close();
  await h?.close();
});

const orderCount = async () => (await queryRows<{ n: number }>(h.ctx.db, sql`SELECT count(*)::int AS n FROM sales_order WHERE source_id = ${sourceId}`))[0]!.n;

describe('the PrestaShop poller', () => {
  it('reads every order changed since the cursor, page by page, and moves the cursor', async () => {
    const result = await pollPrestashop(h.ctx, sourceId);
    expect(result).toMatchObject({ read: 150, failed: [], cursor: { dateUpd: '2026-03-01 13:29:00', lastId: 150 } });
    expect(await orderCount()).toBe(150);
    const orders = ps.requests.filter((r) => r.resource === 'orders');
    expect(orders[0]!.query).toMatchObject({ output_format: 'JSON', display: 'full', date: '1', sort: '[date_upd_ASC,id_ASC]', 'filter[date_upd]': '[1970-01-01 00:00:00,9999-12-31 23:59:59]', limit: `0,${PAGE_SIZE}` });
    // The second page of the same second was read further on in that second.
    expect(orders.some((r) => r.query['filter[date_upd]']?.startsWith('[2026-03-01 12:00:00,') && r.query.limit === `${PAGE_SIZE},${PAGE_SIZE}`)).toBe(true);
    const [o] = await queryRows<{ number: string; total_amount: number; purchased_at: Date; customer_id: string }>(
      h.ctx.db,
      sql`SELECT number, total_amount::int AS total_amount, purchased_at, customer_id FROM sales_order WHERE source_id = ${sourceId} AND external_id = '1'`,
    );
    expect(o).toMatchObject({ number: 'REF000001', total_amount: 2990 });
    expect(new Date(o!.purchased_at).toISOString()).toBe('2026-02-01T08:00:00.000Z');
    const [phone] = await queryRows<{ value: string }>(h.ctx.db, sql`SELECT value FROM customer_identity WHERE customer_id = ${o!.customer_id} AND kind = 'phone'`);
    expect(phone?.value).toBe('+33478000001');
    expect((await admin.get(`/api/v1/order-sources/${sourceId}`)).json().cursor).toEqual({ dateUpd: '2026-03-01 13:29:00', lastId: 150 });
  });

  it('reads next time only what changed since, updating orders in place (the delivery with them)', async () => {
    ps.requests.length = 0;
    const nothing = await pollPrestashop(h.ctx, sourceId);
    expect(nothing).toMatchObject({ read: 0 });
    const changed = ps.orders.find((o) => o.id === 7)!;
    Object.assign(changed, { dateUpd: '2026-03-04 18:00:00', currentState: 5, deliveryDate: '2026-03-04 11:00:00' });
    ps.orders.push(anOrder(151, '2026-03-04 18:05:00'));
    const next = await pollPrestashop(h.ctx, sourceId);
    expect(next).toMatchObject({ read: 2, cursor: { dateUpd: '2026-03-04 18:05:00', lastId: 151 } });
    expect(ps.requests.find((r) => r.resource === 'orders')!.query['filter[date_upd]']).toBe('[2026-03-01 13:29:00,9999-12-31 23:59:59]');
    expect(await orderCount()).toBe(151);
    const [o] = await queryRows<{ delivered_at: Date; fulfillment_status: string }>(h.ctx.db, sql`SELECT delivered_at, fulfillment_status FROM sales_order WHERE source_id = ${sourceId} AND external_id = '7'`);
    expect(new Date(o!.delivered_at).toISOString()).toBe('2026-03-04T10:00:00.000Z');
    expect(o!.fulfillment_status).toBe('fulfilled');
  });

  it('polls on schedule through the job queue, one poll per source', async () => {
    ps.orders.push(anOrder(152, '2026-03-05 08:00:00'));
    expect(await sweepPrestashopSources(h.ctx)).toBe(1);
    // A second sweep while the first poll waits adds nothing.
    expect(await sweepPrestashopSources(h.ctx)).toBe(0);
    await h.worker.drain();
    expect(await orderCount()).toBe(152);
  });

  it('marks the source failing when the shop refuses the key, and the connection test says so', async () => {
    const ok = await admin.post(`/api/v1/order-sources/${sourceId}/test`, undefined, { 'accept-language': 'en' });
    expect(ok.json()).toMatchObject({ ok: true, checks: [{ name: 'prestashop_webservice', ok: true }, { name: 'prestashop_cursor', ok: true }] });
    expect(ok.json().checks[1].detail).toContain('2026-03-05 08:00:00');
    await admin.patch(`/api/v1/order-sources/${sourceId}`, { secrets: { webserviceKey: 'WRONGWRONGWRONGWRONG' } });
    const refused = await admin.post(`/api/v1/order-sources/${sourceId}/test`, undefined, { 'accept-language': 'fr' });
    expect(refused.json()).toMatchObject({ ok: false, checks: [{ name: 'prestashop_webservice', ok: false }, { name: 'prestashop_cursor' }] });
    expect(refused.json().checks[0].detail).toContain('refuse la clé');
    expect(await pollPrestashop(h.ctx, sourceId)).toMatchObject({ read: 0 });
    const after = (await admin.get(`/api/v1/order-sources/${sourceId}`)).json();
    expect(after).toMatchObject({ state: 'failing' });
    expect(after.stateDetail).toContain('Invalid authentication key');
    // Failing: no longer polled until an admin puts it back.
    expect(await sweepPrestashopSources(h.ctx)).toBe(0);
    await admin.patch(`/api/v1/order-sources/${sourceId}`, { secrets: { webserviceKey: ps.key }, state: 'active' });
    expect((await admin.get(`/api/v1/order-sources/${sourceId}`)).json()).toMatchObject({ state: 'active', stateDetail: null });
  });
});
