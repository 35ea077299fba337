// `comptoir seed --demo` and `comptoir start --demo`: fills a database with a believable
// French retailer — two brands, their stores and dealers, SAV teams, users of every role,
// customers and nine months of cases on every channel — through the real services, so every
// invariant (numbering, timeline, audit) holds. Deterministic: a seed gives the same data.
import { randomBytes } from 'node:crypto';
import { count, sql } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { savCase } from '../cases/cases.schema.ts';
import { DAY } from './demo.calendar.ts';
import { buildCustomers } from './demo.customers.ts';
import { DEMO_EMAIL_DOMAIN, demoBrands, demoStores, demoTeams, demoUsers, type BrandKey } from './demo.org-data.ts';
import { createDemoMacros } from './demo.macros.ts';
import { createDemoOrg } from './demo.org.ts';
import { planCases } from './demo.plan.ts';
import { createRng } from './demo.random.ts';
import { runPlans } from './demo.run.ts';
import { discardNotificationsOf } from '../notifications/notifications.jobs.ts';

export interface SeedDemoOptions {
  /** Do nothing (and return null) when the database already holds a case. */
  onlyIfEmpty?: boolean;
  customers?: number;
  cases?: number;
  seed?: number;
  /** The demo accounts' password; defaults to COMPTOIR_DEMO_PASSWORD (config), else a generated one. */
  password?: string;
}

export const DEFAULT_SEED = 20_140_423;
/** How far back the cases go: nine months of history, enough for seasons and trends. */
const HISTORY_DAYS = 270;

export async function seedDemo(ctx: Ctx, options: SeedDemoOptions = {}): Promise<string | null> {
  const started = performance.now();
  if (options.onlyIfEmpty && (await caseCount(ctx)) > 0) return null;
  const seed = options.seed ?? DEFAULT_SEED;
  const customerTotal = options.customers ?? 500;
  const caseTotal = options.cases ?? 2000;
  if (!Number.isInteger(customerTotal) || customerTotal < 1 || !Number.isInteger(caseTotal) || caseTotal < 0) {
    throw new AppError('validation_failed', 'demo: customers must be a positive whole number and cases a whole number');
  }
  const chosen = options.password ?? ctx.config.demoPassword;
  if (chosen !== undefined && chosen.length < 12) {
    throw new AppError('validation_failed', 'the demo password must be at least 12 characters');
  }
  const password = chosen ?? randomBytes(12).toString('base64url');

  const end = ctx.clock.now();
  const start = new Date(end.getTime() - HISTORY_DAYS * DAY);
  const rng = createRng(seed);
  const customers = buildCustomers(rng.fork('customers'), customerTotal);
  const plans = planCases(rng.fork('cases'), customers, caseTotal, start, end);

  // One transaction: the demo is there entirely or not at all, and a failed run can be retried.
  const { org, result } = await inTransaction(ctx, async (tx) => {
    const org = await createDemoOrg(tx, new Date(start.getTime() - 30 * DAY), password);
    await createDemoMacros(tx);
    const result = await runPlans(tx, org, plans, customers, new Date(start.getTime() - 20 * DAY));
    // Nine months of history happened before this start: nobody is acknowledged or told now.
    await discardNotificationsOf(tx, result.caseIds);
    return { org, result };
  });
  // The realtime notifications of the whole demo go out after its commit; wait until they
  // are sent, so a caller closing the database right after does not cut them off.
  await ctx.notifier.drain();

  const seconds = (performance.now() - started) / 1000;
  const lines = [
    `Demo data created in ${seconds.toFixed(1)} s (seed ${seed}):`,
    ...(Object.keys(demoBrands) as BrandKey[]).map(
      (b) => `  brand      ${demoBrands[b].name} (${demoBrands[b].slug}): ${demoStores.filter((s) => s.brand === b).length} points of sale`,
    ),
    `  teams      ${Object.values(demoTeams).map((t) => t.name).join(', ')}`,
    `  users      ${org.users.size - org.existingEmails.length} created`,
    `  customers  ${result.customers}`,
    `  cases      ${result.cases}, with ${result.moves} replies, notes and changes since ${start.toISOString().slice(0, 10)}`,
    ...(await caseBreakdown(ctx)),
    '',
    chosen
      ? 'Demo accounts (with the password chosen in COMPTOIR_DEMO_PASSWORD, not shown here):'
      : `Demo accounts (password, shown once: ${password} — set COMPTOIR_DEMO_PASSWORD to choose it):`,
    ...accountLines(org.users),
    ...(org.existingEmails.length ? [`  already existed, left unchanged: ${org.existingEmails.join(', ')}`] : []),
  ];
  return lines.join('\n');
}

async function caseCount(ctx: Ctx): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(savCase);
  return Number(row?.n ?? 0);
}

/** Status, channel and contact-reason counts, read back from the database. */
async function caseBreakdown(ctx: Ctx): Promise<string[]> {
  const rows = await queryRows<{ what: string; key: string; n: number }>(
    ctx.db,
    sql`SELECT 'status' AS what, status AS key, count(*)::int AS n FROM sav_case GROUP BY status
        UNION ALL SELECT 'channel', channel, count(*)::int FROM sav_case GROUP BY channel
        UNION ALL SELECT 'reason', coalesce(r.key, 'none'), count(*)::int FROM sav_case c LEFT JOIN contact_reason r ON r.id = c.reason_id GROUP BY r.key
        ORDER BY 1, 3 DESC`,
  );
  const [range] = await queryRows<{ first: string; last: string }>(ctx.db, sql`SELECT min(number) AS first, max(number) AS last FROM sav_case`);
  const line = (what: string) =>
    rows
      .filter((r) => r.what === what)
      .map((r) => `${r.key} ${r.n}`)
      .join(', ');
  return [
    ...(range?.first ? [`  numbers    ${range.first} … ${range.last}`] : []),
    `  statuses   ${line('status')}`,
    `  channels   ${line('channel')}`,
    `  reasons    ${line('reason')}`,
  ];
}

/** The first account of each role, then the others by name. */
function accountLines(users: Map<string, { user: { email: string; name: string } }>): string[] {
  const roles = new Set<string>();
  const lines: string[] = [];
  const others: string[] = [];
  for (const u of demoUsers) {
    const { email, name } = users.get(u.key)!.user;
    if (roles.has(u.role)) {
      others.push(email.endsWith(`@${DEMO_EMAIL_DOMAIN}`) ? email.split('@')[0]! : email);
      continue;
    }
    roles.add(u.role);
    lines.push(`  ${u.role.padEnd(18)} ${email.padEnd(30)} ${name}${u.store ? ` (${u.store})` : ''}`);
  }
  if (others.length) {
    // A few names per line, so the list stays readable in a terminal.
    lines.push(`  and ${others.length} more, all @${DEMO_EMAIL_DOMAIN}:`);
    for (let i = 0; i < others.length; i += 6) lines.push(`    ${others.slice(i, i + 6).join(', ')}`);
  }
  return lines;
}
