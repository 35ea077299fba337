// Goodwill gestures and approvals through the API, on a real database: the panel's suggestion
// and latitude, a grant within the agent's authority (201, a voucher code, timeline, audit,
// idempotent), one beyond it (202: an approval request to the team's lead, with the customer's
// value), approved once whatever the clicks, refused, escalated past a manager's own authority
// to the admins, the monthly budget across a month boundary, and the admins' limits and scale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand, buildCase, buildStore, buildTeam } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { ManualClock } from '../../platform/clock.ts';
import { builtInLimits, builtInScale } from './default-settings.ts';
import type { ApprovalDto, GestureDto, GesturePanelDto } from './gestures.contract.ts';
import { VOUCHER_CODE_PATTERN } from './voucher-code.ts';

// 20 March 2026, 10:00 in Paris.
const clock = new ManualClock('2026-03-20T10:00:00+01:00');
let h: Harness;
let admin: Client;
let agent: Client;
let lead: Client;
let otherManager: Client;
let brandId: string;
let teamId: string;

beforeAll(async () => {
  h = await startHarness({ clock });
  admin = await h.userClient('admin', { name: 'Alex Admin' });
  agent = await h.userClient('agent', { name: 'Camille Agent' });
  lead = await h.userClient('manager', { name: 'Dominique Lead' });
  otherManager = await h.userClient('manager', { name: 'Sacha Manager' });
  brandId = (await buildBrand(h.ctx, { slug: 'jardin', name: 'Jardin & Co' })).id;
  teamId = (await buildTeam(h.ctx, { slug: 'sav', name: 'SAV', memberIds: [agent.userId], leadUserId: lead.userId })).id;
});
afterAll(async () => {
  await h?.close();
});

async function newCase(over: Record<string, unknown> = {}) {
  const c = await buildCase(h.ctx, brandId, { teamId, assigneeId: agent.userId, ...over });
  return c.id;
}

