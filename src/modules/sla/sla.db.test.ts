// The SLA module through the API, on a real database, with an injected clock: holidays, the
// promise preview, calendars and policies, clocks on a case's timeline through pausing,
// resuming, reopening, breach and escalation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { buildBrand, buildStore, buildTeam } from '../../../test/support/factories.ts';
import { ManualClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/database.ts';
import { recordCustomerMessage } from '../cases/customer-messages.ts';
import { runSlaSweep } from './sla.sweep.ts';

const clock = new ManualClock('2026-03-02T08:00:00Z');
let h: Harness;
let admin: Client;
let agent: Client;
let brandId: string;

const split = [['09:00', '12:30'], ['13:30', '18:00']];
const weekdays = { mon: split, tue: split, wed: split, thu: split, fri: split };
const paris = { timezone: 'Europe/Paris', hours: weekdays, holidays: { country: 'FR', region: null, extra: [] } };

beforeAll(async () => {
  h = await startHarness({ clock, env: { COMPTOIR_SESSION_TTL_HOURS: '2160' } });
  admin = await h.userClient('admin');
  agent = await h.userClient('agent');
  brandId = (await buildBrand(h.ctx, { slug: 'auto-sud', name: 'Auto Sud' })).id;
  // Policies of this file only: the seeded ones are replaced by one with short, exact targets.
  for (const p of (await admin.get('/api/v1/sla-policies')).json().items) await admin.delete(`/api/v1/sla-policies/${p.id}`);
  const calendar = (await admin.post('/api/v1/calendars', { name: 'SAV semaine', ...paris })).json();
  const policy = await admin.post('/api/v1/sla-policies', {
    name: 'Semaine',
    calendarId: calendar.id,
    targets: { firstReply: { businessHours: 4 }, nextReply: { businessHours: 2 }, resolution: { businessHours: 16 } },
    warnBeforeMinutes: 30,
    escalation: { notifyLead: true, raisePriority: true, moveToTeamId: null },
  });
  expect(policy.statusCode).toBe(201);
});
afterAll(() => h?.close());

const openCase = async (over: Record<string, unknown> = {}) => {
  const res = await agent.post('/api/v1/cases', {
    customer: { email: `client.${Math.random().toString(36).slice(2)}@exemple.fr`, firstName: 'Martine' },
    subject: 'Boîte de vitesses facturée deux fois',
    message: 'Bonjour, ma facture compte deux fois la même réparation.',
    channel: 'email',
    brandId,
    ...over,
  });
  expect(res.statusCode).toBe(201);
  return res.json();
};

const clocksOf = async (id: string) => {
  const c = (await agent.get(`/api/v1/cases/${id}`)).json();
  return Object.fromEntries(c.clocks.map((k: { metric: string }) => [k.metric, k]));
};

const clockEvents = async (id: string) =>
  (await agent.get(`/api/v1/cases/${id}/events`)).json().items
    .filter((e: { type: string }) => e.type === 'sla_clock')
    .map((e: { data: { metric: string; transition: string } }) => `${e.data.metric} ${e.data.transition}`);

describe('GET /api/v1/holidays', () => {
  it('lists the public holidays of Alsace-Moselle, in French, computed from Easter', async () => {
    const res = await agent.get('/api/v1/holidays?country=FR&region=alsace-moselle&year=2026');
    expect(res.statusCode).toBe(200);
    const days = res.json();
    expect(days).toHaveLength(13);
    expect(days).toContainEqual({ date: '2026-04-03', name: 'Vendredi saint' });
    expect(days).toContainEqual({ date: '2026-04-06', name: 'Lundi de Pâques' });
    expect(days).toContainEqual({ date: '2026-12-26', name: 'Saint-Étienne' });
    expect(days.map((d: { date: string }) => d.date)).toEqual([...days.map((d: { date: string }) => d.date)].sort());
  });

  it('knows Québec and Belgium, and says which regions exist', async () => {
    expect((await agent.get('/api/v1/holidays?country=CA&region=QC&year=2026')).json()).toContainEqual({ date: '2026-06-24', name: 'Fête nationale du Québec' });
    expect((await agent.get('/api/v1/holidays?country=BE&year=2026')).json()).toContainEqual({ date: '2026-07-21', name: 'Fête nationale' });
    const bad = await agent.get('/api/v1/holidays?country=FR&region=bretagne&year=2026');
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/holidays?country=FR&year=2026' })).statusCode).toBe(401);
  });
});

describe('POST /api/v1/sla/preview', () => {
  it('promises the exact instant, in the calendar offset and in words', async () => {
    const res = await agent.post('/api/v1/sla/preview', {
      calendar: { timezone: 'Europe/Paris', hours: { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '18:00']], sat: [], sun: [] }, holidays: { country: 'FR', region: null, extra: [] } },
      start: '2026-04-02T13:00:00+02:00',
      target: { businessDays: 2 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      deadline: '2026-04-07T13:00:00+02:00',
      text: { fr: 'au plus tard le mardi 7 avril 2026 à 13:00', en: 'by Tuesday 7 April 2026 at 13:00' },
    });
  });

  it('adds pauses back and refuses calendars that cannot be', async () => {
    const pauses = await agent.post('/api/v1/sla/preview', { calendar: paris, start: '2026-03-02T09:00:00+01:00', target: { businessHours: 8 }, pauses: [{ from: '2026-03-02T10:00:00+01:00', to: '2026-03-02T15:00:00+01:00' }] });
    expect(pauses.json().deadline).toBe('2026-03-03T14:00:00+01:00');
    const overlap = await agent.post('/api/v1/sla/preview', { calendar: { ...paris, hours: { mon: [['09:00', '13:00'], ['12:00', '18:00']] } }, start: '2026-03-02T09:00:00+01:00', target: { businessHours: 1 } });
    expect(overlap.statusCode).toBe(422);
    expect(overlap.json().detail).toMatch(/overlap/);
    const never = await agent.post('/api/v1/sla/preview', { calendar: { ...paris, hours: {} }, start: '2026-03-02T09:00:00+01:00', target: { businessHours: 1 } });
    expect(never.statusCode).toBe(422);
    const wrongTarget = await agent.post('/api/v1/sla/preview', { calendar: paris, start: '2026-03-02T09:00:00+01:00', target: { weeks: 1 } });
    expect(wrongTarget.statusCode).toBe(422);
    const noOffset = await agent.post('/api/v1/sla/preview', { calendar: paris, start: '2026-03-02T09:00:00', target: { businessHours: 1 } });
    expect(noOffset.statusCode).toBe(422);
  });
});

