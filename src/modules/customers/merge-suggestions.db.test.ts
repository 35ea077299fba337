// A second identity owned by someone else: suggested to the agents, never merged on its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { buildBrand } from '../../../test/support/factories.ts';

let h: Harness;
let agent: Client;
let viewer: Client;
let brandId: string;

beforeAll(async () => {
  h = await startHarness();
  agent = await h.userClient('agent');
  viewer = await h.userClient('viewer');
  brandId = (await buildBrand(h.ctx)).id;
});
afterAll(() => h?.close());

const newCustomer = async (displayName: string, identities: { kind: string; value: string }[]) =>
  (await agent.post('/api/v1/customers', { displayName, identities })).json() as { id: string };

/** A case opened at the counter with both the e-mail and the phone the customer gave. */
const openWith = async (contact: { email?: string; phone?: string }) => {
  const res = await agent.post('/api/v1/cases', { brandId, channel: 'counter', subject: 'Écran fissuré', customer: contact });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; customer: { id: string } };
};

const suggestionsOf = async (customerId: string, status = 'open') =>
  (await agent.get(`/api/v1/merge-suggestions?customerId=${customerId}&status=${status}`)).json().items as {
    id: string;
    customer: { id: string; displayName: string };
    otherCustomer: { id: string; displayName: string };
    identity: { kind: string; value: string };
    source: string;
  }[];

describe('merge suggestions', () => {
  it('attaches a free identity silently, and suggests (never makes) a merge when someone else owns it', async () => {
    const byMail = await newCustomer('Claire Martin', [{ kind: 'email', value: 'claire.martin@exemple.fr' }]);
    const byPhone = await newCustomer('C. Martin', [{ kind: 'phone', value: '+33 6 11 22 33 44' }]);

    const opened = await openWith({ email: 'Claire.Martin@exemple.fr', phone: '06 11 22 33 44' });
    expect(opened.customer.id).toBe(byMail.id);
    // The phone still belongs to the other record: nothing moved.
    const phoneOwner = (await agent.get(`/api/v1/customers/${byPhone.id}`)).json();
    expect(phoneOwner.identities.map((i: { value: string }) => i.value)).toEqual(['+33611223344']);
    expect(phoneOwner.mergedIntoId).toBeNull();

    const [s] = await suggestionsOf(byMail.id);
    expect(s).toMatchObject({
      customer: { id: byMail.id, displayName: 'Claire Martin' },
      otherCustomer: { id: byPhone.id, displayName: 'C. Martin' },
      identity: { kind: 'phone', value: '+33611223344' },
      source: 'counter',
    });
    // Shown on both customers' panels, once per pair however often the evidence comes back.
    await openWith({ email: 'claire.martin@exemple.fr', phone: '+33611223344' });
    expect(await suggestionsOf(byPhone.id)).toHaveLength(1);
    expect((await agent.get(`/api/v1/customers/${byPhone.id}`)).json().mergeSuggestions).toHaveLength(1);

    const free = await newCustomer('Hugo', [{ kind: 'email', value: 'hugo@exemple.fr' }]);
    await openWith({ email: 'hugo@exemple.fr', phone: '07 55 44 33 22' });
    const hugo = (await agent.get(`/api/v1/customers/${free.id}`)).json();
    expect(hugo.identities.map((i: { value: string }) => i.value).sort()).toEqual(['+33755443322', 'hugo@exemple.fr']);
    expect(hugo.mergeSuggestions).toEqual([]);
  });

  it('accepts with a preview first, into the older record by default, and settles the suggestion', async () => {
    const older = await newCustomer('Inès Roux', [{ kind: 'email', value: 'ines@exemple.fr' }]);
    const newer = await newCustomer('Ines R.', [{ kind: 'phone', value: '+33 6 99 88 77 66' }]);
    await openWith({ email: 'ines@exemple.fr', phone: '+33699887766' });
    const [s] = await suggestionsOf(older.id);

    expect((await viewer.post(`/api/v1/merge-suggestions/${s!.id}/accept`, {})).statusCode).toBe(403);
    const preview = (await agent.post(`/api/v1/merge-suggestions/${s!.id}/accept`, { preview: true })).json();
    expect(preview).toMatchObject({ applied: false, survivorId: older.id, sourceId: newer.id });
    expect(await suggestionsOf(older.id)).toHaveLength(1);

    const done = await agent.post(`/api/v1/merge-suggestions/${s!.id}/accept`, {});
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ applied: true, survivorId: older.id, sourceId: newer.id });
    expect((await agent.get(`/api/v1/customers/${newer.id}`)).json().id).toBe(older.id);
    expect(await suggestionsOf(older.id)).toEqual([]);
    expect((await suggestionsOf(older.id, 'accepted')).map((x) => x.id)).toEqual([s!.id]);
    expect((await agent.post(`/api/v1/merge-suggestions/${s!.id}/accept`, {})).statusCode).toBe(409);
  });

  it('keeps two people apart once an agent says so, and refuses a survivor outside the pair', async () => {
    const mother = await newCustomer('Sophie Blanc', [{ kind: 'email', value: 'famille.blanc@exemple.fr' }]);
    const son = await newCustomer('Théo Blanc', [{ kind: 'phone', value: '+33 6 12 12 12 12' }]);
    await openWith({ email: 'famille.blanc@exemple.fr', phone: '+33612121212' });
    const [s] = await suggestionsOf(son.id);

    const wrong = await agent.post(`/api/v1/merge-suggestions/${s!.id}/accept`, { survivorId: brandId });
    expect(wrong.statusCode).toBe(422);
    const dismissed = await agent.post(`/api/v1/merge-suggestions/${s!.id}/dismiss`);
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json().status).toBe('dismissed');

    await openWith({ email: 'famille.blanc@exemple.fr', phone: '+33612121212' });
    expect(await suggestionsOf(mother.id)).toEqual([]);
    expect((await agent.post(`/api/v1/merge-suggestions/${s!.id}/dismiss`)).statusCode).toBe(409);
    expect((await agent.post('/api/v1/merge-suggestions/0190a000-0000-7000-8000-000000000000/dismiss')).statusCode).toBe(404);
  });

  it('carries the absorbed customer’s other suggestions over to the survivor', async () => {
    const a = await newCustomer('Léa A', [{ kind: 'email', value: 'lea.a@exemple.fr' }]);
    const b = await newCustomer('Léa B', [{ kind: 'phone', value: '+33 6 01 02 03 04' }]);
    const c = await newCustomer('Léa C', [{ kind: 'email', value: 'lea.c@exemple.fr' }]);
    await openWith({ email: 'lea.c@exemple.fr', phone: '+33601020304' }); // c ~ b
    const merged = await agent.post(`/api/v1/customers/${a.id}/merge`, { sourceId: b.id });
    expect(merged.statusCode).toBe(200);
    const [moved] = await suggestionsOf(c.id);
    expect([moved!.customer.id, moved!.otherCustomer.id].sort()).toEqual([a.id, c.id].sort());
  });
});
