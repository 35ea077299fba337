import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { startHarness, type Harness } from '../../../test/support/harness.ts';
import { ManualClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/database.ts';
import { roles } from '../access/access.contract.ts';
import { ensureFirstAdmin } from '../access/bootstrap.ts';
import { buildCustomers } from './demo.customers.ts';
import { planCases } from './demo.plan.ts';
import { createRng } from './demo.random.ts';
import { seedDemo } from './demo.seed.ts';

// A fixed "now", so the nine months of history are the same on every run.
const NOW = '2026-03-16T10:30:00.000Z';
const SMALL = { customers: 30, cases: 80, seed: 42 };

let h: Harness;
let summary: string | null;
let firstAdmin: Record<string, unknown>;

beforeAll(async () => {
  h = await startHarness({ clock: new ManualClock(NOW) });
  // The administrator the server creates at first start, before any demo.
  await ensureFirstAdmin(h.ctx);
  firstAdmin = (await queryRows<Record<string, unknown>>(h.database.db, sql`SELECT * FROM app_user`))[0]!;
  summary = await seedDemo({ ...h.ctx, config: { ...h.ctx.config, demoPassword: undefined } }, SMALL);
});
afterAll(() => h?.close());

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(h.database.db, query);
const count = async (table: string) => Number((await rows<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n);

describe('the demo organisation', () => {
  it('prints a summary with the demo accounts and a password that signs in', async () => {
    expect(summary).toContain('80, with');
    expect(summary).toContain('agent@demo.comptoir.fr');
    const password = /password, shown once: (\S+)/.exec(summary!)?.[1];
    expect(password).toBeDefined();
    const login = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'magasin@demo.comptoir.fr', password } });
    expect(login.statusCode).toBe(200);
    const me = login.json().user;
    expect(me.role).toBe('store_staff');
    expect(me.storeIds).toHaveLength(1);
    expect(me.brandIds).toHaveLength(1);
  });

  it('refuses a demo password shorter than the users service allows', async () => {
    await expect(seedDemo(h.ctx, { ...SMALL, password: 'too short' })).rejects.toThrow(/at least 12 characters/);
  });

  it('writes to none of its customers: the history happened before this start', async () => {
    expect(await rows(sql`SELECT name FROM job WHERE name LIKE 'notifications.%'`)).toEqual([]);
    expect(await h.worker.drain()).toBe(0);
    // Acknowledgments were written with their cases, as history: none was sent.
    const [sent] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM message_delivery WHERE status <> 'suppressed'`);
    expect(sent!.n).toBe(0);
  });

  it('leaves the first administrator as it was', async () => {
    const [after] = await rows<Record<string, unknown>>(sql`SELECT * FROM app_user WHERE id = ${firstAdmin.id as string}`);
    expect(after).toEqual(firstAdmin);
    expect(await rows(sql`SELECT 1 FROM team_member WHERE user_id = ${firstAdmin.id as string}`)).toEqual([]);
    expect(summary).not.toContain(firstAdmin.email as string);
  });

  it('has a user of every role, and store staff scoped to one store of their brand', async () => {
    const found = await rows<{ role: string }>(sql`SELECT DISTINCT role FROM app_user`);
    expect(found.map((r) => r.role).sort()).toEqual([...roles].sort());
    const staff = await rows<{ email: string; stores: number; wrong_brand: number }>(sql`
      SELECT u.email, count(us.store_id)::int AS stores,
             count(*) FILTER (WHERE s.brand_id NOT IN (SELECT brand_id FROM user_brand ub WHERE ub.user_id = u.id))::int AS wrong_brand
      FROM app_user u JOIN user_store us ON us.user_id = u.id JOIN store s ON s.id = us.store_id
      WHERE u.role = 'store_staff' GROUP BY u.email`);
    expect(staff.length).toBeGreaterThan(5);
    for (const s of staff) expect(s, s.email).toMatchObject({ stores: 1, wrong_brand: 0 });
  });

  it('has stores of every kind with real places and time zones, Alsace and Québec included', async () => {
    const stores = await rows<{ code: string; kind: string; country: string; region: string | null; timezone: string; postal_code: string | null }>(
      sql`SELECT code, kind, country, region, timezone, postal_code FROM store`,
    );
    expect(new Set(stores.map((s) => s.kind))).toEqual(new Set(['store', 'eshop', 'marketplace', 'dealer', 'warehouse']));
    expect(stores.find((s) => s.code === 'JM-COLMAR')).toMatchObject({ region: 'alsace-moselle', country: 'FR', postal_code: '68000' });
    expect(stores.find((s) => s.code === 'AV-MONTREAL')).toMatchObject({ country: 'CA', region: 'QC', timezone: 'America/Toronto' });
    expect(stores.find((s) => s.code === 'AV-BRUXELLES')).toMatchObject({ country: 'BE', timezone: 'Europe/Brussels' });
  });

  it('has the six teams, each with members and a lead among them', async () => {
    const teams = await rows<{ slug: string; members: number; lead_is_member: boolean }>(sql`
      SELECT t.slug, count(m.user_id)::int AS members, bool_or(m.user_id = t.lead_user_id) AS lead_is_member
      FROM team t LEFT JOIN team_member m ON m.team_id = t.id GROUP BY t.slug`);
    expect(teams.map((t) => t.slug).sort()).toEqual(['litiges', 'logistique', 'reseau-concessions', 'reseau-magasins', 'sav-ecommerce', 'sav-technique']);
    for (const t of teams) expect(t, t.slug).toMatchObject({ lead_is_member: true });
    for (const t of teams) expect(t.members, t.slug).toBeGreaterThan(1);
  });
});

describe('the demo customers', () => {
  it('has the requested number, with valid, normalised identities', async () => {
    expect(await count('customer')).toBe(SMALL.customers);
    const identities = await rows<{ kind: string; value: string }>(sql`SELECT kind, value FROM customer_identity`);
    expect(identities.length).toBeGreaterThan(SMALL.customers);
    const email = z.email();
    for (const i of identities) {
      if (i.kind === 'email') expect(email.safeParse(i.value).success, i.value).toBe(true);
      else if (i.kind === 'phone' || i.kind === 'whatsapp') expect(parsePhoneNumberFromString(i.value)?.isValid() && i.value.startsWith('+'), i.value).toBe(true);
      else if (i.kind === 'facebook') expect(i.value).toMatch(/^\d{15}$/);
      else expect(i.value, i.kind).toMatch(/^[a-z0-9_.]{1,50}$/);
    }
    // French mobiles mostly, a few from Belgium or Québec, some social accounts.
    const phones = identities.filter((i) => i.kind === 'phone').map((i) => i.value);
    expect(phones.filter((p) => /^\+33[67]/.test(p)).length).toBeGreaterThan(phones.length / 2);
    expect(phones.some((p) => p.startsWith('+32') || p.startsWith('+1'))).toBe(true);
    expect(identities.some((i) => i.kind === 'x' || i.kind === 'instagram')).toBe(true);
    const languages = await rows<{ language: string; n: number }>(sql`SELECT language, count(*)::int AS n FROM customer GROUP BY language`);
    expect(Object.fromEntries(languages.map((l) => [l.language, l.n]))).toMatchObject({ fr: expect.any(Number), en: expect.any(Number) });
    expect(languages.find((l) => l.language === 'en')!.n).toBeLessThan(SMALL.customers / 4);
    // Nobody without a way to be reached.
    expect(Number((await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM customer c WHERE NOT EXISTS (SELECT 1 FROM customer_identity i WHERE i.customer_id = c.id)`))[0]!.n)).toBe(0);
  });
});

