// Receiving a shop's webhook: the delivery is written once, with the job that will process it,
// in one transaction, before the shop hears 200. Shopify retries a delivery it got no 2xx for
// (eight times over four hours) with the same X-Shopify-Webhook-Id: the retry finds its row and
// changes nothing.
//
// Why store and answer rather than ingest inside the request (which would fit Shopify's 5 s):
// an order that cannot be ingested now — the database busy, a bug in the reading of some
// payload — would otherwise be lost once the shop stops retrying; stored, it is processed by the
// job (retried, and kept with the reason when it fails), and the shop's delivery never waits on
// the customer lookup. The job is immediate: the order is there a moment after the 200.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { jobType } from '../../platform/jobs/job-types.ts';

export const processOrderWebhookJob = jobType('commerce.webhook.process', z.object({ id: z.uuid() }), {
  retry: { maxAttempts: 6, baseDelayMs: 2_000 },
  timeoutMs: 2 * 60_000,
  immediate: true,
});

export interface Delivery {
  sourceId: string;
  /** The shop's id of the delivery; null: the body's digest stands for it. */
  deliveryId: string | null;
  topic: string;
  body: Buffer;
}

export async function storeOrderWebhook(ctx: Ctx, d: Delivery): Promise<{ id: string; created: boolean }> {
  const now = ctx.clock.now();
  const id = uuidv7(now.getTime());
  const deliveryId = d.deliveryId?.trim() || `sha256:${createHash('sha256').update(d.body).digest('hex')}`;
  return inTransaction(ctx, async (tx) => {
    const [inserted] = await queryRows<{ id: string }>(
      tx.db,
      sql`INSERT INTO order_webhook (id, source_id, delivery_id, topic, received_at, body)
          VALUES (${id}, ${d.sourceId}, ${deliveryId}, ${d.topic}, ${now.toISOString()}, ${d.body.toString('utf8')})
          ON CONFLICT (source_id, delivery_id) DO NOTHING
          RETURNING id`,
    );
    if (!inserted) {
      const [existing] = await queryRows<{ id: string }>(tx.db, sql`SELECT id FROM order_webhook WHERE source_id = ${d.sourceId} AND delivery_id = ${deliveryId}`);
      return { id: existing!.id, created: false };
    }
    await tx.jobs.enqueue(tx.db, processOrderWebhookJob, { id });
    return { id, created: true };
  });
}
