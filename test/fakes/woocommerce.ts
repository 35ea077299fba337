// A local WooCommerce for tests, as the sender of webhooks: an order as the REST API v3 writes it
// (what WooCommerce's order.created / order.updated webhooks carry), posted with
// X-WC-Webhook-Source, -Topic, -Resource, -Event, -Signature (base64 HMAC-SHA256 of the exact
// bytes with the webhook's secret), -ID and -Delivery-ID; and the ping WooCommerce sends when a
// webhook is saved: a form body `webhook_id=N`, no X-WC headers. It shares no code with the
// routes it tests.
import { createHmac, randomInt } from 'node:crypto';

export interface FakeWooLine {
  id: number;
  name: string;
  sku: string;
  quantity: number;
  /** The line's total before tax, as WooCommerce writes it: "108.25". */
  total: string;
  totalTax: string;
}

export interface FakeWooOrder {
  id: number;
  status: 'pending' | 'processing' | 'on-hold' | 'completed' | 'cancelled' | 'refunded' | 'failed';
  currency: string;
  /** UTC, without offset, as the *_gmt fields are. */
  createdGmt: string;
  modifiedGmt: string;
  completedGmt?: string | null;
  billing: { first_name: string; last_name: string; email: string; phone: string };
  paymentMethod: string;
  paymentMethodTitle: string;
  lines: FakeWooLine[];
}

export interface WooRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

const sum = (values: string[]) => values.reduce((s, v) => s + Math.round(Number(v) * 100), 0);
const amount = (cents: number) => (cents / 100).toFixed(2);

export function wooOrderBody(o: FakeWooOrder): string {
  const total = sum(o.lines.flatMap((l) => [l.total, l.totalTax]));
  return JSON.stringify({
    id: o.id,
    parent_id: 0,
    number: String(o.id),
    order_key: `wc_order_${o.id}`,
    created_via: 'checkout',
    status: o.status,
    currency: o.currency,
    date_created: o.createdGmt,
    date_created_gmt: o.createdGmt,
    date_modified: o.modifiedGmt,
    date_modified_gmt: o.modifiedGmt,
    discount_total: '0.00',
    total: amount(total),
    total_tax: amount(sum(o.lines.map((l) => l.totalTax))),
    customer_id: 12,
    billing: { ...o.billing, address_1: '1 rue des Lilas', city: 'Lyon', postcode: '69001', country: 'FR' },
    payment_method: o.paymentMethod,
    payment_method_title: o.paymentMethodTitle,
    date_paid_gmt: o.status === 'pending' ? null : o.createdGmt,
    date_completed_gmt: o.completedGmt ?? null,
    line_items: o.lines.map((l) => ({
      id: l.id,
      name: l.name,
      product_id: l.id * 10,
      variation_id: 0,
      quantity: l.quantity,
      subtotal: l.total,
      subtotal_tax: l.totalTax,
      total: l.total,
      total_tax: l.totalTax,
      sku: l.sku,
      price: Number(l.total) / l.quantity,
    })),
  });
}

/** A webhook delivery as WooCommerce posts it (a fresh delivery id unless given: a redelivery repeats it). */
export function wooWebhook(url: string, secret: string, topic: string, body: string, options: { deliveryId?: string; webhookId?: number; source?: string } = {}): WooRequest {
  const [resource, event] = topic.split('.');
  return {
    url,
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'WooCommerce/9.8.1 Hookshot (WordPress/6.8)',
      'x-wc-webhook-source': options.source ?? 'https://boutique.example/',
      'x-wc-webhook-topic': topic,
      'x-wc-webhook-resource': resource ?? '',
      'x-wc-webhook-event': event ?? '',
      'x-wc-webhook-signature': createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('base64'),
      'x-wc-webhook-id': String(options.webhookId ?? 7),
      'x-wc-webhook-delivery-id': options.deliveryId ?? String(randomInt(1, 2 ** 31)),
    },
  };
}

/** The ping of a newly saved webhook: form-encoded `webhook_id=N`, unsigned. */
export function wooPing(url: string, webhookId = 7): WooRequest {
  return { url, body: `webhook_id=${webhookId}`, headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'WooCommerce/9.8.1 Hookshot (WordPress/6.8)' } };
}