describe('the demo cases', () => {
  it('opens every case with case_created and keeps each timeline in time order', async () => {
    expect(await count('sav_case')).toBe(SMALL.cases);
    const bad = await rows<{ number: string }>(sql`
      SELECT c.number FROM sav_case c
      WHERE (SELECT type FROM case_event e WHERE e.case_id = c.id ORDER BY e.id LIMIT 1) IS DISTINCT FROM 'case_created'
         OR EXISTS (SELECT 1 FROM (SELECT at, lag(at) OVER (ORDER BY id) AS before FROM case_event e WHERE e.case_id = c.id) x WHERE x.at < x.before)
         OR c.created_at <> (SELECT min(at) FROM case_event e WHERE e.case_id = c.id)
         OR c.last_activity_at <> (SELECT max(at) FROM case_event e WHERE e.case_id = c.id)`);
    expect(bad).toEqual([]);
  });

  it('numbers cases uniquely, in the order they were opened, over the last nine months', async () => {
    const cases = await rows<{ number: string; year: number; seq: number; created_at: string }>(sql`SELECT number, year, seq, created_at FROM sav_case ORDER BY created_at, seq`);
    expect(new Set(cases.map((c) => c.number)).size).toBe(cases.length);
    for (let i = 1; i < cases.length; i++) {
      const [a, b] = [cases[i - 1]!, cases[i]!];
      expect(b.year > a.year || (b.year === a.year && b.seq > a.seq), `${a.number} then ${b.number}`).toBe(true);
    }
    const first = new Date(cases[0]!.created_at).getTime();
    const last = new Date(cases[cases.length - 1]!.created_at).getTime();
    expect(last).toBeLessThanOrEqual(Date.parse(NOW));
    expect(Date.parse(NOW) - first).toBeGreaterThan(200 * 86_400_000);
    expect(Date.parse(NOW) - first).toBeLessThanOrEqual(271 * 86_400_000);
    const [latest] = await rows<{ at: string }>(sql`SELECT max(at) AS at FROM case_event`);
    expect(new Date(latest!.at).getTime()).toBeLessThanOrEqual(Date.parse(NOW));
  });

  it('spreads cases over channels, reasons and statuses: old ones settled, recent ones still open', async () => {
    const dist = async (column: string) => (await rows<{ k: string }>(sql.raw(`SELECT DISTINCT ${column} AS k FROM sav_case c LEFT JOIN contact_reason r ON r.id = c.reason_id`))).map((r) => r.k);
    expect((await dist('c.channel')).length).toBeGreaterThanOrEqual(6);
    expect((await dist('r.key')).length).toBeGreaterThanOrEqual(5);
    expect((await dist('c.status')).length).toBeGreaterThanOrEqual(3);
    const [ages] = await rows<{ old_total: number; old_settled: number; recent_open: number }>(sql`
      SELECT count(*) FILTER (WHERE created_at < ${NOW}::timestamptz - interval '60 days')::int AS old_total,
             count(*) FILTER (WHERE created_at < ${NOW}::timestamptz - interval '60 days' AND status IN ('solved', 'closed'))::int AS old_settled,
             count(*) FILTER (WHERE created_at >= ${NOW}::timestamptz - interval '30 days' AND status NOT IN ('solved', 'closed'))::int AS recent_open
      FROM sav_case`);
    expect(ages!.old_settled / ages!.old_total).toBeGreaterThan(0.8);
    expect(ages!.recent_open).toBeGreaterThan(0);
  });

  it('has agent replies, internal notes and step changes written by real users, and no unfilled template', async () => {
    const [events] = await rows<{ replies: number; notes: number; steps: number; reply_by_nobody: number; placeholders: number }>(sql`
      SELECT count(*) FILTER (WHERE type = 'message_out')::int AS replies,
             count(*) FILTER (WHERE type = 'note' AND visibility = 'internal')::int AS notes,
             count(*) FILTER (WHERE type = 'step_changed')::int AS steps,
             count(*) FILTER (WHERE type = 'message_out' AND actor_user_id IS NULL AND data ->> 'kind' IS DISTINCT FROM 'acknowledgment')::int AS reply_by_nobody,
             count(*) FILTER (WHERE body_text ~ '\\{[a-zA-Z_]+\\}')::int AS placeholders
      FROM case_event`);
    expect(events!.replies).toBeGreaterThan(SMALL.cases / 2);
    expect(events!.notes).toBeGreaterThan(0);
    expect(events!.steps).toBeGreaterThan(0);
    expect(events!.reply_by_nobody).toBe(0);
    expect(events!.placeholders).toBe(0);
    const [subjects] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM sav_case WHERE subject ~ '\\{' OR subject ILIKE '%lorem%'`);
    expect(subjects!.n).toBe(0);
  });
});

describe('running the demo again', () => {
  it('does nothing when asked to fill only an empty database', async () => {
    const before = await Promise.all(['sav_case', 'case_event', 'customer', 'app_user', 'brand', 'audit_log'].map(count));
    expect(await seedDemo(h.ctx, { ...SMALL, onlyIfEmpty: true })).toBeNull();
    expect(await Promise.all(['sav_case', 'case_event', 'customer', 'app_user', 'brand', 'audit_log'].map(count))).toEqual(before);
  });

  it('gives the same cases for the same seed, and other cases for another seed', async () => {
    const stored = (await rows<{ subject: string; channel: string }>(sql`SELECT subject, channel FROM sav_case ORDER BY created_at, seq`)).map((c) => `${c.channel}: ${c.subject}`);
    const other = await startHarness({ clock: new ManualClock(NOW) });
    try {
      await seedDemo(other.ctx, { ...SMALL, password: 'another demo password' });
      const again = (await queryRows<{ subject: string; channel: string }>(other.database.db, sql`SELECT subject, channel FROM sav_case ORDER BY created_at, seq`)).map((c) => `${c.channel}: ${c.subject}`);
      expect(again).toEqual(stored);
    } finally {
      await other.close();
    }
    const end = new Date(NOW);
    const start = new Date(end.getTime() - 270 * 86_400_000);
    const plan = (seed: number) => {
      const rng = createRng(seed);
      return planCases(rng.fork('cases'), buildCustomers(rng.fork('customers'), SMALL.customers), SMALL.cases, start, end).map((c) => `${c.channel}: ${c.subject}`);
    };
    expect(plan(SMALL.seed)).toEqual(stored);
    expect(plan(SMALL.seed + 1)).not.toEqual(stored);
  });
});
