// Data scope: a store's staff works their store's cases and reads the shared customer
// history (public part only) of their brand; other brands stay invisible.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { buildBrand, buildCase, buildStore } from '../../../test/support/factories.ts';

let h: Harness;
let admin: Client;
let grignyStaff: Client;
let ids: { brand: string; otherBrand: string; grigny: string; lyon: string };

beforeAll(async () => {
  h = await startHarness();
  admin = await h.userClient('admin');
  const brand = (await buildBrand(h.ctx)).id;
  const otherBrand = (await buildBrand(h.ctx)).id;
  ids = { brand, otherBrand, grigny: (await buildStore(h.ctx, brand, { name: 'Grigny' })).id, lyon: (await buildStore(h.ctx, brand, { name: 'Lyon' })).id };
  grignyStaff = await h.userClient('store_staff', { brandIds: [brand], storeIds: [ids.grigny] });
});
afterAll(() => h?.close());

describe('store scope', () => {
  it('lists only the store’s own cases in the inbox', async () => {
    const mine = await buildCase(h.ctx, ids.brand, { storeId: ids.grigny });
    const lyon = await buildCase(h.ctx, ids.brand, { storeId: ids.lyon });
    const web = await buildCase(h.ctx, ids.brand);
    const listed = (await grignyStaff.get('/api/v1/cases?limit=200')).json().items.map((c: { id: string }) => c.id);
    expect(listed).toContain(mine.id);
    expect(listed).not.toContain(lyon.id);
    expect(listed).not.toContain(web.id);
  });

  it('shows another store’s case of the same customer read-only, without its internal notes', async () => {
    const customer = { email: 'partage@exemple.fr', firstName: 'Client', lastName: 'Partagé' };
    const online = await buildCase(h.ctx, ids.brand, { customer, channel: 'webform' });
    await admin.post(`/api/v1/cases/${online.id}/messages`, { kind: 'note', body: 'Note interne du SAV web' });
    await admin.post(`/api/v1/cases/${online.id}/messages`, { kind: 'reply', body: 'Réponse publique' });
    const history = (await grignyStaff.get(`/api/v1/customers/${online.customer.id}`)).json();
    expect(history.cases.map((c: { id: string; access: string }) => [c.id, c.access])).toEqual([[online.id, 'history']]);
    const c = await grignyStaff.get(`/api/v1/cases/${online.id}`);
    expect(c.json().access).toBe('history');
    const events = (await grignyStaff.get(`/api/v1/cases/${online.id}/events`)).json().items;
    expect(events.map((e: { body: string | null }) => e.body)).toContain('Réponse publique');
    expect(events.every((e: { visibility: string }) => e.visibility === 'public')).toBe(true);
    expect((await grignyStaff.patch(`/api/v1/cases/${online.id}`, { priority: 'high' })).statusCode).toBe(403);
    expect((await grignyStaff.post(`/api/v1/cases/${online.id}/messages`, { kind: 'note', body: 'x' })).statusCode).toBe(403);
  });

  it('hides other brands entirely', async () => {
    const foreign = await buildCase(h.ctx, ids.otherBrand);
    expect((await grignyStaff.get(`/api/v1/cases/${foreign.id}`)).statusCode).toBe(404);
    expect((await grignyStaff.get(`/api/v1/cases/${foreign.id}/events`)).statusCode).toBe(404);
  });

  it('opens cases only for the staff’s own store', async () => {
    const ok = await grignyStaff.post('/api/v1/cases', { customer: { email: 'comptoir@exemple.fr' }, subject: 'Au comptoir', channel: 'counter', storeId: ids.grigny });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ brandId: ids.brand, storeId: ids.grigny, channel: 'counter' });
    expect((await grignyStaff.post('/api/v1/cases', { customer: { email: 'comptoir@exemple.fr' }, subject: 'x', storeId: ids.lyon })).statusCode).toBe(403);
    expect((await grignyStaff.patch(`/api/v1/cases/${ok.json().id}`, { storeId: ids.lyon })).statusCode).toBe(403);
  });
});
