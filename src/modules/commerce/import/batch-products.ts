// The products of a batch's lines, found or created in one statement: by SKU within the
// order's brand (the catalogue's key, product_sku_key). A line with only an EAN finds the
// product that has it, else creates one under the EAN as SKU. A till export only fills gaps
// in the catalogue (an EAN, a category it did not have): names, prices and help links kept
// by the admins are never overwritten by what a receipt printed.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../context.ts';
import { param, prepared } from '../../../platform/db/prepared.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { PendingLine, PendingOrder } from './order-batches.ts';

const NO_BRAND = '00000000-0000-0000-0000-000000000000';

const upsertStatement = prepared<{ products: string; now: string }, { id: string; brand_id: string | null; sku: string; created: boolean }>(
  'comptoir_import_products',
  sql`WITH x AS (
        SELECT * FROM jsonb_to_recordset(${param('products')}::jsonb)
          AS x(id uuid, brand_id uuid, sku text, ean text, name text, category text, price bigint, currency text)
      ), written AS (
        INSERT INTO product (id, brand_id, sku, ean, name, category, price_amount, currency, help_links, created_at, updated_at)
        SELECT id, brand_id, sku, ean, name, category, price, currency, '[]'::jsonb, ${param('now')}::timestamptz, ${param('now')}::timestamptz FROM x
        ON CONFLICT ((coalesce(brand_id, '00000000-0000-0000-0000-000000000000'::uuid)), sku) DO UPDATE
          SET ean = coalesce(product.ean, excluded.ean), category = coalesce(product.category, excluded.category), updated_at = excluded.updated_at
          WHERE (product.ean IS NULL AND excluded.ean IS NOT NULL) OR (product.category IS NULL AND excluded.category IS NOT NULL)
        RETURNING id, brand_id, sku, (xmax = 0) AS created
      )
      SELECT id, brand_id, sku, created FROM written
      UNION ALL
      SELECT p.id, p.brand_id, p.sku, false FROM x
      JOIN product p ON coalesce(p.brand_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(x.brand_id, '00000000-0000-0000-0000-000000000000'::uuid) AND p.sku = x.sku
      WHERE NOT EXISTS (SELECT 1 FROM written w WHERE w.sku = x.sku AND w.brand_id IS NOT DISTINCT FROM x.brand_id)`,
);

const byEanStatement = prepared<{ eans: string }, { id: string; brand_id: string | null; ean: string; sku: string }>(
  'comptoir_import_products_by_ean',
  sql`SELECT DISTINCT ON (coalesce(p.brand_id, '00000000-0000-0000-0000-000000000000'::uuid), p.ean) p.id, p.brand_id, p.ean, p.sku
      FROM jsonb_array_elements_text(${param('eans')}::jsonb) AS e(ean) JOIN product p ON p.ean = e.ean
      ORDER BY coalesce(p.brand_id, '00000000-0000-0000-0000-000000000000'::uuid), p.ean, p.created_at`,
);

export interface BatchProducts {
  /** productKey(brand, line) → product id. */
  byKey: Map<string, string>;
  created: number;
}

/** The key a line's product is found under: its SKU (or EAN, for lines without one) within a brand. */
export function productKey(brandId: string | null, line: Pick<PendingLine, 'sku' | 'ean'>): string | null {
  const code = line.sku ?? line.ean;
  return code ? `${brandId ?? NO_BRAND}|${code}` : null;
}

export async function resolveBatchProducts(
  ctx: Ctx,
  orders: PendingOrder[],
  brandOf: (order: PendingOrder) => string | null,
  currency: string,
): Promise<BatchProducts> {
  const byKey = new Map<string, string>();
  const wanted = new Map<string, { brandId: string | null; line: PendingLine }>();
  const eanOnly = new Set<string>();
  for (const order of orders) {
    const brandId = brandOf(order);
    for (const line of order.lines) {
      const key = productKey(brandId, line);
      if (!key || wanted.has(key)) continue;
      wanted.set(key, { brandId, line });
      if (!line.sku) eanOnly.add(line.ean!);
    }
  }
  if (wanted.size === 0) return { byKey, created: 0 };

  if (eanOnly.size) {
    for (const row of await byEanStatement.rows(ctx.db, { eans: JSON.stringify([...eanOnly]) })) {
      const key = `${row.brand_id ?? NO_BRAND}|${row.ean}`;
      if (wanted.has(key)) {
        byKey.set(key, row.id);
        wanted.delete(key);
      }
    }
  }
  if (wanted.size === 0) return { byKey, created: 0 };

  const now = ctx.clock.now();
  const products = [...wanted.values()].map(({ brandId, line }) => ({
    id: uuidv7(now.getTime()),
    brand_id: brandId,
    sku: line.sku ?? line.ean,
    ean: line.ean,
    name: line.productName,
    category: line.category,
    // A return line's price is negative; the product's is what it sells for.
    price: Math.abs(line.unitPrice),
    currency,
  }));
  let created = 0;
  for (const row of await upsertStatement.rows(ctx.db, { products: JSON.stringify(products), now: now.toISOString() })) {
    byKey.set(`${row.brand_id ?? NO_BRAND}|${row.sku}`, row.id);
    if (row.created) created++;
  }
  return { byKey, created };
}
