import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { buildBrand, buildCase, buildStore } from '../../../test/support/factories.ts';
import { queryRows } from '../../platform/db/database.ts';
import { caseNumberSql, formatCaseNumber } from './numbering.ts';

let h: Harness;
let admin: Client;
let brandId: string;

beforeAll(async () => {
  h = await startHarness();
  admin = await h.userClient('admin');
  brandId = (await buildBrand(h.ctx, { slug: 'jardin', name: 'Jardin & Maison' })).id;
});
afterAll(() => h?.close());

const newCase = (over: Record<string, unknown> = {}) => ({
  customer: { email: 'jerome.martin@exemple.fr', firstName: 'Jérôme', lastName: 'Martin' },
  subject: 'Programmateur d’arrosage qui fuit',
  message: 'Mon programmateur a inondé la pelouse pour la deuxième fois.',
  channel: 'email',
  brandId,
  reason: 'breakdown',
  ...over,
});

describe('opening a case', () => {
  it('numbers it per year, starts its timeline and finds or creates the customer', async () => {
    const res = await admin.post('/api/v1/cases', newCase());
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.number).toMatch(/^SAV-\d{4}-\d{6}$/);
    expect(c).toMatchObject({ status: 'new', priority: 'normal', channel: 'email', reason: { key: 'breakdown', label: 'Panne' }, step: { key: 'intake' } });
    expect(c.customer.displayName).toBe('Jérôme Martin');

    const again = (await admin.post('/api/v1/cases', newCase({ customer: { email: 'Jerome.Martin@Exemple.fr' }, subject: 'Autre' }))).json();
    expect(again.customer.id).toBe(c.customer.id);
    expect(Number(again.number.slice(-6))).toBe(Number(c.number.slice(-6)) + 1);

    const events = (await admin.get(`/api/v1/cases/${c.id}/events`)).json().items;
    // The acknowledgment is written with the case.
    expect(events.map((e: { type: string }) => e.type)).toEqual(['case_created', 'message_in', 'sla_clock', 'sla_clock', 'message_out']);
    expect(events[4]).toMatchObject({ actor: { type: 'system' }, data: { kind: 'acknowledgment' }, delivery: { status: 'queued', channel: 'email' } });
    expect(events.slice(2, 4).map((e: { data: { metric: string; transition: string } }) => `${e.data.metric} ${e.data.transition}`)).toEqual(['resolution started', 'first_reply started']);
    expect(c.clocks.map((k: { metric: string; state: string }) => `${k.metric} ${k.state}`)).toEqual(['first_reply active', 'resolution active']);
    expect(events[1]).toMatchObject({ visibility: 'public', channel: 'email', actor: { type: 'customer', name: 'Jérôme Martin' } });
  });

  it('writes numbers in SQL exactly as formatCaseNumber does, past six digits too', async () => {
    for (const seq of [1, 123, 999_999, 1_234_567]) {
      const [row] = await queryRows<{ n: string }>(h.ctx.db, sql`SELECT ${caseNumberSql(sql`'SAV'`, sql`2026`, sql`${seq}::int`)} AS n`);
      expect(row!.n).toBe(formatCaseNumber('SAV', 2026, seq));
    }
  });

  it('never gives two concurrent cases the same number', async () => {
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => admin.post('/api/v1/cases', newCase({ customer: { email: `concurrent${i}@exemple.fr` } }))));
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const numbers = results.map((r) => r.json().number);
    expect(new Set(numbers).size).toBe(24);
  });

  it('gives concurrent first cases of one new customer the same customer', async () => {
    const email = 'premiere.fois@exemple.fr';
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => admin.post('/api/v1/cases', newCase({ customer: { email, phone: '06 11 22 33 44' }, subject: `Demande ${i}` }))));
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(results.map((r) => r.json().customer.id)).size).toBe(1);
    const [row] = await queryRows<{ n: number }>(h.ctx.db, sql`SELECT count(*)::int AS n FROM customer_identity WHERE value IN (${email}, '+33611223344')`);
    expect(row!.n).toBe(2);
  });

  it('opens cases that arrive together in shared transactions, each whole (platform/db/group-commit.ts)', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => admin.post('/api/v1/cases', newCase({ customer: { email: `ensemble${i}@exemple.fr` } }))));
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const ids = results.map((r) => r.json().id as string);
    // Rows written by one transaction share its xmin: fewer transactions than cases.
    const [tx] = await queryRows<{ n: number }>(h.ctx.db, sql`SELECT count(DISTINCT xmin::text)::int AS n FROM sav_case WHERE id = ANY(${sql.param(ids)}::uuid[])`);
    expect(tx!.n).toBeLessThan(12);
    const rows = await queryRows<{ id: string; events: string[]; deliveries: number; clocks: number }>(
      h.ctx.db,
      sql`SELECT c.id, ARRAY(SELECT type FROM case_event WHERE case_id = c.id ORDER BY id) AS events,
            (SELECT count(*)::int FROM message_delivery WHERE case_id = c.id) AS deliveries,
            (SELECT count(*)::int FROM sla_clock WHERE case_id = c.id) AS clocks
          FROM sav_case c WHERE c.id = ANY(${sql.param(ids)}::uuid[])`,
    );
    expect(rows).toHaveLength(12);
    for (const r of rows) expect(r).toMatchObject({ events: ['case_created', 'message_in', 'sla_clock', 'sla_clock', 'message_out'], deliveries: 1, clocks: 2 });
  });

  it('fails a bad opening alone when it arrives with good ones', async () => {
    const before = await countCases();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        admin.post('/api/v1/cases', newCase({ customer: { email: `melange${i}@exemple.fr` }, ...(i === 4 ? { reason: 'nope' } : {}), ...(i === 7 ? { teamId: '01900000-0000-7000-8000-000000000000' } : {}) })),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 422, 201, 201, 422, 201, 201]);
    expect(results[4]!.json().errors).toEqual([{ field: 'reason', message: 'unknown contact reason "nope"' }]);
    expect(results[7]!.json().errors[0].field).toBe('teamId');
    expect(await countCases()).toBe(before + 8);
    expect(new Set(results.filter((r) => r.statusCode === 201).map((r) => r.json().number)).size).toBe(8);
  });

  it('refuses bad input with problem details and changes nothing', async () => {
    const before = await countCases();
    const unknownField = await admin.post('/api/v1/cases', { ...newCase(), colour: 'red' });
    expect(unknownField.statusCode).toBe(422);
    expect(unknownField.headers['content-type']).toContain('application/problem+json');
    const badReason = await admin.post('/api/v1/cases', newCase({ reason: 'nope' }));
    expect(badReason.statusCode).toBe(422);
    expect(badReason.json().errors).toEqual([{ field: 'reason', message: 'unknown contact reason "nope"' }]);
    const badEmail = await admin.post('/api/v1/cases', newCase({ customer: { email: 'pas-un-email' } }));
    expect(badEmail.statusCode).toBe(422);
    const wrongType = await admin.post('/api/v1/cases', newCase({ priority: 3 }));
    expect(wrongType.statusCode).toBe(422);
    const malformed = await admin.request({ method: 'POST', url: '/api/v1/cases', payload: '{"subject":', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    const tooBig = await admin.post('/api/v1/cases', newCase({ message: 'x'.repeat(1_100_000) }));
    expect(tooBig.statusCode).toBe(413);
    expect(await countCases()).toBe(before);
  });

  it('leaves nothing behind when a step fails halfway', async () => {
    const before = await countCases();
    const customersBefore = await count('customer');
    await h.database.db.execute(sql`CREATE OR REPLACE FUNCTION fail_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
    await h.database.db.execute(sql`CREATE TRIGGER fail_event BEFORE INSERT ON case_event FOR EACH ROW EXECUTE FUNCTION fail_event()`);
    try {
      const res = await admin.post('/api/v1/cases', newCase({ customer: { email: 'halfway@exemple.fr' } }));
      expect(res.statusCode).toBe(500);
      expect(res.json().detail).not.toContain('disk full');
    } finally {
      await h.database.db.execute(sql`DROP TRIGGER fail_event ON case_event`);
    }
    expect(await countCases()).toBe(before);
    expect(await count('customer')).toBe(customersBefore);
  });

  it('replays an Idempotency-Key instead of opening a second case', async () => {
    const headers = { 'idempotency-key': 'form-submit-42' };
    const first = await admin.post('/api/v1/cases', newCase({ customer: { email: 'double.clic@exemple.fr' } }), headers);
    const second = await admin.post('/api/v1/cases', newCase({ customer: { email: 'double.clic@exemple.fr' } }), headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    const different = await admin.post('/api/v1/cases', newCase({ subject: 'autre chose' }), headers);
    expect(different.statusCode).toBe(422);
  });

  it('keeps the timeline append-only', async () => {
    const c = await buildCase(h.ctx, brandId);
    await expect(h.database.db.execute(sql`UPDATE case_event SET body_text = 'rewritten' WHERE case_id = ${c.id}`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
    await expect(h.database.db.execute(sql`DELETE FROM case_event WHERE case_id = ${c.id}`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
  });
});

describe('working a case', () => {
  it('records every change on the timeline and bumps the version', async () => {
    const team = (await admin.post('/api/v1/teams', { slug: 'sav-ecommerce', name: 'SAV e-commerce' })).json();
    const c = await buildCase(h.ctx, brandId);
    const res = await admin.patch(`/api/v1/cases/${c.id}`, { status: 'open', step: 'diagnosis', priority: 'high', teamId: team.id, assigneeId: admin.userId, tags: ['Gardena', 'récidive'] });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({ status: 'open', step: { key: 'diagnosis', label: 'Diagnostic' }, priority: 'high', teamId: team.id, assigneeId: admin.userId, tags: ['gardena', 'récidive'], version: 2 });
    const types = (await admin.get(`/api/v1/cases/${c.id}/events`)).json().items.map((e: { type: string }) => e.type);
    expect(types.filter((t: string) => t !== 'sla_clock')).toEqual(['case_created', 'message_in', 'message_out', 'status_changed', 'step_changed', 'priority_changed', 'assignment_changed', 'tags_changed']);
  });

  it('refuses a change based on a stale version (If-Match)', async () => {
    const c = await buildCase(h.ctx, brandId);
    expect((await admin.patch(`/api/v1/cases/${c.id}`, { priority: 'low' }, { 'if-match': '"1"' })).statusCode).toBe(200);
    const stale = await admin.patch(`/api/v1/cases/${c.id}`, { priority: 'urgent' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().currentVersion).toBe(2);
  });

  it('answers, notes, solves, reopens; a closed case stays closed', async () => {
    const c = await buildCase(h.ctx, brandId);
    const reply = await admin.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'Nous remplaçons votre programmateur.' });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().message).toMatchObject({ type: 'message_out', visibility: 'public', channel: 'email', body: 'Nous remplaçons votre programmateur.' });
    const note = await admin.post(`/api/v1/cases/${c.id}/messages`, { kind: 'note', body: 'Client fidèle, geste possible.', status: 'solved' });
    expect(note.json().message.visibility).toBe('internal');
    const solved = (await admin.get(`/api/v1/cases/${c.id}`)).json();
    expect(solved).toMatchObject({ status: 'solved', agentMessageCount: 1 });
    expect(solved.firstAgentReplyAt).not.toBeNull();
    expect(solved.solvedAt).not.toBeNull();
    expect((await admin.patch(`/api/v1/cases/${c.id}`, { status: 'open' })).json().solvedAt).toBeNull();
    expect((await admin.patch(`/api/v1/cases/${c.id}`, { status: 'closed' })).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/cases/${c.id}`, { status: 'open' })).statusCode).toBe(409);
    expect((await admin.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'encore' })).statusCode).toBe(409);
  });

  it('answers 404 for unknown ids and 400 for malformed ones', async () => {
    expect((await admin.get('/api/v1/cases/01900000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await admin.get('/api/v1/cases/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('finding cases', () => {
  it('searches messages in French and English, accents or not, and by case number or customer', async () => {
    const fr = await buildCase(h.ctx, brandId, { customer: { email: 'elodie@exemple.fr', firstName: 'Élodie', lastName: 'Lefèvre' }, subject: 'Tondeuse', message: 'La tondeuse électrique ne démarre plus depuis la réparation.' });
    const en = await buildCase(h.ctx, brandId, { subject: 'Parcel', message: 'The parcel arrived damaged and the hoses were leaking.' });
    const ids = async (q: string) => (await admin.get(`/api/v1/cases?q=${encodeURIComponent(q)}`)).json().items.map((c: { id: string }) => c.id);
    expect(await ids('reparation')).toContain(fr.id);
    expect(await ids('réparations')).toContain(fr.id);
    expect(await ids('demarre')).toContain(fr.id);
    expect(await ids('leak')).toContain(en.id);
    expect(await ids('hose')).toContain(en.id);
    expect(await ids('leak')).not.toContain(fr.id);
    expect(await ids(fr.number.toLowerCase())).toEqual([fr.id]);
    expect(await ids('lefevre')).toContain(fr.id);
  });

  it('filters and paginates with a stable cursor', async () => {
    const store = await buildStore(h.ctx, brandId);
    for (let i = 0; i < 5; i++) await buildCase(h.ctx, brandId, { storeId: store.id, priority: 'urgent' });
    const page1 = (await admin.get(`/api/v1/cases?storeId=${store.id}&limit=2`)).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (await admin.get(`/api/v1/cases?storeId=${store.id}&limit=2&cursor=${page1.nextCursor}`)).json();
    const page3 = (await admin.get(`/api/v1/cases?storeId=${store.id}&limit=2&cursor=${page2.nextCursor}`)).json();
    const all = [...page1.items, ...page2.items, ...page3.items].map((c) => c.id);
    expect(new Set(all).size).toBe(5);
    expect(page3.nextCursor).toBeNull();
    const urgentOpen = (await admin.get(`/api/v1/cases?storeId=${store.id}&status=open_all&priority=urgent,high&sort=-priority`)).json();
    expect(urgentOpen.items).toHaveLength(5);
    expect((await admin.get('/api/v1/cases?cursor=garbage')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/cases?status=nope')).statusCode).toBe(400);
  });
});

async function count(table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(h.database.db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
  return Number(row!.n);
}
const countCases = () => count('sav_case');
