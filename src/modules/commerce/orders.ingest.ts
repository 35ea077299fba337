// Ingesting an order as a source hands it over (a Shopify webhook, a WooCommerce webhook, a
// PrestaShop page, a Shopify lookup): the order, its lines and their products (by SKU), on the
// customer found or created from the e-mail or phone it carries — in the caller's transaction,
// a handful of statements per order.
//
// Idempotent: an order is keyed by (source, the source's id), a line by its place in the order
// (which a line known by its own id keeps across versions), a product by (brand, SKU). The same
// delivery twice changes nothing; an older version of the order (its sourceUpdatedAt) arriving
// after a newer one — webhooks are not delivered in order — is recognised and left out, and
// never creates or changes a customer. A line a case is linked to is never deleted, even when
// the shop drops it from the order: the case is about it.
import { sql } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError } from '../../platform/errors.ts';
import { queryRows } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { resolveCustomer, type ContactDetails } from '../customers/customers.resolve.ts';
import type { orderSource, SalesChannel } from './commerce.schema.ts';

export type OrderSourceRow = typeof orderSource.$inferSelect;

export interface IncomingOrderLine {
  /** The source's id of the line, when it has one (Shopify's gid, WooCommerce's id). */
  externalId: string | null;
  sku: string | null;
  ean?: string | null;
  name: string;
  /** The maker (Shopify's vendor…). */
  manufacturer?: string | null;
  quantity: number;
  /** In the order's currency's smallest unit. */
  unitPriceAmount: number;
  /** What was paid for the line, discounts deducted. */
  totalAmount: number;
  condition?: 'new' | 'used';
  /** When this line reached the customer, if apart from the order (YYYY-MM-DD). */
  deliveredOn?: string | null;
}

export interface IncomingOrder {
  /** The source's id, a string always (Shopify's gid, a PrestaShop id…). */
  externalId: string;
  number: string;
  purchasedAt: Date;
  deliveredAt: Date | null;
  currency: string;
  totalAmount: number;
  paymentMethod: string | null;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  /** The source's version of the order: updated_at, date_modified, date_upd. */
  sourceUpdatedAt: Date | null;
  /** Unless the order says otherwise, the source's. */
  salesChannel?: SalesChannel;
  storeId?: string | null;
  /** Who bought: their e-mail or phone finds them (or a new customer is made); null for an anonymous sale. */
  customer: Omit<ContactDetails, 'seenOn'> | null;
  lines: IncomingOrderLine[];
}

export type IngestState = 'created' | 'updated' | 'stale';

export interface Ingested {
  orderId: string | null;
  externalId: string;
  state: IngestState;
  customerId: string | null;
}

interface ExistingOrder {
  id: string;
  source_updated_at: Date | string | null;
  customer_id: string | null;
  lines: { position: number; externalId: string | null }[] | null;
}

/** Orders of one source, in one transaction (the caller's, when it has one). */
export async function ingestOrders(ctx: Ctx, source: OrderSourceRow, orders: IncomingOrder[]): Promise<Ingested[]> {
  return inTransaction(
    ctx,
    async (tx) => {
      const out: Ingested[] = [];
      for (const o of orders) out.push(await ingestOne(tx, source, o));
      return out;
    },
    { join: true },
  );
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const time = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());

