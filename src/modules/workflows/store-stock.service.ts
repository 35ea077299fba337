// What a store has in stock, per SKU: set by an admin or a store's system through the API, read
// by the exchange workflow (check, reserve, hand over). Kept minimal: on hand and reserved.
import { and, eq, sql } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { invalid } from '../../platform/errors.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { store } from '../org/org.schema.ts';
import { storeStock } from './workflows.schema.ts';

export interface StockDto {
  storeId: string;
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
}

const present = (r: typeof storeStock.$inferSelect): StockDto => ({ storeId: r.storeId, sku: r.sku, onHand: r.onHand, reserved: r.reserved, available: Math.max(0, r.onHand - r.reserved) });

async function checkStore(ctx: Ctx, storeId: string): Promise<void> {
  const [s] = await ctx.db.select({ id: store.id }).from(store).where(eq(store.id, storeId));
  if (!s) throw invalid('id', 'unknown store');
}

export async function getStoreStock(ctx: Ctx, actor: Actor, storeId: string, sku: string): Promise<StockDto> {
  requirePermission(actor, 'org.read');
  await checkStore(ctx, storeId);
  const [row] = await ctx.db.select().from(storeStock).where(and(eq(storeStock.storeId, storeId), eq(storeStock.sku, sku)));
  return row ? present(row) : { storeId, sku, onHand: 0, reserved: 0, available: 0 };
}

/** Sets what is on hand (reservations stay: a count below them leaves nothing available). */
export async function setStoreStock(ctx: Ctx, actor: Actor, storeId: string, sku: string, onHand: number): Promise<StockDto> {
  requirePermission(actor, 'org.manage');
  await checkStore(ctx, storeId);
  const now = ctx.clock.now();
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(storeStock)
      .values({ storeId, sku, onHand, reserved: 0, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: [storeStock.storeId, storeStock.sku], set: { onHand, updatedAt: sql`excluded.updated_at` } })
      .returning();
    await recordAudit(tx, actor, { action: 'store_stock.updated', targetType: 'store', targetId: storeId, details: { sku, onHand } });
    return present(row!);
  });
}
