// Shopify's orders as the ingestion takes them, from either of the two shapes Shopify sends:
// the webhook's (REST-style: snake_case, prices as strings, numeric ids) and the Admin GraphQL
// API's (camelCase, gids, money sets). Both key the order on its gid
// (gid://shopify/Order/…), so a webhook and a lookup of the same order are the same row. Numeric
// ids exceed 2^53: JSON is read keeping such integers as their digits (`parseExactJson`).
//
// Delivery: Shopify knows when goods left (a fulfillment) and, when the carrier reports it, when
// they arrived (shipment_status "delivered", GraphQL's deliveredAt). A line's delivery date is
// the carrier's when known, else its fulfillment's; the order is delivered once every line is
// fulfilled, on the latest of those dates.
import { z } from 'zod';
import { requireMinorUnits } from '../money.ts';
import type { IncomingOrder, IncomingOrderLine } from '../orders.ingest.ts';
import { localDate, parseInstant, requireInstant } from '../shop-times.ts';

/** JSON with integers beyond 2^53 kept as strings of their digits (Shopify's ids). */
export function parseExactJson(text: string): unknown {
  return JSON.parse(text, (_key: string, value: unknown, context?: { source?: string }) =>
    typeof value === 'number' && !Number.isSafeInteger(value) && context?.source && /^-?\d+$/.test(context.source) ? context.source : value,
  );
}

const id = z.union([z.string(), z.number()]).transform(String);
const text = z.string().nullish();
const amount = z.union([z.string(), z.number()]).nullish();

const webhookLine = z.object({
  id: id.nullish(),
  admin_graphql_api_id: text,
  title: text,
  name: text,
  quantity: z.number().int(),
  price: amount,
  sku: text,
  vendor: text,
  total_discount: amount,
  discount_allocations: z.array(z.object({ amount })).nullish(),
});

const webhookFulfillment = z.object({
  created_at: text,
  updated_at: text,
  status: text,
  shipment_status: text,
  line_items: z.array(z.object({ id: id.nullish(), admin_graphql_api_id: text })).nullish(),
});

const person = z.object({ email: text, phone: text, first_name: text, last_name: text }).nullish();

export const shopifyWebhookOrder = z.object({
  id,
  admin_graphql_api_id: text,
  name: text,
  order_number: id.nullish(),
  email: text,
  contact_email: text,
  phone: text,
  created_at: z.string(),
  processed_at: text,
  updated_at: text,
  currency: z.string().length(3),
  total_price: amount,
  financial_status: text,
  fulfillment_status: text,
  payment_gateway_names: z.array(z.string()).nullish(),
  customer_locale: text,
  customer: person,
  billing_address: z.object({ phone: text, first_name: text, last_name: text }).nullish(),
  line_items: z.array(webhookLine).default([]),
  fulfillments: z.array(webhookFulfillment).nullish(),
});

/** A customers/create or customers/update payload: who they are. */
export const shopifyWebhookCustomer = z.object({ id, email: text, phone: text, first_name: text, last_name: text, locale: text });

const gid = (kind: string, value: string | null | undefined, fallback: string | null | undefined) =>
  value ?? (fallback ? `gid://shopify/${kind}/${fallback}` : null);

const language = (locale: string | null | undefined): 'fr' | 'en' | undefined =>
  locale?.toLowerCase().startsWith('fr') ? 'fr' : locale?.toLowerCase().startsWith('en') ? 'en' : undefined;

const clean = (s: string | null | undefined) => s?.trim() || undefined;

/** When a fulfillment's goods reached the customer, as far as Shopify knows. */
function reachedAt(f: { created_at?: string | null | undefined; updated_at?: string | null | undefined; status?: string | null | undefined; shipment_status?: string | null | undefined }): Date | null {
  if (f.status && !['success', 'SUCCESS'].includes(f.status)) return null;
  return f.shipment_status === 'delivered' ? parseInstant(f.updated_at) : parseInstant(f.created_at);
}