const panel = async (who: Client, caseId: string) => {
  const res = await who.get(`/api/v1/cases/${caseId}/gestures`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as GesturePanelDto;
};
const bell = async (who: Client) => (await who.get('/api/v1/me/notifications')).json().items as { kind: string; case: { id: string }; excerpt: string }[];
const events = async (caseId: string) => (await admin.get(`/api/v1/cases/${caseId}/events?limit=200`)).json().items as { id: string; type: string; visibility: string; data: Record<string, unknown>; body: string | null }[];
const audit = async (action: string) => (await admin.get(`/api/v1/audit?action=${action}&limit=100`)).json().items as { action: string; targetId: string; details: Record<string, unknown> }[];
const decide = (who: Client, id: string, decision: 'approve' | 'refuse', comment?: string) => who.post(`/api/v1/approvals/${id}/decision`, { decision, ...(comment ? { comment } : {}) });

describe('the gesture panel', () => {
  it('suggests from the case’s facts and tells the agent what they may grant', async () => {
    const caseId = await newCase();
    const p = await panel(agent, caseId);
    expect(p.facts).toEqual({ severity: 'minor', severitySetByAgent: false, otherIncidents: 0, repeat: false, lifetimeValue: 0, tier: 'standard', tierLabel: { fr: 'Standard', en: 'Standard' } });
    expect(p.suggestion.recommendation).toEqual({ kind: 'apology' });
    expect(p.suggestion.reason.en).toBe('Minor incident, first incident in 12 months, Standard customer (€0.00 spent): an apology and a closer follow-up.');
    expect(p.latitude).toMatchObject({ currency: 'EUR', perCaseLeft: 5_000, perMonthLeft: 30_000, spentOnCase: 0 });
    expect(p.latitude.kinds.find((k) => k.kind === 'refund')).toEqual({ kind: 'refund', allowed: false, upTo: 0 });
    expect(p.latitude.kinds.find((k) => k.kind === 'voucher')).toEqual({ kind: 'voucher', allowed: true, upTo: 5_000 });
    expect(p).toMatchObject({ gestures: [], approvals: [], shopify: false });
  });

  it('follows the severity the agent judged, and counts the customer’s other cases as a repeat', async () => {
    const email = 'repeat.client@exemple.fr';
    await newCase({ customer: { email, firstName: 'Rémi', lastName: 'Récidive' } });
    const caseId = await newCase({ customer: { email }, priority: 'urgent' });
    expect((await panel(agent, caseId)).facts).toMatchObject({ severity: 'critical', otherIncidents: 1, repeat: true });
    expect((await agent.request({ method: 'PUT', url: `/api/v1/cases/${caseId}/gestures/severity`, payload: { severity: 'major' } })).statusCode).toBe(204);
    const p = await panel(agent, caseId);
    expect(p.facts).toMatchObject({ severity: 'major', severitySetByAgent: true });
    expect(p.suggestion.recommendation).toEqual({ kind: 'voucher', amount: 2_000 });
  });
});

describe('granting within the agent’s authority', () => {
  let caseId = '';
  it('records the gesture at once: 201, a voucher code, an internal timeline event, an audit line', async () => {
    caseId = await newCase();
    const res = await agent.post(`/api/v1/cases/${caseId}/gestures`, { kind: 'voucher', amount: 3_000, note: 'Désolés pour le retard' });
    expect(res.statusCode, res.body).toBe(201);
    const g = res.json().gesture as GestureDto;
    expect(g).toMatchObject({ kind: 'voucher', cost: { amount: 3_000, currency: 'EUR' }, grantedBy: { id: agent.userId, name: 'Camille Agent' }, approvedBy: null, push: { state: 'none' } });
    expect(g.voucherCode).toMatch(VOUCHER_CODE_PATTERN);
    const [event] = (await events(caseId)).filter((e) => e.type === 'gesture_granted');
    expect(event).toMatchObject({ visibility: 'internal', data: { gestureId: g.id, kind: 'voucher', cost: 3_000, voucherCode: g.voucherCode } });
    expect((await audit('gesture.granted')).map((a) => a.targetId)).toContain(g.id);
    const p = await panel(agent, caseId);
    expect(p.gestures.map((x) => x.id)).toEqual([g.id]);
    expect(p.latitude).toMatchObject({ perCaseLeft: 2_000, perMonthLeft: 27_000, spentOnCase: 3_000, spentThisMonth: 3_000 });
  });

  it('grants once per Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `gesture-${caseId}` };
    const first = await agent.post(`/api/v1/cases/${caseId}/gestures`, { kind: 'express_delivery' }, headers);
    const again = await agent.post(`/api/v1/cases/${caseId}/gestures`, { kind: 'express_delivery' }, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(first.json().gesture).toMatchObject({ cost: { amount: 990 }, voucherCode: null });
    expect((await panel(agent, caseId)).gestures).toHaveLength(2);
  });

  it('refuses a gesture without what its kind needs, and a reader who does not work the case', async () => {
    const noAmount = await agent.post(`/api/v1/cases/${caseId}/gestures`, { kind: 'voucher' });
    expect(noAmount.statusCode, noAmount.body).toBe(422);
    expect(noAmount.headers['content-type']).toContain('application/problem+json');
    expect((await agent.post(`/api/v1/cases/${caseId}/gestures`, { kind: 'loyalty_points' })).statusCode).toBe(422);
    expect((await agent.post(`/api/v1/cases/${caseId}/gestures`, { kind: 'apology', amount: 100 })).statusCode).toBe(422);
    expect((await agent.post(`/api/v1/cases/${caseId}/gestures`, { kind: 'teddy_bear' })).statusCode).toBe(422);
    const viewer = await h.userClient('viewer');
    expect((await viewer.post(`/api/v1/cases/${caseId}/gestures`, { kind: 'apology' })).statusCode).toBe(403);
    const otherBrand = (await buildBrand(h.ctx, { slug: 'autre', name: 'Autre' })).id;
    const outsider = await h.userClient('agent', { brandIds: [otherBrand] });
    expect((await outsider.get(`/api/v1/cases/${caseId}/gestures`)).statusCode).toBe(404);
  });
});

describe('beyond the agent’s authority', () => {
  let caseId = '';
  let approval: ApprovalDto;

  it('becomes an approval request (202) told to the team’s lead, with the customer’s value and the reasons', async () => {
    caseId = await newCase();
    expect((await agent.post(`/api/v1/cases/${caseId}/gestures`, { kind: 'voucher', amount: 4_000 })).statusCode).toBe(201);
    const res = await agent.post(`/api/v1/cases/${caseId}/gestures`, { kind: 'voucher', amount: 1_001 });
    expect(res.statusCode, res.body).toBe(202);
    approval = res.json().approval;
    expect(approval).toMatchObject({
      caseId,
      action: 'gesture',
      status: 'pending',
      amount: { amount: 1_001, currency: 'EUR' },
      reasons: ['over_case_limit'],
      escalated: false,
      policyVerdict: null,
      customerValue: { orderCount: 0, incidentCount: 1, lifetimeValue: [] },
      requestedBy: { id: agent.userId, name: 'Camille Agent' },
      canDecide: false,
    });
    expect(approval.summary.fr).toBe('Geste commercial : un bon d’achat de 10,01\u00a0€ (coût 10,01\u00a0€)');
    const told = (await bell(lead)).filter((n) => n.case.id === caseId);
    expect(told).toEqual([expect.objectContaining({ kind: 'approval_requested', excerpt: expect.stringContaining('Geste commercial : un bon d’achat de 10,01') })]);
    expect((await bell(otherManager)).filter((n) => n.case.id === caseId)).toEqual([]);
    const [event] = (await events(caseId)).filter((e) => e.type === 'approval_requested');
    expect(event).toMatchObject({ visibility: 'internal', data: { approvalId: approval.id, reasons: ['over_case_limit'] } });
    expect(approval.eventIds).toEqual([event!.id]);
    const pending = (await lead.get('/api/v1/approvals?status=pending')).json().items as ApprovalDto[];
    expect(pending.find((a) => a.id === approval.id)).toMatchObject({ canDecide: true, caseNumber: expect.any(String) });
    expect((await panel(agent, caseId)).approvals.map((a) => a.id)).toEqual([approval.id]);
  });

  it('is not decided by its requester', async () => {
    expect((await decide(agent, approval.id, 'approve')).statusCode).toBe(403);
  });

  it('is approved once, whatever the clicks, and grants the gesture on the approver’s authority', async () => {
    const agentBefore = (await panel(agent, caseId)).latitude.spentThisMonth;
    const [one, two] = await Promise.all([decide(lead, approval.id, 'approve', 'Client fidèle'), decide(lead, approval.id, 'approve', 'Client fidèle')]);
    expect(one.statusCode, one.body).toBe(200);
    expect(two.statusCode, two.body).toBe(200);
    expect(one.json()).toMatchObject({ status: 'approved', decidedBy: { id: lead.userId }, comment: 'Client fidèle', canDecide: false });
    const p = await panel(agent, caseId);
    const granted = p.gestures.filter((g) => g.approvalId === approval.id);
    expect(granted).toHaveLength(1);
    expect(granted[0]).toMatchObject({ cost: { amount: 1_001 }, grantedBy: { id: agent.userId }, approvedBy: { id: lead.userId, name: 'Dominique Lead' } });
    // It counts against the approver's month, not the agent's.
    expect(p.latitude.spentThisMonth).toBe(agentBefore);
    expect((await panel(lead, caseId)).latitude.spentThisMonth).toBe(1_001);
    expect((await bell(agent)).filter((n) => n.case.id === caseId).map((n) => n.kind)).toEqual(['approval_decided']);
    expect((await events(caseId)).filter((e) => e.type === 'approval_decided')).toEqual([expect.objectContaining({ data: expect.objectContaining({ status: 'approved' }) })]);
    expect((await audit('approval.approved')).map((a) => a.targetId)).toContain(approval.id);
  });

  it('answers 409 to a different decision after it', async () => {
    const res = await decide(lead, approval.id, 'refuse');
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('This request was already approved');
  });

  it('can be refused, with a comment, and nothing is granted', async () => {
    const res = await agent.post(`/api/v1/cases/${caseId}/gestures`, { kind: 'refund', amount: 2_000 });
    expect(res.statusCode).toBe(202);
    const id = res.json().approval.id as string;
    expect(res.json().approval.reasons).toEqual(['kind_not_allowed', 'over_case_limit']);
    const refused = await decide(otherManager, id, 'refuse', 'Hors garantie');
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ status: 'refused', comment: 'Hors garantie', decidedBy: { id: otherManager.userId } });
    expect((await decide(otherManager, id, 'refuse')).statusCode).toBe(200);
    expect((await decide(otherManager, id, 'approve')).statusCode).toBe(409);
    expect((await panel(agent, caseId)).gestures.filter((g) => g.kind === 'refund')).toEqual([]);
  });

  it('goes up to the admins when it is beyond the manager’s own authority too', async () => {
    const big = await newCase();
    const res = await agent.post(`/api/v1/cases/${big}/gestures`, { kind: 'refund', amount: 60_000 });
    const id = res.json().approval.id as string;
    const escalated = await decide(lead, id, 'approve');
    expect(escalated.statusCode, escalated.body).toBe(200);
    expect(escalated.json()).toMatchObject({ status: 'pending', escalated: true, canDecide: false });
    expect((await decide(lead, id, 'approve')).statusCode).toBe(200);
    expect((await decide(otherManager, id, 'approve')).statusCode).toBe(403);
    expect((await bell(admin)).filter((n) => n.case.id === big).map((n) => n.kind)).toEqual(['approval_requested']);
    const approved = await decide(admin, id, 'approve');
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: { id: admin.userId } });
    expect((await panel(agent, big)).gestures).toEqual([expect.objectContaining({ kind: 'refund', cost: { amount: 60_000, currency: 'EUR' }, approvedBy: expect.objectContaining({ id: admin.userId }) })]);
    expect((await audit('approval.escalated')).map((a) => a.targetId)).toContain(id);
  });

  it('asked by the team’s lead beyond their own authority, goes to the other managers, not to them', async () => {
    const leadsCase = await newCase({ assigneeId: lead.userId });
    const res = await lead.post(`/api/v1/cases/${leadsCase}/gestures`, { kind: 'refund', amount: 50_001 });
    expect(res.statusCode).toBe(202);
    expect(res.json().approval.reasons).toEqual(['over_case_limit']);
    expect((await bell(lead)).filter((n) => n.case.id === leadsCase)).toEqual([]);
    expect((await bell(otherManager)).filter((n) => n.case.id === leadsCase).map((n) => n.kind)).toEqual(['approval_requested']);
    expect((await decide(lead, res.json().approval.id, 'approve')).statusCode).toBe(403);
  });

  it('can be withdrawn by its requester', async () => {
    const res = await agent.post(`/api/v1/cases/${caseId}/gestures`, { kind: 'upgrade', amount: 5_000 });
    const id = res.json().approval.id as string;
    expect((await lead.post(`/api/v1/approvals/${id}/cancel`)).statusCode).toBe(403);
    expect((await agent.post(`/api/v1/approvals/${id}/cancel`)).json()).toMatchObject({ status: 'cancelled' });
    expect((await decide(lead, id, 'approve')).statusCode).toBe(409);
  });
});

