// @mentions in internal notes: who may be mentioned, the notification written in the
// note's own transaction (a refused note tells nobody), pushed live to that user's stream,
// listed for them alone (unread first) and marked read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand, buildCase, buildStore } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { SseClient } from '../../../test/support/sse.ts';

let h: Harness;
let base: string;
let author: Client;
let colleague: Client;
let bystander: Client;
let elsewhere: Client;
let caseId: string;
let caseNumber: string;

beforeAll(async () => {
  h = await startHarness();
  base = await h.app.listen({ host: '127.0.0.1', port: 0 });
  const brandId = (await buildBrand(h.ctx)).id;
  const storeId = (await buildStore(h.ctx, brandId)).id;
  const otherStore = (await buildStore(h.ctx, brandId)).id;
  author = await h.userClient('agent', { name: 'Camille Martin' });
  colleague = await h.userClient('agent', { name: 'Bruno Petit' });
  bystander = await h.userClient('store_staff', { name: 'Zoé Roux', brandIds: [brandId], storeIds: [storeId] });
  // Same brand, another store: reads the case's history, never its notes.
  elsewhere = await h.userClient('store_staff', { name: 'Yann Ailleurs', brandIds: [brandId], storeIds: [otherStore] });
  const c = await buildCase(h.ctx, brandId, { storeId, subject: 'Tondeuse en panne' });
  caseId = c.id;
  caseNumber = c.number;
});
afterAll(() => h?.close());

const note = (client: Client, body: string, extra: Record<string, unknown> = {}) => client.post(`/api/v1/cases/${caseId}/messages`, { kind: 'note', body, ...extra });
const notificationsOf = async (client: Client) => (await client.get('/api/v1/me/notifications')).json() as { items: { id: string; readAt: string | null; excerpt: string; case: { number: string }; actor: { name: string } }[]; unreadCount: number };
const eventCount = async () => (await author.get(`/api/v1/cases/${caseId}/events`)).json().items.length as number;

describe('mentions', () => {
  it('offers the colleagues who see the case’s notes, not the author nor another store’s staff', async () => {
    const res = await author.get(`/api/v1/cases/${caseId}/mentionable-users`);
    expect(res.statusCode).toBe(200);
    const names = (res.json().items as { id: string; name: string }[]).map((u) => u.name);
    expect(names).toContain('Bruno Petit');
    expect(names).toContain('Zoé Roux');
    expect(names).not.toContain('Camille Martin');
    expect(names).not.toContain('Yann Ailleurs');
    expect((await elsewhere.get(`/api/v1/cases/${caseId}/mentionable-users`)).statusCode).toBe(403);
  });

  it('notifies the mentioned colleague live, and lists it for them alone', async () => {
    const stream = await SseClient.open(`${base}/api/v1/events`, { authorization: `Bearer ${colleague.token}` });
    const otherStream = await SseClient.open(`${base}/api/v1/events`, { authorization: `Bearer ${bystander.token}` });
    try {
      const res = await note(author, '@Bruno Petit peux-tu rappeler la cliente demain matin ?', { mentions: [colleague.userId] });
      expect(res.statusCode).toBe(201);
      expect(res.json().message.data).toEqual({ mentions: [colleague.userId] });
      const signal = await stream.waitFor((f) => f.event === 'notification.created');
      expect(signal.data).toMatchObject({ kind: 'mention', caseId, eventId: res.json().message.id });
      // The bystander's stream carries the note (they work the case), not a notification.
      await otherStream.waitFor((f) => f.event === 'case.timeline' && (f.data as { id: string }).id === res.json().message.id);
      expect(otherStream.frames.some((f) => f.event === 'notification.created')).toBe(false);
    } finally {
      await stream.close();
      await otherStream.close();
    }
    const mine = await notificationsOf(colleague);
    expect(mine.unreadCount).toBe(1);
    expect(mine.items).toEqual([
      expect.objectContaining({ kind: 'mention', case: { id: caseId, number: caseNumber, subject: 'Tondeuse en panne' }, actor: { id: author.userId, name: 'Camille Martin' }, excerpt: '@Bruno Petit peux-tu rappeler la cliente demain matin ?', readAt: null }),
    ]);
    for (const other of [author, bystander, elsewhere]) expect(await notificationsOf(other)).toEqual({ items: [], unreadCount: 0, nextCursor: null });
  });

  it('refuses a mention of someone who cannot see the notes, and then writes neither the note nor any notification', async () => {
    const before = await eventCount();
    const refused = await note(author, 'Pour Bruno et Yann', { mentions: [colleague.userId, elsewhere.userId] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([{ field: 'mentions', message: `${elsewhere.userId}: not a colleague who can see this case’s internal notes` }]);
    // Same transaction: a note refused after its notification was written leaves no trace.
    const badFile = await note(author, 'Pour Bruno, avec un fichier', { mentions: [colleague.userId], attachmentIds: ['01960000-0000-7000-8000-000000000000'] });
    expect(badFile.statusCode).toBe(422);
    expect(await eventCount()).toBe(before);
    expect((await notificationsOf(colleague)).unreadCount).toBe(1);
    expect((await author.post(`/api/v1/cases/${caseId}/messages`, { kind: 'reply', body: 'Bonjour', mentions: [colleague.userId] })).statusCode).toBe(422);
  });

  it('lists unread first, newest first, and marks read one by one or all at once', async () => {
    await note(author, 'Deuxième mention', { mentions: [colleague.userId, bystander.userId] });
    await note(author, 'Troisième mention', { mentions: [colleague.userId] });
    let mine = await notificationsOf(colleague);
    expect(mine.items.map((n) => n.excerpt)).toEqual(['Troisième mention', 'Deuxième mention', '@Bruno Petit peux-tu rappeler la cliente demain matin ?']);
    const oldest = mine.items[2]!.id;
    expect((await bystander.post(`/api/v1/me/notifications/${oldest}/read`)).statusCode).toBe(404);
    expect((await colleague.post(`/api/v1/me/notifications/${oldest}/read`)).statusCode).toBe(204);
    mine = await notificationsOf(colleague);
    expect(mine.unreadCount).toBe(2);
    expect(mine.items.map((n) => [n.excerpt, n.readAt !== null])).toEqual([['Troisième mention', false], ['Deuxième mention', false], ['@Bruno Petit peux-tu rappeler la cliente demain matin ?', true]]);
    const paged = (await colleague.get('/api/v1/me/notifications?limit=2')).json();
    expect(paged.items).toHaveLength(2);
    const rest = (await colleague.get(`/api/v1/me/notifications?limit=2&cursor=${paged.nextCursor}`)).json();
    expect(rest.items.map((n: { id: string }) => n.id)).toEqual([oldest]);
    expect((await colleague.post('/api/v1/me/notifications/read-all')).json()).toEqual({ updated: 2 });
    expect((await notificationsOf(colleague)).unreadCount).toBe(0);
    expect((await notificationsOf(bystander)).unreadCount).toBe(1);
  });
});
