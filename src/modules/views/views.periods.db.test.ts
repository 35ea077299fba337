// A saved view with a relative period, on a real database: it is stored as words, listed and
// counted with the days of the moment it is read (tomorrow it lists tomorrow's last 7 days), in
// the time zone the request names (the server's COMPTOIR_TIMEZONE otherwise).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand, buildCase } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { ManualClock } from '../../platform/clock.ts';
import { savedView } from './views.schema.ts';

const clock = new ManualClock('2026-03-01T12:00:00Z');
let h: Harness;
let agent: Client;
let viewId: string;
let olderId: string;

/** Opens a case named `name` at `at` (the clock moves there). */
async function open(name: string, at: string, brandId: string) {
  clock.set(at);
  await buildCase(h.ctx, brandId, { subject: name });
}

async function listed(query: string): Promise<string[]> {
  const res = await agent.get(`/api/v1/cases?${query}&limit=200`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((c: { subject: string }) => c.subject).sort();
}

async function counted(view: string, timeZone?: string): Promise<number> {
  const res = await agent.get(`/api/v1/views/counts${timeZone ? `?timeZone=${encodeURIComponent(timeZone)}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().counts[view];
}

beforeAll(async () => {
  // The server counts days in Paris unless a request says otherwise.
  h = await startHarness({ clock, env: { COMPTOIR_TIMEZONE: 'Europe/Paris', COMPTOIR_SESSION_TTL_HOURS: '2160' } });
  agent = await h.userClient('agent');
  const brand = (await buildBrand(h.ctx)).id;
  // Paris is UTC+1 in March. "Now" will be Tuesday 10 March 2026, 09:00 in Paris.
  await open('jan-20', '2026-01-20T10:00:00Z', brand);
  await open('feb-01', '2026-02-01T10:00:00Z', brand);
  await open('mar-03-late', '2026-03-03T22:30:00Z', brand); // 23:30 on 3 March in Paris
  await open('mar-03-night', '2026-03-03T23:30:00Z', brand); // 00:30 on 4 March in Paris
  await open('mar-04-early', '2026-03-04T03:00:00Z', brand); // 04:00 in Paris, 22:00 on 3 March in Montreal
  await open('mar-04', '2026-03-04T09:00:00Z', brand);
  await open('mar-09', '2026-03-09T15:00:00Z', brand);
  await open('mar-10', '2026-03-10T07:30:00Z', brand);
  clock.set('2026-03-10T08:00:00Z');
});
afterAll(() => h?.close());

describe('a saved view "opened in the last 7 days"', () => {
  it('is stored as the words, not as dates', async () => {
    const res = await agent.post('/api/v1/views', { name: 'Créés ces 7 derniers jours', filters: { status: ['open_all'], createdPeriod: 'last_7_days' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().filters).toEqual({ status: ['open_all'], createdPeriod: 'last_7_days' });
    viewId = res.json().id;
    const [row] = await h.ctx.db.select({ filters: savedView.filters }).from(savedView).where(eq(savedView.id, viewId));
    expect(row!.filters).toEqual({ status: ['open_all'], createdPeriod: 'last_7_days' });
    const older = await agent.post('/api/v1/views', { name: 'Sans nouvelles depuis 30 jours', filters: { activityPeriod: 'older_than_30_days' } });
    expect(older.statusCode, older.body).toBe(201);
    olderId = older.json().id;
  });

  it('lists and counts the cases of 4 to 10 March, in Paris', async () => {
    const week = ['mar-03-night', 'mar-04', 'mar-04-early', 'mar-09', 'mar-10'];
    expect(await listed('status=open_all&createdPeriod=last_7_days')).toEqual(week);
    expect(await counted(viewId)).toBe(5);
    // 30 days before 10 March is 8 February: "older" is 7 February or before.
    expect(await listed('activityPeriod=older_than_30_days')).toEqual(['feb-01', 'jan-20']);
    expect(await counted(olderId)).toBe(2);
  });

  it('lists the next day’s 7 days tomorrow, without being changed', async () => {
    clock.set('2026-03-11T08:00:00Z');
    expect(await listed('status=open_all&createdPeriod=last_7_days')).toEqual(['mar-09', 'mar-10']);
    expect(await counted(viewId)).toBe(2);
    const views = (await agent.get('/api/v1/views')).json().items as { id: string; filters: unknown }[];
    expect(views.find((v) => v.id === viewId)!.filters).toEqual({ status: ['open_all'], createdPeriod: 'last_7_days' });
    clock.set('2026-03-10T08:00:00Z');
  });

  it('counts the days of the time zone the request names', async () => {
    // In UTC, the 7 days start at midnight UTC on 4 March: the case of 23:30 UTC on the 3rd is out.
    expect(await listed('status=open_all&createdPeriod=last_7_days&timeZone=UTC')).toEqual(['mar-04', 'mar-04-early', 'mar-09', 'mar-10']);
    // In Montreal it is 04:00 (summer time since Sunday 8 March); its week began at midnight on
    // 4 March, still winter time (UTC−5): 05:00 UTC.
    expect(await listed('status=open_all&createdPeriod=last_7_days&timeZone=America/Montreal')).toEqual(['mar-04', 'mar-09', 'mar-10']);
    expect(await counted(viewId, 'America/Montreal')).toBe(3);
    // In Auckland (UTC+13) it is already 21:00: the week began at 11:00 UTC on 3 March.
    expect(await listed('status=open_all&createdPeriod=last_7_days&timeZone=Pacific/Auckland')).toEqual(['mar-03-late', 'mar-03-night', 'mar-04', 'mar-04-early', 'mar-09', 'mar-10']);
  });

  it('adds to the dates of the same view: both apply', async () => {
    expect(await listed('status=open_all&createdPeriod=last_7_days&createdFrom=2026-03-09T00:00:00Z')).toEqual(['mar-09', 'mar-10']);
  });

  it('refuses words that are not a period, and a zone that does not exist', async () => {
    expect((await agent.post('/api/v1/views', { name: 'Demain', filters: { createdPeriod: 'tomorrow' } })).statusCode).toBe(422);
    // A query string the contract refuses is a 400 (a body, a 422).
    expect((await agent.get('/api/v1/cases?createdPeriod=last_0_days')).statusCode).toBe(400);
    expect((await agent.get('/api/v1/cases?createdPeriod=today&timeZone=Mars/Olympus')).statusCode).toBe(400);
    expect((await agent.get('/api/v1/views/counts?timeZone=Mars/Olympus')).statusCode).toBe(400);
  });
});
