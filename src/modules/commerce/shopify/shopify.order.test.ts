import { describe, expect, it } from 'vitest';
import { shopifyCustomerBody, shopifyGraphqlNode, shopifyOrderBody, type FakeShopifyOrder } from '../../../../test/fakes/shopify.ts';
import { readShopifyDelivery } from '../order-webhooks.read.ts';
import { orderFromGraphql, orderFromWebhook, parseExactJson } from './shopify.order.ts';

// Ids beyond 2^53, as Shopify's are: 5678901234567890123 would read back as …0000 through a Number.
const order: FakeShopifyOrder = {
  id: '5678901234567890123',
  orderNumber: 1001,
  email: 'Claire.Martin@example.fr',
  customer: { id: '7234567890123456789', email: 'claire.martin@example.fr', firstName: 'Claire', lastName: 'Martin', phone: '+33612345678' },
  createdAt: '2026-03-02T23:30:00+01:00',
  updatedAt: '2026-03-05T09:00:00+01:00',
  currency: 'EUR',
  financialStatus: 'paid',
  fulfillmentStatus: 'fulfilled',
  gateway: 'shopify_payments',
  locale: 'fr-FR',
  lines: [
    { id: '9234567890123456781', title: 'Tondeuse Gardena PowerMax 37E', sku: 'GAR-5041', quantity: 1, price: '199.00', vendor: 'Gardena' },
    { id: '9234567890123456782', title: 'Lame de rechange', sku: 'GAR-4100', quantity: 2, price: '19.95', discount: '5.00' },
  ],
  fulfillments: [
    { createdAt: '2026-03-03T10:00:00+01:00', updatedAt: '2026-03-05T09:00:00+01:00', shipmentStatus: 'delivered', lineIds: ['9234567890123456781'] },
    { createdAt: '2026-03-04T10:00:00+01:00', updatedAt: '2026-03-04T10:00:00+01:00', shipmentStatus: null, lineIds: ['9234567890123456782'] },
  ],
};

describe('Shopify orders', () => {
  it('keeps integers beyond 2^53 as their digits, and every other number as it is', () => {
    expect(parseExactJson('{"id": 5678901234567890123, "n": 1001, "p": 19.95, "neg": -9234567890123456781}')).toEqual({ id: '5678901234567890123', n: 1001, p: 19.95, neg: '-9234567890123456781' });
    const body = shopifyOrderBody(order);
    expect(body).toContain('"id":5678901234567890123');
    expect((parseExactJson(body) as { id: string }).id).toBe('5678901234567890123');
  });

  it('reads a webhook’s order: gids as keys, amounts in cents, discounts deducted, the customer’s details', () => {
    const o = orderFromWebhook(parseExactJson(shopifyOrderBody(order)), 'Europe/Paris');
    expect(o).toMatchObject({
      externalId: 'gid://shopify/Order/5678901234567890123',
      number: '#1001',
      currency: 'EUR',
      totalAmount: 19900 + 2 * 1995 - 500,
      paymentMethod: 'shopify_payments',
      financialStatus: 'paid',
      fulfillmentStatus: 'fulfilled',
      customer: { email: 'Claire.Martin@example.fr', phone: '+33612345678', firstName: 'Claire', lastName: 'Martin', language: 'fr' },
    });
    expect(o.purchasedAt.toISOString()).toBe('2026-03-02T22:30:00.000Z');
    expect(o.sourceUpdatedAt?.toISOString()).toBe('2026-03-05T08:00:00.000Z');
    expect(o.lines).toEqual([
      { externalId: 'gid://shopify/LineItem/9234567890123456781', sku: 'GAR-5041', name: 'Tondeuse Gardena PowerMax 37E', manufacturer: 'Gardena', quantity: 1, unitPriceAmount: 19900, totalAmount: 19900, deliveredOn: '2026-03-05' },
      { externalId: 'gid://shopify/LineItem/9234567890123456782', sku: 'GAR-4100', name: 'Lame de rechange', manufacturer: null, quantity: 2, unitPriceAmount: 1995, totalAmount: 3490, deliveredOn: '2026-03-04' },
    ]);
    // Delivered once every line is: the carrier's date for the first, the shipment's for the second, the latest of them.
    expect(o.deliveredAt?.toISOString()).toBe('2026-03-05T08:00:00.000Z');
  });

  it('has no delivery date until the order is fulfilled', () => {
    const open = orderFromWebhook(parseExactJson(shopifyOrderBody({ ...order, fulfillmentStatus: 'partial', fulfillments: order.fulfillments.slice(0, 1) })), 'Europe/Paris');
    expect(open.deliveredAt).toBeNull();
    expect(open.lines.map((l) => l.deliveredOn)).toEqual(['2026-03-05', null]);
  });

  it('reads the GraphQL API’s order into the same order as the webhook’s', () => {
    const fromWebhook = orderFromWebhook(parseExactJson(shopifyOrderBody(order)), 'Europe/Paris');
    const fromApi = orderFromGraphql(shopifyGraphqlNode(order), 'Europe/Paris');
    expect(fromApi).toEqual({ ...fromWebhook, customer: { ...fromWebhook.customer, phone: '+33612345678' } });
  });

  it('fails with the field’s name on a payload that is not an order', () => {
    expect(() => orderFromWebhook({ id: 1, created_at: '2026-03-02T10:00:00Z', currency: 'EUR', total_price: 'douze' }, 'Europe/Paris')).toThrow('total_price is not an amount');
    expect(() => orderFromWebhook({ id: 1 }, 'Europe/Paris')).toThrow();
  });

  it('reads each topic for what it is', () => {
    expect(readShopifyDelivery('orders/fulfilled', shopifyOrderBody(order), 'Europe/Paris')).toMatchObject({ kind: 'order', order: { number: '#1001' } });
    expect(readShopifyDelivery('customers/update', shopifyCustomerBody({ id: '7234567890123456789', email: 'claire@example.fr', firstName: 'Claire', lastName: 'Martin', locale: 'en' }), 'Europe/Paris')).toEqual({
      kind: 'customer',
      contact: { email: 'claire@example.fr', phone: undefined, firstName: 'Claire', lastName: 'Martin', language: 'en', seenOn: 'shopify' },
    });
    expect(readShopifyDelivery('orders/delete', '{"id": 5678901234567890123}', 'Europe/Paris')).toEqual({ kind: 'ignored', detail: 'topic orders/delete is not read' });
  });
});
