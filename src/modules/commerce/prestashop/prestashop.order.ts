// A PrestaShop order (the webservice's `display=full` row, with its order_rows) as the ingestion
// takes it. PrestaShop's times are the shop's wall clock without a zone; its numbers come as
// strings ("29.900000"). The customer's e-mail and names live in /customers, the phone in
// /addresses, the currency's code in /currencies: the poller reads those for a page of orders at
// once and hands them here. Delivered: the order is in one of the "delivered" states (5 by
// default), on its delivery_date when the shop set one, else when it last changed.
import { z } from 'zod';
import { requireMinorUnits } from '../money.ts';
import type { IncomingOrder } from '../orders.ingest.ts';
import { localDate, parseWallClock } from '../shop-times.ts';

const str = z.union([z.string(), z.number()]).transform(String);
const text = z.union([z.string(), z.number()]).transform(String).nullish();

export const prestashopOrder = z.object({
  id: str,
  id_customer: text,
  id_address_delivery: text,
  id_currency: text,
  current_state: text,
  valid: text,
  reference: text,
  payment: text,
  total_paid_tax_incl: text,
  date_add: z.string(),
  date_upd: z.string(),
  delivery_date: text,
  associations: z
    .object({
      order_rows: z
        .array(
          z.object({
            id: text,
            product_name: z.string().nullish(),
            product_reference: text,
            product_ean13: text,
            product_quantity: str,
            unit_price_tax_incl: text,
          }),
        )
        .nullish(),
    })
    .nullish(),
});
export type PrestashopOrder = z.infer<typeof prestashopOrder>;

export interface PrestashopLookups {
  /** id_currency → ISO code. */
  currencies: Map<string, string>;
  customers: Map<string, { email?: string; firstname?: string; lastname?: string }>;
  addresses: Map<string, { phone?: string; phone_mobile?: string }>;
  timeZone: string;
  deliveredStates: number[];
}

/** Order states in the words the other sources use (PrestaShop's default states). */
const statusOf: Record<string, { financial?: string; fulfillment?: string }> = {
  '4': { fulfillment: 'shipped' },
  '5': { fulfillment: 'fulfilled' },
  '6': { financial: 'cancelled' },
  '7': { financial: 'refunded' },
  '8': { financial: 'failed' },
};

const clean = (s: string | null | undefined) => s?.trim() || undefined;

export function orderFromPrestashop(row: unknown, lookups: PrestashopLookups): IncomingOrder {
  const o = prestashopOrder.parse(row);
  const currency = lookups.currencies.get(o.id_currency ?? '');
  if (!currency) throw new Error(`currency ${o.id_currency} is unknown to the webservice`);
  const purchasedAt = parseWallClock(o.date_add, lookups.timeZone);
  if (!purchasedAt) throw new Error(`date_add is not a date: ${o.date_add}`);
  const state = o.current_state ?? '';
  const delivered = lookups.deliveredStates.includes(Number(state))
    ? (parseWallClock(o.delivery_date, lookups.timeZone) ?? parseWallClock(o.date_upd, lookups.timeZone))
    : null;
  const who = lookups.customers.get(o.id_customer ?? '');
  const address = lookups.addresses.get(o.id_address_delivery ?? '');
  const email = clean(who?.email);
  const phone = clean(address?.phone_mobile) ?? clean(address?.phone);
  const status = statusOf[state] ?? {};
  return {
    externalId: o.id,
    number: clean(o.reference ?? undefined) ?? o.id,
    purchasedAt,
    deliveredAt: delivered,
    currency,
    totalAmount: requireMinorUnits(o.total_paid_tax_incl, currency, 'total_paid_tax_incl'),
    paymentMethod: clean(o.payment ?? undefined) ?? null,
    financialStatus: status.financial ?? (o.valid === '1' ? 'paid' : 'pending'),
    fulfillmentStatus: status.fulfillment ?? null,
    sourceUpdatedAt: parseWallClock(o.date_upd, lookups.timeZone),
    customer: email || phone ? { email, phone, firstName: clean(who?.firstname), lastName: clean(who?.lastname) } : null,
    lines: (o.associations?.order_rows ?? []).map((l) => {
      const quantity = Number(l.product_quantity);
      const unit = requireMinorUnits(l.unit_price_tax_incl, currency, 'unit_price_tax_incl');
      return {
        externalId: l.id ?? null,
        sku: clean(l.product_reference ?? undefined) ?? null,
        ean: clean(l.product_ean13 ?? undefined) ?? null,
        name: clean(l.product_name ?? undefined) ?? '—',
        quantity,
        unitPriceAmount: unit,
        totalAmount: unit * quantity,
        deliveredOn: delivered ? localDate(delivered, lookups.timeZone) : null,
      };
    }),
  };
}
