// The manager views against a real database: a hand-built set of cases opened at known
// instants under calendar-hour SLA targets, swept, then counted — per team and status, by
// age and SLA state, per agent, breaches since midnight in Paris — for an unrestricted
// manager and for managers limited to a brand or a store; then reassigned in one action.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { buildBrand, buildCase, buildStore, buildTeam } from '../../../test/support/factories.ts';
import { ManualClock } from '../../platform/clock.ts';
import { systemActor } from '../access/actor.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { updateCase } from '../cases/case-changes.ts';
import type { CaseStatus, CreateCaseInput } from '../cases/cases.contract.ts';
import { runSlaSweep } from '../sla/sla.sweep.ts';
import type { WorkloadDto } from './workload.contract.ts';

// A Tuesday, 11:00 in Paris: the day began at 2026-03-09T23:00Z.
const NOW = new Date('2026-03-10T10:00:00Z');
const HOUR = 3_600_000;
const clock = new ManualClock(NOW);
const system = systemActor('test');

let h: Harness;
let manager: Client;
let brandManager: Client;
let storeManager: Client;
let agent: Client;
let staff: Client;
let ids: { brandA: string; brandB: string; storeS: string; storeS2: string; t1: string; t2: string; a: string; b: string };
const cases: Record<string, { id: string; number: string }> = {};

/** Opens a case at `at` (the clock set there), then moves it to `status`. */
async function open(name: string, at: Date, over: Partial<CreateCaseInput>, status?: CaseStatus) {
  clock.set(at);
  const c = await buildCase(h.ctx, over.brandId ?? ids.brandA, { subject: `Cas ${name}`, ...over });
  if (status) await updateCase(h.ctx, system, c.id, { status });
  cases[name] = { id: c.id, number: c.number };
}

const ago = (ms: number) => new Date(NOW.getTime() - ms);

