// The products of a batch's lines, found or created in one statement: by SKU within the
// order's brand (the catalogue's key, product_sku_key); those a run already found are
// remembered for its next batches. A line with only an EAN finds the
// product that has it, else creates one under the EAN as SKU. A till export only fills gaps
// in the catalogue (an EAN, a category it did not have): names, prices and help links kept
// by the admins are never overwritten by what a receipt printed.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../context.ts';
import { param, prepared } from '../../../platform/db/prepared.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { detachedText } from './detached-text.ts';
import type { PendingLine, PendingOrder } from './order-batches.ts';

const NO_BRAND = '00000000-0000-0000-0000-000000000000';
/** Past this many products remembered, the memory starts again (a few MB: the server has a 500 MB budget). */
const MAX_KNOWN_PRODUCTS = 50_000;

const upsertStatement = prepared<{ products: string; now: string }, { id: string; brand_id: string | null; sku: string; created: boolean }>(
  'comptoir_import_products',
  // Known products are read, and only those missing an EAN or a category the file has are
  // updated: an ON CONFLICT DO UPDATE would lock (rewrite) every product each batch meets.
  sql`WITH x AS (
        SELECT * FROM jsonb_to_recordset(${param('products')}::jsonb)
          AS x(id uuid, brand_id uuid, sku text, ean text, name text, category text, price bigint, currency text)
      ), known AS (
        SELECT p.id, p.brand_id, p.sku, x.id AS input_id, x.ean AS file_ean, x.category AS file_category FROM x
        JOIN product p ON coalesce(p.brand_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(x.brand_id, '00000000-0000-0000-0000-000000000000'::uuid)
          AND p.sku = x.sku
      ), filled AS (
        UPDATE product p SET ean = coalesce(p.ean, k.file_ean), category = coalesce(p.category, k.file_category), updated_at = ${param('now')}::timestamptz
        FROM known k
        WHERE p.id = k.id AND ((p.ean IS NULL AND k.file_ean IS NOT NULL) OR (p.category IS NULL AND k.file_category IS NOT NULL))
        RETURNING p.id
      ), created AS (
        INSERT INTO product (id, brand_id, sku, ean, name, category, price_amount, currency, help_links, created_at, updated_at)
        SELECT id, brand_id, sku, ean, name, category, price, currency, '[]'::jsonb, ${param('now')}::timestamptz, ${param('now')}::timestamptz
        FROM x WHERE NOT EXISTS (SELECT 1 FROM known k WHERE k.input_id = x.id)
        ON CONFLICT ((coalesce(brand_id, '00000000-0000-0000-0000-000000000000'::uuid)), sku) DO NOTHING
        RETURNING id, brand_id, sku
      )
      SELECT id, brand_id, sku, true AS created FROM created
      UNION ALL
      SELECT id, brand_id, sku, false FROM known`,
);

const bySkuStatement = prepared<{ keys: string }, { id: string; brand_id: string | null; sku: string }>(
  'comptoir_import_products_by_sku',
  sql`SELECT p.id, p.brand_id, p.sku FROM jsonb_to_recordset(${param('keys')}::jsonb) AS x(brand_id uuid, sku text)
      JOIN product p ON coalesce(p.brand_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(x.brand_id, '00000000-0000-0000-0000-000000000000'::uuid)
        AND p.sku = x.sku`,
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
  /** Products this run already found (key → id): a catalogue is small, a batch repeats it. */
  known: Map<string, string> = new Map(),
): Promise<BatchProducts> {
  const byKey = new Map<string, string>();
  const wanted = new Map<string, { brandId: string | null; line: PendingLine }>();
  const eanOnly = new Set<string>();
  for (const order of orders) {
    const brandId = brandOf(order);
    for (const line of order.lines) {
      const key = productKey(brandId, line);
      if (!key || byKey.has(key) || wanted.has(key)) continue;
      const id = known.get(key);
      if (id) {
        byKey.set(key, id);
        continue;
      }
      wanted.set(key, { brandId, line });
      if (!line.sku) eanOnly.add(line.ean!);
    }
  }
  const found = (key: string, id: string) => {
    byKey.set(key, id);
    if (known.size >= MAX_KNOWN_PRODUCTS) known.clear();
    // Kept for the whole run: a key made of a SKU or EAN sliced from the file would keep its chunk.
    known.set(detachedText(key), id);
    wanted.delete(key);
  };
  if (wanted.size === 0) return { byKey, created: 0 };

  if (eanOnly.size) {
    for (const row of await byEanStatement.rows(ctx.db, { eans: JSON.stringify([...eanOnly]) })) {
      const key = `${row.brand_id ?? NO_BRAND}|${row.ean}`;
      if (wanted.has(key)) found(key, row.id);
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
    found(`${row.brand_id ?? NO_BRAND}|${row.sku}`, row.id);
    if (row.created) created++;
  }
  if (wanted.size) {
    // Created by someone else after this statement's snapshot: there now.
    const keys = [...wanted.values()].map(({ brandId, line }) => ({ brand_id: brandId, sku: line.sku ?? line.ean }));
    for (const row of await bySkuStatement.rows(ctx.db, { keys: JSON.stringify(keys) })) found(`${row.brand_id ?? NO_BRAND}|${row.sku}`, row.id);
  }
  return { byKey, created };
}