function deliveredAtOf(fulfilled: boolean, dates: Date[]): Date | null {
  if (!fulfilled || dates.length === 0) return null;
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}

/** A webhook's order (orders/create, orders/updated, orders/fulfilled…), normalised. */
export function orderFromWebhook(payload: unknown, timeZone: string): IncomingOrder {
  const o = shopifyWebhookOrder.parse(payload);
  const currency = o.currency.toUpperCase();
  const lineDates = new Map<string, Date>();
  const dates: Date[] = [];
  for (const f of o.fulfillments ?? []) {
    const at = reachedAt(f);
    if (!at) continue;
    dates.push(at);
    for (const l of f.line_items ?? []) {
      const key = gid('LineItem', l.admin_graphql_api_id, l.id);
      if (key) lineDates.set(key, at);
    }
  }
  const lines: IncomingOrderLine[] = o.line_items.map((l) => {
    const unit = requireMinorUnits(l.price, currency, 'line_items.price');
    const discount = l.discount_allocations
      ? l.discount_allocations.reduce((sum, d) => sum + requireMinorUnits(d.amount, currency, 'discount_allocations.amount'), 0)
      : requireMinorUnits(l.total_discount, currency, 'line_items.total_discount');
    const externalId = gid('LineItem', l.admin_graphql_api_id, l.id);
    const reached = externalId ? lineDates.get(externalId) : undefined;
    return {
      externalId,
      sku: clean(l.sku) ?? null,
      name: clean(l.title) ?? clean(l.name) ?? '—',
      manufacturer: clean(l.vendor) ?? null,
      quantity: l.quantity,
      unitPriceAmount: unit,
      totalAmount: unit * l.quantity - discount,
      deliveredOn: reached ? localDate(reached, timeZone) : null,
    };
  });
  const who = o.customer;
  const email = clean(o.email) ?? clean(o.contact_email) ?? clean(who?.email);
  const phone = clean(o.phone) ?? clean(who?.phone) ?? clean(o.billing_address?.phone);
  return {
    externalId: gid('Order', o.admin_graphql_api_id, o.id)!,
    number: clean(o.name) ?? (o.order_number ? `#${o.order_number}` : o.id),
    purchasedAt: parseInstant(o.processed_at) ?? requireInstant(o.created_at, 'created_at'),
    deliveredAt: deliveredAtOf(o.fulfillment_status === 'fulfilled', dates),
    currency,
    totalAmount: requireMinorUnits(o.total_price, currency, 'total_price'),
    paymentMethod: o.payment_gateway_names?.[0] ?? null,
    financialStatus: o.financial_status ?? null,
    fulfillmentStatus: o.fulfillment_status ?? null,
    sourceUpdatedAt: parseInstant(o.updated_at) ?? parseInstant(o.created_at),
    customer:
      email || phone
        ? {
            email,
            phone,
            firstName: clean(who?.first_name) ?? clean(o.billing_address?.first_name),
            lastName: clean(who?.last_name) ?? clean(o.billing_address?.last_name),
            language: language(o.customer_locale),
          }
        : null,
    lines,
  };
}

// --- The Admin GraphQL API's shape -------------------------------------------------------

/** The fields the lookup asks for each order: everything the ingestion needs, nothing more. */
export const ORDER_FIELDS = `id name email phone createdAt processedAt updatedAt currencyCode customerLocale
  displayFinancialStatus displayFulfillmentStatus paymentGatewayNames
  totalPriceSet { shopMoney { amount currencyCode } }
  customer { email phone firstName lastName }
  lineItems(first: 100) { edges { node { id name sku quantity vendor
    originalUnitPriceSet { shopMoney { amount } } discountedTotalSet { shopMoney { amount } } } } }
  fulfillments(first: 20) { createdAt deliveredAt status
    fulfillmentLineItems(first: 100) { edges { node { lineItem { id } } } } }`;

