// Splitting a case against a real database: the new case's exact thread (its number, its
// clocks, its acknowledgment, the chosen messages with their files), the source's line and
// the link between both, the audit entry, the refusals, and a double click that splits once.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand, buildTeam, buildTrackedCase } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { photoJpeg } from '../../../test/support/images.ts';
import { multipart } from '../../../test/support/multipart.ts';
import { ManualClock } from '../../platform/clock.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { messageDelivery } from '../notifications/notifications.schema.ts';

// Ahead of the real time: ids made from this clock then follow it (uuidv7 never goes back).
const clock = new ManualClock('2030-03-04T09:00:00Z');
let h: Harness;
let agent: Client;
let brandId: string;
let teamId: string;

beforeAll(async () => {
  h = await startHarness({ clock });
  brandId = (await buildBrand(h.ctx)).id;
  agent = await h.userClient('agent', { name: 'Camille Martin' });
  teamId = (await buildTeam(h.ctx, { memberIds: [agent.userId] })).id;
});
afterAll(() => h?.close());

type Ev = { id: string; type: string; at: string; channel: string | null; body: string | null; visibility: string; actor: { type: string }; data: Record<string, unknown>; attachments: { id: string; filename: string }[] };
const eventsOf = async (caseId: string): Promise<Ev[]> => (await agent.get(`/api/v1/cases/${caseId}/events?limit=500`)).json().items;

/** A case whose customer raises a second matter in the thread: the mower, with a photo. */
async function caseWithTwoMatters(n: number) {
  clock.set(`2030-03-04T${String(9 + n).padStart(2, '0')}:00:00Z`);
  const source = await buildTrackedCase(h.ctx, brandId, {
    customer: { email: `lea.bernard.${n}@exemple.fr`, firstName: 'Léa', lastName: 'Bernard' },
    subject: 'Programmateur qui fuit',
    message: 'Mon programmateur fuit.',
    channel: 'email',
    reason: 'breakdown',
    priority: 'high',
    teamId,
  });
  clock.advance(10 * 60_000);
  const form = await multipart({ body: 'Et ma tondeuse ne démarre plus.' }, [{ name: 'tondeuse.jpg', content: photoJpeg(), type: 'image/jpeg' }]);
  expect((await h.app.inject({ method: 'POST', url: `/api/v1/track/${source.trackingToken}/messages`, ...form })).statusCode).toBe(201);
  clock.advance(10 * 60_000);
  expect((await h.app.inject({ method: 'POST', url: `/api/v1/track/${source.trackingToken}/messages`, payload: { body: 'C’est une Bosch Rotak.' } })).statusCode).toBe(201);
  clock.advance(10 * 60_000);
  expect((await agent.post(`/api/v1/cases/${source.case.id}/messages`, { kind: 'reply', body: 'Nous regardons le programmateur.' })).statusCode).toBe(201);
  const events = await eventsOf(source.case.id);
  const mower = events.filter((e) => e.type === 'message_in').slice(1);
  return { source: source.case, mower, reply: events.find((e) => e.type === 'message_out' && e.actor.type === 'user')! };
}

