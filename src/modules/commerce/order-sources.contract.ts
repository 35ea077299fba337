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
