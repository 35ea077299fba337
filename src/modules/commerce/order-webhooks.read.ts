// What a stored delivery asks of us, by the shop and the topic it came on: orders to ingest, a
// customer to know, or nothing (a topic we do not subscribe to, a deletion: an order deleted in
// the shop stays in the customer's history here). A body that is not what its topic promises
// throws, and the delivery is kept as failed with the reason.
import type { ContactDetails } from '../customers/customers.resolve.ts';
import type { IncomingOrder } from './orders.ingest.ts';
import { orderFromWebhook, parseExactJson, shopifyWebhookCustomer } from './shopify/shopify.order.ts';
import { orderFromWoocommerce } from './woocommerce/woocommerce.order.ts';

export type DeliveryReading = { kind: 'order'; order: IncomingOrder } | { kind: 'customer'; contact: ContactDetails } | { kind: 'ignored'; detail: string };

/** Shopify's order topics whose body is the order (orders/delete carries only its id). */
const SHOPIFY_ORDER_TOPICS = new Set(['orders/create', 'orders/updated', 'orders/fulfilled', 'orders/partially_fulfilled', 'orders/paid', 'orders/cancelled']);
const SHOPIFY_CUSTOMER_TOPICS = new Set(['customers/create', 'customers/update']);

export function readShopifyDelivery(topic: string, body: string, timeZone: string): DeliveryReading {
  if (SHOPIFY_ORDER_TOPICS.has(topic)) return { kind: 'order', order: orderFromWebhook(parseExactJson(body), timeZone) };
  if (SHOPIFY_CUSTOMER_TOPICS.has(topic)) {
    const c = shopifyWebhookCustomer.parse(parseExactJson(body));
    const email = c.email?.trim() || undefined;
    const phone = c.phone?.trim() || undefined;
    if (!email && !phone) return { kind: 'ignored', detail: 'a customer without e-mail or phone: nobody to find' };
    const locale = c.locale?.toLowerCase() ?? '';
    const language = locale.startsWith('fr') ? 'fr' : locale.startsWith('en') ? 'en' : undefined;
    return { kind: 'customer', contact: { email, phone, firstName: c.first_name?.trim() || undefined, lastName: c.last_name?.trim() || undefined, language, seenOn: 'shopify' } };
  }
  return { kind: 'ignored', detail: `topic ${topic} is not read` };
}

const WOOCOMMERCE_ORDER_TOPICS = new Set(['order.created', 'order.updated', 'order.restored']);

export function readWoocommerceDelivery(topic: string, body: string, timeZone: string): DeliveryReading {
  if (WOOCOMMERCE_ORDER_TOPICS.has(topic)) return { kind: 'order', order: orderFromWoocommerce(JSON.parse(body), timeZone) };
  return { kind: 'ignored', detail: `topic ${topic} is not read` };
}
