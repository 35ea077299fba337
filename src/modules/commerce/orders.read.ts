// Reading orders for a reader: which they may see, and the API shape with lines, products and
// the cases each line is linked to. One customer history for store and web: like a customer's
// cases, their orders are seen across every store and the web shop of the reader's brands (a
// store employee sees what was bought online); an order of another brand is not seen. Orders
// with no brand (a source shared by every brand) are seen by all.
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { caseAccess, type Scope } from '../access/access.policy.ts';
import { savCase } from '../cases/cases.schema.ts';
import { caseOrderLine, order, orderLine, orderSource, product } from './commerce.schema.ts';
import type { OrderDto, OrderLineDto } from './commerce.contract.ts';

export type OrderRow = typeof order.$inferSelect;
export type OrderWithSource = { o: OrderRow; source: { id: string; kind: string; name: string } };

/** The orders a reader with this scope may see. */
export function visibleOrders(scope: Scope): SQL | undefined {
  return scope.brandIds ? or(isNull(order.brandId), inArray(order.brandId, [...scope.brandIds])) : undefined;
}

export function selectOrders(ctx: Ctx) {
  return ctx.db
    .select({ o: order, source: { id: orderSource.id, kind: orderSource.kind, name: orderSource.name } })
    .from(order)
    .innerJoin(orderSource, eq(orderSource.id, order.sourceId));
}

/**
 * The customer and every customer merged into them (their orders came before the merge and
 * still name the old record).
 */
export async function customerChain(ctx: Ctx, customerId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    ctx.db,
    sql`WITH RECURSIVE chain(id) AS (SELECT ${customerId}::uuid UNION SELECT c.id FROM customer c JOIN chain ON c.merged_into_id = chain.id)
        SELECT id FROM chain`,
  );
  return rows.map((r) => r.id);
}

export function presentSummary(r: OrderWithSource): Omit<OrderDto, 'lines'> {
  const o = r.o;
  return {
    id: o.id,
    number: o.number,
    source: { id: r.source.id, kind: r.source.kind, name: r.source.name },
    salesChannel: o.salesChannel,
    brandId: o.brandId,
    storeId: o.storeId,
    customerId: o.customerId,
    purchasedAt: o.purchasedAt.toISOString(),
    deliveredAt: o.deliveredAt?.toISOString() ?? null,
    currency: o.currency,
    totalAmount: o.totalAmount,
    paymentMethod: o.paymentMethod,
    financialStatus: o.financialStatus,
    fulfillmentStatus: o.fulfillmentStatus,
  };
}

/** Lines by id or by order, with their products and the cases (the reader may see) linked to them. */
export async function loadLines(ctx: Ctx, scope: Scope, where: SQL): Promise<(OrderLineDto & { orderId: string })[]> {
  const rows = await ctx.db
    .select({ l: orderLine, p: product })
    .from(orderLine)
    .leftJoin(product, eq(product.id, orderLine.productId))
    .where(where)
    .orderBy(asc(orderLine.orderId), asc(orderLine.position));
  const ids = rows.map((r) => r.l.id);
  const links = ids.length
    ? await ctx.db
        .select({ lineId: caseOrderLine.orderLineId, id: savCase.id, number: savCase.number, brandId: savCase.brandId, storeId: savCase.storeId })
        .from(caseOrderLine)
        .innerJoin(savCase, eq(savCase.id, caseOrderLine.caseId))
        .where(inArray(caseOrderLine.orderLineId, ids))
        .orderBy(asc(caseOrderLine.linkedAt))
    : [];
  const casesOf = new Map<string, { id: string; number: string }[]>();
  for (const k of links) {
    if (caseAccess(scope, k) === 'none') continue;
    casesOf.set(k.lineId, [...(casesOf.get(k.lineId) ?? []), { id: k.id, number: k.number }]);
  }
  return rows.map(({ l, p }) => ({
    id: l.id,
    orderId: l.orderId,
    position: l.position,
    sku: l.sku,
    name: l.name,
    quantity: l.quantity,
    unitPriceAmount: l.unitPriceAmount,
    totalAmount: l.totalAmount,
    condition: l.condition,
    deliveredOn: l.deliveredAt,
    product: p ? { id: p.id, sku: p.sku, ean: p.ean, name: p.name, manufacturer: p.manufacturer, category: p.category, helpLinks: p.helpLinks } : null,
    cases: casesOf.get(l.id) ?? [],
  }));
}

/** Orders with their lines, in the given order. */
export async function presentOrders(ctx: Ctx, scope: Scope, rows: OrderWithSource[]): Promise<OrderDto[]> {
  if (rows.length === 0) return [];
  const lines = await loadLines(ctx, scope, inArray(orderLine.orderId, rows.map((r) => r.o.id)));
  const byOrder = new Map<string, OrderLineDto[]>();
  for (const { orderId, ...line } of lines) byOrder.set(orderId, [...(byOrder.get(orderId) ?? []), line]);
  return rows.map((r) => ({ ...presentSummary(r), lines: byOrder.get(r.o.id) ?? [] }));
}

/** Conditions for a reader's orders of a customer (and of those merged into them). */
export function customerOrders(chain: string[], scope: Scope): SQL {
  return and(inArray(order.customerId, chain), visibleOrders(scope))!;
}
