// Presence against a real database and the real stream: heartbeats say who is on a case,
// changes reach the other case pages as case.presence (through LISTEN/NOTIFY), entries
// expire without heartbeats, tabs of one user count as one, and the access rules hold.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand, buildCase, buildStore } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { SseClient } from '../../../test/support/sse.ts';
import { runHousekeeping } from '../../housekeeping.ts';
import { ManualClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/database.ts';

// Ahead of the real time, so that sessions made now are valid on this clock.
const clock = new ManualClock('2030-03-04T09:00:00Z');
let h: Harness;
let base: string;
let camille: Client;
let bastien: Client;
let brandId: string;

beforeAll(async () => {
  h = await startHarness({ clock });
  base = await h.app.listen({ host: '127.0.0.1', port: 0 });
  brandId = (await buildBrand(h.ctx)).id;
  camille = await h.userClient('agent', { name: 'Camille Martin' });
  bastien = await h.userClient('agent', { name: 'Bastien Roux' });
});
afterAll(() => h?.close());

const beat = (who: Client, caseId: string, body: Record<string, unknown>) => who.request({ method: 'PUT', url: `/api/v1/cases/${caseId}/presence`, payload: body });
const others = async (who: Client, caseId: string) =>
  (await who.get(`/api/v1/cases/${caseId}/presence`)).json().present.map((p: { user: { name: string }; state: string; kind: string | null }) => `${p.user.name} ${p.state}${p.kind ? ` ${p.kind}` : ''}`);

describe('PUT /api/v1/cases/{id}/presence', () => {
  it('says who else is on the case, live on the case stream, and forgets those who stop beating', async () => {
    const c = await buildCase(h.ctx, brandId);
    const first = await beat(camille, c.id, { state: 'viewing', tabId: 'tab-1' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ present: [], ttlSeconds: 40, at: '2030-03-04T09:00:00.000Z' });

    const stream = await SseClient.open(`${base}/api/v1/events?caseId=${c.id}`, { authorization: `Bearer ${camille.token}` });
    try {
      const answer = await beat(bastien, c.id, { state: 'viewing' });
      expect(answer.json().present).toEqual([{ user: { id: camille.userId, name: 'Camille Martin' }, state: 'viewing', kind: null, expiresAt: '2030-03-04T09:00:40.000Z' }]);
      const arrived = await stream.waitFor((f) => f.event === 'case.presence');
      expect(arrived.data).toEqual({ caseId: c.id, user: { id: bastien.userId, name: 'Bastien Roux' }, state: 'viewing', kind: null, expiresAt: '2030-03-04T09:00:40.000Z', at: '2030-03-04T09:00:00.000Z' });

      clock.advance(5_000);
      await beat(bastien, c.id, { state: 'typing', kind: 'note' });
      await stream.waitFor((f) => f.event === 'case.presence' && (f.data as { state: string }).state === 'typing');
      expect(await others(camille, c.id)).toEqual(['Bastien Roux typing note']);
      // A heartbeat that changes nothing others see is not broadcast.
      clock.advance(5_000);
      await beat(bastien, c.id, { state: 'typing', kind: 'note' });
      await beat(bastien, c.id, { state: 'viewing' });
      await stream.waitFor((f) => f.event === 'case.presence' && (f.data as { state: string }).state === 'viewing' && (f.data as { at: string }).at === '2030-03-04T09:00:10.000Z');
      expect(stream.frames.filter((f) => f.event === 'case.presence').map((f) => (f.data as { state: string }).state)).toEqual(['viewing', 'typing', 'viewing']);
      // Nobody sees themselves.
      await beat(camille, c.id, { state: 'typing', tabId: 'tab-1' });
      await beat(bastien, c.id, { state: 'left' });
      await stream.waitFor((f) => f.event === 'case.presence' && (f.data as { state: string }).state === 'left');
      expect(stream.frames.some((f) => f.event === 'case.presence' && (f.data as { user: { id: string } }).user.id === camille.userId)).toBe(false);
      expect(await others(camille, c.id)).toEqual([]);
      expect(await others(bastien, c.id)).toEqual(['Camille Martin typing reply']);
    } finally {
      await stream.close();
    }

    // Forty seconds without a heartbeat and Camille is gone.
    clock.advance(39_000);
    expect(await others(bastien, c.id)).toEqual(['Camille Martin typing reply']);
    clock.advance(2_000);
    expect(await others(bastien, c.id)).toEqual([]);
  });

  it('counts a user’s tabs as one: typing if any tab types, there while any tab beats', async () => {
    const c = await buildCase(h.ctx, brandId);
    await beat(camille, c.id, { state: 'viewing', tabId: 'a' });
    await beat(camille, c.id, { state: 'typing', kind: 'reply', tabId: 'b' });
    expect(await others(bastien, c.id)).toEqual(['Camille Martin typing reply']);
    await beat(camille, c.id, { state: 'left', tabId: 'b' });
    expect(await others(bastien, c.id)).toEqual(['Camille Martin viewing']);
    await beat(camille, c.id, { state: 'left', tabId: 'a' });
    expect(await others(bastien, c.id)).toEqual([]);
  });

  it('lets the hourly clean-up drop the rows of pages closed without a word', async () => {
    const c = await buildCase(h.ctx, brandId);
    await beat(camille, c.id, { state: 'viewing' });
    const count = async () => (await queryRows<{ n: number }>(h.ctx.db, sql`SELECT count(*)::int AS n FROM case_presence WHERE case_id = ${c.id}`))[0]!.n;
    expect(await count()).toBe(1);
    clock.advance(60_000);
    await runHousekeeping(h.ctx);
    expect(await count()).toBe(0);
  });

  it('follows the access rules', async () => {
    const otherBrand = (await buildBrand(h.ctx)).id;
    const stores = { mine: (await buildStore(h.ctx, brandId)).id, theirs: (await buildStore(h.ctx, brandId)).id };
    const staff = await h.userClient('store_staff', { brandIds: [brandId], storeIds: [stores.mine] });
    const viewer = await h.userClient('viewer');
    const foreign = await buildCase(h.ctx, otherBrand);
    const theirs = await buildCase(h.ctx, brandId, { storeId: stores.theirs });
    expect((await beat(staff, foreign.id, { state: 'viewing' })).statusCode).toBe(404);
    expect((await staff.get(`/api/v1/cases/${foreign.id}/presence`)).statusCode).toBe(404);
    // Another store's case: looking is fine, writing is not.
    expect((await beat(staff, theirs.id, { state: 'viewing' })).statusCode).toBe(200);
    expect((await beat(staff, theirs.id, { state: 'typing' })).statusCode).toBe(403);
    expect((await beat(viewer, theirs.id, { state: 'typing' })).statusCode).toBe(403);
    expect((await beat(staff, theirs.id, { state: 'viewing', kind: 'reply' })).statusCode).toBe(422);
    expect((await beat(staff, theirs.id, { state: 'away' })).statusCode).toBe(422);
    // A stream of a case of another brand hears nothing of it; one allowed to see it does.
    const outsider = await h.userClient('agent', { brandIds: [otherBrand] });
    const [theirStream, ourStream] = await Promise.all(
      [outsider, bastien].map((who) => SseClient.open(`${base}/api/v1/events?caseId=${theirs.id}`, { authorization: `Bearer ${who.token}` })),
    );
    try {
      await beat(camille, theirs.id, { state: 'typing' });
      await ourStream!.waitFor((f) => f.event === 'case.presence');
      expect(theirStream!.frames.filter((f) => f.event === 'case.presence')).toEqual([]);
    } finally {
      await Promise.all([theirStream!.close(), ourStream!.close()]);
    }
  });
});