describe('POST /api/v1/cases/{id}/split', () => {
  it('opens a new case from the chosen messages, acknowledged as any new case, and links both', async () => {
    const { source, mower } = await caseWithTwoMatters(0);
    clock.set('2030-03-04T10:00:00Z');
    const res = await agent.post(`/api/v1/cases/${source.id}/split`, { eventIds: mower.map((e) => e.id), subject: 'Tondeuse qui ne démarre plus' });
    expect(res.statusCode).toBe(201);
    const split = res.json();
    expect(split.number).not.toBe(source.number);
    expect(split).toMatchObject({
      subject: 'Tondeuse qui ne démarre plus',
      status: 'new',
      channel: 'webform',
      customer: { id: source.customer.id },
      teamId,
      priority: 'high',
      reason: { key: 'breakdown' },
      customerMessageCount: 2,
    });
    expect(split.clocks.map((k: { metric: string; state: string }) => `${k.metric} ${k.state}`)).toEqual(['first_reply active', 'resolution active']);

    const thread = await eventsOf(split.id);
    expect(thread.map((e) => `${e.type} ${e.actor.type} ${e.channel ?? '-'} ${e.visibility}`)).toEqual([
      'case_created user webform public',
      'message_in customer webform public',
      'sla_clock system - internal',
      'sla_clock system - internal',
      'message_out system email public',
      'message_in customer webform public',
      'case_split user - internal',
    ]);
    const [, first, , , ack, second, marker] = thread as [Ev, Ev, Ev, Ev, Ev, Ev, Ev];
    expect(first).toMatchObject({ body: 'Et ma tondeuse ne démarre plus.', data: { splitFrom: { caseId: source.id, number: source.number, eventId: mower[0]!.id, at: mower[0]!.at, channel: 'webform' } } });
    expect(first.attachments.map((a) => a.filename)).toEqual(mower[0]!.attachments.map((a) => a.filename));
    expect((await agent.get(`/api/v1/attachments/${first.attachments[0]!.id}`)).statusCode).toBe(200);
    expect(second).toMatchObject({ body: 'C’est une Bosch Rotak.', data: { splitFrom: { eventId: mower[1]!.id } } });
    expect(marker.data).toEqual({ from: { id: source.id, number: source.number, subject: 'Programmateur qui fuit' }, eventIds: mower.map((e) => e.id) });
    // The acknowledgment names the new number and goes out as for any new case.
    expect(ack).toMatchObject({ data: { kind: 'acknowledgment' } });
    expect(ack.body).toContain(split.number);
    const [delivery] = await h.ctx.db.select().from(messageDelivery).where(eq(messageDelivery.eventId, ack.id));
    expect(delivery).toMatchObject({ status: 'queued', channel: 'email' });

    // The source keeps its story and says what went where; both are linked.
    const after = await eventsOf(source.id);
    expect(after.at(-1)).toMatchObject({ type: 'case_split', visibility: 'internal', data: { into: { id: split.id, number: split.number }, eventIds: mower.map((e) => e.id) } });
    expect(after.filter((e) => e.type === 'message_in')).toHaveLength(3);
    expect((await agent.get(`/api/v1/cases/${source.id}`)).json()).toMatchObject({ status: 'open', customerMessageCount: 3 });
    expect((await agent.get(`/api/v1/cases/${source.id}/links`)).json().items).toMatchObject([{ kind: 'split_from', relation: 'split_into', case: { id: split.id, number: split.number, status: 'new' }, removable: false }]);
    expect((await agent.get(`/api/v1/cases/${split.id}/links`)).json().items).toMatchObject([{ relation: 'split_from', case: { id: source.id } }]);

    const audit = await h.ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'case.split'), eq(auditLog.targetId, source.id)));
    expect(audit.map((a) => a.details)).toEqual([{ number: source.number, into: { id: split.id, number: split.number, subject: 'Tondeuse qui ne démarre plus' }, eventIds: mower.map((e) => e.id), attachments: 1 }]);

    // The same messages again: refused, they already have their case.
    const again = await agent.post(`/api/v1/cases/${source.id}/split`, { eventIds: [mower[1]!.id], subject: 'Encore' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain(split.number);
  });

  it('splits once when the same split is sent twice at the same moment', async () => {
    const { source, mower } = await caseWithTwoMatters(1);
    const body = { eventIds: [mower[0]!.id], subject: 'Tondeuse' };
    const both = await Promise.all([1, 2].map(() => agent.post(`/api/v1/cases/${source.id}/split`, body)));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await eventsOf(source.id)).filter((e) => e.type === 'case_split')).toHaveLength(1);
  });

  it('takes only the customer’s messages of that case, and follows the access rules', async () => {
    const { source, mower, reply } = await caseWithTwoMatters(2);
    const other = await caseWithTwoMatters(3);
    const refuse = async (eventIds: string[]) => (await agent.post(`/api/v1/cases/${source.id}/split`, { eventIds, subject: 'x' })).json();
    expect(await refuse([reply.id])).toMatchObject({ status: 422, errors: [{ field: 'eventIds' }] });
    expect(await refuse([other.mower[0]!.id])).toMatchObject({ status: 422 });
    expect((await agent.post(`/api/v1/cases/${source.id}/split`, { eventIds: [mower[0]!.id], subject: '' })).statusCode).toBe(422);
    expect((await agent.post(`/api/v1/cases/${source.id}/split`, { eventIds: [], subject: 'x' })).statusCode).toBe(422);

    const outsider = await h.userClient('agent', { brandIds: [(await buildBrand(h.ctx)).id] });
    expect((await outsider.post(`/api/v1/cases/${source.id}/split`, { eventIds: [mower[0]!.id], subject: 'x' })).statusCode).toBe(404);
    const viewer = await h.userClient('viewer');
    expect((await viewer.post(`/api/v1/cases/${source.id}/split`, { eventIds: [mower[0]!.id], subject: 'x' })).statusCode).toBe(403);
    expect((await eventsOf(source.id)).filter((e) => e.type === 'case_split')).toHaveLength(0);
  });
});
