// Counts per view against a hand-built set of cases, with the clock held: exact numbers for
// every built-in view, by channel, by store, saved views (within and beyond open cases), for an
// agent and for a store's staff; every count equals what the same view lists; and the SLA
// state follows the sweep and the replies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { buildBrand, buildCase, buildStore, buildTeam } from '../../../test/support/factories.ts';
import { ManualClock } from '../../platform/clock.ts';
import { systemActor } from '../access/actor.ts';
import { updateCase } from '../cases/case-changes.ts';
import type { CreateCaseInput } from '../cases/cases.contract.ts';
import { runSlaSweep } from '../sla/sla.sweep.ts';
import { builtinView, type ViewFilters } from './views.contract.ts';

const clock = new ManualClock('2026-03-02T06:00:00Z');
const system = systemActor('test');
let h: Harness;
let agent: Client;
let staff: Client;
let manager: Client;
let ids: { brand: string; other: string; s1: string; s2: string; t1: string; t2: string; bob: string };
const cases: Record<string, string> = {};

/** Opens a case at `at` (the clock moves there). */
async function open(name: string, at: string, brandId: string, over: Partial<CreateCaseInput> = {}) {
  clock.set(at);
  const c = await buildCase(h.ctx, brandId, { subject: name, ...over });
  cases[name] = c.id;
  return c.id;
}

const counts = async (who: Client) => {
  const res = await who.get('/api/v1/views/counts');
  expect(res.statusCode).toBe(200);
  return res.json() as { at: string; counts: Record<string, number>; capped: string[] };
};

