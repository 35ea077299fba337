// Processing a stored shop delivery (the `commerce.webhook.process` job), in one transaction with
// the delivery's row locked: read by its shop and topic, the order ingested (or the customer
// found), and the row told how it ended in the statement that also ends the job. A job run
// twice, or a worker killed half-way, ingests the order once.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError } from '../../platform/errors.ts';
import { queryRows } from '../../platform/db/database.ts';
import type { JobRun } from '../../platform/jobs/registry.ts';
import { resolveCustomer } from '../customers/customers.resolve.ts';
import { sourceTimeZone } from './order-sources.kinds.ts';
import { loadSource } from './order-sources.service.ts';
import { readShopifyDelivery, readWoocommerceDelivery, type DeliveryReading } from './order-webhooks.read.ts';
import { ingestOrders } from './orders.ingest.ts';

export interface WebhookOutcome {
  state: 'processed' | 'ignored' | 'failed';
  detail: string | null;
  orderId: string | null;
}

async function finish(ctx: Ctx, id: string, o: WebhookOutcome, run: JobRun | undefined): Promise<WebhookOutcome> {
  await ctx.db.execute(sql`
    ${run ? sql`WITH done AS (${run.completion()})` : sql``}
    UPDATE order_webhook SET state = ${o.state}, detail = ${o.detail}, order_id = ${o.orderId}, processed_at = ${ctx.clock.now().toISOString()}
    WHERE id = ${id}`);
  return o;
}

const reasonOf = (error: unknown) => (error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error)).slice(0, 2000);

export async function processOrderWebhook(ctx: Ctx, id: string, run?: JobRun): Promise<WebhookOutcome | null> {
  return inTransaction(ctx, async (tx) => {
    const [row] = await queryRows<{ id: string; source_id: string; topic: string; body: string; state: string }>(
      tx.db,
      sql`SELECT id, source_id, topic, body, state FROM order_webhook WHERE id = ${id} FOR UPDATE`,
    );
    if (!row || row.state === 'processed' || row.state === 'ignored') return null;
    const source = await loadSource(tx, row.source_id);
    const timeZone = sourceTimeZone(source.settings, tx.config.defaults.timezone);
    let reading: DeliveryReading;
    try {
      if (source.kind === 'shopify') reading = readShopifyDelivery(row.topic, row.body, timeZone);
      else if (source.kind === 'woocommerce') reading = readWoocommerceDelivery(row.topic, row.body, timeZone);
      else reading = { kind: 'ignored', detail: `a ${source.kind} source does not take webhooks` };
    } catch (error) {
      // Kept as it came, with the reason: it will not read better on a retry.
      return finish(tx, id, { state: 'failed', detail: reasonOf(error), orderId: null }, run);
    }
    if (reading.kind === 'ignored') return finish(tx, id, { state: 'ignored', detail: reading.detail, orderId: null }, run);
    if (reading.kind === 'customer') {
      const found = await resolveCustomer(tx, reading.contact).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'validation_failed') return error;
        throw error;
      });
      if (found instanceof AppError) return finish(tx, id, { state: 'failed', detail: found.message, orderId: null }, run);
      return finish(tx, id, { state: 'processed', detail: `customer ${found.id}${found.created ? ' (new)' : ''}`, orderId: null }, run);
    }
    const [ingested] = await ingestOrders(tx, source, [reading.order]);
    const detail = ingested!.state === 'stale' ? `older than the version already read (${reading.order.sourceUpdatedAt?.toISOString() ?? 'no date'})` : ingested!.state;
    return finish(tx, id, { state: 'processed', detail, orderId: ingested!.orderId }, run);
  });
}
