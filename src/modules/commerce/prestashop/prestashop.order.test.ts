import { describe, expect, it } from 'vitest';
import { orderFromPrestashop, type PrestashopLookups } from './prestashop.order.ts';

const lookups: PrestashopLookups = {
  currencies: new Map([['1', 'EUR']]),
  customers: new Map([['5', { email: 'anne.roux@example.fr', firstname: 'Anne', lastname: 'Roux' }]]),
  addresses: new Map([['9', { phone: '04 78 00 00 00', phone_mobile: '06 11 22 33 44' }]]),
  timeZone: 'Europe/Paris',
  deliveredStates: [5],
};

// As the webservice writes it with display=full and output_format=JSON.
const row = {
  id: 42,
  id_address_delivery: '9',
  id_currency: '1',
  id_customer: '5',
  current_state: '5',
  valid: '1',
  reference: 'XKBKNABJK',
  payment: 'Chèque',
  total_paid_tax_incl: '59.800000',
  date_add: '2026-03-02 10:00:00',
  date_upd: '2026-03-09 18:20:00',
  delivery_date: '2026-03-06 11:00:00',
  associations: {
    order_rows: [{ id: '77', product_id: '3', product_quantity: '2', product_name: 'Arrosoir 10 L', product_reference: 'ARR-10', product_ean13: '3760000000017', unit_price_tax_incl: '29.900000' }],
  },
};

describe('PrestaShop orders', () => {
  it('reads the webservice’s order: wall-clock times in the shop’s zone, string amounts, the customer and their mobile', () => {
    const o = orderFromPrestashop(row, lookups);
    expect(o).toMatchObject({
      externalId: '42',
      number: 'XKBKNABJK',
      currency: 'EUR',
      totalAmount: 5980,
      paymentMethod: 'Chèque',
      financialStatus: 'paid',
      fulfillmentStatus: 'fulfilled',
      customer: { email: 'anne.roux@example.fr', phone: '06 11 22 33 44', firstName: 'Anne', lastName: 'Roux' },
      lines: [{ externalId: '77', sku: 'ARR-10', ean: '3760000000017', name: 'Arrosoir 10 L', quantity: 2, unitPriceAmount: 2990, totalAmount: 5980, deliveredOn: '2026-03-06' }],
    });
    expect(o.purchasedAt.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(o.deliveredAt?.toISOString()).toBe('2026-03-06T10:00:00.000Z');
    expect(o.sourceUpdatedAt?.toISOString()).toBe('2026-03-09T17:20:00.000Z');
  });

  it('is delivered only in a delivered state, when it last changed if the shop set no delivery date', () => {
    expect(orderFromPrestashop({ ...row, current_state: '4' }, lookups)).toMatchObject({ deliveredAt: null, fulfillmentStatus: 'shipped' });
    const dateless = orderFromPrestashop({ ...row, delivery_date: '0000-00-00 00:00:00' }, lookups);
    expect(dateless.deliveredAt?.toISOString()).toBe('2026-03-09T17:20:00.000Z');
    expect(orderFromPrestashop({ ...row, current_state: '6', valid: '0' }, lookups).financialStatus).toBe('cancelled');
  });

  it('refuses an order in a currency the webservice did not list', () => {
    expect(() => orderFromPrestashop({ ...row, id_currency: '3' }, lookups)).toThrow('currency 3 is unknown');
  });
});
