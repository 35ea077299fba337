// The order lines a case is about: an agent or a store employee links the case to the line of
// the purchase it concerns (the product, when and where it was bought, when it was delivered —
// what the rulebook's verdicts are computed from), and unlinks it. The line must be the case's
// customer's, or an order without customer (an anonymous till receipt the customer brought).
// Linking twice links once; each link and unlink leaves an internal line on the case's timeline
// and an audit entry, in one transaction.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { appUser } from '../access/access.schema.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadForWrite } from '../cases/case-changes.ts';
import { loadVisibleCase } from '../cases/cases.read.ts';
import { actorColumns, appendEvents } from '../cases/timeline.ts';
import { caseOrderLine, order, orderLine, orderSource } from './commerce.schema.ts';
import type { CaseOrderLineDto } from './commerce.contract.ts';
import { customerChain, loadLines, presentSummary, selectOrders, visibleOrders } from './orders.read.ts';

export async function listCaseOrderLines(ctx: Ctx, actor: Actor, caseId: string): Promise<{ items: CaseOrderLineDto[] }> {
  requirePermission(actor, 'cases.read');
  await loadVisibleCase(ctx, actor, caseId);
  const links = await ctx.db
    .select({ lineId: caseOrderLine.orderLineId, linkedAt: caseOrderLine.linkedAt, by: { id: appUser.id, name: appUser.name } })
    .from(caseOrderLine)
    .leftJoin(appUser, eq(appUser.id, caseOrderLine.linkedBy))
    .where(eq(caseOrderLine.caseId, caseId))
    .orderBy(asc(caseOrderLine.linkedAt));
  if (links.length === 0) return { items: [] };
  const lines = await loadLines(ctx, actor.scope, inArray(orderLine.id, links.map((l) => l.lineId)));
  const orders = await selectOrders(ctx).where(and(inArray(order.id, [...new Set(lines.map((l) => l.orderId))]), visibleOrders(actor.scope)));
  const orderById = new Map(orders.map((o) => [o.o.id, o]));
  const lineById = new Map(lines.map((l) => [l.id, l]));
  return {
    items: links.flatMap((link) => {
      const found = lineById.get(link.lineId);
      const o = found && orderById.get(found.orderId);
      if (!found || !o) return [];
      const { orderId: _, ...line } = found;
      return [{ line, order: presentSummary(o), linkedAt: link.linkedAt.toISOString(), linkedBy: link.by?.id ? { id: link.by.id, name: link.by.name } : null }];
    }),
  };
}

/** The line with its order, if the actor may see it; 404 otherwise. */
async function loadLine(ctx: Ctx, actor: Actor, lineId: string) {
  const [row] = await ctx.db
    .select({ o: order, source: { id: orderSource.id, kind: orderSource.kind, name: orderSource.name }, line: orderLine })
    .from(orderLine)
    .innerJoin(order, eq(order.id, orderLine.orderId))
    .innerJoin(orderSource, eq(orderSource.id, order.sourceId))
    .where(and(eq(orderLine.id, lineId), visibleOrders(actor.scope)));
  if (!row) throw notFound('order line', lineId);
  return row;
}

const eventData = (r: Awaited<ReturnType<typeof loadLine>>) => ({
  orderLineId: r.line.id,
  orderId: r.o.id,
  orderNumber: r.o.number,
  sku: r.line.sku,
  name: r.line.name,
  source: r.source.kind,
});

export async function linkOrderLine(ctx: Ctx, actor: Actor, caseId: string, lineId: string): Promise<{ item: CaseOrderLineDto; created: boolean }> {
  const c = await loadForWrite(ctx, actor, caseId, undefined);
  const found = await loadLine(ctx, actor, lineId);
  if (found.o.customerId && !(await customerChain(ctx, c.c.customerId)).includes(found.o.customerId)) {
    throw conflict(`Order ${found.o.number} is another customer's: link the case to one of ${c.customerName}'s orders`, { orderId: found.o.id });
  }
  const created = await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const inserted = await tx.db
      .insert(caseOrderLine)
      .values({ caseId, orderLineId: lineId, linkedBy: actor.userId, linkedAt: now })
      .onConflictDoNothing()
      .returning({ caseId: caseOrderLine.caseId });
    if (inserted.length === 0) return false;
    await appendEvents(tx, c.c, [{ type: 'order_line_linked', ...actorColumns(actor), visibility: 'internal', data: eventData(found) }], now);
    await recordAudit(tx, actor, { action: 'case.order_line_linked', targetType: 'case', targetId: caseId, details: eventData(found) });
    return true;
  });
  const { items } = await listCaseOrderLines(ctx, actor, caseId);
  return { item: items.find((i) => i.line.id === lineId)!, created };
}

export async function unlinkOrderLine(ctx: Ctx, actor: Actor, caseId: string, lineId: string): Promise<void> {
  const c = await loadForWrite(ctx, actor, caseId, undefined);
  const found = await loadLine(ctx, actor, lineId);
  await inTransaction(ctx, async (tx) => {
    const removed = await tx.db
      .delete(caseOrderLine)
      .where(and(eq(caseOrderLine.caseId, caseId), eq(caseOrderLine.orderLineId, lineId)))
      .returning({ caseId: caseOrderLine.caseId });
    if (removed.length === 0) throw notFound('link of the case to order line', lineId);
    const now = tx.clock.now();
    await appendEvents(tx, c.c, [{ type: 'order_line_unlinked', ...actorColumns(actor), visibility: 'internal', data: eventData(found) }], now);
    await recordAudit(tx, actor, { action: 'case.order_line_unlinked', targetType: 'case', targetId: caseId, details: eventData(found) });
  });
}
