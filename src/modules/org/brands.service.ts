// Brands.
import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import type { createBrandBody, updateBrandBody } from './org.contract.ts';
import { brand } from './org.schema.ts';
import { orgWrite } from './org.write.ts';
import type { z } from 'zod';

type Row = typeof brand.$inferSelect;

export const presentBrand = (r: Row) => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  active: r.active,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export async function listBrands(ctx: Ctx, actor: Actor) {
  requirePermission(actor, 'org.read');
  const rows = await ctx.db.select().from(brand).orderBy(asc(brand.name));
  return rows.filter((r) => !actor.scope.brandIds || actor.scope.brandIds.includes(r.id)).map(presentBrand);
}

export async function getBrand(ctx: Ctx, actor: Actor, id: string) {
  requirePermission(actor, 'org.read');
  const [row] = await ctx.db.select().from(brand).where(eq(brand.id, id));
  if (!row) throw notFound('brand', id);
  return presentBrand(row);
}

export async function createBrand(ctx: Ctx, actor: Actor, input: z.infer<typeof createBrandBody>) {
  const now = ctx.clock.now();
  const row: Row = { id: uuidv7(now.getTime()), ...input, createdAt: now, updatedAt: now };
  await orgWrite(ctx, actor, { action: 'brand.created', targetType: 'brand', targetId: row.id, details: input }, `A brand with slug ${input.slug} already exists`, (tx) =>
    tx.db.insert(brand).values(row),
  );
  return presentBrand(row);
}

export async function updateBrand(ctx: Ctx, actor: Actor, id: string, input: z.infer<typeof updateBrandBody>) {
  const rows = await orgWrite(ctx, actor, { action: 'brand.updated', targetType: 'brand', targetId: id, details: input }, `A brand with slug ${input.slug} already exists`, (tx) =>
    tx.db.update(brand).set({ ...input, updatedAt: ctx.clock.now() }).where(eq(brand.id, id)).returning(),
  );
  if (!rows[0]) throw notFound('brand', id);
  return presentBrand(rows[0]);
}

export async function deleteBrand(ctx: Ctx, actor: Actor, id: string) {
  const rows = await orgWrite(ctx, actor, { action: 'brand.deleted', targetType: 'brand', targetId: id }, 'conflict', (tx) =>
    tx.db.delete(brand).where(eq(brand.id, id)).returning({ id: brand.id }),
  );
  if (!rows[0]) throw notFound('brand', id);
}