async function ingestOne(ctx: Ctx, source: OrderSourceRow, o: IncomingOrder): Promise<Ingested> {
  // The order's row is locked first: two deliveries of one order take their turns, and the
  // version check below sees the other's result.
  const [existing] = await queryRows<ExistingOrder>(
    ctx.db,
    sql`SELECT o.id, o.source_updated_at, o.customer_id,
          (SELECT json_agg(json_build_object('position', l.position, 'externalId', l.external_id))
           FROM sales_order_line l WHERE l.order_id = o.id) AS lines
        FROM sales_order o WHERE o.source_id = ${source.id} AND o.external_id = ${o.externalId}
        FOR UPDATE OF o`,
  );
  const known = time(existing?.source_updated_at ?? null);
  const incoming = time(o.sourceUpdatedAt);
  if (existing && known !== null && (incoming === null || incoming < known)) {
    return { orderId: existing.id, externalId: o.externalId, state: 'stale', customerId: existing.customer_id };
  }

  const customerId = (await customerOf(ctx, o.customer, source.kind)) ?? existing?.customer_id ?? null;
  const products = await productIds(ctx, source, o);
  const now = ctx.clock.now();
  const [order] = await queryRows<{ id: string; created: boolean }>(
    ctx.db,
    sql`INSERT INTO sales_order (id, source_id, external_id, number, customer_id, brand_id, store_id, sales_channel, purchased_at,
          delivered_at, currency, total_amount, payment_method, financial_status, fulfillment_status, source_updated_at, created_at, updated_at)
        VALUES (${uuidv7(now.getTime())}, ${source.id}, ${o.externalId}, ${o.number}, ${customerId}, ${source.brandId}, ${o.storeId ?? source.storeId},
          ${o.salesChannel ?? source.salesChannel}, ${iso(o.purchasedAt)}, ${iso(o.deliveredAt)}, ${o.currency.toUpperCase()}, ${o.totalAmount},
          ${o.paymentMethod}, ${o.financialStatus}, ${o.fulfillmentStatus}, ${iso(o.sourceUpdatedAt)}, ${now.toISOString()}, ${now.toISOString()})
        ON CONFLICT (source_id, external_id) DO UPDATE SET
          number = EXCLUDED.number, customer_id = EXCLUDED.customer_id, store_id = EXCLUDED.store_id,
          sales_channel = EXCLUDED.sales_channel, purchased_at = EXCLUDED.purchased_at,
          delivered_at = coalesce(EXCLUDED.delivered_at, sales_order.delivered_at), currency = EXCLUDED.currency,
          total_amount = EXCLUDED.total_amount, payment_method = EXCLUDED.payment_method,
          financial_status = EXCLUDED.financial_status, fulfillment_status = EXCLUDED.fulfillment_status,
          source_updated_at = EXCLUDED.source_updated_at, updated_at = EXCLUDED.updated_at
        WHERE sales_order.source_updated_at IS NULL OR EXCLUDED.source_updated_at >= sales_order.source_updated_at
        RETURNING id, (xmax = 0) AS created`,
  );
  if (!order) {
    // A newer version was written by a delivery that got the row between our read and our write.
    const [current] = await queryRows<{ id: string; customer_id: string | null }>(ctx.db, sql`SELECT id, customer_id FROM sales_order WHERE source_id = ${source.id} AND external_id = ${o.externalId}`);
    return { orderId: current?.id ?? null, externalId: o.externalId, state: 'stale', customerId: current?.customer_id ?? null };
  }
  await writeLines(ctx, order.id, o, products, existing?.lines ?? []);
  return { orderId: order.id, externalId: o.externalId, state: order.created ? 'created' : 'updated', customerId };
}

/**
 * The customer behind the order's contact details. A phone number that is not one (a shop
 * lets customers type anything) does not lose the order: the e-mail alone finds them, or the
 * phone alone when the e-mail is the bad one.
 */
async function customerOf(ctx: Ctx, contact: IncomingOrder['customer'], seenOn: string): Promise<string | null> {
  if (!contact) return null;
  const email = contact.email?.trim() || undefined;
  const phone = contact.phone?.trim() || undefined;
  const tries: ContactDetails[] = [
    { ...contact, email, phone },
    ...(email && phone ? [{ ...contact, email, phone: undefined }, { ...contact, email: undefined, phone }] : []),
  ];
  for (const attempt of tries) {
    if (!attempt.email && !attempt.phone) continue;
    try {
      return (await resolveCustomer(ctx, { ...attempt, seenOn })).id;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
    }
  }
  return null;
}

/** Products of these SKUs in the brand's catalogue (a brandless one shares one namespace, as the unique key does). */
const ofBrand = (brandId: string | null, skus: string[]) =>
  sql`coalesce(brand_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(${brandId}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
      AND sku = ANY(${sql.param(skus)}::text[])`;

