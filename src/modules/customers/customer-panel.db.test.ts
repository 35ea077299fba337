// The customer panel's data, as the web app reads it (and checks it against the contract):
// the customer with the first 50 of every case of theirs — other stores' included, other
// brands' never — the rest paged from the case list, and the open merge suggestions from
// either side, which an accepted merge settles (the absorbed record's id then leads to the
// survivor with everything moved).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { buildBrand, buildCase, buildStore } from '../../../test/support/factories.ts';
import { caseSchema } from '../cases/cases.contract.ts';
import { customerDetailSchema } from './customers.contract.ts';

let h: Harness;
let agent: Client;
let staff: Client;
let ids: { brand: string; otherBrand: string; mine: string; other: string };

beforeAll(async () => {
  h = await startHarness();
  const brand = (await buildBrand(h.ctx)).id;
  const otherBrand = (await buildBrand(h.ctx)).id;
  ids = { brand, otherBrand, mine: (await buildStore(h.ctx, brand)).id, other: (await buildStore(h.ctx, brand)).id };
  agent = await h.userClient('agent');
  staff = await h.userClient('store_staff', { brandIds: [brand], storeIds: [ids.mine] });
}, 60_000);
afterAll(() => h?.close());

const panelOf = async (client: Client, customerId: string) => {
  const res = await client.get(`/api/v1/customers/${customerId}`);
  expect(res.statusCode, res.body).toBe(200);
  return customerDetailSchema.parse(res.json());
};

describe('the customer panel’s data', () => {
  it('gives the newest 50 cases of every store of the brand, never another brand’s, and pages through the rest', async () => {
    const customer = { email: 'fidele.client@exemple.fr', firstName: 'Fidèle', lastName: 'Client' };
    const first = await buildCase(h.ctx, ids.brand, { customer, storeId: ids.other, channel: 'counter', subject: 'Le plus ancien' });
    for (let i = 0; i < 54; i++) await buildCase(h.ctx, ids.brand, { customer, storeId: i % 2 ? ids.mine : undefined, subject: `Demande ${i}` });
    await buildCase(h.ctx, ids.otherBrand, { customer, subject: 'Chez une autre marque' });

    const panel = await panelOf(staff, first.customer.id);
    expect(panel.cases).toHaveLength(50);
    expect(panel.cases[0]!.subject).toBe('Demande 53'); // newest first
    expect(panel.cases.every((c) => c.brandId === ids.brand)).toBe(true);
    // Store staff see their store's cases in full, the web's and the other store's read-only.
    expect(new Set(panel.cases.map((c) => `${c.storeId === ids.mine}:${c.access}`))).toEqual(new Set(['true:full', 'false:history']));

    // "Show every case": the case list of the customer, the same order, with a cursor.
    const pages = [];
    let cursor: string | null = null;
    do {
      const res = await staff.get(`/api/v1/cases?customerId=${first.customer.id}&sort=-createdAt&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: unknown[]; nextCursor: string | null };
      pages.push(page.items.map((c) => caseSchema.parse(c)));
      cursor = page.nextCursor;
    } while (cursor);
    const all = pages.flat();
    expect(all).toHaveLength(55);
    expect(all.slice(0, 50).map((c) => c.id)).toEqual(panel.cases.map((c) => c.id));
    expect(all.at(-1)).toMatchObject({ id: first.id, subject: 'Le plus ancien', access: 'history' });
    // The agent, who works every store and brand, sees the other brand's case too.
    expect((await panelOf(agent, first.customer.id)).cases.some((c) => c.subject === 'Chez une autre marque')).toBe(true);
  });

  it('lists the open merge suggestions on both customers’ panels, and an accepted one leads the absorbed id to the survivor', async () => {
    const byMail = await buildCase(h.ctx, ids.brand, { customer: { email: 'double@exemple.fr', firstName: 'Anne', lastName: 'Double' }, subject: 'Par e-mail' });
    const byPhone = await buildCase(h.ctx, ids.brand, { customer: { phone: '06 44 55 66 77', lastName: 'Double' }, channel: 'phone', subject: 'Par téléphone' });
    await buildCase(h.ctx, ids.brand, { customer: { email: 'double@exemple.fr', phone: '06 44 55 66 77' }, channel: 'counter', subject: 'Au comptoir' });

    const anne = await panelOf(agent, byMail.customer.id);
    const other = await panelOf(agent, byPhone.customer.id);
    expect(anne.mergeSuggestions).toHaveLength(1);
    expect(other.mergeSuggestions.map((s) => s.id)).toEqual(anne.mergeSuggestions.map((s) => s.id));
    expect(anne.mergeSuggestions[0]).toMatchObject({ customer: { id: byMail.customer.id }, otherCustomer: { id: byPhone.customer.id }, identity: { kind: 'phone', value: '+33644556677' }, source: 'counter' });

    const preview = await agent.post(`/api/v1/merge-suggestions/${anne.mergeSuggestions[0]!.id}/accept`, { preview: true });
    expect(preview.json()).toMatchObject({ applied: false, survivorId: byMail.customer.id, sourceId: byPhone.customer.id, moves: { caseIds: [byPhone.id] } });
    expect((await panelOf(agent, byPhone.customer.id)).id).toBe(byPhone.customer.id); // a preview changes nothing
    expect((await agent.post(`/api/v1/merge-suggestions/${anne.mergeSuggestions[0]!.id}/accept`, {})).statusCode).toBe(200);

    // The absorbed record's panel is the survivor's: both identities, the three cases, nothing left to suggest.
    const merged = await panelOf(agent, byPhone.customer.id);
    expect(merged.id).toBe(byMail.customer.id);
    expect(merged.identities.map((i) => i.value).sort()).toEqual(['+33644556677', 'double@exemple.fr']);
    expect(merged.cases.map((c) => c.subject).sort()).toEqual(['Au comptoir', 'Par e-mail', 'Par téléphone']);
    expect(merged.mergeSuggestions).toEqual([]);
  });

  it('is a 404 for an unknown customer', async () => {
    expect((await agent.get('/api/v1/customers/00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });
});