describe('calendars and policies', () => {
  it('keeps exactly one default calendar and refuses to delete one in use', async () => {
    const before = (await admin.get('/api/v1/calendars')).json().items;
    const seeded = before.find((c: { isDefault: boolean }) => c.isDefault);
    expect(seeded).toMatchObject({ name: 'Service client', timezone: 'Europe/Paris' });
    const sunday = await admin.post('/api/v1/calendars', { name: 'Magasin ouvert le dimanche', ...paris, hours: { ...weekdays, sun: [['10:00', '13:00']] }, isDefault: true });
    expect(sunday.statusCode).toBe(201);
    const after = (await admin.get('/api/v1/calendars')).json().items;
    expect(after.filter((c: { isDefault: boolean }) => c.isDefault).map((c: { id: string }) => c.id)).toEqual([sunday.json().id]);
    expect((await admin.delete(`/api/v1/calendars/${sunday.json().id}`)).statusCode).toBe(409);
    expect((await admin.patch(`/api/v1/calendars/${seeded.id}`, { isDefault: true })).statusCode).toBe(200);
    const store = await buildStore(h.ctx, brandId, { calendarId: sunday.json().id });
    expect(store.calendarId).toBe(sunday.json().id);
    expect((await admin.delete(`/api/v1/calendars/${sunday.json().id}`)).statusCode).toBe(409);
    expect((await agent.post('/api/v1/calendars', { name: 'x', ...paris })).statusCode).toBe(403);
  });

  it('changes only what a PATCH names: new hours keep the exceptional openings and closed days', async () => {
    const christmas = { date: '2026-12-20', hours: [['10:00', '18:00']] };
    const created = (await admin.post('/api/v1/calendars', { name: 'Magasin de décembre', ...paris, holidays: { country: 'FR', region: null, extra: ['2026-08-14'] }, openings: [christmas] })).json();
    const changed = await admin.patch(`/api/v1/calendars/${created.id}`, { hours: { ...weekdays, sat: [['09:00', '12:00']] } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ openings: [christmas], holidays: { country: 'FR', extra: ['2026-08-14'] }, hours: { sat: [['09:00', '12:00']] } });
    const audit = (await admin.get(`/api/v1/audit?action=calendar.updated&targetId=${created.id}`)).json().items;
    expect(Object.keys(audit[0].details)).toEqual(['hours']);
  });

  it('promises a store’s case in the store’s hours, and other cases in the team’s', async () => {
    const sunday = (await admin.post('/api/v1/calendars', { name: 'Dimanche matin', ...paris, hours: { sun: [['10:00', '13:00']] } })).json();
    const store = await buildStore(h.ctx, brandId, { calendarId: sunday.id });
    await admin.patch(`/api/v1/sla-policies/${(await admin.get('/api/v1/sla-policies')).json().items[0].id}`, { calendarId: null });
    clock.set('2026-03-06T17:00:00+01:00'); // a Friday, 17:00
    // 4 business hours in 3 hours a week: the next Sunday but one.
    const atStore = await openCase({ storeId: store.id });
    expect((await clocksOf(atStore.id)).first_reply.deadline).toBe('2026-03-15T11:00:00+01:00');
    const team = await buildTeam(h.ctx, { calendarId: sunday.id });
    const forTeam = await openCase({ teamId: team.id });
    expect((await clocksOf(forTeam.id)).first_reply.deadline).toBe('2026-03-15T11:00:00+01:00');
    // The default calendar (seeded): Friday's last hour, then Saturday morning.
    const plain = await openCase();
    expect((await clocksOf(plain.id)).first_reply.deadline).toBe('2026-03-07T12:00:00+01:00');
  });

  it('applies the first matching policy in order, and a change reaches only new cases', async () => {
    const urgent = await admin.post('/api/v1/sla-policies', { name: 'SMS urgent', position: 0, conditions: { channels: ['sms'], priorities: ['urgent'] }, targets: { firstReply: { calendarHours: 1 } } });
    expect(urgent.statusCode).toBe(201);
    clock.set('2026-03-10T10:00:00+01:00');
    const sms = await openCase({ channel: 'sms', priority: 'urgent' });
    const first = await clocksOf(sms.id);
    expect(first.first_reply).toMatchObject({ policy: 'SMS urgent', deadline: '2026-03-10T11:00:00+01:00', state: 'active', remainingMs: 3_600_000 });
    expect(first.resolution).toBeUndefined();
    expect((await clocksOf((await openCase({ channel: 'sms' })).id)).first_reply.policy).toBe('Semaine');

    await admin.patch(`/api/v1/sla-policies/${urgent.json().id}`, { targets: { firstReply: { calendarHours: 3 } } });
    expect((await clocksOf(sms.id)).first_reply.deadline).toBe('2026-03-10T11:00:00+01:00');
    const later = await openCase({ channel: 'sms', priority: 'urgent' });
    expect((await clocksOf(later.id)).first_reply.deadline).toBe('2026-03-10T13:00:00+01:00');
    await admin.delete(`/api/v1/sla-policies/${urgent.json().id}`);
    expect((await clocksOf(sms.id)).first_reply.deadline).toBe('2026-03-10T11:00:00+01:00');

    const bad = await admin.post('/api/v1/sla-policies', { name: 'x', targets: {} });
    expect(bad.statusCode).toBe(422);
    const noCalendar = await admin.post('/api/v1/sla-policies', { name: 'x', calendarId: '0190c0de-0000-7000-8000-000000000000', targets: { firstReply: { businessHours: 1 } } });
    expect(noCalendar.statusCode).toBe(422);
    expect(noCalendar.json().errors).toEqual([{ field: 'calendarId', message: 'no such calendar' }]);
  });
});