/** The products of the order's lines by SKU (made when new, never overwritten: a catalogue import knows them better). */
async function productIds(ctx: Ctx, source: OrderSourceRow, o: IncomingOrder): Promise<Map<string, string>> {
  const bySku = new Map<string, IncomingOrderLine>();
  for (const line of o.lines) if (line.sku && !bySku.has(line.sku)) bySku.set(line.sku, line);
  const ids = new Map<string, string>();
  if (bySku.size === 0) return ids;
  const now = ctx.clock.now();
  const rows = [...bySku.values()].map((l) => ({
    id: uuidv7(now.getTime()),
    sku: l.sku,
    ean: l.ean ?? null,
    name: l.name,
    manufacturer: l.manufacturer ?? null,
    price_amount: l.unitPriceAmount,
  }));
  const skus = [...bySku.keys()];
  // The rows inserted, plus those that were there: a CTE's insert is not seen by the SELECT
  // beside it, so each SKU comes back once.
  const found = await queryRows<{ id: string; sku: string }>(
    ctx.db,
    sql`WITH made AS (
          INSERT INTO product (id, brand_id, sku, ean, name, manufacturer, price_amount, currency, created_at, updated_at)
          SELECT p.id, ${source.brandId}::uuid, p.sku, p.ean, p.name, p.manufacturer, p.price_amount, ${o.currency.toUpperCase()}, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
          FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS p(id uuid, sku text, ean text, name text, manufacturer text, price_amount bigint)
          ON CONFLICT DO NOTHING
          RETURNING id, sku)
        SELECT id, sku FROM made
        UNION ALL
        SELECT id, sku FROM product
        WHERE ${ofBrand(source.brandId, skus)}`,
  );
  for (const r of found) ids.set(r.sku, r.id);
  // A product another delivery made at the same moment is committed after our statement's
  // snapshot: our insert skipped it and our SELECT could not see it yet. Read it now.
  const missing = skus.filter((s) => !ids.has(s));
  if (missing.length) {
    const late = await queryRows<{ id: string; sku: string }>(
      ctx.db,
      sql`SELECT id, sku FROM product WHERE ${ofBrand(source.brandId, missing)}`,
    );
    for (const r of late) ids.set(r.sku, r.id);
  }
  return ids;
}

/**
 * Where each line goes: a line the source knows by id keeps the place it had (a case linked to
 * it stays linked to that product), a new one takes the next free place; a source without line
 * ids (a till receipt) is keyed by the lines' order.
 */
export function linePositions(lines: Pick<IncomingOrderLine, 'externalId'>[], existing: { position: number; externalId: string | null }[]): number[] {
  const byExternal = new Map(existing.filter((e) => e.externalId).map((e) => [e.externalId!, e.position]));
  let next = existing.reduce((max, e) => Math.max(max, e.position), 0);
  const used = new Set<number>();
  return lines.map((line, i) => {
    const kept = line.externalId ? byExternal.get(line.externalId) : undefined;
    let position = kept ?? (line.externalId === null && byExternal.size === 0 ? i + 1 : ++next);
    if (used.has(position)) position = ++next;
    used.add(position);
    next = Math.max(next, position);
    return position;
  });
}

async function writeLines(ctx: Ctx, orderId: string, o: IncomingOrder, products: Map<string, string>, existing: { position: number; externalId: string | null }[]) {
  const positions = linePositions(o.lines, existing);
  const now = ctx.clock.now();
  const rows = o.lines.map((l, i) => ({
    id: uuidv7(now.getTime()),
    position: positions[i],
    external_id: l.externalId,
    product_id: l.sku ? (products.get(l.sku) ?? null) : null,
    sku: l.sku,
    name: l.name,
    quantity: l.quantity,
    unit_price_amount: l.unitPriceAmount,
    total_amount: l.totalAmount,
    condition: l.condition ?? 'new',
    delivered_at: l.deliveredOn ?? null,
  }));
  if (rows.length) {
    await ctx.db.execute(sql`
      INSERT INTO sales_order_line (id, order_id, position, external_id, product_id, sku, name, quantity, unit_price_amount, total_amount, condition, delivered_at)
      SELECT l.id, ${orderId}::uuid, l.position, l.external_id, l.product_id, l.sku, l.name, l.quantity, l.unit_price_amount, l.total_amount, l.condition, l.delivered_at
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS l(id uuid, position int, external_id text, product_id uuid, sku text, name text,
        quantity int, unit_price_amount bigint, total_amount bigint, condition text, delivered_at date)
      ON CONFLICT (order_id, position) DO UPDATE SET
        external_id = EXCLUDED.external_id, product_id = EXCLUDED.product_id, sku = EXCLUDED.sku, name = EXCLUDED.name,
        quantity = EXCLUDED.quantity, unit_price_amount = EXCLUDED.unit_price_amount, total_amount = EXCLUDED.total_amount,
        condition = EXCLUDED.condition, delivered_at = coalesce(EXCLUDED.delivered_at, sales_order_line.delivered_at)`);
  }
  if (existing.length) {
    await ctx.db.execute(sql`
      DELETE FROM sales_order_line l
      WHERE l.order_id = ${orderId} AND NOT (l.position = ANY(${sql.param(positions)}::int[]))
        AND NOT EXISTS (SELECT 1 FROM case_order_line c WHERE c.order_line_id = l.id)`);
  }
}
