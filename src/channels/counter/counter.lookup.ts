// Finding the customer at the counter: by what they can tell — a name, a phone number, an
// e-mail (the customers search), a case number or an order number (the cases that carry it)
// — with every open case they have, on every channel: a case opened by e-mail or on the web
// shows up at the store (read-only "history" access when it is not the store's), and a case
// of a brand the reader does not work for does not show at all.
import { and, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { caseAccess } from '../../modules/access/access.policy.ts';
import { requirePermission, type Actor } from '../../modules/access/actor.ts';
import { openStatuses } from '../../modules/cases/cases.contract.ts';
import { presentCases, selectCases } from '../../modules/cases/cases.read.ts';
import { savCase } from '../../modules/cases/cases.schema.ts';
import { getCustomer, listCustomers } from '../../modules/customers/customers.service.ts';
import type { CustomerDto } from '../../modules/customers/customers.contract.ts';
import type { CounterMatchDto } from './counter.contract.ts';

const CASE_NUMBER = /^[A-Z]{2,10}-\d{4}-\d{1,9}$/i;

/** Customers of the visible cases with this number or order number (as the customer has it). */
async function byCaseReference(ctx: Ctx, actor: Actor, q: string): Promise<{ customerId: string; matchedBy: CounterMatchDto['matchedBy'] }[]> {
  const isNumber = CASE_NUMBER.test(q);
  const rows = await ctx.db
    .select({ customerId: savCase.customerId, number: savCase.number, brandId: savCase.brandId, storeId: savCase.storeId })
    .from(savCase)
    // lower(order_ref) has its own index (migration 0008): order numbers are typed in any case.
    .where(isNumber ? sql`${savCase.number} = ${q.toUpperCase()}` : sql`lower(${savCase.orderRef}) = ${q.toLowerCase()} AND ${savCase.orderRef} IS NOT NULL`)
    .limit(20);
  return rows.filter((r) => caseAccess(actor.scope, r) !== 'none').map((r) => ({ customerId: r.customerId, matchedBy: isNumber ? 'case_number' : 'order_ref' }));
}

export async function counterLookup(ctx: Ctx, actor: Actor, q: { q: string; limit: number }): Promise<CounterMatchDto[]> {
  requirePermission(actor, 'cases.read');
  requirePermission(actor, 'customers.read');
  const found = new Map<string, { customer: CustomerDto; matchedBy: CounterMatchDto['matchedBy'] }>();
  for (const hit of await byCaseReference(ctx, actor, q.q)) {
    if (found.size >= q.limit) break;
    const customer = await getCustomer(ctx, actor, hit.customerId); // follows merges
    if (!found.has(customer.id)) found.set(customer.id, { customer, matchedBy: hit.matchedBy });
  }
  if (found.size < q.limit) {
    for (const customer of (await listCustomers(ctx, actor, { q: q.q, limit: q.limit })).items) {
      if (found.size >= q.limit) break;
      if (!found.has(customer.id) && !customer.mergedIntoId) found.set(customer.id, { customer, matchedBy: 'customer' });
    }
  }
  if (found.size === 0) return [];

  const rows = (
    await selectCases(ctx)
      .where(and(inArray(savCase.customerId, [...found.keys()]), inArray(savCase.status, [...openStatuses]), sql`${savCase.mergedIntoId} IS NULL`))
      .orderBy(sql`${savCase.lastActivityAt} DESC`)
      .limit(200)
  ).filter((r) => caseAccess(actor.scope, r.c) !== 'none');
  const cases = await presentCases(ctx, rows, (r) => (caseAccess(actor.scope, r.c) === 'full' ? 'full' : 'history'), actor.language);
  return [...found.values()].map(({ customer, matchedBy }) => ({
    customer: { id: customer.id, displayName: customer.displayName, identities: customer.identities },
    matchedBy,
    openCases: cases.filter((c) => c.customer.id === customer.id),
  }));
}