describe('clocks on a case', () => {
  it('run, pause while waiting for the customer, resume on the reply, and close with the case', async () => {
    clock.set('2026-03-16T09:00:00+01:00'); // Monday
    const c = await openCase();
    let clocks = await clocksOf(c.id);
    expect(clocks.first_reply).toMatchObject({ state: 'active', deadline: '2026-03-16T14:00:00+01:00', promise: { fr: 'au plus tard le lundi 16 mars 2026 à 14:00' } });
    expect(clocks.resolution.deadline).toBe('2026-03-17T18:00:00+01:00');

    clock.set('2026-03-16T10:00:00+01:00');
    const reply = await agent.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'Pouvez-vous nous envoyer la facture ?', status: 'waiting_customer' });
    expect(reply.statusCode).toBe(201);
    clocks = await clocksOf(c.id);
    expect(clocks.first_reply).toMatchObject({ state: 'achieved', achievedAt: '2026-03-16T10:00:00+01:00', remainingMs: null });
    expect(clocks.resolution).toMatchObject({ state: 'paused', pausedAt: '2026-03-16T10:00:00+01:00' });

    clock.set('2026-03-16T15:00:00+01:00');
    await recordCustomerMessage(h.ctx, c.id, { body: 'Voici la facture.', channel: 'email' });
    clocks = await clocksOf(c.id);
    expect(clocks.resolution).toMatchObject({ state: 'active', deadline: '2026-03-18T14:00:00+01:00' });
    expect(clocks.next_reply).toMatchObject({ state: 'active', deadline: '2026-03-16T17:00:00+01:00' });
    expect((await agent.get(`/api/v1/cases/${c.id}`)).json().status).toBe('open');

    clock.set('2026-03-16T16:00:00+01:00');
    await agent.patch(`/api/v1/cases/${c.id}`, { status: 'solved' });
    clocks = await clocksOf(c.id);
    expect(clocks.resolution.state).toBe('achieved');
    expect(clocks.next_reply.state).toBe('cancelled');
    expect(await clockEvents(c.id)).toEqual([
      'resolution started',
      'first_reply started',
      'first_reply achieved',
      'resolution paused',
      'resolution resumed',
      'next_reply started',
      'next_reply cancelled',
      'resolution achieved',
    ]);

    // The customer writes again: the case reopens and the clocks pick up.
    clock.set('2026-03-17T09:00:00+01:00');
    await recordCustomerMessage(h.ctx, c.id, { body: 'Finalement, il reste un souci.', channel: 'email' });
    const reopened = (await agent.get(`/api/v1/cases/${c.id}`)).json();
    expect(reopened.status).toBe('open');
    expect(reopened.clocks.find((k: { metric: string }) => k.metric === 'resolution')).toMatchObject({ state: 'active', deadline: '2026-03-18T16:00:00+01:00' }); // 2 h used Monday, 14 h left from Tuesday 09:00
    expect(reopened.clocks.find((k: { metric: string }) => k.metric === 'next_reply')).toMatchObject({ state: 'active', deadline: '2026-03-17T11:00:00+01:00' });
  });

  it('keeps no clock of the timeline from customers and history readers', async () => {
    const store = await buildStore(h.ctx, brandId);
    const other = await buildStore(h.ctx, brandId);
    const c = await openCase({ storeId: other.id });
    const staff = await h.userClient('store_staff', { brandIds: [brandId], storeIds: [store.id] });
    const seen = (await staff.get(`/api/v1/cases/${c.id}/events`)).json().items;
    expect(seen.some((e: { type: string }) => e.type === 'sla_clock')).toBe(false);
  });
});

