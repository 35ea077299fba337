// Merging cases against a real database: the survivor's exact thread (copies at their own
// time, with their channel and files), the merged case closed with its clocks cancelled and
// its tracking link leading to the survivor, the audit entry, the refusals, and a double
// click that merges once.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand, buildStore, buildTrackedCase } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { photoJpeg } from '../../../test/support/images.ts';
import { multipart } from '../../../test/support/multipart.ts';
import { findThread } from '../../channels/email/inbound/threading.ts';
import { ManualClock } from '../../platform/clock.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { caseAttachment } from '../cases/cases.schema.ts';
import { slaClock } from '../sla/sla.schema.ts';

// Ahead of the real time: ids made from this clock then follow it (uuidv7 never goes back).
const clock = new ManualClock('2030-03-04T09:00:00Z');
let h: Harness;
let agent: Client;
let brandId: string;

beforeAll(async () => {
  h = await startHarness({ clock });
  brandId = (await buildBrand(h.ctx)).id;
  agent = await h.userClient('agent', { name: 'Camille Martin' });
});
afterAll(() => h?.close());

type Ev = { id: string; type: string; at: string; channel: string | null; body: string | null; visibility: string; actor: { type: string; name: string | null }; data: Record<string, unknown>; attachments: { id: string }[] };
const eventsOf = async (caseId: string): Promise<Ev[]> => (await agent.get(`/api/v1/cases/${caseId}/events?limit=500`)).json().items;
const at = (iso: string) => clock.set(iso);
const customer = (n: number) => ({ email: `marc.petit.${n}@exemple.fr`, firstName: 'Marc', lastName: 'Petit' });

/** A line per event, clock moves left out: what an agent reads in the thread. */
const thread = (events: Ev[]) =>
  events
    .filter((e) => e.type !== 'sla_clock')
    .map((e) => [e.at.slice(11, 16), e.type, e.actor.type, e.channel ?? '-', e.visibility, e.body ?? '', (e.data.mergedFrom as { number?: string } | undefined)?.number ?? ''].join(' | '));

