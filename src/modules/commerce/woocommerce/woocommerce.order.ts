// WooCommerce's order (the REST API v3 resource its webhooks deliver) as the ingestion takes it.
// WooCommerce has no delivery tracking: an order marked "completed" is taken as delivered on
// the day it was completed. Line prices include tax, like the order's total the customer paid.
import { z } from 'zod';
import { requireMinorUnits } from '../money.ts';
import type { IncomingOrder } from '../orders.ingest.ts';
import { localDate, parseInstant, requireInstant } from '../shop-times.ts';

const text = z.string().nullish();
const amount = z.union([z.string(), z.number()]).nullish();
const id = z.union([z.string(), z.number()]).transform(String);

export const woocommerceOrder = z.object({
  id,
  number: z.union([z.string(), z.number()]).transform(String).nullish(),
  status: z.string(),
  currency: z.string().length(3),
  date_created_gmt: z.string(),
  date_modified_gmt: text,
  date_paid_gmt: text,
  date_completed_gmt: text,
  total: amount,
  payment_method: text,
  payment_method_title: text,
  billing: z.object({ first_name: text, last_name: text, email: text, phone: text }).nullish(),
  line_items: z
    .array(
      z.object({
        id: id.nullish(),
        name: z.string(),
        sku: text,
        quantity: z.number().int(),
        total: amount,
        total_tax: amount,
      }),
    )
    .default([]),
});

/** WooCommerce's order statuses in the words the other sources use. */
const financial: Record<string, string> = {
  pending: 'pending',
  'on-hold': 'pending',
  processing: 'paid',
  completed: 'paid',
  refunded: 'refunded',
  cancelled: 'cancelled',
  failed: 'failed',
};

const clean = (s: string | null | undefined) => s?.trim() || undefined;

export function orderFromWoocommerce(payload: unknown, timeZone: string): IncomingOrder {
  const o = woocommerceOrder.parse(payload);
  const currency = o.currency.toUpperCase();
  const completed = o.status === 'completed' ? parseInstant(o.date_completed_gmt) : null;
  const email = clean(o.billing?.email);
  const phone = clean(o.billing?.phone);
  return {
    externalId: o.id,
    number: clean(o.number ?? undefined) ?? o.id,
    purchasedAt: requireInstant(o.date_created_gmt, 'date_created_gmt'),
    deliveredAt: completed,
    currency,
    totalAmount: requireMinorUnits(o.total, currency, 'total'),
    paymentMethod: clean(o.payment_method_title) ?? clean(o.payment_method) ?? null,
    financialStatus: financial[o.status] ?? o.status,
    fulfillmentStatus: o.status === 'completed' ? 'fulfilled' : null,
    sourceUpdatedAt: parseInstant(o.date_modified_gmt) ?? parseInstant(o.date_created_gmt),
    customer: email || phone ? { email, phone, firstName: clean(o.billing?.first_name), lastName: clean(o.billing?.last_name) } : null,
    lines: o.line_items.map((l) => {
      const total = requireMinorUnits(l.total, currency, 'line_items.total') + requireMinorUnits(l.total_tax, currency, 'line_items.total_tax');
      return {
        externalId: l.id ?? null,
        sku: clean(l.sku) ?? null,
        name: l.name,
        quantity: l.quantity,
        unitPriceAmount: l.quantity > 0 ? Math.round(total / l.quantity) : total,
        totalAmount: total,
        deliveredOn: completed ? localDate(completed, timeZone) : null,
      };
    }),
  };
}