describe('the sweep', () => {
  it('warns before the deadline, records the breach at it, and escalates once', async () => {
    const lead = await h.userClient('manager');
    const team = await buildTeam(h.ctx, { leadUserId: lead.userId });
    clock.set('2026-03-23T09:00:00+01:00');
    const c = await openCase({ teamId: team.id, priority: 'normal' });
    const due = async () => (await queryRows<{ due: Date | string }>(h.ctx.db, sql`SELECT sla_due_at AS due FROM sav_case WHERE id = ${c.id}`))[0]!.due;
    const breached = async () => (await queryRows<{ at: Date | string | null }>(h.ctx.db, sql`SELECT sla_breached_at AS at FROM sav_case WHERE id = ${c.id}`))[0]!.at;
    expect(new Date(await due()).toISOString()).toBe('2026-03-23T13:00:00.000Z'); // 14:00 in Paris

    clock.set('2026-03-23T12:40:00+01:00'); // more than 30 minutes before
    await runSlaSweep(h.ctx);
    expect(await clockEvents(c.id)).toEqual(['resolution started', 'first_reply started']);
    clock.set('2026-03-23T13:35:00+01:00');
    expect(await runSlaSweep(h.ctx)).toMatchObject({ moves: expect.any(Number) });
    expect((await clockEvents(c.id)).slice(2)).toEqual(['first_reply warned']);

    clock.set('2026-03-23T14:01:00+01:00');
    await runSlaSweep(h.ctx);
    await runSlaSweep(h.ctx); // a second sweep finds nothing more to do
    expect((await clockEvents(c.id)).slice(3)).toEqual(['first_reply breached', 'first_reply escalated']);
    const after = (await agent.get(`/api/v1/cases/${c.id}`)).json();
    expect(after.priority).toBe('high');
    expect(after.clocks.find((k: { metric: string }) => k.metric === 'first_reply')).toMatchObject({ state: 'breached', breachedAt: '2026-03-23T14:00:00+01:00', remainingMs: -60_000 });
    const escalated = (await agent.get(`/api/v1/cases/${c.id}/events`)).json().items.find((e: { type: string; data: { transition?: string } }) => e.data.transition === 'escalated');
    expect(escalated.data.actions).toEqual(['priority', 'lead']);
    expect(new Date(await due()).toISOString()).toBe('2026-03-24T17:00:00.000Z'); // the resolution is next
    expect(new Date((await breached())!).toISOString()).toBe('2026-03-23T13:00:00.000Z'); // the inbox still sees it breached

    // The late answer is recorded; the clock stays breached.
    clock.set('2026-03-23T15:00:00+01:00');
    await agent.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'Toutes nos excuses pour ce délai.' });
    expect((await clocksOf(c.id)).first_reply).toMatchObject({ state: 'breached', achievedAt: '2026-03-23T15:00:00+01:00', remainingMs: null });
    expect(await breached()).toBeNull(); // answered: no longer breached for the inbox
  });

  it('handles each case once when two workers sweep at the same time', async () => {
    clock.set('2026-03-30T09:00:00+02:00');
    const cases = await Promise.all(Array.from({ length: 6 }, () => openCase()));
    clock.set('2026-03-31T09:00:00+02:00');
    await Promise.all([runSlaSweep(h.ctx), runSlaSweep(h.ctx)]);
    for (const c of cases) expect((await clockEvents(c.id)).filter((e: string) => e === 'first_reply breached')).toHaveLength(1);
  });
});
