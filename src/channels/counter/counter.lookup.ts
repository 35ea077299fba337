// Finding the customer at the counter: by what they can tell — a name, a phone number, an
// e-mail (the customers search), a case number or an order number (the cases that carry it)
// — or by the ticket they hold, whose QR code a scanner types as the tracking link; with
// every open case they have, on every channel: a case opened by e-mail or on the web shows
// up at the store (read-only "history" access when it is not the store's), and a case of a
// brand the reader does not work for does not show at all.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { digest } from '../../platform/crypto/tokens.ts';
import { caseAccess } from '../../modules/access/access.policy.ts';
import { requirePermission, type Actor } from '../../modules/access/actor.ts';
import { openStatuses } from '../../modules/cases/cases.contract.ts';
import { presentCases, selectCases, type CaseListRow } from '../../modules/cases/cases.read.ts';
import { savCase } from '../../modules/cases/cases.schema.ts';
import { getCustomer, listCustomers } from '../../modules/customers/customers.service.ts';
import type { CustomerDto } from '../../modules/customers/customers.contract.ts';
import type { CounterMatchDto } from './counter.contract.ts';
import { trackingTokenIn } from './tracking-reference.ts';

const CASE_NUMBER = /^[A-Z]{2,10}-\d{4}-\d{1,9}$/i;

interface ReferenceHit {
  customerId: string;
  caseId: string;
  matchedBy: Exclude<CounterMatchDto['matchedBy'], 'customer'>;
}

/**
 * The visible cases a reference names: a tracking link (by its token's digest, the same
 * lookup as the tracking page), a case number, or an order number (as the customer has it).
 * Null when the text is none of these.
 */
async function byCaseReference(ctx: Ctx, actor: Actor, q: string): Promise<ReferenceHit[] | null> {
  const token = trackingTokenIn(q);
  let where: SQL;
  let matchedBy: ReferenceHit['matchedBy'];
  if (token) {
    where = eq(savCase.trackingTokenHash, digest(token));
    matchedBy = 'tracking_link';
  } else if (CASE_NUMBER.test(q)) {
    where = sql`${savCase.number} = ${q.toUpperCase()}`;
    matchedBy = 'case_number';
  } else {
    // lower(order_ref) has its own index (migration 0008): order numbers are typed in any case.
    where = sql`lower(${savCase.orderRef}) = ${q.toLowerCase()} AND ${savCase.orderRef} IS NOT NULL`;
    matchedBy = 'order_ref';
  }
  const rows = await ctx.db
    .select({ id: savCase.id, customerId: savCase.customerId, brandId: savCase.brandId, storeId: savCase.storeId })
    .from(savCase)
    .where(where)
    .limit(20);
  const hits = rows.filter((r) => caseAccess(actor.scope, r) !== 'none').map((r) => ({ customerId: r.customerId, caseId: r.id, matchedBy }));
  // A link is never a name: an unknown or replaced one finds nobody rather than fuzzy matches.
  return hits.length || token ? hits : null;
}

export async function counterLookup(ctx: Ctx, actor: Actor, q: { q: string; limit: number }): Promise<CounterMatchDto[]> {
  requirePermission(actor, 'cases.read');
  requirePermission(actor, 'customers.read');
  const found = new Map<string, { customer: CustomerDto; matchedBy: CounterMatchDto['matchedBy']; caseIds: string[] }>();
  const references = await byCaseReference(ctx, actor, q.q);
  for (const hit of references ?? []) {
    const customer = await getCustomer(ctx, actor, hit.customerId); // follows merges
    const entry = found.get(customer.id);
    if (entry) entry.caseIds.push(hit.caseId);
    else if (found.size < q.limit) found.set(customer.id, { customer, matchedBy: hit.matchedBy, caseIds: [hit.caseId] });
  }
  if (found.size < q.limit && !trackingTokenIn(q.q)) {
    for (const customer of (await listCustomers(ctx, actor, { q: q.q, limit: q.limit })).items) {
      if (found.size >= q.limit) break;
      if (!found.has(customer.id) && !customer.mergedIntoId) found.set(customer.id, { customer, matchedBy: 'customer', caseIds: [] });
    }
  }
  if (found.size === 0) return [];

  const named = [...found.values()].flatMap((f) => f.caseIds);
  const open = and(inArray(savCase.customerId, [...found.keys()]), inArray(savCase.status, [...openStatuses]), sql`${savCase.mergedIntoId} IS NULL`);
  const rows = (
    await selectCases(ctx)
      .where(named.length ? sql`(${open}) OR ${inArray(savCase.id, named)}` : open)
      .orderBy(sql`${savCase.lastActivityAt} DESC`)
      .limit(200)
  ).filter((r) => caseAccess(actor.scope, r.c) !== 'none') as CaseListRow[];
  const cases = await presentCases(ctx, rows, (r) => (caseAccess(actor.scope, r.c) === 'full' ? 'full' : 'history'), actor.language);
  const openIds = new Set(rows.filter((r) => (openStatuses as readonly string[]).includes(r.c.status) && r.c.mergedIntoId === null).map((r) => r.c.id));
  return [...found.values()].map(({ customer, matchedBy, caseIds }) => ({
    customer: { id: customer.id, displayName: customer.displayName, identities: customer.identities },
    matchedBy,
    matchedCases: cases.filter((c) => caseIds.includes(c.id)),
    openCases: cases.filter((c) => c.customer.id === customer.id && openIds.has(c.id)),
  }));
}
