import { describe, expect, it } from 'vitest';
import { wooOrderBody, type FakeWooOrder } from '../../../../test/fakes/woocommerce.ts';
import { readWoocommerceDelivery } from '../order-webhooks.read.ts';
import { orderFromWoocommerce } from './woocommerce.order.ts';

const order: FakeWooOrder = {
  id: 727,
  status: 'processing',
  currency: 'EUR',
  createdGmt: '2026-03-02T22:30:00',
  modifiedGmt: '2026-03-02T22:31:00',
  billing: { first_name: 'Luc', last_name: 'Petit', email: 'luc.petit@example.fr', phone: '06 12 34 56 79' },
  paymentMethod: 'stripe',
  paymentMethodTitle: 'Carte bancaire',
  lines: [{ id: 31, name: 'Taille-haie Bosch AHS 50', sku: 'BOS-AHS50', quantity: 2, total: '108.25', totalTax: '21.65' }],
};

describe('WooCommerce orders', () => {
  it('reads the REST order: *_gmt times as UTC, totals with tax, the billing contact', () => {
    const o = orderFromWoocommerce(JSON.parse(wooOrderBody(order)), 'Europe/Paris');
    expect(o).toMatchObject({
      externalId: '727',
      number: '727',
      currency: 'EUR',
      totalAmount: 12990,
      paymentMethod: 'Carte bancaire',
      financialStatus: 'paid',
      fulfillmentStatus: null,
      deliveredAt: null,
      customer: { email: 'luc.petit@example.fr', phone: '06 12 34 56 79', firstName: 'Luc', lastName: 'Petit' },
      lines: [{ externalId: '31', sku: 'BOS-AHS50', name: 'Taille-haie Bosch AHS 50', quantity: 2, unitPriceAmount: 6495, totalAmount: 12990, deliveredOn: null }],
    });
    expect(o.purchasedAt.toISOString()).toBe('2026-03-02T22:30:00.000Z');
    expect(o.sourceUpdatedAt?.toISOString()).toBe('2026-03-02T22:31:00.000Z');
  });

  it('takes a completed order as delivered the day it was completed, in the shop’s zone', () => {
    const o = orderFromWoocommerce(JSON.parse(wooOrderBody({ ...order, status: 'completed', completedGmt: '2026-03-06T23:15:00' })), 'Europe/Paris');
    expect(o.deliveredAt?.toISOString()).toBe('2026-03-06T23:15:00.000Z');
    expect(o.fulfillmentStatus).toBe('fulfilled');
    expect(o.lines[0]!.deliveredOn).toBe('2026-03-07');
  });

  it('says cancelled and refunded orders are, and reads only order topics', () => {
    expect(orderFromWoocommerce(JSON.parse(wooOrderBody({ ...order, status: 'refunded' })), 'Europe/Paris').financialStatus).toBe('refunded');
    expect(readWoocommerceDelivery('order.updated', wooOrderBody(order), 'Europe/Paris').kind).toBe('order');
    expect(readWoocommerceDelivery('order.deleted', '{"id":727}', 'Europe/Paris')).toEqual({ kind: 'ignored', detail: 'topic order.deleted is not read' });
    expect(() => readWoocommerceDelivery('order.created', '{"id":727,"status":"processing"}', 'Europe/Paris')).toThrow();
  });
});