describe('POST /api/v1/cases/{id}/merge', () => {
  it('copies the conversation onto the survivor at its own time, closes the merged case and sends its link there', async () => {
    at('2030-03-04T09:00:00Z');
    const a = await buildTrackedCase(h.ctx, brandId, { customer: customer(1), subject: 'Programmateur qui fuit', message: 'Mon programmateur Gardena fuit.', channel: 'email' });
    at('2030-03-04T10:00:00Z');
    const b = await buildTrackedCase(h.ctx, brandId, { customer: { email: customer(1).email }, subject: 'Fuite (chat)', message: 'Je vous ai aussi écrit par e-mail.', channel: 'chat' });
    at('2030-03-04T11:00:00Z');
    const form = await multipart({ body: 'Voici la photo de la fuite.' }, [{ name: 'fuite.jpg', content: photoJpeg(), type: 'image/jpeg' }]);
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/track/${b.trackingToken}/messages`, ...form })).statusCode).toBe(201);
    at('2030-03-04T11:30:00Z');
    expect((await agent.post(`/api/v1/cases/${a.case.id}/messages`, { kind: 'reply', body: 'Nous regardons votre programmateur.' })).statusCode).toBe(201);
    at('2030-03-04T12:00:00Z');
    expect((await agent.post(`/api/v1/cases/${b.case.id}/messages`, { kind: 'note', body: 'Client impatient, même demande que par e-mail.' })).statusCode).toBe(201);

    at('2030-03-04T12:30:00Z');
    const preview = await agent.get(`/api/v1/cases/${a.case.id}/merge-preview?caseIds=${b.case.id}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      survivor: { id: a.case.id, number: a.case.number },
      cases: [{ case: { id: b.case.id, number: b.case.number, status: 'new' }, alreadyMerged: false, messages: 3, attachments: 1, clocksStopped: ['first_reply', 'resolution'] }],
      messages: 3,
      attachments: 1,
    });
    expect((await agent.get(`/api/v1/cases/${b.case.id}`)).json()).toMatchObject({ status: 'new', mergedIntoId: null });

    const res = await agent.post(`/api/v1/cases/${a.case.id}/merge`, { caseIds: [b.case.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: a.case.id, status: 'open', customerMessageCount: 3, agentMessageCount: 1, mergedIntoId: null });

    const survivor = await eventsOf(a.case.id);
    expect(thread(survivor)).toEqual([
      '09:00 | case_created | system | email | public |  | ',
      '09:00 | message_in | customer | email | public | Mon programmateur Gardena fuit. | ',
      expect.stringMatching(/^09:00 \| message_out \| system \| email \| public \| Bonjour Marc Petit,[\s\S]+ \| $/),
      `10:00 | message_in | customer | chat | public | Je vous ai aussi écrit par e-mail. | ${b.case.number}`,
      `11:00 | message_in | customer | webform | public | Voici la photo de la fuite. | ${b.case.number}`,
      '11:30 | message_out | user | email | public | Nous regardons votre programmateur. | ',
      '11:30 | status_changed | user | - | public |  | ',
      `12:00 | note | user | - | internal | Client impatient, même demande que par e-mail. | ${b.case.number}`,
      '12:30 | case_merged | user | - | internal |  | ',
    ]);
    const photo = survivor.find((e) => e.body === 'Voici la photo de la fuite.')!;
    expect(photo.attachments).toHaveLength(1);
    const [copied] = await h.ctx.db.select().from(caseAttachment).where(eq(caseAttachment.id, photo.attachments[0]!.id));
    const originals = await h.ctx.db.select().from(caseAttachment).where(eq(caseAttachment.caseId, b.case.id));
    expect(copied).toMatchObject({ caseId: a.case.id, sha256: originals[0]!.sha256, blobKey: originals[0]!.blobKey, filename: originals[0]!.filename });
    expect((await agent.get(`/api/v1/attachments/${copied!.id}`)).statusCode).toBe(200);
    expect(survivor.at(-1)!.data).toMatchObject({ cases: [{ id: b.case.id, number: b.case.number }], messages: 3, attachments: 1 });

    // The merged case: closed, leading to the survivor, its clocks cancelled, its own story kept.
    const merged = (await agent.get(`/api/v1/cases/${b.case.id}`)).json();
    expect(merged).toMatchObject({ status: 'closed', mergedIntoId: a.case.id, closedAt: '2030-03-04T12:30:00.000Z' });
    expect(merged.clocks.map((k: { metric: string; state: string }) => `${k.metric} ${k.state}`)).toEqual(['first_reply cancelled', 'resolution cancelled']);
    const mergedThread = await eventsOf(b.case.id);
    expect(mergedThread.slice(-5).map((e) => `${e.type} ${String(e.data.transition ?? e.data.to ?? '')}`.trim())).toEqual([
      'note',
      'case_merged',
      'status_changed closed',
      'sla_clock cancelled',
      'sla_clock cancelled',
    ]);
    expect(mergedThread.at(-4)!.data).toEqual({ into: { id: a.case.id, number: a.case.number, subject: 'Programmateur qui fuit' } });
    const [bRow] = await h.ctx.db.select({ n: slaClock.id }).from(slaClock).where(and(eq(slaClock.caseId, b.case.id), eq(slaClock.state, 'active')));
    expect(bRow).toBeUndefined();

    // The customer's link to the merged case shows the survivor, and what they write lands there.
    const tracked = (await h.app.inject({ method: 'GET', url: `/api/v1/track/${b.trackingToken}` })).json();
    expect(tracked.number).toBe(a.case.number);
    expect(tracked.messages.map((m: { body: string }) => m.body)).toEqual(expect.arrayContaining(['Je vous ai aussi écrit par e-mail.', 'Voici la photo de la fuite.', 'Nous regardons votre programmateur.']));
    at('2030-03-04T13:00:00Z');
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/track/${b.trackingToken}/messages`, payload: { body: 'Toujours là ?' } })).statusCode).toBe(201);
    expect((await eventsOf(a.case.id)).filter((e) => e.type !== 'sla_clock').at(-1)).toMatchObject({ type: 'message_in', body: 'Toujours là ?' });
    // An e-mail answering the merged case's number goes on in the survivor.
    expect(await findThread(h.ctx, { customerId: merged.customer.id, caseNumber: b.case.number, refs: [], subject: null })).toEqual({ kind: 'append', caseId: a.case.id, via: 'number' });
    // The inbox no longer lists it.
    const open = (await agent.get(`/api/v1/cases?customerId=${merged.customer.id}&status=open_all,closed`)).json().items.map((c: { id: string }) => c.id);
    expect(open).toEqual([a.case.id]);

    const audit = await h.ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'case.merged'), eq(auditLog.targetId, a.case.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ number: a.case.number, merged: [{ id: b.case.id, number: b.case.number, subject: 'Fuite (chat)' }], messages: 3, attachments: 1 });
    expect(audit[0]!.actorUserId).toBe(agent.userId);

    // The links: each side sees what the other is to it.
    expect((await agent.get(`/api/v1/cases/${a.case.id}/links`)).json().items).toMatchObject([{ kind: 'merged_into', relation: 'merged_from', case: { id: b.case.id, status: 'closed' }, removable: false }]);
    expect((await agent.get(`/api/v1/cases/${b.case.id}/links`)).json().items).toMatchObject([{ relation: 'merged_into', case: { id: a.case.id } }]);

    // Asking again changes nothing.
    const again = await agent.post(`/api/v1/cases/${a.case.id}/merge`, { caseIds: [b.case.id] });
    expect(again.statusCode).toBe(200);
    expect((await eventsOf(a.case.id)).filter((e) => e.type === 'case_merged')).toHaveLength(1);
  });

  it('merges once when the same merge is sent twice at the same moment', async () => {
    at('2030-03-04T14:00:00Z');
    const a = await buildTrackedCase(h.ctx, brandId, { customer: customer(2) });
    clock.advance(60_000);
    const b = await buildTrackedCase(h.ctx, brandId, { customer: { email: customer(2).email } });
    clock.advance(60_000);
    const c = await buildTrackedCase(h.ctx, brandId, { customer: { email: customer(2).email } });
    const both = await Promise.all([1, 2].map(() => agent.post(`/api/v1/cases/${a.case.id}/merge`, { caseIds: [c.case.id, b.case.id] })));
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    const events = await eventsOf(a.case.id);
    expect(events.filter((e) => e.type === 'case_merged')).toHaveLength(1);
    expect(events.filter((e) => e.data.mergedFrom).map((e) => (e.data.mergedFrom as { number: string }).number)).toEqual([b.case.number, c.case.number]);
    // With an Idempotency-Key the answer is replayed.
    const key = { 'idempotency-key': 'merge-double-click' };
    const d = await buildTrackedCase(h.ctx, brandId, { customer: { email: customer(2).email } });
    const first = await agent.post(`/api/v1/cases/${a.case.id}/merge`, { caseIds: [d.case.id] }, key);
    const second = await agent.post(`/api/v1/cases/${a.case.id}/merge`, { caseIds: [d.case.id] }, key);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
  });

  it('refuses what cannot be merged, and changes nothing', async () => {
    const a = await buildTrackedCase(h.ctx, brandId, { customer: customer(3) });
    const b = await buildTrackedCase(h.ctx, brandId, { customer: { email: customer(3).email } });
    const stranger = await buildTrackedCase(h.ctx, brandId, { customer: customer(4) });

    const other = await agent.post(`/api/v1/cases/${a.case.id}/merge`, { caseIds: [b.case.id, stranger.case.id] });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ type: '/problems/validation-failed', errors: [{ field: 'caseIds', message: expect.stringContaining(stranger.case.number) }] });
    expect((await agent.get(`/api/v1/cases/${a.case.id}/merge-preview?caseIds=${stranger.case.id}`)).statusCode).toBe(422);
    expect((await agent.post(`/api/v1/cases/${a.case.id}/merge`, { caseIds: [a.case.id] })).statusCode).toBe(422);
    expect((await agent.post(`/api/v1/cases/${a.case.id}/merge`, { caseIds: [] })).statusCode).toBe(422);
    expect((await agent.post(`/api/v1/cases/${a.case.id}/merge`, { caseIds: Array.from({ length: 21 }, () => b.case.id) })).statusCode).toBe(422);
    expect((await agent.get(`/api/v1/cases/${b.case.id}`)).json()).toMatchObject({ status: 'new', mergedIntoId: null });

    // Into a closed case, or into a merged one: 409.
    const closed = await buildTrackedCase(h.ctx, brandId, { customer: { email: customer(3).email } });
    await agent.patch(`/api/v1/cases/${closed.case.id}`, { status: 'closed' });
    expect((await agent.post(`/api/v1/cases/${closed.case.id}/merge`, { caseIds: [b.case.id] })).statusCode).toBe(409);
    expect((await agent.post(`/api/v1/cases/${a.case.id}/merge`, { caseIds: [b.case.id] })).statusCode).toBe(200);
    expect((await agent.post(`/api/v1/cases/${b.case.id}/merge`, { caseIds: [closed.case.id] })).json()).toMatchObject({ status: 409, detail: expect.stringContaining('merge into that one') });
    // A case already merged elsewhere cannot be merged again.
    const c = await buildTrackedCase(h.ctx, brandId, { customer: { email: customer(3).email } });
    expect((await agent.post(`/api/v1/cases/${c.case.id}/merge`, { caseIds: [b.case.id] })).statusCode).toBe(409);
  });

  it('follows the access rules: 404 for a case one cannot see, 403 for one only read', async () => {
    const otherBrand = (await buildBrand(h.ctx)).id;
    const stores = { mine: (await buildStore(h.ctx, brandId)).id, theirs: (await buildStore(h.ctx, brandId)).id };
    const staff = await h.userClient('store_staff', { brandIds: [brandId], storeIds: [stores.mine] });
    const viewer = await h.userClient('viewer');
    const a = await buildTrackedCase(h.ctx, brandId, { customer: customer(5), storeId: stores.mine });
    const mine = await buildTrackedCase(h.ctx, brandId, { customer: { email: customer(5).email }, storeId: stores.mine });
    const theirs = await buildTrackedCase(h.ctx, brandId, { customer: { email: customer(5).email }, storeId: stores.theirs });
    const foreign = await buildTrackedCase(h.ctx, otherBrand, { customer: { email: customer(5).email } });
    const scoped = await h.userClient('agent', { brandIds: [brandId] });

    expect((await scoped.post(`/api/v1/cases/${a.case.id}/merge`, { caseIds: [foreign.case.id] })).statusCode).toBe(404);
    expect((await scoped.get(`/api/v1/cases/${a.case.id}/merge-preview?caseIds=${foreign.case.id}`)).statusCode).toBe(404);
    expect((await scoped.post(`/api/v1/cases/${foreign.case.id}/merge`, { caseIds: [a.case.id] })).statusCode).toBe(404);
    expect((await staff.post(`/api/v1/cases/${a.case.id}/merge`, { caseIds: [theirs.case.id] })).statusCode).toBe(403);
    expect((await viewer.post(`/api/v1/cases/${a.case.id}/merge`, { caseIds: [mine.case.id] })).statusCode).toBe(403);
    expect((await staff.post(`/api/v1/cases/${a.case.id}/merge`, { caseIds: [mine.case.id] })).statusCode).toBe(200);
  });
});