const shopMoney = z.object({ shopMoney: z.object({ amount: amount, currencyCode: text }) });
const edges = <T extends z.ZodType>(node: T) => z.object({ edges: z.array(z.object({ node })) });

export const shopifyGraphqlOrder = z.object({
  id: z.string(),
  name: z.string(),
  email: text,
  phone: text,
  createdAt: z.string(),
  processedAt: text,
  updatedAt: text,
  currencyCode: z.string().length(3),
  customerLocale: text,
  displayFinancialStatus: text,
  displayFulfillmentStatus: text,
  paymentGatewayNames: z.array(z.string()).nullish(),
  totalPriceSet: shopMoney,
  customer: z.object({ email: text, phone: text, firstName: text, lastName: text }).nullish(),
  lineItems: edges(
    z.object({ id: z.string(), name: z.string(), sku: text, quantity: z.number().int(), vendor: text, originalUnitPriceSet: shopMoney, discountedTotalSet: shopMoney }),
  ),
  fulfillments: z
    .array(z.object({ createdAt: text, deliveredAt: text, status: text, fulfillmentLineItems: edges(z.object({ lineItem: z.object({ id: z.string() }) })).nullish() }))
    .nullish(),
});

/** GraphQL's enum values (PARTIALLY_FULFILLED) in the webhooks' words (partial). */
function status(value: string | null | undefined): string | null {
  if (!value) return null;
  const lower = value.toLowerCase();
  return lower === 'partially_fulfilled' ? 'partial' : lower;
}

/** An order node of the GraphQL API, normalised the same way as a webhook's. */
export function orderFromGraphql(node: unknown, timeZone: string): IncomingOrder {
  const o = shopifyGraphqlOrder.parse(node);
  const currency = o.currencyCode.toUpperCase();
  const lineDates = new Map<string, Date>();
  const dates: Date[] = [];
  for (const f of o.fulfillments ?? []) {
    const at = f.status && f.status !== 'SUCCESS' ? null : (parseInstant(f.deliveredAt) ?? parseInstant(f.createdAt));
    if (!at) continue;
    dates.push(at);
    for (const e of f.fulfillmentLineItems?.edges ?? []) lineDates.set(e.node.lineItem.id, at);
  }
  const fulfillment = status(o.displayFulfillmentStatus);
  const email = clean(o.email) ?? clean(o.customer?.email);
  const phone = clean(o.phone) ?? clean(o.customer?.phone);
  return {
    externalId: o.id,
    number: o.name,
    purchasedAt: parseInstant(o.processedAt) ?? requireInstant(o.createdAt, 'createdAt'),
    deliveredAt: deliveredAtOf(fulfillment === 'fulfilled', dates),
    currency,
    totalAmount: requireMinorUnits(o.totalPriceSet.shopMoney.amount, currency, 'totalPriceSet'),
    paymentMethod: o.paymentGatewayNames?.[0] ?? null,
    financialStatus: status(o.displayFinancialStatus),
    fulfillmentStatus: fulfillment === 'unfulfilled' ? null : fulfillment,
    sourceUpdatedAt: parseInstant(o.updatedAt) ?? parseInstant(o.createdAt),
    customer: email || phone ? { email, phone, firstName: clean(o.customer?.firstName), lastName: clean(o.customer?.lastName), language: language(o.customerLocale) } : null,
    lines: o.lineItems.edges.map(({ node: l }) => {
      const reached = lineDates.get(l.id);
      return {
        externalId: l.id,
        sku: clean(l.sku) ?? null,
        name: l.name,
        manufacturer: clean(l.vendor) ?? null,
        quantity: l.quantity,
        unitPriceAmount: requireMinorUnits(l.originalUnitPriceSet.shopMoney.amount, currency, 'originalUnitPriceSet'),
        totalAmount: requireMinorUnits(l.discountedTotalSet.shopMoney.amount, currency, 'discountedTotalSet'),
        deliveredOn: reached ? localDate(reached, timeZone) : null,
      };
    }),
  };
}
