// What the order sources have been doing, for the admins: each shop's last webhook, how many
// came in the last day and how many failed in the last week, where PrestaShop's reading is; the
// recent deliveries of one shop with why each was ignored or failed; and "read it now" for a
// polled shop (the poll the sweep would enqueue a few minutes later, audited).
import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError } from '../../platform/errors.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { prestashopPollJob } from './commerce.jobs.ts';
import { orderWebhook } from './commerce.schema.ts';
import type { OrderSourceActivityDto, OrderWebhookDeliveryDto } from './order-sources.contract.ts';
import { loadSource } from './order-sources.service.ts';
import type { OrderSourceRow } from './orders.ingest.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

const lastReadOf = (row: Pick<OrderSourceRow, 'cursor'>): string | null => {
  const read = (row.cursor as { dateUpd?: unknown }).dateUpd;
  return typeof read === 'string' ? read : null;
};

/** Each source's activity, in one statement for all of them. */
export async function sourcesActivity(ctx: Ctx, rows: Pick<OrderSourceRow, 'id' | 'cursor'>[]): Promise<Map<string, OrderSourceActivityDto>> {
  const now = ctx.clock.now().getTime();
  const counts = rows.length
    ? await ctx.db
        .select({
          sourceId: orderWebhook.sourceId,
          last: sql<string | null>`max(${orderWebhook.receivedAt})`,
          lastDay: sql<number>`count(*) FILTER (WHERE ${orderWebhook.receivedAt} >= ${new Date(now - DAY_MS).toISOString()}::timestamptz)::int`,
          failed: sql<number>`count(*) FILTER (WHERE ${orderWebhook.state} = 'failed')::int`,
        })
        .from(orderWebhook)
        .where(and(inArray(orderWebhook.sourceId, rows.map((r) => r.id)), gte(orderWebhook.receivedAt, new Date(now - 7 * DAY_MS))))
        .groupBy(orderWebhook.sourceId)
    : [];
  const bySource = new Map(counts.map((c) => [c.sourceId, c]));
  // Older than a week, the last webhook is not in the counts above: looked up for those only.
  const quiet = rows.filter((r) => !bySource.has(r.id)).map((r) => r.id);
  const older = quiet.length
    ? await ctx.db
        .select({ sourceId: orderWebhook.sourceId, last: sql<string | null>`max(${orderWebhook.receivedAt})` })
        .from(orderWebhook)
        .where(inArray(orderWebhook.sourceId, quiet))
        .groupBy(orderWebhook.sourceId)
    : [];
  const lastOlder = new Map(older.map((o) => [o.sourceId, o.last]));
  return new Map(
    rows.map((r) => {
      const c = bySource.get(r.id);
      const last = c?.last ?? lastOlder.get(r.id) ?? null;
      return [r.id, { lastWebhookAt: last ? new Date(last).toISOString() : null, webhooksLastDay: c?.lastDay ?? 0, failedLastWeek: c?.failed ?? 0, lastReadUpTo: lastReadOf(r) }];
    }),
  );
}

/** The source's latest deliveries, newest first, and its activity. */
export async function recentWebhooks(ctx: Ctx, actor: Actor, id: string, limit: number): Promise<{ activity: OrderSourceActivityDto; items: OrderWebhookDeliveryDto[] }> {
  requirePermission(actor, 'org.manage');
  const source = await loadSource(ctx, id);
  const rows = await ctx.db
    .select({
      id: orderWebhook.id,
      topic: orderWebhook.topic,
      receivedAt: orderWebhook.receivedAt,
      state: orderWebhook.state,
      detail: orderWebhook.detail,
      orderId: orderWebhook.orderId,
      processedAt: orderWebhook.processedAt,
    })
    .from(orderWebhook)
    .where(eq(orderWebhook.sourceId, id))
    .orderBy(desc(orderWebhook.receivedAt), desc(orderWebhook.id))
    .limit(limit);
  const activity = (await sourcesActivity(ctx, [source])).get(id)!;
  return {
    activity,
    items: rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString(), processedAt: r.processedAt?.toISOString() ?? null })),
  };
}

/** Reads a PrestaShop shop now rather than at the next sweep; false when a read is already waiting or running. */
export async function syncSourceNow(ctx: Ctx, actor: Actor, id: string): Promise<{ queued: boolean }> {
  requirePermission(actor, 'org.manage');
  return inTransaction(ctx, async (tx) => {
    const source = await loadSource(tx, id);
    if (source.kind !== 'prestashop') throw new AppError('conflict', `${source.kind} shops send their orders by webhook: there is nothing to read`);
    if (source.state !== 'active') throw new AppError('conflict', 'the source is not active: reactivate it first');
    const jobId = await tx.jobs.enqueue(tx.db, prestashopPollJob, { sourceId: id }, { singletonKey: id });
    await recordAudit(tx, actor, { action: 'order_source.sync_requested', targetType: 'order_source', targetId: id, details: { name: source.name, queued: jobId !== null } });
    return { queued: jobId !== null };
  });
}
