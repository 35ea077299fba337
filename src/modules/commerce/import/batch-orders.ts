// A batch's orders and their lines, in one statement: orders keyed on (source, external id),
// lines on (order, position), each inserted when new and updated only where something differs
// — so re-importing the same file writes nothing and says so. Dates are turned into instants by PostgreSQL, in the
// store's time zone, rather than line by line here. An order's total is what its lines add up
// to: set when the order is created, recomputed (second statement) only for orders that were
// already there and whose lines this batch changed — an order whose lines come back later in
// the file, or a corrected re-export.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../context.ts';
import { param, prepared } from '../../../platform/db/prepared.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { SalesChannel } from '../commerce.schema.ts';
import { productKey } from './batch-products.ts';
import type { PendingOrder } from './order-batches.ts';

const writeStatement = prepared<
  { orders: string; lines: string; source: string; channel: string; currency: string; now: string },
  { orders_in: number; orders_found: number; orders_created: number; orders_updated: string[]; lines_created: number; lines_updated: number; lines_changed_in: string[] }
>(
  'comptoir_import_orders',
  // New rows are inserted (ON CONFLICT DO NOTHING) and rows that differ updated (UPDATE … WHERE
  // IS DISTINCT FROM), rather than one ON CONFLICT DO UPDATE … WHERE: that would still lock, and
  // so rewrite, every unchanged row a re-import meets.
  sql`WITH o AS (
        SELECT o.*,
          coalesce((o.purchased || o.purchased_offset)::timestamptz, o.purchased::timestamp AT TIME ZONE o.tz) AS purchased_at,
          coalesce((o.delivered || o.delivered_offset)::timestamptz, o.delivered::timestamp AT TIME ZONE o.tz) AS delivered_at
        FROM jsonb_to_recordset(${param('orders')}::jsonb) AS o(id uuid, external_id text, number text, customer_id uuid, brand_id uuid,
          store_id uuid, purchased text, purchased_offset text, delivered text, delivered_offset text, tz text, total bigint, payment_method text)
      ), known AS (
        -- The orders already there, as this statement's snapshot shows them.
        SELECT s.id, s.external_id, o.id AS input_id FROM o JOIN sales_order s ON s.source_id = ${param('source')}::uuid AND s.external_id = o.external_id
      ), created AS (
        INSERT INTO sales_order (id, source_id, external_id, number, customer_id, brand_id, store_id, sales_channel, purchased_at, delivered_at,
          currency, total_amount, payment_method, created_at, updated_at)
        SELECT o.id, ${param('source')}::uuid, o.external_id, o.number, o.customer_id, o.brand_id, o.store_id, ${param('channel')}::text,
          o.purchased_at, o.delivered_at, ${param('currency')}::text, o.total, o.payment_method, ${param('now')}::timestamptz, ${param('now')}::timestamptz
        FROM o WHERE NOT EXISTS (SELECT 1 FROM known k WHERE k.input_id = o.id)
        ON CONFLICT (source_id, external_id) DO NOTHING
        RETURNING id, external_id
      ), changed AS (
        UPDATE sales_order s SET
          number = o.number, customer_id = coalesce(o.customer_id, s.customer_id), brand_id = o.brand_id, store_id = o.store_id,
          purchased_at = o.purchased_at, delivered_at = coalesce(o.delivered_at, s.delivered_at), currency = ${param('currency')}::text,
          payment_method = coalesce(o.payment_method, s.payment_method), updated_at = ${param('now')}::timestamptz
        FROM o
        WHERE s.source_id = ${param('source')}::uuid AND s.external_id = o.external_id
          AND (s.number, s.customer_id, s.brand_id, s.store_id, s.purchased_at, s.delivered_at, s.currency, s.payment_method)
            IS DISTINCT FROM (o.number, coalesce(o.customer_id, s.customer_id), o.brand_id, o.store_id, o.purchased_at,
              coalesce(o.delivered_at, s.delivered_at), ${param('currency')}::text, coalesce(o.payment_method, s.payment_method))
        RETURNING s.id
      ), ids AS (
        SELECT id, external_id, true AS created FROM created
        UNION ALL
        SELECT id, external_id, false FROM known
      ), l AS (
        SELECT l.*, ids.id AS order_id, ids.created
        FROM jsonb_to_recordset(${param('lines')}::jsonb) AS l(id uuid, order_key text, position int, product_id uuid, sku text, name text,
          quantity int, unit_price bigint, total bigint, condition text)
        JOIN ids ON ids.external_id = l.order_key
      ), lines_created AS (
        INSERT INTO sales_order_line (id, order_id, position, product_id, sku, name, quantity, unit_price_amount, total_amount, condition)
        SELECT id, order_id, position, product_id, sku, name, quantity, unit_price, total, condition FROM l
        ON CONFLICT (order_id, position) DO NOTHING
        RETURNING order_id
      ), lines_changed AS (
        UPDATE sales_order_line t SET
          product_id = l.product_id, sku = l.sku, name = l.name, quantity = l.quantity, unit_price_amount = l.unit_price, total_amount = l.total,
          condition = l.condition
        FROM l
        WHERE NOT l.created AND t.order_id = l.order_id AND t.position = l.position
          AND (t.product_id, t.sku, t.name, t.quantity, t.unit_price_amount, t.total_amount, t.condition)
            IS DISTINCT FROM (l.product_id, l.sku, l.name, l.quantity, l.unit_price, l.total, l.condition)
        RETURNING t.order_id
      )
      SELECT
        (SELECT count(*)::int FROM o) AS orders_in,
        (SELECT count(*)::int FROM ids) AS orders_found,
        (SELECT count(*)::int FROM created) AS orders_created,
        (SELECT coalesce(json_agg(id), '[]'::json) FROM changed) AS orders_updated,
        (SELECT count(*)::int FROM lines_created) AS lines_created,
        (SELECT count(*)::int FROM lines_changed) AS lines_updated,
        (SELECT coalesce(json_agg(DISTINCT c.order_id), '[]'::json)
           FROM (SELECT order_id FROM lines_created UNION ALL SELECT order_id FROM lines_changed) c
           WHERE c.order_id IN (SELECT id FROM known)) AS lines_changed_in`,
);

