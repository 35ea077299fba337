// Bulk changes through the API: each case changed like a single PATCH (events, access), a
// result per case, refused cases (another store's, another brand's, a closed one) reported
// without undoing the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { buildBrand, buildCase, buildStore, buildTeam } from '../../../test/support/factories.ts';
import { systemActor } from '../access/actor.ts';
import { updateCase } from './case-changes.ts';

let h: Harness;
let staff: Client;
let admin: Client;
let ids: { brand: string; other: string; grigny: string; lyon: string; team: string };

beforeAll(async () => {
  h = await startHarness();
  const brand = (await buildBrand(h.ctx)).id;
  const other = (await buildBrand(h.ctx)).id;
  const grigny = (await buildStore(h.ctx, brand, { name: 'Grigny' })).id;
  const lyon = (await buildStore(h.ctx, brand, { name: 'Lyon' })).id;
  staff = await h.userClient('store_staff', { brandIds: [brand], storeIds: [grigny] });
  admin = await h.userClient('admin');
  const team = (await buildTeam(h.ctx, { memberIds: [staff.userId] })).id;
  ids = { brand, other, grigny, lyon, team };
});
afterAll(() => h?.close());

const bulk = (who: Client, caseIds: string[], action: Record<string, unknown>) => who.post('/api/v1/cases/bulk', { caseIds, action });
const get = async (id: string) => (await admin.get(`/api/v1/cases/${id}`)).json();
const eventsOf = async (id: string) => (await admin.get(`/api/v1/cases/${id}/events`)).json().items as { type: string; actor: { id: string | null }; data: Record<string, unknown> }[];

describe('POST /api/v1/cases/bulk', () => {
  it('assigns every case the user works, and refuses the others one by one', async () => {
    const a = await buildCase(h.ctx, ids.brand, { storeId: ids.grigny });
    const b = await buildCase(h.ctx, ids.brand, { storeId: ids.grigny });
    const lyon = await buildCase(h.ctx, ids.brand, { storeId: ids.lyon });
    const foreign = await buildCase(h.ctx, ids.other);
    const res = await bulk(staff, [a.id, lyon.id, b.id, foreign.id], { type: 'assign', assigneeId: 'me', teamId: ids.team });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ changed: 2, refused: 2 });
    expect(body.results).toEqual([
      { caseId: a.id, ok: true, version: a.version + 1 },
      { caseId: lyon.id, ok: false, problem: expect.objectContaining({ status: 403, code: 'forbidden', title: 'Accès refusé' }) },
      { caseId: b.id, ok: true, version: b.version + 1 },
      // Another brand's case does not exist for this user.
      { caseId: foreign.id, ok: false, problem: expect.objectContaining({ status: 404, code: 'not_found' }) },
    ]);
    for (const id of [a.id, b.id]) {
      expect(await get(id)).toMatchObject({ assigneeId: staff.userId, teamId: ids.team });
      // The same timeline event as a single PATCH, by the user who did it.
      const change = (await eventsOf(id)).find((e) => e.type === 'assignment_changed');
      expect(change).toMatchObject({ actor: { id: staff.userId }, data: { assignee: { from: null, to: staff.userId }, team: { from: null, to: ids.team } } });
    }
    expect(await get(lyon.id)).toMatchObject({ assigneeId: null, version: lyon.version });
    expect(await get(foreign.id)).toMatchObject({ assigneeId: null, version: foreign.version });
  });

  it('changes status and priority; a closed case is refused, the rest solved', async () => {
    const open = await buildCase(h.ctx, ids.brand, { storeId: ids.grigny });
    const closed = await buildCase(h.ctx, ids.brand, { storeId: ids.grigny });
    await updateCase(h.ctx, systemActor('test'), closed.id, { status: 'closed' });
    const solved = (await bulk(staff, [open.id, closed.id], { type: 'status', status: 'solved' })).json();
    expect(solved.results.map((r: { ok: boolean; problem?: { status: number } }) => r.ok || r.problem!.status)).toEqual([true, 409]);
    expect((await get(open.id)).status).toBe('solved');
    expect((await get(closed.id)).status).toBe('closed');

    const urgent = (await bulk(staff, [open.id, open.id], { type: 'priority', priority: 'urgent' })).json();
    expect(urgent.results).toHaveLength(1); // the same case twice is changed once
    expect((await get(open.id)).priority).toBe('urgent');
  });

  it('adds and removes tags on each case as it is, leaving its other tags', async () => {
    const a = await buildCase(h.ctx, ids.brand, { storeId: ids.grigny, tags: ['garantie', 'vip'] });
    const b = await buildCase(h.ctx, ids.brand, { storeId: ids.grigny, tags: ['litige'] });
    const res = (await bulk(staff, [a.id, b.id], { type: 'tags', add: ['Rappel'], remove: ['vip', 'litige'] })).json();
    expect(res).toMatchObject({ changed: 2, refused: 0 });
    expect((await get(a.id)).tags).toEqual(['garantie', 'rappel']);
    expect((await get(b.id)).tags).toEqual(['rappel']);
    // Nothing left to do: the cases stay as they are, at the same version.
    const again = (await bulk(staff, [b.id], { type: 'tags', add: ['rappel'] })).json();
    expect(again.results).toEqual([{ caseId: b.id, ok: true, version: (await get(b.id)).version }]);
  });

  it('refuses a request that is not one, and a user who may not write', async () => {
    const c = await buildCase(h.ctx, ids.brand, { storeId: ids.grigny });
    const tooMany = Array.from({ length: 201 }, () => c.id);
    for (const [body, field] of [
      [{ caseIds: tooMany, action: { type: 'status', status: 'open' } }, 'caseIds'],
      [{ caseIds: [], action: { type: 'status', status: 'open' } }, 'caseIds'],
      [{ caseIds: [c.id], action: { type: 'delete' } }, 'action'],
      [{ caseIds: [c.id], action: { type: 'assign' } }, 'action'],
      [{ caseIds: [c.id], action: { type: 'tags', add: [] } }, 'action'],
      [{ caseIds: [c.id], action: { type: 'status', status: 'lost' } }, 'action'],
    ] as const) {
      const res = await staff.post('/api/v1/cases/bulk', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.some((e: { field: string }) => e.field.includes(field))).toBe(true);
    }
    const viewer = await h.userClient('viewer');
    const refused = await bulk(viewer, [c.id], { type: 'status', status: 'solved' });
    expect(refused.statusCode).toBe(403);
    expect((await get(c.id)).status).toBe('new');
  });
});
