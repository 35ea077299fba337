// The rulebook through the API on a real database: the built-in version 0, saving versions
// (validated, audited, history kept, a stale edit refused), verdicts naming the version they
// were made with, and the verdict on a case from its linked order line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { buildBrand, buildStore } from '../../../test/support/factories.ts';
import { ManualClock } from '../../platform/clock.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { caseOrderLine, order, orderLine, orderSource, product } from '../commerce/commerce.schema.ts';
import { builtInDocument } from './default-document.ts';

const clock = new ManualClock('2026-04-02T08:00:00Z');
let h: Harness;
let admin: Client;
let agent: Client;
let brandId: string;

beforeAll(async () => {
  h = await startHarness({ clock });
  admin = await h.userClient('admin');
  agent = await h.userClient('agent');
  brandId = (await buildBrand(h.ctx, { slug: 'maison-bleue', name: 'Maison Bleue' })).id;
});
afterAll(() => h?.close());

const retailer = {
  ...builtInDocument,
  returns: { windowDays: { store: 30, online: 30, marketplace: 14, off_premises: 14 }, refundWithinDays: 10, exchangeInStore: true },
  storeWarrantyMonths: { tv: 36 },
  storeExchange: { enabled: true, maxPrice: { EUR: 30_000 }, maxDaysSincePurchase: 30, requiresStock: true, channels: ['store', 'online'] },
};

const request = {
  country: 'FR',
  channel: 'online',
  condition: 'new',
  category: 'tv',
  purchasedAt: '2026-03-01',
  deliveredAt: '2026-03-02',
  requestedAt: '2026-03-20',
  request: 'withdrawal',
  customMade: false,
  repairs: [],
  replacements: [],
  price: { amount: 39_900, currency: 'EUR' },
};

describe('the policy document and its versions', () => {
  it('starts with the built-in defaults, version 0, which the verdicts name', async () => {
    const current = await agent.get('/api/v1/policies/current');
    expect(current.statusCode).toBe(200);
    expect(current.json()).toEqual({ version: 0, document: builtInDocument, comment: null, createdAt: null, createdBy: null });
    const verdict = await agent.post('/api/v1/policies/evaluate', request);
    expect(verdict.statusCode).toBe(200);
    expect(verdict.json()).toMatchObject({ eligible: false, withdrawalUntil: '2026-03-16', rules: ['fr.withdrawal.14_days'], policyVersion: 0 });
    expect((await agent.get('/api/v1/policies/versions')).json()).toEqual({ items: [], nextCursor: null });
  });

  it('only an administrator saves one', async () => {
    const res = await agent.request({ method: 'PUT', url: '/api/v1/policies/current', payload: { document: retailer } });
    expect(res.statusCode).toBe(403);
  });

  it('refuses an invalid document with problem+json naming each field, and stores nothing', async () => {
    const bad = {
      ...retailer,
      returns: { ...retailer.returns, windowDays: { ...retailer.returns.windowDays, online: -3 } },
      storeExchange: { ...retailer.storeExchange, maxPrice: {} },
      colour: 'blue',
    };
    const res = await admin.request({ method: 'PUT', url: '/api/v1/policies/current', payload: { document: bad, comment: 'oops' } });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('document.returns.windowDays.online');
    expect(fields).toContain('document');
    const unknownCategory = await admin.request({
      method: 'PUT',
      url: '/api/v1/policies/current',
      payload: { document: { ...retailer, withdrawalExceptions: { food: 'rotten' } } },
    });
    expect(unknownCategory.statusCode).toBe(422);
    expect(unknownCategory.json().errors.map((e: { field: string }) => e.field)).toEqual(['document.withdrawalExceptions.food']);
    const noPrice = await admin.request({ method: 'PUT', url: '/api/v1/policies/current', payload: { document: { ...retailer, storeExchange: { ...retailer.storeExchange, maxPrice: {} } } } });
    expect(noPrice.statusCode).toBe(422);
    expect(noPrice.json().errors).toEqual([{ field: 'document.storeExchange.maxPrice', message: 'name the highest price for at least one currency when the exchange is enabled' }]);
    expect((await admin.get('/api/v1/policies/current')).json().version).toBe(0);
  });

  it('saves version 1, audited, and the verdicts follow it at once', async () => {
    const saved = await admin.request({ method: 'PUT', url: '/api/v1/policies/current', payload: { document: retailer, comment: '30-day returns', basedOnVersion: 0 } });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({ version: 1, comment: '30-day returns', createdAt: '2026-04-02T08:00:00.000Z', createdBy: { id: admin.userId, label: admin.email } });
    expect(saved.json().document.storeWarrantyMonths).toEqual({ tv: 36 });

    const verdict = (await agent.post('/api/v1/policies/evaluate', request)).json();
    expect(verdict).toMatchObject({ eligible: true, withdrawalUntil: '2026-04-01', refundDueBy: '2026-03-30', remedies: ['refund', 'exchange_in_store'], policyVersion: 1 });
    expect(verdict.rules).toEqual(['fr.withdrawal.14_days', 'store.returns.window', 'store.returns.refund']);
    expect(verdict.explanation.fr).toContain('Notre politique de retour vous laisse jusqu’au 1er avril 2026');

    const audit = (await admin.get('/api/v1/audit?action=policy.saved')).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'policy.saved', targetType: 'policy_version', targetId: '1', details: { comment: '30-day returns', previousVersion: 0 } });
  });

  it('refuses an edit of a version that is no longer the latest (412)', async () => {
    const stale = await admin.request({ method: 'PUT', url: '/api/v1/policies/current', payload: { document: retailer, basedOnVersion: 0 } });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'precondition_failed', currentVersion: 1 });
  });

  it('keeps the history: versions newest first, each readable, the verdict naming the one in force', async () => {
    clock.advance(60_000);
    const second = await admin.request({
      method: 'PUT',
      url: '/api/v1/policies/current',
      payload: { document: { ...retailer, returns: { ...retailer.returns, windowDays: { ...retailer.returns.windowDays, online: 0 } } }, comment: 'back to the law online', basedOnVersion: 1 },
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().version).toBe(2);

    const verdict = (await agent.post('/api/v1/policies/evaluate', request)).json();
    expect([verdict.eligible, verdict.policyVersion]).toEqual([false, 2]);

    const list = (await agent.get('/api/v1/policies/versions')).json();
    expect(list.items.map((v: { version: number; comment: string }) => [v.version, v.comment])).toEqual([
      [2, 'back to the law online'],
      [1, '30-day returns'],
    ]);
    expect(list.items[0].document).toBeUndefined();
    const page1 = (await agent.get('/api/v1/policies/versions?limit=1')).json();
    expect(page1.items.map((v: { version: number }) => v.version)).toEqual([2]);
    const page2 = (await agent.get(`/api/v1/policies/versions?limit=1&cursor=${page1.nextCursor}`)).json();
    expect([page2.items.map((v: { version: number }) => v.version), page2.nextCursor]).toEqual([[1], null]);

    expect((await agent.get('/api/v1/policies/versions/1')).json().document.returns.windowDays.online).toBe(30);
    expect((await agent.get('/api/v1/policies/versions/0')).json().document).toEqual(builtInDocument);
    expect((await agent.get('/api/v1/policies/versions/9')).statusCode).toBe(404);
    expect((await agent.get('/api/v1/policies/current')).json().version).toBe(2);
  });
});