describe('the admins’ limits and scale', () => {
  it('start from the built-in defaults', async () => {
    expect((await agent.get('/api/v1/gestures/limits')).json()).toMatchObject({ version: 0, document: builtInLimits });
    expect((await agent.get('/api/v1/gestures/scale')).json()).toMatchObject({ version: 0, document: builtInScale });
  });

  it('are saved by admins only, validated, versioned and audited; a store override binds its staff', async () => {
    const storeId = (await buildStore(h.ctx, brandId, { name: 'Magasin de Lyon' })).id;
    const staff = await h.userClient('store_staff', { storeIds: [storeId], name: 'Sam Vendeur' });
    const document = { ...builtInLimits, storeOverrides: [{ storeId, role: 'store_staff', perCase: 10_000, kinds: { exchange: { max: 10_000 } } }] };
    expect((await agent.request({ method: 'PUT', url: '/api/v1/gestures/limits', payload: { document } })).statusCode).toBe(403);
    const twice = { ...document, storeOverrides: [document.storeOverrides[0], document.storeOverrides[0]] };
    const invalid = await admin.request({ method: 'PUT', url: '/api/v1/gestures/limits', payload: { document: twice } });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors).toEqual([expect.objectContaining({ message: 'a second override for the same store and role' })]);
    const saved = await admin.request({ method: 'PUT', url: '/api/v1/gestures/limits', payload: { document, comment: 'Lyon : échanges jusqu’à 100 €', basedOnVersion: 0 } });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ version: 1, comment: 'Lyon : échanges jusqu’à 100 €', createdBy: { id: admin.userId } });
    expect((await admin.request({ method: 'PUT', url: '/api/v1/gestures/limits', payload: { document, basedOnVersion: 0 } })).statusCode).toBe(412);
    expect((await audit('gestures.limits.saved'))[0]).toMatchObject({ targetId: '1', details: { previousVersion: 0 } });
    expect((await admin.get('/api/v1/gestures/limits/versions/0')).json().document).toEqual(builtInLimits);

    const storeCase = await newCase({ storeId, assigneeId: undefined });
    const within = await staff.post(`/api/v1/cases/${storeCase}/gestures`, { kind: 'exchange', amount: 10_000 });
    expect(within.statusCode, within.body).toBe(201);
    const other = await newCase({ storeId, assigneeId: undefined });
    const beyond = await staff.post(`/api/v1/cases/${other}/gestures`, { kind: 'exchange', amount: 10_001 });
    expect(beyond.statusCode).toBe(202);
    expect(beyond.json().approval.reasons).toEqual(['over_kind_limit', 'over_case_limit']);
  });

  it('saves a scale, refusing one whose tiers lack their row', async () => {
    const { gold: _gold, ...grid } = builtInScale.grid;
    const bad = await admin.request({ method: 'PUT', url: '/api/v1/gestures/scale', payload: { document: { ...builtInScale, grid } } });
    expect(bad.statusCode).toBe(422);
    const scale = { ...builtInScale, repeatWithinMonths: 3, grid: { ...builtInScale.grid, standard: { ...builtInScale.grid.standard!, minor: { first: { kind: 'voucher', amount: 500 }, repeat: { kind: 'voucher', amount: 800 } } } } };
    const saved = await admin.request({ method: 'PUT', url: '/api/v1/gestures/scale', payload: { document: scale } });
    expect(saved.statusCode, saved.body).toBe(201);
    const p = await panel(agent, await newCase());
    expect(p.suggestion).toMatchObject({ recommendation: { kind: 'voucher', amount: 500 }, cost: 500 });
    expect(p.suggestion.reason.en).toContain('first incident in 3 months');
    expect((await audit('gestures.scale.saved'))).toHaveLength(1);
  });
});