beforeAll(async () => {
  h = await startHarness({ clock });
  const brandA = (await buildBrand(h.ctx)).id;
  const brandB = (await buildBrand(h.ctx)).id;
  const storeS = (await buildStore(h.ctx, brandB)).id;
  const storeS2 = (await buildStore(h.ctx, brandB)).id;
  manager = await h.userClient('manager', { name: 'Manon Manager' });
  brandManager = await h.userClient('manager', { brandIds: [brandB] });
  storeManager = await h.userClient('manager', { brandIds: [brandB], storeIds: [storeS] });
  agent = await h.userClient('agent', { name: 'Agathe Agent' });
  staff = await h.userClient('store_staff', { brandIds: [brandB], storeIds: [storeS] });
  const other = await h.userClient('agent', { name: 'Bruno Binet' });
  const t1 = (await buildTeam(h.ctx, { name: 'SAV Jardin' })).id;
  const t2 = (await buildTeam(h.ctx, { name: 'SAV Maison' })).id;
  ids = { brandA, brandB, storeS, storeS2, t1, t2, a: agent.userId, b: other.userId };

  // Calendar hours, so every deadline is exact: urgent 1 h, normal 48 h, low only a next-reply
  // target (no clock runs until an answer is followed by a customer message).
  const admin = await h.userClient('admin');
  const policy = async (name: string, position: number, priority: string, targets: object) => {
    const res = await admin.post('/api/v1/sla-policies', {
      name,
      position,
      conditions: { brandIds: [brandA, brandB], priorities: [priority] },
      targets,
      escalation: { notifyLead: false, raisePriority: false, moveToTeamId: null },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  await policy('Urgent 1 h', 1, 'urgent', { firstReply: { calendarHours: 1 } });
  await policy('Normal 48 h', 2, 'normal', { firstReply: { calendarHours: 48 } });
  await policy('Low, next reply only', 3, 'low', { nextReply: { calendarHours: 4 } });

  const { a, b } = ids;
  await open('c1', ago(240 * HOUR), { priority: 'normal', teamId: t1, assigneeId: a }, 'open');
  await open('c9', ago(192 * HOUR), { brandId: brandB, storeId: storeS, priority: 'normal', teamId: t1, assigneeId: b }, 'open');
  await open('c2', ago(120 * HOUR), { priority: 'urgent', teamId: t1, assigneeId: a }, 'open');
  await open('c7', ago(96 * HOUR), { priority: 'normal', teamId: t1, assigneeId: a }, 'solved');
  await open('c3', ago(48 * HOUR), { priority: 'low', teamId: t1, assigneeId: b }, 'open');
  await open('c10', ago(25 * HOUR), { brandId: brandB, storeId: storeS2, priority: 'normal', teamId: t2 });
  await open('c13', new Date('2026-03-09T21:30:00Z'), { priority: 'urgent', teamId: t2 }); // due 23:30 in Paris, yesterday
  await open('c12', new Date('2026-03-09T22:30:00Z'), { priority: 'urgent', teamId: t2 }); // due 00:30 in Paris, today
  await open('c11', ago(4 * HOUR), { priority: 'urgent', teamId: t1, assigneeId: b });
  await open('c6', ago(3 * HOUR), { priority: 'normal', assigneeId: a }, 'waiting_customer');
  await open('c8', ago(2 * HOUR), { priority: 'urgent', teamId: t2, assigneeId: a });
  // The sweep runs at 09:30Z: c8's deadline (09:00Z + 1 h) is still ahead of it.
  clock.set(ago(1.5 * HOUR));
  await runSlaSweep(h.ctx);
  await open('c5', ago(1 * HOUR), { priority: 'normal', teamId: t2, assigneeId: b }, 'waiting_third_party');
  await open('c4', ago(0.5 * HOUR), { priority: 'urgent', teamId: t2 });
  clock.set(NOW);
}, 120_000);
afterAll(() => h?.close());

const statuses = (s: Partial<Record<'new' | 'open' | 'waiting_customer' | 'waiting_third_party', number>>) => ({ new: 0, open: 0, waiting_customer: 0, waiting_third_party: 0, ...s });
const sla = (s: Partial<Record<'breached' | 'due_soon' | 'on_time' | 'no_clock', number>>) => ({ breached: 0, due_soon: 0, on_time: 0, no_clock: 0, ...s });
const workloadOf = async (client: Client): Promise<WorkloadDto> => {
  const res = await client.get('/api/v1/workload');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('the workload', () => {
  it('counts the open cases per team and status, by age and SLA state, per agent, and the deadlines missed since midnight', async () => {
    const w = await workloadOf(manager);
    expect(w.at).toBe(NOW.toISOString());
    expect(w.dayStartsAt).toBe('2026-03-09T23:00:00.000Z');
    expect(w.totals).toEqual({ open: 12, unassigned: 4, breached: 7, dueSoon: 1 });
    expect(w.teams).toEqual([
      { teamId: ids.t2, total: 6, byStatus: statuses({ new: 5, waiting_third_party: 1 }), breached: 3, dueSoon: 1 },
      { teamId: ids.t1, total: 5, byStatus: statuses({ new: 1, open: 4 }), breached: 4, dueSoon: 0 },
      { teamId: null, total: 1, byStatus: statuses({ waiting_customer: 1 }), breached: 0, dueSoon: 0 },
    ]);
    expect(w.backlog).toEqual([
      { age: 'under_1d', total: 7, bySla: sla({ breached: 4, due_soon: 1, on_time: 1, no_clock: 1 }) },
      { age: '1_3d', total: 2, bySla: sla({ on_time: 1, no_clock: 1 }) },
      { age: '3_7d', total: 1, bySla: sla({ breached: 1 }) },
      { age: 'over_7d', total: 2, bySla: sla({ breached: 2 }) },
    ]);
    expect(w.agents).toEqual([
      { userId: ids.a, name: 'Agathe Agent', open: 4, oldestCreatedAt: ago(240 * HOUR).toISOString(), breached: 3, dueSoon: 0 },
      { userId: ids.b, name: 'Bruno Binet', open: 4, oldestCreatedAt: ago(192 * HOUR).toISOString(), breached: 2, dueSoon: 0 },
    ]);
    expect(w.breachesToday.count).toBe(2);
    expect(w.breachesToday.items).toEqual([
      { caseId: cases.c11!.id, number: cases.c11!.number, subject: 'Cas c11', status: 'new', metric: 'first_reply', breachedAt: ago(3 * HOUR).toISOString(), teamId: ids.t1, assigneeId: ids.b },
      { caseId: cases.c12!.id, number: cases.c12!.number, subject: 'Cas c12', status: 'new', metric: 'first_reply', breachedAt: '2026-03-09T23:30:00.000Z', teamId: ids.t2, assigneeId: null },
    ]);
  });

  it('shows a manager limited to a brand or a store only the cases they work', async () => {
    const brand = await workloadOf(brandManager);
    expect(brand.totals).toEqual({ open: 2, unassigned: 1, breached: 1, dueSoon: 0 });
    expect(brand.backlog.map((b) => [b.age, b.total])).toEqual([['under_1d', 0], ['1_3d', 1], ['3_7d', 0], ['over_7d', 1]]);
    const store = await workloadOf(storeManager);
    expect(store.totals).toEqual({ open: 1, unassigned: 0, breached: 1, dueSoon: 0 });
    expect(store.teams).toEqual([{ teamId: ids.t1, total: 1, byStatus: statuses({ open: 1 }), breached: 1, dueSoon: 0 }]);
    expect(store.agents.map((a) => [a.userId, a.open])).toEqual([[ids.b, 1]]);
    expect(store.breachesToday).toEqual({ count: 0, items: [] });
    // A brand without a case yet: zeros, not an error.
    const empty = await workloadOf(await h.userClient('manager', { brandIds: [(await buildBrand(h.ctx)).id] }));
    expect(empty.totals).toEqual({ open: 0, unassigned: 0, breached: 0, dueSoon: 0 });
    expect(empty.teams).toEqual([]);
    expect(empty.agents).toEqual([]);
    expect(empty.backlog.map((b) => b.total)).toEqual([0, 0, 0, 0]);
  });

  it('is for managers and admins only', async () => {
    for (const client of [agent, staff]) {
      const res = await client.get('/api/v1/workload');
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((await client.post('/api/v1/workload/reassign', { caseIds: [cases.c1!.id], to: { assigneeId: ids.b } })).statusCode).toBe(403);
    }
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/workload' })).statusCode).toBe(401);
  });
});

describe('reassigning in one action', () => {
  it('moves the selected cases, each as a single change would, and says what happened to each', async () => {
    const res = await manager.post('/api/v1/workload/reassign', { caseIds: [cases.c1!.id, cases.c2!.id, cases.c3!.id], to: { assigneeId: ids.b } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      results: [
        { caseId: cases.c1!.id, number: cases.c1!.number, outcome: 'moved', problem: null },
        { caseId: cases.c2!.id, number: cases.c2!.number, outcome: 'moved', problem: null },
        { caseId: cases.c3!.id, number: cases.c3!.number, outcome: 'unchanged', problem: null },
      ],
      moved: 2,
      unchanged: 1,
      failed: 0,
      more: false,
    });
    const events = (await manager.get(`/api/v1/cases/${cases.c1!.id}/events`)).json().items;
    expect(events.at(-1)).toMatchObject({ type: 'assignment_changed', actor: { id: manager.userId }, data: { assignee: { from: ids.a, to: ids.b } } });
    const [audit] = await h.ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'workload.reassigned'), eq(auditLog.actorUserId, manager.userId)));
    expect(audit!.details).toMatchObject({ to: { assigneeId: ids.b }, moved: 2, unchanged: 1, failed: 0, caseIds: [cases.c1!.id, cases.c2!.id] });
    const w = await workloadOf(manager);
    expect(w.agents.map((a) => [a.userId, a.open, a.breached])).toEqual([[ids.b, 6, 4], [ids.a, 2, 1]]);
  });

  it('moves a whole bucket — the agent’s remaining cases — to a team’s queue', async () => {
    const res = await manager.post('/api/v1/workload/reassign', { bucket: { assigneeId: ids.a }, to: { teamId: ids.t1, assigneeId: null } });
    expect(res.statusCode, res.body).toBe(200);
    // Oldest first: c6 (3 h) then c8 (2 h); the solved c7 is no bucket's.
    expect(res.json().results.map((r: { caseId: string; outcome: string }) => [r.caseId, r.outcome])).toEqual([
      [cases.c6!.id, 'moved'],
      [cases.c8!.id, 'moved'],
    ]);
    const w = await workloadOf(manager);
    expect(w.agents.map((a) => a.userId)).toEqual([ids.b]);
    expect(w.totals.unassigned).toBe(6);
    expect(w.teams.find((t) => t.teamId === ids.t1)?.total).toBe(7);
    expect(w.teams.find((t) => t.teamId === null)).toBeUndefined();
    // A bucket by age and SLA state: the breached cases over 7 days (c1 of brand A, c9 of brand B).
    const old = await manager.post('/api/v1/workload/reassign', { bucket: { age: 'over_7d', sla: 'breached' }, to: { assigneeId: ids.a } });
    expect(old.json().results.map((r: { caseId: string }) => r.caseId)).toEqual([cases.c1!.id, cases.c9!.id]);
  });

  it('lets a manager limited to a store move only that store’s cases, and refuses an unknown target before touching any', async () => {
    const res = await storeManager.post('/api/v1/workload/reassign', { caseIds: [cases.c1!.id, cases.c10!.id, cases.c9!.id], to: { assigneeId: ids.b } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results).toEqual([
      { caseId: cases.c1!.id, number: null, outcome: 'failed', problem: { code: 'not_found', detail: expect.any(String) } },
      { caseId: cases.c10!.id, number: null, outcome: 'failed', problem: { code: 'forbidden', detail: expect.any(String) } },
      { caseId: cases.c9!.id, number: cases.c9!.number, outcome: 'moved', problem: null },
    ]);
    // A bucket is read within the manager's scope: nothing of brand A.
    const bucket = await storeManager.post('/api/v1/workload/reassign', { bucket: { teamId: ids.t1 }, to: { teamId: ids.t2 } });
    expect(bucket.json().results.map((r: { caseId: string }) => r.caseId)).toEqual([cases.c9!.id]);

    const unknown = await manager.post('/api/v1/workload/reassign', { caseIds: [cases.c4!.id], to: { assigneeId: '00000000-0000-7000-8000-000000000000' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([{ field: 'to.assigneeId', message: 'unknown or inactive user' }]);
    for (const body of [{ caseIds: [cases.c4!.id], bucket: {}, to: { teamId: ids.t1 } }, { caseIds: [cases.c4!.id], to: {} }, { to: { teamId: ids.t1 } }]) {
      expect((await manager.post('/api/v1/workload/reassign', body)).statusCode).toBe(422);
    }
    expect((await manager.get(`/api/v1/cases/${cases.c4!.id}`)).json().assigneeId).toBeNull();
  });
});
