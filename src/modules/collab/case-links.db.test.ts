// Related-case links against a real database: linking (once, whatever the direction),
// duplicates, unlinking, the lines on both timelines, the audit, and the access rules.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand, buildCase, buildStore } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { auditLog } from '../audit/audit.schema.ts';

let h: Harness;
let agent: Client;
let brandId: string;

beforeAll(async () => {
  h = await startHarness();
  brandId = (await buildBrand(h.ctx)).id;
  agent = await h.userClient('agent', { name: 'Camille Martin' });
});
afterAll(() => h?.close());

const links = async (who: Client, caseId: string) =>
  (await who.get(`/api/v1/cases/${caseId}/links`)).json().items as { id: string; kind: string; relation: string; case: { id: string; number: string; subject: string; status: string; access: string }; createdBy: { name: string } | null; removable: boolean }[];
const lastLine = async (caseId: string) => {
  const items = (await agent.get(`/api/v1/cases/${caseId}/events?limit=500`)).json().items as { type: string; data: Record<string, unknown> }[];
  return items.filter((e) => e.type.startsWith('case_')).at(-1);
};

describe('case links', () => {
  it('links two cases once whichever way round, and unlinks them', async () => {
    const a = await buildCase(h.ctx, brandId, { subject: 'Programmateur Gardena' });
    const b = await buildCase(h.ctx, brandId, { subject: 'Même programmateur, autre client' });
    const created = await agent.post(`/api/v1/cases/${a.id}/links`, { caseId: b.id });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      kind: 'related',
      relation: 'related',
      case: { id: b.id, number: b.number, subject: 'Même programmateur, autre client', status: 'new', access: 'full' },
      createdBy: { id: agent.userId, name: 'Camille Martin' },
      removable: true,
    });
    expect(await links(agent, b.id)).toMatchObject([{ id: created.json().id, relation: 'related', case: { id: a.id } }]);
    expect(await lastLine(a.id)).toMatchObject({ type: 'case_linked', data: { caseId: b.id, number: b.number, kind: 'related', relation: 'related' } });
    expect(await lastLine(b.id)).toMatchObject({ type: 'case_linked', data: { caseId: a.id, number: a.number } });

    // The same link again, from either side: the same link, 200.
    for (const [from, to] of [[a.id, b.id], [b.id, a.id]] as const) {
      const again = await agent.post(`/api/v1/cases/${from}/links`, { caseId: to, kind: 'related' });
      expect(again.statusCode).toBe(200);
      expect(again.json().id).toBe(created.json().id);
    }
    // Another kind for the same pair: remove the first link before.
    expect((await agent.post(`/api/v1/cases/${a.id}/links`, { caseId: b.id, kind: 'duplicate' })).statusCode).toBe(409);
    const [audit] = await h.ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'case.linked'), eq(auditLog.targetId, a.id)));
    expect(audit!.details).toEqual({ linkId: created.json().id, kind: 'related', caseId: b.id, number: b.number });

    expect((await agent.delete(`/api/v1/cases/${b.id}/links/${created.json().id}`)).statusCode).toBe(204);
    expect(await links(agent, a.id)).toEqual([]);
    expect(await lastLine(a.id)).toMatchObject({ type: 'case_unlinked', data: { caseId: b.id } });
    expect((await agent.delete(`/api/v1/cases/${b.id}/links/${created.json().id}`)).statusCode).toBe(404);

    const duplicate = await agent.post(`/api/v1/cases/${b.id}/links`, { caseId: a.id, kind: 'duplicate' });
    expect(duplicate.json()).toMatchObject({ kind: 'duplicate', relation: 'duplicate_of' });
    expect((await links(agent, a.id)).map((l) => l.relation)).toEqual(['has_duplicate']);
    // The other way round is another statement: refused while this one stands.
    expect((await agent.post(`/api/v1/cases/${a.id}/links`, { caseId: b.id, kind: 'duplicate' })).statusCode).toBe(409);
  });

  it('refuses a link to itself or to a case one cannot see, and shows only the cases one may see', async () => {
    const otherBrand = (await buildBrand(h.ctx)).id;
    const stores = { mine: (await buildStore(h.ctx, brandId)).id, theirs: (await buildStore(h.ctx, brandId)).id };
    const staff = await h.userClient('store_staff', { brandIds: [brandId], storeIds: [stores.mine] });
    const mine = await buildCase(h.ctx, brandId, { storeId: stores.mine });
    const theirs = await buildCase(h.ctx, brandId, { storeId: stores.theirs });
    const foreign = await buildCase(h.ctx, otherBrand);

    expect((await staff.post(`/api/v1/cases/${mine.id}/links`, { caseId: mine.id })).statusCode).toBe(422);
    expect((await staff.post(`/api/v1/cases/${mine.id}/links`, { caseId: foreign.id })).statusCode).toBe(404);
    expect((await staff.post(`/api/v1/cases/${mine.id}/links`, { caseId: theirs.id, kind: 'split_from' })).statusCode).toBe(422);
    // Another store's case may be linked to from one's own, not changed from.
    expect((await staff.post(`/api/v1/cases/${theirs.id}/links`, { caseId: mine.id })).statusCode).toBe(403);
    const linked = await staff.post(`/api/v1/cases/${mine.id}/links`, { caseId: theirs.id });
    expect(linked.statusCode).toBe(201);
    expect(linked.json().case.access).toBe('history');

    // An admin links it to another brand's case too: the store sees only what it may see.
    const admin = await h.userClient('admin');
    expect((await admin.post(`/api/v1/cases/${mine.id}/links`, { caseId: foreign.id })).statusCode).toBe(201);
    expect((await links(admin, mine.id)).map((l) => l.case.id).sort()).toEqual([theirs.id, foreign.id].sort());
    expect((await links(staff, mine.id)).map((l) => l.case.id)).toEqual([theirs.id]);
    const foreignLink = (await links(admin, mine.id)).find((l) => l.case.id === foreign.id)!;
    expect((await staff.delete(`/api/v1/cases/${mine.id}/links/${foreignLink.id}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/v1/cases/${foreign.id}/links`)).statusCode).toBe(404);
  });
});
