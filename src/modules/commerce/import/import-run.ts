// The import job: streams the file back from the blob store through the same reading as the
// dry run, and writes each batch in one transaction — its customers, its products, its orders
// and lines, and the import's progress — so the progress shown is exactly what is written. A
// crash or a failed batch leaves the batches before it in place; the retry reads the file
// again from the top and, every write being an upsert that changes only what differs, finds
// those batches already done. The file is forgotten once the import ends.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../../context.ts';
import type { JobRun } from '../../../platform/jobs/registry.ts';
import { orderSource } from '../commerce.schema.ts';
import { resolveBatchCustomers } from './batch-customers.ts';
import { writeBatchOrders, type OrderTarget } from './batch-orders.ts';
import { resolveBatchProducts } from './batch-products.ts';
import { ImportFileError } from './import-errors.ts';
import { readOrderLines } from './import-pipeline.ts';
import { orderImport } from './import.schema.ts';
import { BATCH_LINES, problemOf, rowContext } from './import.service.ts';
import { openRecords } from './open-records.ts';
import type { PendingOrder } from './order-batches.ts';

/** This run no longer owns the import (its lease expired and a retry took over). */
class Superseded extends Error {}

type ImportRow = typeof orderImport.$inferSelect;

export async function runImport(ctx: Ctx, importId: string, run: Pick<JobRun, 'attempt' | 'maxAttempts'>): Promise<void> {
  const now = ctx.clock.now();
  // Counts that a new read recomputes start again; what was created stays counted (a retry finds it there).
  const [row] = await ctx.db
    .update(orderImport)
    .set({ state: 'running', runAttempt: run.attempt, startedAt: sql`coalesce(${orderImport.startedAt}, ${now.toISOString()}::timestamptz)`, linesDone: 0, ordersFound: 0, badRowCount: 0, badRows: [], problem: null, updatedAt: now })
    .where(and(eq(orderImport.id, importId), inArray(orderImport.state, ['queued', 'running'])))
    .returning();
  if (!row || !row.blobKey) return;
  try {
    await readFile(ctx, row, run.attempt);
  } catch (error) {
    if (error instanceof Superseded) return;
    if (error instanceof ImportFileError) {
      await finish(ctx, row, { state: 'failed', problem: problemOf(error) });
      return;
    }
    if (run.attempt >= run.maxAttempts) {
      const message = error instanceof Error ? error.message : String(error);
      await finish(ctx, row, { state: 'failed', problem: { code: 'internal', line: null, message: message.slice(0, 1000), details: {} } });
    }
    throw error;
  }
}

async function readFile(ctx: Ctx, row: ImportRow, attempt: number): Promise<void> {
  const [source] = await ctx.db.select().from(orderSource).where(eq(orderSource.id, row.sourceId));
  const context = await rowContext(ctx, row.options, source!.brandId, source!.storeId);
  const brandOf = (order: PendingOrder) => order.first.store?.brandId ?? source!.brandId;
  const target: OrderTarget = { sourceId: source!.id, salesChannel: source!.salesChannel, currency: row.options.currency, timezone: ctx.config.defaults.timezone, brandOf };
  const records = await openRecords(await ctx.blobs.get(row.blobKey!), row.options);
  // What this run has found, for its next batches: the catalogue and the returning customers.
  const knownProducts = new Map<string, string>();
  const knownIdentities = new Map<string, string>();
  const result = await readOrderLines(records, {
    mapping: row.mapping,
    context,
    batchLines: BATCH_LINES,
    onBatch: (batch, progress) =>
      inTransaction(ctx, async (tx) => {
        const customers = await resolveBatchCustomers(tx, batch.orders, knownIdentities);
        const products = await resolveBatchProducts(tx, batch.orders, brandOf, row.options.currency, knownProducts);
        const written = batch.orders.length
          ? await writeBatchOrders(tx, target, batch.orders, customers.byOrder, products.byKey)
          : { ordersCreated: 0, ordersUpdated: 0, linesCreated: 0, linesUpdated: 0 };
        const t = orderImport;
        const updated = await tx.db
          .update(t)
          .set({
            linesDone: progress.linesDone,
            ordersFound: progress.ordersFound,
            badRowCount: progress.badRowCount,
            badRows: progress.newBadRows.length ? sql`${t.badRows} || ${JSON.stringify(progress.newBadRows)}::jsonb` : undefined,
            ordersCreated: sql`${t.ordersCreated} + ${written.ordersCreated}::int`,
            ordersUpdated: sql`${t.ordersUpdated} + ${written.ordersUpdated}::int`,
            linesCreated: sql`${t.linesCreated} + ${written.linesCreated}::int`,
            linesUpdated: sql`${t.linesUpdated} + ${written.linesUpdated}::int`,
            customersCreated: sql`${t.customersCreated} + ${customers.created}::int`,
            productsCreated: sql`${t.productsCreated} + ${products.created}::int`,
            encoding: records.encoding(),
            delimiter: records.delimiter,
            updatedAt: tx.clock.now(),
          })
          .where(and(eq(t.id, row.id), eq(t.runAttempt, attempt)))
          .returning({ id: t.id });
        // Rolls this batch back: the run that took over writes it.
        if (updated.length === 0) throw new Superseded();
      }),
  });
  await finish(ctx, row, { state: 'done', linesTotal: result.linesRead, linesDone: result.linesRead, encoding: records.encoding(), delimiter: records.delimiter }, attempt);
}

/** Ends the import and forgets its file, unless another import waiting or running has the same bytes. */
async function finish(ctx: Ctx, row: ImportRow, values: Partial<ImportRow>, attempt?: number): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db
    .update(orderImport)
    .set({ ...values, blobKey: null, finishedAt: now, updatedAt: now })
    .where(and(eq(orderImport.id, row.id), attempt === undefined ? undefined : eq(orderImport.runAttempt, attempt)));
  const [other] = await ctx.db
    .select({ id: orderImport.id })
    .from(orderImport)
    .where(and(eq(orderImport.blobKey, row.blobKey!), ne(orderImport.id, row.id)))
    .limit(1);
  if (!other) await ctx.blobs.delete(row.blobKey!);
}
