// Authority in front of a workflow: a refund beyond the agent's latitude is not started but sent
// to the managers (202), and starts in one click once one approves it; a store employee's
// exchange within their latitude starts at once; a repair needs no one; a refund in another
// currency than the limits' goes past the managers to an admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand, buildCase, buildStore, buildTeam } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { ManualClock } from '../../platform/clock.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { caseOrderLine, order, orderLine, orderSource } from '../commerce/commerce.schema.ts';

const clock = new ManualClock('2026-04-14T09:00:00+02:00');
let h: Harness;
let admin: Client;
let agent: Client;
let lead: Client;
let staff: Client;
let brandId: string;
let storeId: string;
let teamId: string;

beforeAll(async () => {
  h = await startHarness({ clock });
  admin = await h.userClient('admin');
  agent = await h.userClient('agent', { name: 'Camille Martin' });
  lead = await h.userClient('manager', { name: 'Dominique Chef' });
  brandId = (await buildBrand(h.ctx, { name: 'Jardin & Maison' })).id;
  storeId = (await buildStore(h.ctx, brandId, { name: 'Jardin & Maison Grigny' })).id;
  staff = await h.userClient('store_staff', { name: 'Léo Vendeur', brandIds: [brandId], storeIds: [storeId] });
  teamId = (await buildTeam(h.ctx, { name: 'SAV web', memberIds: [agent.userId], leadUserId: lead.userId })).id;
});
afterAll(async () => h?.close());

/** A case of the team about a purchase of `price` (minor units of `currency`). */
async function caseAbout(price: number, currency = 'EUR', over: Record<string, unknown> = {}): Promise<string> {
  const c = await buildCase(h.ctx, brandId, { subject: 'Tondeuse en panne', teamId, ...over });
  const now = clock.now();
  const sourceId = uuidv7();
  await h.ctx.db.insert(orderSource).values({ id: sourceId, kind: 'file_import', name: 'Caisses', brandId, salesChannel: 'store', createdAt: now, updatedAt: now });
  const orderId = uuidv7();
  await h.ctx.db.insert(order).values({ id: orderId, sourceId, externalId: orderId, number: `T-${orderId.slice(-4)}`, brandId, storeId, salesChannel: 'store', purchasedAt: new Date('2026-04-01T10:00:00Z'), currency, totalAmount: price });
  const lineId = uuidv7();
  await h.ctx.db.insert(orderLine).values({ id: lineId, orderId, position: 1, sku: 'GAR-5041', name: 'Tondeuse Gardena', quantity: 1, unitPriceAmount: price, totalAmount: price });
  await h.ctx.db.insert(caseOrderLine).values({ caseId: c.id, orderLineId: lineId, linkedAt: now });
  return c.id;
}
const workflowsOf = async (caseId: string) => (await admin.get(`/api/v1/cases/${caseId}/workflows`)).json().items as { kind: string; state: string }[];
const decide = (who: Client, id: string, decision: 'approve' | 'refuse') => who.post(`/api/v1/approvals/${id}/decision`, { decision });

describe('a refund beyond the agent’s latitude', () => {
  let caseId = '';
  let approvalId = '';

  it('is sent to the team’s lead instead of started, with the reason', async () => {
    caseId = await caseAbout(19_900);
    const res = await agent.post(`/api/v1/cases/${caseId}/workflows`, { kind: 'refund', amount: { amount: 19_900, currency: 'EUR' } });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ outcome: 'approval_requested', approval: { action: 'workflow', status: 'pending', amount: { amount: 19_900, currency: 'EUR' }, reasons: ['kind_not_allowed', 'over_case_limit'] } });
    approvalId = res.json().approval.id;
    expect(res.json().approval.summary.fr).toMatch(/^Remboursement de 199,00\s€$/);
    expect(await workflowsOf(caseId)).toEqual([]);
    const bell = (await lead.get('/api/v1/me/notifications')).json().items as { kind: string; case: { id: string } }[];
    expect(bell).toContainEqual(expect.objectContaining({ kind: 'approval_requested', case: expect.objectContaining({ id: caseId }) }));
  });

  it('starts once the lead approves, in the decision’s transaction, and the timeline says both', async () => {
    const decided = await decide(lead, approvalId, 'approve');
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'approved' });
    expect(await workflowsOf(caseId)).toEqual([expect.objectContaining({ kind: 'refund' })]);
    const types = ((await admin.get(`/api/v1/cases/${caseId}/events?limit=200`)).json().items as { type: string }[]).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['approval_requested', 'approval_decided', 'workflow_step']));
    // A second click changes nothing.
    expect((await decide(lead, approvalId, 'approve')).statusCode).toBe(200);
    expect(await workflowsOf(caseId)).toHaveLength(1);
  });
});

describe('within latitude, or needing none', () => {
  it('a store employee exchanges a 199 € purchase at once (up to 300 € without asking)', async () => {
    const caseId = await caseAbout(19_900, 'EUR', { storeId });
    const res = await staff.post(`/api/v1/cases/${caseId}/workflows`, { kind: 'exchange_in_store', storeId, sku: 'GAR-5041' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'exchange_in_store', state: 'running' });
  });

  it('but asks for a 349 € one', async () => {
    const caseId = await caseAbout(34_900, 'EUR', { storeId });
    const res = await staff.post(`/api/v1/cases/${caseId}/workflows`, { kind: 'exchange_in_store', storeId, sku: 'GAR-5041' });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().approval.reasons).toContain('over_kind_limit');
  });

  it('a repair starts without anyone’s yes', async () => {
    const caseId = await caseAbout(19_900);
    expect((await agent.post(`/api/v1/cases/${caseId}/workflows`, { kind: 'repair', repairer: 'technical_sav' })).statusCode).toBe(201);
  });
});

describe('a refund in another currency than the limits’', () => {
  it('goes past the managers, whose budgets count in euros, to an admin', async () => {
    const caseId = await caseAbout(40_000, 'CAD');
    const res = await agent.post(`/api/v1/cases/${caseId}/workflows`, { kind: 'refund', amount: { amount: 40_000, currency: 'CAD' } });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().approval.reasons).toEqual(['other_currency']);
    const id = res.json().approval.id;
    const byLead = await decide(lead, id, 'approve');
    expect(byLead.json()).toMatchObject({ status: 'pending', escalated: true });
    expect(await workflowsOf(caseId)).toEqual([]);
    expect((await decide(admin, id, 'approve')).json()).toMatchObject({ status: 'approved' });
    expect(await workflowsOf(caseId)).toEqual([expect.objectContaining({ kind: 'refund' })]);
  });
});
