import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { buildBrand, buildCase, buildStore } from '../../../test/support/factories.ts';

let h: Harness;
let admin: Client;
let brandId: string;

beforeAll(async () => {
  h = await startHarness();
  admin = await h.userClient('admin');
  brandId = (await buildBrand(h.ctx)).id;
});
afterAll(() => h?.close());

const create = (body: unknown) => admin.post('/api/v1/customers', body);

describe('customers and identities', () => {
  it('normalises identities on every channel', async () => {
    const res = await create({
      firstName: 'Jérôme',
      lastName: 'Lefèvre',
      identities: [
        { kind: 'email', value: 'Jerome.Lefevre@Exemple.FR' },
        { kind: 'phone', value: '06 12 34 56 78' },
        { kind: 'x', value: '@JeromeJardine' },
        { kind: 'external', system: 'shopify', value: '7365012345678901234' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.displayName).toBe('Jérôme Lefèvre');
    expect(c.identities.map((i: { kind: string; value: string }) => `${i.kind}:${i.value}`)).toEqual([
      'email:jerome.lefevre@exemple.fr',
      'phone:+33612345678',
      'x:jeromejardine',
      'external:7365012345678901234',
    ]);
  });

  it('gives each identity to one customer only', async () => {
    const first = (await create({ displayName: 'Anne', identities: [{ kind: 'email', value: 'anne@exemple.fr' }] })).json();
    const dup = await create({ displayName: 'Anne bis', identities: [{ kind: 'email', value: 'ANNE@exemple.fr' }] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().existingCustomerId).toBe(first.id);
    const other = (await create({ displayName: 'Paul' })).json();
    const attach = await admin.post(`/api/v1/customers/${other.id}/identities`, { kind: 'email', value: 'anne@exemple.fr' });
    expect(attach.statusCode).toBe(409);
    expect((await create({ displayName: 'Z', identities: [{ kind: 'phone', value: '12' }] })).json().errors[0].field).toBe('identities.0.value');
  });

  it('adds and removes identities', async () => {
    const c = (await create({ displayName: 'Marc Petit' })).json();
    const added = (await admin.post(`/api/v1/customers/${c.id}/identities`, { kind: 'whatsapp', value: '+32 470 12 34 56' })).json();
    expect(added.identities[0]).toMatchObject({ kind: 'whatsapp', value: '+32470123456' });
    const removed = (await admin.delete(`/api/v1/customers/${c.id}/identities/${added.identities[0].id}`)).json();
    expect(removed.identities).toEqual([]);
  });

  it('finds customers by name without accents, by typo, by e-mail, by phone as written, by handle', async () => {
    const c = (
      await create({
        firstName: 'Élodie',
        lastName: 'Marchand-Écuyer',
        identities: [
          { kind: 'email', value: 'elodie.m@exemple.fr' },
          { kind: 'phone', value: '07 61 22 33 44' },
          { kind: 'instagram', value: '@elodie_jardine' },
        ],
      })
    ).json();
    const found = async (q: string) => (await admin.get(`/api/v1/customers?q=${encodeURIComponent(q)}`)).json().items.map((x: { id: string }) => x.id);
    expect(await found('elodie')).toContain(c.id);
    expect(await found('MARCHAND ecuyer')).toContain(c.id);
    expect(await found('Marchnd')).toContain(c.id);
    expect(await found('elodie.m@exemple.fr')).toEqual([c.id]);
    expect(await found('+33 7 61 22 33 44')).toEqual([c.id]);
    expect(await found('0761223344')).toContain(c.id);
    expect(await found('0761')).toContain(c.id);
    expect(await found('@elodie_jardine')).toContain(c.id);
    expect(await found('zzzzqqq')).toEqual([]);
  });

  it('lists newest first with a cursor', async () => {
    const page1 = (await admin.get('/api/v1/customers?limit=2')).json();
    const page2 = (await admin.get(`/api/v1/customers?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page1.items).toHaveLength(2);
    expect(page2.items[0].id).not.toBe(page1.items[1].id);
  });

  it('shows identities and cases across channels on the customer page', async () => {
    const c1 = await buildCase(h.ctx, brandId, { customer: { email: 'fidele@exemple.fr', firstName: 'Fidèle' }, channel: 'email' });
    await buildCase(h.ctx, brandId, { customer: { email: 'fidele@exemple.fr', phone: '06 98 76 54 32' }, channel: 'phone' });
    const page = (await admin.get(`/api/v1/customers/${c1.customer.id}`)).json();
    expect(page.cases.map((c: { channel: string }) => c.channel).sort()).toEqual(['email', 'phone']);
    expect(page.identities.map((i: { kind: string }) => i.kind).sort()).toEqual(['email', 'phone']);
  });
});

describe('merging customers', () => {
  it('previews, then moves cases and identities, fills gaps, keeps a redirect and audits', async () => {
    const a = await buildCase(h.ctx, brandId, { customer: { email: 'sophie.durand@exemple.fr', firstName: 'Sophie', lastName: 'Durand' } });
    const b = await buildCase(h.ctx, brandId, { customer: { phone: '06 11 22 33 44', displayName: 'S. Durand' }, channel: 'phone' });
    await admin.patch(`/api/v1/customers/${b.customer.id}`, { company: 'Paysages Durand', firstName: 'Sophie-Anne' });
    const preview = (await admin.post(`/api/v1/customers/${a.customer.id}/merge`, { sourceId: b.customer.id, preview: true })).json();
    expect(preview).toMatchObject({ applied: false, moves: { caseIds: [b.id] }, filled: { company: 'Paysages Durand' }, conflicts: [{ field: 'firstName', survivor: 'Sophie', source: 'Sophie-Anne' }] });
    expect((await admin.get(`/api/v1/cases/${b.id}`)).json().customer.id).toBe(b.customer.id);

    const done = await admin.post(`/api/v1/customers/${a.customer.id}/merge`, { sourceId: b.customer.id });
    expect(done.json().applied).toBe(true);
    const survivor = (await admin.get(`/api/v1/customers/${a.customer.id}`)).json();
    expect(survivor.company).toBe('Paysages Durand');
    expect(survivor.firstName).toBe('Sophie');
    expect(survivor.identities.map((i: { value: string }) => i.value).sort()).toEqual(['+33611223344', 'sophie.durand@exemple.fr']);
    expect(survivor.cases.map((c: { id: string }) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect((await admin.get(`/api/v1/customers/${b.customer.id}`)).json().id).toBe(a.customer.id);
    const moved = (await admin.get(`/api/v1/cases/${b.id}/events`)).json().items.at(-1);
    expect(moved).toMatchObject({ type: 'customer_changed', visibility: 'internal', data: { from: b.customer.id, to: a.customer.id } });
    const audit = (await admin.get(`/api/v1/audit?action=customer.merged&targetId=${a.customer.id}`)).json().items;
    expect(audit[0].details).toMatchObject({ sourceId: b.customer.id, caseIds: [b.id] });
    expect((await admin.post(`/api/v1/customers/${a.customer.id}/merge`, { sourceId: b.customer.id })).statusCode).toBe(409);
    expect((await admin.post(`/api/v1/customers/${a.customer.id}/merge`, { sourceId: a.customer.id })).statusCode).toBe(422);
  });

  it('is not for store staff', async () => {
    const store = await buildStore(h.ctx, brandId);
    const staff = await h.userClient('store_staff', { storeIds: [store.id] });
    const x = (await create({ displayName: 'X' })).json();
    const y = (await create({ displayName: 'Y' })).json();
    expect((await staff.post(`/api/v1/customers/${x.id}/merge`, { sourceId: y.id })).statusCode).toBe(403);
  });
});
