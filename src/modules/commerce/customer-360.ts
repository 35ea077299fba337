// The customer 360: every order of a customer from every sales channel (web shop, store tills,
// marketplaces), newest first, with their lines; and what the customer is worth — lifetime value
// per currency, order count, incident count (their cases), first and last purchase. Both as the
// reader may see them (their brands; see orders.read.ts), and including the records merged into
// this customer.
import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { decodeCursor, paginate } from '../../platform/http/pagination.ts';
import { queryRows } from '../../platform/db/database.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { scopeConditions } from '../cases/case-filters.ts';
import { openStatuses } from '../cases/cases.contract.ts';
import { savCase } from '../cases/cases.schema.ts';
import { loadCustomer } from '../customers/customers.service.ts';
import { order } from './commerce.schema.ts';
import type { CustomerValueDto, OrderDto } from './commerce.contract.ts';
import { customerChain, customerOrders, presentOrders, selectOrders } from './orders.read.ts';

/** Orders that brought nothing in: left out of the value (they stay in the history). */
export const VOID_FINANCIAL_STATUSES = ['voided', 'refunded', 'cancelled', 'failed'] as const;

export async function listCustomerOrders(ctx: Ctx, actor: Actor, customerId: string, q: { limit: number; cursor?: string | undefined }): Promise<{ items: OrderDto[]; nextCursor: string | null }> {
  requirePermission(actor, 'customers.read');
  const who = await loadCustomer(ctx, customerId);
  const chain = await customerChain(ctx, who.id);
  const where = [customerOrders(chain, actor.scope)];
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, 2) as [string, string];
    where.push(or(lt(order.purchasedAt, new Date(at)), and(eq(order.purchasedAt, new Date(at)), lt(order.id, id)))!);
  }
  const rows = await selectOrders(ctx)
    .where(and(...where))
    .orderBy(desc(order.purchasedAt), desc(order.id))
    .limit(q.limit + 1);
  const page = paginate(rows, q.limit, (r) => [r.o.purchasedAt.toISOString(), r.o.id]);
  return { items: await presentOrders(ctx, actor.scope, page.items), nextCursor: page.nextCursor };
}

export async function customerValue(ctx: Ctx, actor: Actor, customerId: string): Promise<CustomerValueDto> {
  requirePermission(actor, 'customers.read');
  const who = await loadCustomer(ctx, customerId);
  const chain = await customerChain(ctx, who.id);
  const counted = and(customerOrders(chain, actor.scope), sql`coalesce(${order.financialStatus}, '') NOT IN (${sql.join(VOID_FINANCIAL_STATUSES.map((s) => sql`${s}`), sql`, `)})`);
  const [perCurrency, [span], [cases]] = await Promise.all([
    ctx.db
      .select({ currency: order.currency, amount: sql<string>`sum(${order.totalAmount})`, orderCount: sql<number>`count(*)::int` })
      .from(order)
      .where(counted)
      .groupBy(order.currency)
      .orderBy(desc(sql`count(*)`), order.currency),
    ctx.db
      .select({ first: sql<Date | string | null>`min(${order.purchasedAt})`, last: sql<Date | string | null>`max(${order.purchasedAt})` })
      .from(order)
      .where(counted),
    // Cases as the customer's history shows them: every case of the reader's brands.
    queryRows<{ total: number; open: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE ${inArray(savCase.status, [...openStatuses])})::int AS open
          FROM sav_case WHERE ${and(inArray(savCase.customerId, chain), ...scopeConditions({ brandIds: actor.scope.brandIds, storeIds: null }))}`,
    ),
  ]);
  const at = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null);
  return {
    customerId: who.id,
    orderCount: perCurrency.reduce((n, c) => n + c.orderCount, 0),
    lifetimeValue: perCurrency.map((c) => ({ currency: c.currency, amount: Number(c.amount), orderCount: c.orderCount })),
    incidentCount: cases?.total ?? 0,
    openIncidentCount: cases?.open ?? 0,
    firstPurchaseAt: at(span?.first),
    lastPurchaseAt: at(span?.last),
  };
}
