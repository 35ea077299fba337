// The live stream across the real HTTP server and the database's LISTEN/NOTIFY.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { buildBrand, buildCase, buildStore } from '../../../test/support/factories.ts';
import { SseClient } from '../../../test/support/sse.ts';

let h: Harness;
let base: string;
let admin: Client;
let staff: Client;
let ids: { brand: string; mine: string; other: string };

beforeAll(async () => {
  h = await startHarness({ env: { COMPTOIR_STREAM_RECHECK_MS: '200' } });
  base = await h.app.listen({ host: '127.0.0.1', port: 0 });
  admin = await h.userClient('admin');
  const brand = (await buildBrand(h.ctx)).id;
  ids = { brand, mine: (await buildStore(h.ctx, brand)).id, other: (await buildStore(h.ctx, brand)).id };
  staff = await h.userClient('store_staff', { brandIds: [brand], storeIds: [ids.mine] });
});
afterAll(() => h?.close());

describe('GET /api/v1/events', () => {
  it('streams the activity of cases the user may see, and only those', async () => {
    const stream = await SseClient.open(`${base}/api/v1/events`, { authorization: `Bearer ${staff.token}` });
    try {
      const foreign = await buildCase(h.ctx, ids.brand, { storeId: ids.other, subject: 'Pas pour vous' });
      const mine = await buildCase(h.ctx, ids.brand, { storeId: ids.mine, subject: 'Pour vous' });
      const created = await stream.waitFor((f) => f.event === 'case.created');
      expect(created.data).toMatchObject({ caseId: mine.id, number: mine.number });
      const message = await stream.waitFor((f) => f.event === 'case.timeline' && (f.data as { type: string }).type === 'message_in');
      expect(message.data).toMatchObject({ caseId: mine.id, body: expect.stringContaining('Bonjour') });
      await admin.post(`/api/v1/cases/${mine.id}/messages`, { kind: 'note', body: 'Visible par le magasin' });
      await stream.waitFor((f) => (f.data as { body?: string }).body === 'Visible par le magasin');
      expect(stream.frames.some((f) => (f.data as { caseId?: string }).caseId === foreign.id)).toBe(false);
    } finally {
      await stream.close();
    }
  });

  it('replays what a reconnecting client missed (Last-Event-ID), without internal events of history cases', async () => {
    const first = await buildCase(h.ctx, ids.brand, { storeId: ids.mine });
    const [lastSeen] = (await staff.get(`/api/v1/cases/${first.id}/events`)).json().items.slice(-1);
    const missed = await buildCase(h.ctx, ids.brand, { storeId: ids.mine, subject: 'Pendant la coupure' });
    const elsewhere = await buildCase(h.ctx, ids.brand, { storeId: ids.other });
    await admin.post(`/api/v1/cases/${missed.id}/messages`, { kind: 'reply', body: 'Réponse pendant la coupure' });
    const stream = await SseClient.open(`${base}/api/v1/events`, { authorization: `Bearer ${staff.token}`, 'last-event-id': lastSeen.id });
    try {
      const replayed = stream.frames.filter((f) => f.event === 'case.timeline').map((f) => f.data as { caseId: string; type: string; visibility: string });
      // The store's own case, internal clock events included (full access).
      expect(replayed.filter((e) => e.caseId === missed.id && e.type !== 'sla_clock').map((e) => e.type)).toEqual(['case_created', 'message_in', 'message_out', 'message_out', 'status_changed']); // acknowledgment, then the reply
      expect(replayed.filter((e) => e.caseId === missed.id && e.type === 'sla_clock').length).toBeGreaterThan(0);
      expect(replayed.some((e) => e.caseId === elsewhere.id)).toBe(false);
    } finally {
      await stream.close();
    }
  });

  it('streams the public activity of another store’s case to a screen showing it', async () => {
    const elsewhere = await buildCase(h.ctx, ids.brand, { storeId: ids.other });
    const stream = await SseClient.open(`${base}/api/v1/events?caseId=${elsewhere.id}`, { authorization: `Bearer ${staff.token}` });
    try {
      await admin.post(`/api/v1/cases/${elsewhere.id}/messages`, { kind: 'note', body: 'Interne' });
      await admin.post(`/api/v1/cases/${elsewhere.id}/messages`, { kind: 'reply', body: 'Publique' });
      await stream.waitFor((f) => (f.data as { body?: string }).body === 'Publique');
      expect(stream.frames.some((f) => (f.data as { body?: string }).body === 'Interne')).toBe(false);
    } finally {
      await stream.close();
    }
  });

  // Several app processes share one PostgreSQL: an event committed through one reaches the
  // screens connected to another (LISTEN/NOTIFY). PGlite is a single process by nature.
  it.runIf(process.env.COMPTOIR_TEST_ENGINE === 'postgres')('reaches screens connected to another app process', async () => {
    const { openPostgres } = await import('../../platform/db/postgres.ts');
    const { createServices } = await import('../../runtime.ts');
    const { buildApp } = await import('../../app.ts');
    const { createLogger } = await import('../../platform/log.ts');
    const second = await openPostgres({ url: h.database.url!, poolSize: 2 });
    const services = createServices(h.services.config, second, { log: createLogger('silent') });
    await services.realtime.start();
    const app2 = await buildApp(services, { web: false });
    const base2 = await app2.listen({ host: '127.0.0.1', port: 0 });
    const stream = await SseClient.open(`${base2}/api/v1/events`, { authorization: `Bearer ${staff.token}` });
    try {
      const created = await buildCase(h.ctx, ids.brand, { storeId: ids.mine, subject: 'Via le premier nœud' });
      await stream.waitFor((f) => f.event === 'case.created' && (f.data as { caseId: string }).caseId === created.id);
    } finally {
      await stream.close();
      await app2.close();
      await services.realtime.stop();
      await second.close();
    }
  });

  it('ends when the session behind it ends', async () => {
    const user = await h.userClient('agent');
    const stream = await SseClient.open(`${base}/api/v1/events`, { authorization: `Bearer ${user.token}` });
    try {
      await user.post('/api/v1/auth/logout');
      const ended = await stream.waitFor((f) => f.event === 'session.ended', 3000);
      expect(ended.data).toMatchObject({ reason: expect.stringContaining('no longer valid') });
    } finally {
      await stream.close();
    }
  });

  it('requires authentication', async () => {
    const res = await fetch(`${base}/api/v1/events`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