describe('POST /api/v1/policies/evaluate', () => {
  it('answers exactly the issue’s shape', async () => {
    const verdict = (await agent.post('/api/v1/policies/evaluate', { ...request, request: 'defect', requestedAt: '2026-03-20', price: { amount: 29_900, currency: 'EUR' }, inStock: true })).json();
    expect(Object.keys(verdict).sort()).toEqual(
      ['burdenOfProof', 'eligible', 'explanation', 'legalGuaranteeUntil', 'policyVersion', 'presumptionUntil', 'refundDueBy', 'remedies', 'rules', 'withdrawalUntil'].sort(),
    );
    expect(verdict).toMatchObject({
      eligible: true,
      remedies: ['repair', 'replace', 'exchange_in_store'],
      legalGuaranteeUntil: '2028-03-02',
      presumptionUntil: '2028-03-02',
      burdenOfProof: 'seller',
      withdrawalUntil: null,
      refundDueBy: null,
      policyVersion: 2,
    });
    expect(Object.keys(verdict.explanation)).toEqual(['fr', 'en']);
  });

  it('refuses inconsistent dates, naming the field', async () => {
    const res = await agent.post('/api/v1/policies/evaluate', { ...request, deliveredAt: '2026-02-01' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'deliveredAt', message: 'is before purchasedAt' }]);
    const repair = await agent.post('/api/v1/policies/evaluate', { ...request, repairs: [{ startedAt: '2026-05-10', completedAt: '2026-05-01' }] });
    expect(repair.json().errors).toEqual([{ field: 'repairs.0.completedAt', message: 'is before startedAt' }]);
    const country = await agent.post('/api/v1/policies/evaluate', { ...request, country: 'DE' });
    expect(country.statusCode).toBe(422);
    expect(country.json().errors[0].field).toBe('country');
    const date = await agent.post('/api/v1/policies/evaluate', { ...request, requestedAt: '2026-02-30' });
    expect(date.json().errors[0].field).toBe('requestedAt');
  });

  it('needs a signed-in user', async () => {
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/policies/evaluate', payload: request })).statusCode).toBe(401);
  });
});

