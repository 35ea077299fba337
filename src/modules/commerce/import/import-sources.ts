// Where imported orders say they come from: an order source of kind `file_import` ("Caisses
// magasins", "Export Cegid"…), named by the admin and created on first use; its settings keep
// the last column mapping, offered again for the next file. And the stores a file may name,
// read once per import (a retailer has tens or hundreds, not millions).
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../../context.ts';
import { invalid, notFound } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { brand, store } from '../../org/org.schema.ts';
import { orderSource } from '../commerce.schema.ts';
import type { ColumnMapping, FileImportSourceDto } from './import.contract.ts';
import type { StoreDirectory, StoreRef } from './import-rows.ts';
import { comparable } from './local-values.ts';

export type SourceRow = typeof orderSource.$inferSelect;

export function presentSource(row: SourceRow): FileImportSourceDto {
  const mapping = row.settings.mapping;
  return { id: row.id, name: row.name, brandId: row.brandId, storeId: row.storeId, mapping: mapping && typeof mapping === 'object' ? (mapping as ColumnMapping) : null };
}

export async function listFileSources(ctx: Ctx): Promise<SourceRow[]> {
  return ctx.db.select().from(orderSource).where(eq(orderSource.kind, 'file_import')).orderBy(asc(orderSource.name));
}

export async function fileSourceById(ctx: Ctx, id: string): Promise<SourceRow> {
  const [row] = await ctx.db.select().from(orderSource).where(and(eq(orderSource.id, id), eq(orderSource.kind, 'file_import')));
  if (!row) throw notFound('file import source', id);
  return row;
}

/** The source named, or a new one (a point-of-sale export: its orders are store sales). */
export async function fileSourceFor(ctx: Ctx, input: { sourceId?: string | undefined; sourceName?: string | undefined; brandId?: string | undefined }): Promise<SourceRow> {
  if (input.sourceId) return fileSourceById(ctx, input.sourceId);
  if (!input.sourceName) throw invalid('sourceId', 'name the source (sourceId, or sourceName to create one)');
  const brandCondition = input.brandId ? eq(orderSource.brandId, input.brandId) : isNull(orderSource.brandId);
  const [known] = await ctx.db
    .select()
    .from(orderSource)
    .where(and(eq(orderSource.kind, 'file_import'), eq(orderSource.name, input.sourceName), brandCondition));
  if (known) return known;
  if (input.brandId) {
    const [found] = await ctx.db.select({ id: brand.id }).from(brand).where(eq(brand.id, input.brandId));
    if (!found) throw invalid('brandId', 'no such brand');
  }
  const now = ctx.clock.now();
  const [created] = await ctx.db
    .insert(orderSource)
    .values({ id: uuidv7(now.getTime()), kind: 'file_import', name: input.sourceName, brandId: input.brandId ?? null, salesChannel: 'store', createdAt: now, updatedAt: now })
    .returning();
  return created!;
}

export async function rememberMapping(ctx: Ctx, source: SourceRow, mapping: ColumnMapping): Promise<void> {
  await ctx.db
    .update(orderSource)
    .set({ settings: { ...source.settings, mapping }, updatedAt: ctx.clock.now() })
    .where(eq(orderSource.id, source.id));
}

/** The stores of the source's brand (every store when it has none), by code and by name. */
export async function storeDirectory(ctx: Ctx, brandId: string | null): Promise<StoreDirectory & { byId(id: string): StoreRef | undefined }> {
  const rows = await ctx.db
    .select({ id: store.id, code: store.code, name: store.name, brandId: store.brandId, timezone: store.timezone })
    .from(store)
    .where(brandId ? eq(store.brandId, brandId) : undefined);
  const byCode = new Map<string, StoreRef>();
  const byName = new Map<string, StoreRef>();
  const byId = new Map<string, StoreRef>();
  for (const row of rows) {
    const ref = { id: row.id, code: row.code, brandId: row.brandId, timezone: row.timezone };
    byId.set(row.id, ref);
    if (!byCode.has(row.code.toLowerCase())) byCode.set(row.code.toLowerCase(), ref);
    if (!byName.has(comparable(row.name))) byName.set(comparable(row.name), ref);
  }
  return {
    find: (text) => byCode.get(text.trim().toLowerCase()) ?? byName.get(comparable(text)),
    byId: (id) => byId.get(id),
  };
}
