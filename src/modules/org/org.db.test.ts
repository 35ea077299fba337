import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';

let h: Harness;
let admin: Client;

beforeAll(async () => {
  h = await startHarness();
  admin = await h.userClient('admin');
});
afterAll(() => h?.close());

describe('brands, stores and teams', () => {
  it('creates a brand with its points of sale of every kind', async () => {
    const brand = (await admin.post('/api/v1/brands', { slug: 'jardin-maison', name: 'Jardin & Maison' })).json();
    const strasbourg = await admin.post('/api/v1/stores', {
      brandId: brand.id,
      code: 'STR01',
      name: 'Jardin & Maison Strasbourg',
      kind: 'store',
      addressLine1: '12 rue du Vieux-Marché-aux-Poissons',
      postalCode: '67000',
      city: 'Strasbourg',
      country: 'FR',
      region: 'alsace-moselle',
      timezone: 'Europe/Paris',
      phone: '+33 3 88 00 00 00',
    });
    expect(strasbourg.statusCode).toBe(201);
    expect(strasbourg.json()).toMatchObject({ kind: 'store', region: 'alsace-moselle', city: 'Strasbourg' });
    for (const [code, kind] of [['WEB', 'eshop'], ['MKP', 'marketplace'], ['WH1', 'warehouse'], ['DLR1', 'dealer']] as const) {
      expect((await admin.post('/api/v1/stores', { brandId: brand.id, code, name: code, kind, country: 'FR', timezone: 'Europe/Paris' })).statusCode).toBe(201);
    }
    const stores = (await admin.get(`/api/v1/stores?brandId=${brand.id}`)).json().items;
    expect(stores.map((s: { kind: string }) => s.kind).sort()).toEqual(['dealer', 'eshop', 'marketplace', 'store', 'warehouse']);
    expect((await admin.get(`/api/v1/stores?brandId=${brand.id}&kind=dealer`)).json().items).toHaveLength(1);
  });

  it('validates time zones, countries, codes and references', async () => {
    const brand = (await admin.post('/api/v1/brands', { slug: 'auto-verdier', name: 'Automobiles Verdier' })).json();
    const base = { brandId: brand.id, code: 'MTL', name: 'Concession Montréal', kind: 'dealer', country: 'CA', region: 'QC', timezone: 'America/Toronto' };
    expect((await admin.post('/api/v1/stores', base)).statusCode).toBe(201);
    expect((await admin.post('/api/v1/stores', base)).statusCode).toBe(409);
    const badZone = await admin.post('/api/v1/stores', { ...base, code: 'X1', timezone: 'Mars/Olympus' });
    expect(badZone.statusCode).toBe(422);
    expect(badZone.json().errors[0].field).toBe('timezone');
    expect((await admin.post('/api/v1/stores', { ...base, code: 'X2', country: 'France' })).statusCode).toBe(422);
    expect((await admin.post('/api/v1/stores', { ...base, code: 'X3', brandId: '01900000-0000-7000-8000-000000000000' })).statusCode).toBe(422);
    expect((await admin.post('/api/v1/brands', { slug: 'Pas Un Slug', name: 'x' })).statusCode).toBe(422);
    expect((await admin.post('/api/v1/brands', { slug: 'auto-verdier', name: 'doublon' })).statusCode).toBe(409);
  });

  it('updates, and refuses to delete what cases still use', async () => {
    const brand = (await admin.post('/api/v1/brands', { slug: 'maison-deco', name: 'Maison Déco' })).json();
    const store = (await admin.post('/api/v1/stores', { brandId: brand.id, code: 'LYO', name: 'Lyon', kind: 'store', country: 'FR', timezone: 'Europe/Paris' })).json();
    expect((await admin.patch(`/api/v1/stores/${store.id}`, { name: 'Lyon Part-Dieu', city: 'Lyon' })).json()).toMatchObject({ name: 'Lyon Part-Dieu', city: 'Lyon' });
    await admin.post('/api/v1/cases', { customer: { email: 'lyon@exemple.fr' }, subject: 'Retour', brandId: brand.id, storeId: store.id });
    const refused = await admin.delete(`/api/v1/stores/${store.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/deactivate/);
    expect((await admin.patch(`/api/v1/stores/${store.id}`, { active: false })).json().active).toBe(false);
    const unused = (await admin.post('/api/v1/brands', { slug: 'ephemere', name: 'Éphémère' })).json();
    expect((await admin.delete(`/api/v1/brands/${unused.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/brands/${unused.id}`)).statusCode).toBe(404);
  });

  it('manages teams and their members', async () => {
    const agent = await h.userClient('agent');
    const lead = await h.userClient('manager');
    const team = await admin.post('/api/v1/teams', { slug: 'litiges', name: 'Litiges', leadUserId: lead.userId, memberIds: [agent.userId, lead.userId] });
    expect(team.statusCode).toBe(201);
    expect(team.json().memberIds.sort()).toEqual([agent.userId, lead.userId].sort());
    const updated = await admin.patch(`/api/v1/teams/${team.json().id}`, { memberIds: [lead.userId], description: 'Mises en demeure, rétrofacturations' });
    expect(updated.json()).toMatchObject({ memberIds: [lead.userId], description: 'Mises en demeure, rétrofacturations' });
    // A PATCH changes what it names, nothing else: the members stay, a deactivated team stays so.
    await admin.patch(`/api/v1/teams/${team.json().id}`, { active: false });
    const renamed = await admin.patch(`/api/v1/teams/${team.json().id}`, { name: 'Litiges et contentieux' });
    expect(renamed.json()).toMatchObject({ name: 'Litiges et contentieux', memberIds: [lead.userId], active: false });
    expect((await admin.post('/api/v1/teams', { slug: 'x', name: 'X', memberIds: ['01900000-0000-7000-8000-000000000000'] })).statusCode).toBe(422);
  });

  it('is managed by admins only and audited', async () => {
    const manager = await h.userClient('manager');
    expect((await manager.post('/api/v1/brands', { slug: 'nope', name: 'Nope' })).statusCode).toBe(403);
    expect((await manager.get('/api/v1/brands')).statusCode).toBe(200);
    const actions = (await admin.get('/api/v1/audit?targetType=store')).json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['store.created', 'store.updated']));
  });

  it('shows brand-scoped users their brands only', async () => {
    const a = (await admin.post('/api/v1/brands', { slug: 'scope-a', name: 'A' })).json();
    await admin.post('/api/v1/brands', { slug: 'scope-b', name: 'B' });
    const scoped = await h.userClient('agent', { brandIds: [a.id] });
    expect((await scoped.get('/api/v1/brands')).json().items.map((b: { id: string }) => b.id)).toEqual([a.id]);
  });
});
