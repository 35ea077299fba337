// What customers bought, from every sales channel (web shop, store tills, marketplaces): the
// products, the orders and their lines, and where they came from. One history for store and
// web: an order from Shopify and a till receipt from a store's POS export are the same kind of
// row, on the same customer. A case is linked to the order line it is about (the product, the
// purchase, the delivery), which is what the rulebook's verdicts are computed from.
import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, timestamps } from '../../platform/db/columns.ts';
import { appUser } from '../access/access.schema.ts';
import { savCase } from '../cases/cases.schema.ts';
import { customer } from '../customers/customers.schema.ts';
import { brand, store } from '../org/org.schema.ts';
import { orderSourceKinds, salesChannels, type OrderSourceKind, type SalesChannel } from './commerce.contract.ts';

// The kinds and channels live with the API's shapes: the web app reads them without Drizzle.
export { orderSourceKinds, salesChannels, type OrderSourceKind, type SalesChannel };

export const orderSource = pgTable(
  'order_source',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: orderSourceKinds }).notNull(),
    name: text('name').notNull(),
    /** Orders from it belong to this brand, and (a store's till) to this store. */
    brandId: uuid('brand_id').references(() => brand.id),
    storeId: uuid('store_id').references(() => store.id),
    /** The sales channel its orders are, unless an order says otherwise. */
    salesChannel: text('sales_channel', { enum: salesChannels }).notNull(),
    /** Not secret: the shop's domain, the API version, the webservice URL, a column mapping… */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    /** Sealed like channel accounts' (platform/crypto/secrets.ts): webhook secrets, API keys. */
    secretsSealed: text('secrets_sealed'),
    state: text('state', { enum: ['active', 'failing', 'disabled'] }).notNull().default('active'),
    stateDetail: text('state_detail'),
    /** Where reading left off (PrestaShop's last date_upd…): the source's own. */
    cursor: jsonb('cursor').$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [index('order_source_kind_idx').on(t.kind)],
);

export const product = pgTable(
  'product',
  {
    id: uuid('id').primaryKey(),
    brandId: uuid('brand_id').references(() => brand.id),
    sku: text('sku').notNull(),
    ean: text('ean'),
    name: text('name').notNull(),
    /** The maker's brand (Gardena, Bosch…), not the retailer's. */
    manufacturer: text('manufacturer'),
    /** The category key the rulebook's warranties and return windows are per. */
    category: text('category'),
    /** In the currency's smallest unit (cents). */
    priceAmount: bigint('price_amount', { mode: 'number' }),
    currency: text('currency'),
    /** Help and tutorial links the closing message offers: [{ label, url, language? }]. */
    helpLinks: jsonb('help_links').$type<{ label: string; url: string; language?: 'fr' | 'en' }[]>().notNull().default([]),
    ...timestamps(),
  },
  (t) => [
    // One product per SKU and brand (a brandless catalogue shares one namespace).
    uniqueIndex('product_sku_key').on(sql`coalesce(${t.brandId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.sku),
    index('product_ean_idx').on(t.ean),
  ],
);

export const order = pgTable(
  'sales_order',
  {
    id: uuid('id').primaryKey(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => orderSource.id),
    /** The source's own id, always a string (Shopify's exceed 2^53): with the source, the order's key. */
    externalId: text('external_id').notNull(),
    /** What the customer and the shop call it: "#1001", a till receipt number. */
    number: text('number').notNull(),
    customerId: uuid('customer_id').references(() => customer.id),
    brandId: uuid('brand_id').references(() => brand.id),
    storeId: uuid('store_id').references(() => store.id),
    salesChannel: text('sales_channel', { enum: salesChannels }).notNull(),
    purchasedAt: instant('purchased_at').notNull(),
    /** When the goods reached the customer (the withdrawal period and the guarantee start then). */
    deliveredAt: instant('delivered_at'),
    currency: text('currency').notNull(),
    /** What was paid, in the currency's smallest unit. */
    totalAmount: bigint('total_amount', { mode: 'number' }).notNull(),
    paymentMethod: text('payment_method'),
    financialStatus: text('financial_status'),
    fulfillmentStatus: text('fulfillment_status'),
    /** The source's version of it (updated_at, date_upd): an older delivery never overwrites a newer one. */
    sourceUpdatedAt: instant('source_updated_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('sales_order_source_key').on(t.sourceId, t.externalId),
    index('sales_order_customer_idx').on(t.customerId, t.purchasedAt),
    index('sales_order_number_idx').on(t.number),
  ],
);

export const orderLine = pgTable(
  'sales_order_line',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => order.id, { onDelete: 'cascade' }),
    /** Its place in the order (1, 2…): with the order, the line's key on re-import. */
    position: integer('position').notNull(),
    externalId: text('external_id'),
    productId: uuid('product_id').references(() => product.id),
    sku: text('sku'),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceAmount: bigint('unit_price_amount', { mode: 'number' }).notNull(),
    totalAmount: bigint('total_amount', { mode: 'number' }).notNull(),
    condition: text('condition', { enum: ['new', 'used'] }).notNull().default('new'),
    /** When this line was delivered, if apart from the order. */
    deliveredAt: date('delivered_at', { mode: 'string' }),
  },
  (t) => [uniqueIndex('sales_order_line_position_key').on(t.orderId, t.position), index('sales_order_line_product_idx').on(t.productId)],
);

/**
 * Every delivery a shop's webhook made (Shopify, WooCommerce), stored before it is processed,
 * once per source and delivery id (X-Shopify-Webhook-Id…): the shop's retries find their row.
 * Not inbound_message: that table belongs to channel accounts and their conversations, and an
 * order is neither. The body is kept as text (JSON is UTF-8; its signature was checked on the
 * bytes before it was stored).
 */
export const orderWebhookStates = ['received', 'processed', 'ignored', 'failed'] as const;

export const orderWebhook = pgTable(
  'order_webhook',
  {
    id: uuid('id').primaryKey(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => orderSource.id),
    /** The shop's id of this delivery (a retry carries the same), or the body's digest. */
    deliveryId: text('delivery_id').notNull(),
    /** orders/create, order.updated… as the shop named it. */
    topic: text('topic').notNull(),
    receivedAt: instant('received_at').notNull(),
    body: text('body').notNull(),
    state: text('state', { enum: orderWebhookStates }).notNull().default('received'),
    /** Why it was ignored or failed; which version it carried when it was older than ours. */
    detail: text('detail'),
    orderId: uuid('order_id').references(() => order.id),
    processedAt: instant('processed_at'),
  },
  (t) => [
    uniqueIndex('order_webhook_delivery_key').on(t.sourceId, t.deliveryId),
    index('order_webhook_source_idx').on(t.sourceId, t.receivedAt),
  ],
);

/** The order lines a case is about (usually one): the product, the purchase, the delivery. */
export const caseOrderLine = pgTable(
  'case_order_line',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => savCase.id),
    orderLineId: uuid('order_line_id')
      .notNull()
      .references(() => orderLine.id),
    linkedBy: uuid('linked_by').references(() => appUser.id),
    linkedAt: instant('linked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.orderLineId] }), index('case_order_line_line_idx').on(t.orderLineId)],
);
