// Points of sale: stores, e-shops, marketplaces, dealers, warehouses.
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import type { createStoreBody, updateStoreBody } from './org.contract.ts';
import { store } from './org.schema.ts';
import { orgWrite } from './org.write.ts';

type Row = typeof store.$inferSelect;

export const presentStore = (r: Row) => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export async function listStores(
  ctx: Ctx,
  actor: Actor,
  q: { brandId?: string | undefined; kind?: Row['kind'] | undefined; active?: 'true' | 'false' | undefined },
) {
  requirePermission(actor, 'org.read');
  const where: SQL[] = [];
  if (q.brandId) where.push(eq(store.brandId, q.brandId));
  if (q.kind) where.push(eq(store.kind, q.kind));
  if (q.active) where.push(eq(store.active, q.active === 'true'));
  const rows = await ctx.db
    .select()
    .from(store)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(store.name));
  return rows.filter((r) => !actor.scope.brandIds || actor.scope.brandIds.includes(r.brandId)).map(presentStore);
}

export async function getStore(ctx: Ctx, actor: Actor, id: string) {
  requirePermission(actor, 'org.read');
  const [row] = await ctx.db.select().from(store).where(eq(store.id, id));
  if (!row) throw notFound('store', id);
  return presentStore(row);
}

export async function createStore(ctx: Ctx, actor: Actor, input: z.infer<typeof createStoreBody>) {
  const now = ctx.clock.now();
  const row: Row = {
    id: uuidv7(now.getTime()),
    brandId: input.brandId,
    code: input.code,
    name: input.name,
    kind: input.kind,
    addressLine1: input.addressLine1 ?? null,
    addressLine2: input.addressLine2 ?? null,
    postalCode: input.postalCode ?? null,
    city: input.city ?? null,
    country: input.country,
    region: input.region ?? null,
    timezone: input.timezone,
    phone: input.phone ?? null,
    email: input.email ?? null,
    calendarId: input.calendarId ?? null,
    active: input.active,
    createdAt: now,
    updatedAt: now,
  };
  await orgWrite(ctx, actor, { action: 'store.created', targetType: 'store', targetId: row.id, details: { code: row.code, name: row.name } }, `This brand already has a store with code ${input.code}`, async (tx) => {
    await tx.db.insert(store).values(row);
    tx.policyBook.changed(tx.db); // its calendar decides its cases' promises
  });
  return presentStore(row);
}

export async function updateStore(ctx: Ctx, actor: Actor, id: string, input: z.infer<typeof updateStoreBody>) {
  const rows = await orgWrite(ctx, actor, { action: 'store.updated', targetType: 'store', targetId: id, details: input }, `This brand already has a store with code ${input.code}`, async (tx) => {
    if (input.calendarId !== undefined) tx.policyBook.changed(tx.db);
    return tx.db.update(store).set({ ...input, updatedAt: ctx.clock.now() }).where(eq(store.id, id)).returning();
  });
  if (!rows[0]) throw notFound('store', id);
  return presentStore(rows[0]);
}

export async function deleteStore(ctx: Ctx, actor: Actor, id: string) {
  const rows = await orgWrite(ctx, actor, { action: 'store.deleted', targetType: 'store', targetId: id }, 'conflict', (tx) =>
    tx.db.delete(store).where(eq(store.id, id)).returning({ id: store.id }),
  );
  if (!rows[0]) throw notFound('store', id);
}