describe('the monthly budget', () => {
  it('counts the calendar month in the workspace’s time zone', async () => {
    // Last of the file: sessions do not outlive the jump of the clock to the end of March.
    clock.set('2026-03-31T23:30:00+02:00'); // still March in Paris, 21:30 UTC
    const spender = await h.userClient('agent', { name: 'Lou Dépensier' });
    const caseIds = await Promise.all(Array.from({ length: 7 }, () => newCase({ assigneeId: spender.userId })));
    for (const id of caseIds.slice(0, 6)) expect((await spender.post(`/api/v1/cases/${id}/gestures`, { kind: 'voucher', amount: 5_000 })).statusCode).toBe(201);
    const over = await spender.post(`/api/v1/cases/${caseIds[6]}/gestures`, { kind: 'voucher', amount: 1 });
    expect(over.statusCode).toBe(202);
    expect(over.json().approval.reasons).toEqual(['over_month_limit']);
    clock.set('2026-04-01T00:00:00+02:00');
    // Two grants at once that would each fit what is left of the month, but not both.
    const racer = await h.userClient('agent', { name: 'Lou Pressé' });
    const [a, b] = await Promise.all([newCase({ assigneeId: racer.userId }), newCase({ assigneeId: racer.userId })]);
    const grants = await Promise.all(Array.from({ length: 7 }, () => newCase({ assigneeId: racer.userId })).map(async (id) => racer.post(`/api/v1/cases/${await id}/gestures`, { kind: 'voucher', amount: 4_000 })));
    expect(grants.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 201, 201, 201, 201]);
    const both = await Promise.all([racer.post(`/api/v1/cases/${a}/gestures`, { kind: 'voucher', amount: 1_500 }), racer.post(`/api/v1/cases/${b}/gestures`, { kind: 'voucher', amount: 1_500 })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 202]);

    expect((await panel(spender, caseIds[6]!)).latitude).toMatchObject({ perMonthLeft: 30_000, spentThisMonth: 0 });
    expect((await spender.post(`/api/v1/cases/${caseIds[6]}/gestures`, { kind: 'voucher', amount: 1 })).statusCode).toBe(201);
  });
});
