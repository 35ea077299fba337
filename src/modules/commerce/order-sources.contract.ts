// The order sources admin API's shapes: connected shops (Shopify, WooCommerce, PrestaShop)
// with write-only secrets. Settings and secrets are checked per kind (order-sources.kinds.ts).
import { z } from 'zod';
import { salesChannels } from './commerce.contract.ts';
import { connectedKinds } from './order-sources.kinds.ts';

export { connectionTestSchema } from '../../channels/accounts/accounts.contract.ts';

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });

export const orderSourceStates = ['active', 'failing', 'disabled'] as const;

export const orderSourceSchema = z
  .object({
    id,
    kind: z.string().describe('shopify, woocommerce, prestashop (file_import: the POS imports)'),
    name: z.string(),
    brandId: id.nullable(),
    storeId: id.nullable(),
    salesChannel: z.enum(salesChannels),
    settings: z.record(z.string(), z.unknown()),
    /** Which secrets are set; their values never leave the server. */
    secretsSet: z.array(z.string()),
    state: z.enum(orderSourceStates),
    stateDetail: z.string().nullable(),
    webhookUrl: z.string().nullable().describe('Where the shop must send its webhooks (Shopify, WooCommerce)'),
    cursor: z.record(z.string(), z.unknown()).describe('Where reading left off (PrestaShop: the last date_upd read)'),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'OrderSource' });
export type OrderSourceDto = z.infer<typeof orderSourceSchema>;

const secrets = z.record(z.string(), z.string().max(10_000));

export const createOrderSourceBody = z.strictObject({
  kind: z.enum(connectedKinds),
  name: z.string().trim().min(1).max(200),
  brandId: id.nullable().default(null),
  storeId: id.nullable().default(null),
  salesChannel: z.enum(salesChannels).default('online'),
  settings: z.record(z.string(), z.unknown()).default({}),
  secrets: secrets.default({}).describe('Webhook secrets, API tokens, webservice keys: stored encrypted, never returned'),
});
export type CreateOrderSourceInput = z.infer<typeof createOrderSourceBody>;

export const updateOrderSourceBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    brandId: id.nullable().optional(),
    storeId: id.nullable().optional(),
    salesChannel: z.enum(salesChannels).optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
    secrets: secrets.optional().describe('Replaces the secrets it names; the others are kept'),
    state: z.enum(['active', 'disabled']).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type UpdateOrderSourceInput = z.infer<typeof updateOrderSourceBody>;

/** What a webhook answers the shop: received, and whether this delivery had come already. */
export const webhookAnswer = z.object({ received: z.literal(true), duplicate: z.boolean(), ping: z.boolean().optional() });

/** What a source has been doing, for the admin list: its last webhook, its recent failures, its last read. */
export const orderSourceActivitySchema = z
  .object({
    lastWebhookAt: instant.nullable().describe('When the shop last sent a webhook (Shopify, WooCommerce)'),
    webhooksLastDay: z.int().describe('Webhooks received in the last 24 hours'),
    failedLastWeek: z.int().describe('Webhooks that failed in the last 7 days'),
    lastReadUpTo: z.string().nullable().describe('PrestaShop: the last date_upd read (the shop’s local time)'),
  })
  .meta({ id: 'OrderSourceActivity' });
export type OrderSourceActivityDto = z.infer<typeof orderSourceActivitySchema>;

export const orderSourceListItemSchema = orderSourceSchema.extend({ activity: orderSourceActivitySchema }).meta({ id: 'OrderSourceListItem' });
export type OrderSourceListItemDto = z.infer<typeof orderSourceListItemSchema>;

export const orderWebhookDeliverySchema = z
  .object({
    id,
    topic: z.string().describe('orders/create, order.updated… as the shop named it'),
    receivedAt: instant,
    state: z.enum(['received', 'processed', 'ignored', 'failed']).describe('received: waiting to be read; processed; ignored (a topic not read); failed'),
    detail: z.string().nullable().describe('Why it was ignored or failed'),
    orderId: id.nullable(),
    processedAt: instant.nullable(),
  })
  .meta({ id: 'OrderWebhookDelivery' });
export type OrderWebhookDeliveryDto = z.infer<typeof orderWebhookDeliverySchema>;

export const recentWebhooksQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const recentWebhooksSchema = z.object({ activity: orderSourceActivitySchema, items: z.array(orderWebhookDeliverySchema) });

export const syncAnswerSchema = z.object({ queued: z.boolean().describe('false: a read of this shop is already waiting or running') });