/** The list of a view's filters, every page, as the inbox asks for it. */
async function listed(who: Client, filters: ViewFilters): Promise<string[]> {
  const query = new URLSearchParams(Object.entries(filters).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]));
  query.set('limit', '200');
  const res = await who.get(`/api/v1/cases?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((c: { subject: string }) => c.subject).sort();
}

beforeAll(async () => {
  h = await startHarness({ clock, env: { COMPTOIR_SESSION_TTL_HOURS: '2160' } });
  const admin = await h.userClient('admin');
  for (const p of (await admin.get('/api/v1/sla-policies')).json().items) await admin.delete(`/api/v1/sla-policies/${p.id}`);
  const policy = await admin.post('/api/v1/sla-policies', { name: 'Horloge', targets: { firstReply: { calendarHours: 4 }, resolution: { calendarHours: 100 } } });
  expect(policy.statusCode).toBe(201);

  const brand = (await buildBrand(h.ctx)).id;
  const other = (await buildBrand(h.ctx)).id;
  const s1 = (await buildStore(h.ctx, brand)).id;
  const s2 = (await buildStore(h.ctx, brand)).id;
  agent = await h.userClient('agent');
  manager = await h.userClient('manager');
  const bob = (await h.userClient('agent')).userId;
  staff = await h.userClient('store_staff', { brandIds: [brand], storeIds: [s1] });
  const t1 = (await buildTeam(h.ctx, { memberIds: [agent.userId] })).id;
  const t2 = (await buildTeam(h.ctx, { memberIds: [bob] })).id;
  ids = { brand, other, s1, s2, t1, t2, bob };

  // name      opened  assignee team channel store status            SLA at 12:00
  // c8        06:00   bob      t2   chat    s1    new               breached (swept at 10:30)
  // c7        07:00   -        t1   email   -     new               breached (11:00, not swept yet)
  // c6        09:00   agent    -    phone   s2    open              due soon (13:00)
  // c4        09:00   bob      t2   phone   s2    solved            —
  // c1        11:00   agent    t1   email   s1    new               on time (15:00)
  // c3        11:00   -        -    email   s1    waiting_customer  none (paused)
  // c5        11:00   -        -    email   -     new (other brand) on time
  // c2        11:30   -        t1   chat    -     new, no message   on time (resolution only)
  await open('c8', '2026-03-02T06:00:00Z', brand, { assigneeId: bob, teamId: t2, channel: 'chat', storeId: s1 });
  await open('c7', '2026-03-02T07:00:00Z', brand, { teamId: t1, channel: 'email', tags: ['garantie'] });
  await open('c6', '2026-03-02T09:00:00Z', brand, { assigneeId: agent.userId, channel: 'phone', storeId: s2, tags: ['vip'], priority: 'high' });
  await updateCase(h.ctx, system, cases.c6!, { status: 'open' });
  await open('c4', '2026-03-02T09:00:00Z', brand, { assigneeId: bob, teamId: t2, channel: 'phone', storeId: s2 });
  await updateCase(h.ctx, system, cases.c4!, { status: 'solved' });
  clock.set('2026-03-02T10:30:00Z');
  await runSlaSweep(h.ctx);
  await open('c1', '2026-03-02T11:00:00Z', brand, { assigneeId: agent.userId, teamId: t1, channel: 'email', storeId: s1, tags: ['vip', 'garantie'], language: 'en', reason: 'breakdown' });
  await open('c3', '2026-03-02T11:00:00Z', brand, { channel: 'email', storeId: s1 });
  await updateCase(h.ctx, system, cases.c3!, { status: 'waiting_customer' });
  await open('c5', '2026-03-02T11:00:00Z', other, { channel: 'email' });
  await open('c2', '2026-03-02T11:30:00Z', brand, { teamId: t1, channel: 'chat', message: undefined });
  clock.set('2026-03-02T12:00:00Z');
});
afterAll(() => h?.close());

describe('GET /api/v1/views/counts', () => {
  it('counts every built-in view, by channel and by store, for an agent', async () => {
    const { at, counts: n, capped } = await counts(agent);
    expect(at).toBe('2026-03-02T12:00:00.000Z');
    expect(capped).toEqual([]);
    expect(n).toEqual({
      open: 7,
      mine: 2, // c1, c6
      team: 3, // c1, c2, c7
      unassigned: 4, // c2, c3, c5, c7
      breaching: 3, // c6 due soon, c7 and c8 breached
      waiting: 1, // c3
      'channel:email': 4,
      'channel:chat': 2,
      'channel:phone': 1,
      [`store:${ids.s1}`]: 3,
      [`store:${ids.s2}`]: 1,
      'store:none': 3,
    });
  });

  it('counts only the cases of the user’s stores', async () => {
    expect((await counts(staff)).counts).toEqual({
      open: 3, // c1, c3, c8
      mine: 0,
      team: 0,
      unassigned: 1,
      breaching: 1,
      waiting: 1,
      'channel:email': 2,
      'channel:chat': 1,
      [`store:${ids.s1}`]: 3,
    });
  });

  it('counts saved views, within and beyond the open cases, and shared ones for everyone', async () => {
    const mk = async (who: Client, name: string, filters: ViewFilters, shared = false) => {
      const res = await who.post('/api/v1/views', { name, filters, shared });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const views = {
      vip: await mk(agent, 'VIP', { status: ['open_all'], tag: ['vip'] }),
      vipWarranty: await mk(agent, 'VIP sous garantie', { status: ['open_all'], tag: ['vip', 'garantie'] }),
      solvedPhone: await mk(agent, 'Résolus au téléphone', { status: ['solved'], channel: ['phone'] }),
      otherBrand: await mk(agent, 'Autre marque', { brandId: [ids.other] }),
      english: await mk(agent, 'En anglais', { status: ['open_all'], language: 'en' }),
      paused: await mk(agent, 'Sans délai', { status: ['open_all'], sla: ['none'] }),
      noStoreTeam: await mk(agent, 'Web de mon équipe', { status: ['new', 'open'], storeId: ['none'], teamId: 'mine' }),
      stores: await mk(agent, 'Deux magasins', { status: ['open_all'], storeId: [ids.s1, ids.s2] }),
      today: await mk(agent, 'Activité depuis 10 h', { status: ['open_all'], activityFrom: '2026-03-02T10:00:00Z', createdTo: '2026-03-02T11:15:00Z' }),
      breakdown: await mk(agent, 'Pannes à l’accueil', { status: ['open_all'], reason: ['breakdown', 'billing'], step: ['intake'] }),
      high: await mk(agent, 'Hautes et urgentes', { status: ['open_all'], priority: ['high', 'urgent'] }),
      onTime: await mk(manager, 'À l’heure', { status: ['open_all'], sla: ['on_time'] }, true),
    };
    const expected: Record<string, number> = {
      [views.vip]: 2, // c1, c6
      [views.vipWarranty]: 1, // c1
      [views.solvedPhone]: 1, // c4
      [views.otherBrand]: 1, // c5
      [views.english]: 1, // c1
      [views.paused]: 1, // c3
      [views.noStoreTeam]: 2, // c2, c7
      [views.stores]: 4, // c1, c3, c8, c6
      [views.today]: 3, // c1, c3, c5 (the sweep's warnings and breaches are no activity)
      [views.breakdown]: 1, // c1
      [views.high]: 1, // c6
      [views.onTime]: 3, // c1, c2, c5
    };
    const { counts: n } = await counts(agent);
    for (const [view, count] of Object.entries(expected)) expect({ view, count: n[view] }).toEqual({ view, count });
    // A shared view is counted for everyone who sees it, in their own scope.
    expect((await counts(staff)).counts[views.onTime]).toBe(1); // c1
    expect((await counts(staff)).counts[views.vip]).toBeUndefined(); // someone else's private view
  });

  it('counts exactly what each view lists', async () => {
    const { counts: n } = await counts(agent);
    const saved = (await agent.get('/api/v1/views')).json().items as { id: string; filters: ViewFilters }[];
    const views = Object.keys(n).map((id): [string, ViewFilters] => [id, builtinView(id)?.filters ?? saved.find((v) => v.id === id)!.filters]);
    for (const [id, filters] of views) expect({ id, listed: (await listed(agent, filters)).length }).toEqual({ id, listed: n[id] });
    expect(await listed(agent, builtinView('breaching')!.filters)).toEqual(['c6', 'c7', 'c8']);
  });

  it('follows the SLA: the sweep records a breach, a late answer ends it', async () => {
    await runSlaSweep(h.ctx); // c7's first reply was due at 11:00
    expect((await counts(agent)).counts.breaching).toBe(3);
    await updateCase(h.ctx, system, cases.c8!, { status: 'open' });
    expect((await counts(agent)).counts.breaching).toBe(3); // still unanswered
    expect((await agent.post(`/api/v1/cases/${cases.c8}/messages`, { kind: 'reply', body: 'Toutes nos excuses pour ce délai.' })).statusCode).toBe(201);
    const after = await counts(agent);
    expect(after.counts.breaching).toBe(2); // c6, c7
    expect(await listed(agent, { status: ['open_all'], sla: ['on_time'] })).toEqual(['c1', 'c2', 'c5', 'c8']);
    // The urgency sort: breached first (c7), then the nearest deadline (c1 and c5 share one: by
    // id), and the paused c3 last.
    const sorted = (await agent.get('/api/v1/cases?status=open_all&sort=slaDueAt&limit=3')).json();
    expect(sorted.items.map((c: { subject: string }) => c.subject)).toEqual(['c7', 'c6', 'c1']);
    const next = (await agent.get(`/api/v1/cases?status=open_all&sort=slaDueAt&limit=3&cursor=${sorted.nextCursor}`)).json();
    expect(next.items.map((c: { subject: string }) => c.subject)).toEqual(['c5', 'c8', 'c2']);
  });
});