describe('GET /api/v1/cases/{id}/policy-verdict', () => {
  async function caseWithOrderLine(options: { linked: boolean; storeCountry?: string }) {
    const opened = await agent.post('/api/v1/cases', {
      customer: { email: `client.${Math.random().toString(36).slice(2)}@exemple.be`, firstName: 'Lotte' },
      subject: 'Téléviseur qui ne s’allume plus',
      message: 'Bonjour, mon téléviseur ne s’allume plus.',
      channel: 'email',
      brandId,
    });
    expect(opened.statusCode).toBe(201);
    const caseId = opened.json().id as string;
    if (!options.linked) return caseId;
    const storeId = options.storeCountry ? (await buildStore(h.ctx, brandId, { country: options.storeCountry, timezone: 'Europe/Brussels' })).id : null;
    const now = clock.now();
    const sourceId = uuidv7();
    await h.ctx.db.insert(orderSource).values({ id: sourceId, kind: 'file_import', name: 'Caisses', salesChannel: 'store', createdAt: now, updatedAt: now });
    const productId = uuidv7();
    await h.ctx.db.insert(product).values({ id: productId, sku: `TV-${productId.slice(-6)}`, name: 'Téléviseur 55"', category: 'tv', priceAmount: 49_900, currency: 'EUR', createdAt: now, updatedAt: now });
    const orderId = uuidv7();
    await h.ctx.db.insert(order).values({
      id: orderId,
      sourceId,
      externalId: orderId,
      number: 'T-1001',
      brandId,
      storeId,
      salesChannel: 'store',
      // 00:30 on 1 July 2024 in Brussels and Paris, still 30 June in UTC: the consumer's day counts.
      purchasedAt: new Date('2024-06-30T22:30:00Z'),
      deliveredAt: null,
      currency: 'EUR',
      totalAmount: 49_900,
      createdAt: now,
      updatedAt: now,
    });
    const lineId = uuidv7();
    await h.ctx.db.insert(orderLine).values({ id: lineId, orderId, position: 1, productId, name: 'Téléviseur 55"', quantity: 1, unitPriceAmount: 49_900, totalAmount: 49_900 });
    await h.ctx.db.insert(caseOrderLine).values({ caseId, orderLineId: lineId, linkedAt: now });
    return caseId;
  }

  it('builds the request from the case’s order line and answers with the verdict', async () => {
    const caseId = await caseWithOrderLine({ linked: true, storeCountry: 'BE' });
    const res = await agent.get(`/api/v1/cases/${caseId}/policy-verdict?request=defect`);
    expect(res.statusCode).toBe(200);
    const { request: built, verdict } = res.json();
    expect(built).toMatchObject({
      country: 'BE',
      channel: 'store',
      condition: 'new',
      category: 'tv',
      purchasedAt: '2024-07-01',
      deliveredAt: null,
      requestedAt: '2026-04-02',
      request: 'defect',
      price: { amount: 49_900, currency: 'EUR' },
    });
    // Bought (and handed over) on 1 July 2024 in a Belgian store: under the legal guarantee on
    // the day the case was opened; after it, the 36-month store warranty of the document in
    // force (version 2) covers it.
    expect(verdict).toMatchObject({ eligible: true, legalGuaranteeUntil: '2026-07-01', burdenOfProof: 'seller', policyVersion: 2 });
    expect(verdict.rules).toContain('be.conformity.guarantee_2_years');
    const later = (await agent.get(`/api/v1/cases/${caseId}/policy-verdict?request=defect&requestedAt=2026-07-02`)).json().verdict;
    expect(later).toMatchObject({ eligible: true, burdenOfProof: null, remedies: ['repair', 'replace'] });
    expect(later.rules).toContain('store.warranty');
  });

  it('the deployment’s country when the order has no store', async () => {
    const caseId = await caseWithOrderLine({ linked: true });
    const { request: built } = (await agent.get(`/api/v1/cases/${caseId}/policy-verdict?request=withdrawal`)).json();
    expect([built.country, built.purchasedAt]).toEqual(['FR', '2024-07-01']);
  });

  it('a case with no order line: 409', async () => {
    const caseId = await caseWithOrderLine({ linked: false });
    const res = await agent.get(`/api/v1/cases/${caseId}/policy-verdict?request=defect`);
    expect(res.statusCode).toBe(409);
  });
});