const totalsStatement = prepared<{ ids: string; now: string }, { id: string; external_id: string }>(
  'comptoir_import_order_totals',
  sql`UPDATE sales_order s SET total_amount = t.total, updated_at = ${param('now')}::timestamptz
      FROM (SELECT order_id, sum(total_amount)::bigint AS total FROM sales_order_line
            WHERE order_id IN (SELECT value::uuid FROM jsonb_array_elements_text(${param('ids')}::jsonb)) GROUP BY order_id) t
      WHERE s.id = t.order_id AND s.total_amount <> t.total
      RETURNING s.id, s.external_id`,
);

export interface OrderTarget {
  sourceId: string;
  salesChannel: SalesChannel;
  currency: string;
  /** For dates the file gives without an offset, when the order's store has no zone. */
  timezone: string;
  brandOf(order: PendingOrder): string | null;
}

export interface WrittenOrders {
  ordersCreated: number;
  ordersUpdated: number;
  linesCreated: number;
  linesUpdated: number;
}

export async function writeBatchOrders(
  ctx: Ctx,
  target: OrderTarget,
  orders: PendingOrder[],
  customers: Map<string, string>,
  products: Map<string, string>,
): Promise<WrittenOrders> {
  const now = ctx.clock.now();
  const orderRows = [];
  const lineRows = [];
  for (const order of orders) {
    const first = order.first;
    const brandId = target.brandOf(order);
    orderRows.push({
      id: uuidv7(now.getTime()),
      external_id: order.key,
      number: first.number,
      customer_id: customers.get(order.key) ?? null,
      brand_id: brandId,
      store_id: first.store?.id ?? null,
      purchased: first.purchased.local,
      purchased_offset: first.purchased.offset,
      delivered: first.delivered?.local ?? null,
      delivered_offset: first.delivered?.offset ?? null,
      tz: first.store?.timezone ?? target.timezone,
      total: order.lines.reduce((sum, l) => sum + l.lineTotal, 0),
      payment_method: order.lines.find((l) => l.paymentMethod)?.paymentMethod ?? null,
    });
    for (const line of order.lines) {
      const key = productKey(brandId, line);
      lineRows.push({
        id: uuidv7(now.getTime()),
        order_key: order.key,
        position: line.position,
        product_id: key ? (products.get(key) ?? null) : null,
        sku: line.sku,
        name: line.productName,
        quantity: line.quantity,
        unit_price: line.unitPrice,
        total: line.lineTotal,
        condition: line.condition,
      });
    }
  }
  const [written] = await writeStatement.rows(ctx.db, {
    orders: JSON.stringify(orderRows),
    lines: JSON.stringify(lineRows),
    source: target.sourceId,
    channel: target.salesChannel,
    currency: target.currency,
    now: now.toISOString(),
  });
  if (written!.orders_found < written!.orders_in) {
    // Orders another import inserted after this statement's snapshot: neither ours to insert nor
    // seen as there. The batch rolls back and the job, idempotent, runs again.
    throw new Error(`${written!.orders_in - written!.orders_found} orders of the batch were written meanwhile by someone else`);
  }
  const updated = new Set(written!.orders_updated);
  if (written!.lines_changed_in.length) {
    // An order continued from an earlier batch of this same file was created by this import, not updated.
    const continued = new Set(orders.filter((o) => o.continued).map((o) => o.key));
    for (const row of await totalsStatement.rows(ctx.db, { ids: JSON.stringify(written!.lines_changed_in), now: now.toISOString() })) {
      if (!continued.has(row.external_id)) updated.add(row.id);
    }
  }
  return { ordersCreated: written!.orders_created, ordersUpdated: updated.size, linesCreated: written!.lines_created, linesUpdated: written!.lines_updated };
}
