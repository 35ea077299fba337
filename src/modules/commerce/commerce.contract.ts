// The customer 360's shapes, shared with the web app: a customer's orders from every sales
// channel with their lines, what the customer is worth, and the order lines a case is about.
// Money in the currency's smallest unit (cents), currencies as ISO codes.
import { z } from 'zod';

/** Where orders come from: a connected shop (webhooks, polling) or a file import (POS exports). */
export const orderSourceKinds = ['shopify', 'woocommerce', 'prestashop', 'file_import', 'api'] as const;
export type OrderSourceKind = (typeof orderSourceKinds)[number];

/** How the sale was made, as consumer law sees it (distance contracts have a withdrawal period). */
export const salesChannels = ['online', 'store', 'marketplace', 'off_premises'] as const;
export type SalesChannel = (typeof salesChannels)[number];

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });

export const productSummarySchema = z.object({
  id,
  sku: z.string(),
  ean: z.string().nullable(),
  name: z.string(),
  manufacturer: z.string().nullable(),
  category: z.string().nullable(),
  helpLinks: z.array(z.object({ label: z.string(), url: z.string(), language: z.enum(['fr', 'en']).optional() })),
});

export const orderLineSchema = z
  .object({
    id,
    position: z.number().int(),
    sku: z.string().nullable(),
    name: z.string(),
    quantity: z.number().int(),
    unitPriceAmount: z.number().int(),
    totalAmount: z.number().int(),
    condition: z.enum(['new', 'used']),
    deliveredOn: z.iso.date().nullable().describe('When this line reached the customer, if apart from the order'),
    product: productSummarySchema.nullable(),
    /** The cases (the reader may see) this line is linked to. */
    cases: z.array(z.object({ id, number: z.string() })),
  })
  .meta({ id: 'OrderLine' });
export type OrderLineDto = z.infer<typeof orderLineSchema>;

export const orderSummarySchema = z.object({
  id,
  number: z.string().describe('#1001, a till receipt number, a PrestaShop reference'),
  source: z.object({ id, kind: z.string(), name: z.string() }),
  salesChannel: z.enum(salesChannels),
  brandId: id.nullable(),
  storeId: id.nullable(),
  customerId: id.nullable(),
  purchasedAt: instant,
  deliveredAt: instant.nullable(),
  currency: z.string().length(3),
  totalAmount: z.number().int(),
  paymentMethod: z.string().nullable(),
  financialStatus: z.string().nullable(),
  fulfillmentStatus: z.string().nullable(),
});

export const orderSchema = orderSummarySchema.extend({ lines: z.array(orderLineSchema) }).meta({ id: 'Order' });
export type OrderDto = z.infer<typeof orderSchema>;

export const orderListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
});

export const orderPageSchema = z.object({ items: z.array(orderSchema), nextCursor: z.string().nullable() });

export const customerValueSchema = z
  .object({
    customerId: id,
    orderCount: z.number().int().describe('Orders counted in the value (not cancelled, refunded or failed)'),
    lifetimeValue: z.array(z.object({ currency: z.string().length(3), amount: z.number().int(), orderCount: z.number().int() })).describe('What the customer paid, per currency'),
    incidentCount: z.number().int().describe('Cases of this customer'),
    openIncidentCount: z.number().int(),
    firstPurchaseAt: instant.nullable(),
    lastPurchaseAt: instant.nullable(),
  })
  .meta({ id: 'CustomerValue' });
export type CustomerValueDto = z.infer<typeof customerValueSchema>;

export const caseOrderLineSchema = z
  .object({
    line: orderLineSchema,
    order: orderSummarySchema,
    linkedAt: instant,
    linkedBy: z.object({ id, name: z.string() }).nullable(),
  })
  .meta({ id: 'CaseOrderLine' });
export type CaseOrderLineDto = z.infer<typeof caseOrderLineSchema>;

export const linkOrderLineBody = z.strictObject({ orderLineId: id });

export const backfillSchema = z
  .object({
    customerId: id,
    emails: z.array(z.string()).describe('The addresses looked up'),
    items: z.array(
      z.object({
        sourceId: id,
        name: z.string(),
        found: z.number().int(),
        created: z.number().int(),
        updated: z.number().int(),
        error: z.string().nullable().describe('Why this shop could not be asked (its token refused, its budget spent…)'),
      }),
    ),
  })
  .meta({ id: 'OrderBackfill' });
export type BackfillDto = z.infer<typeof backfillSchema>;
