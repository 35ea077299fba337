// The shops' webhooks, one address per source. Public (a shop has no session): the signature
// over the body's exact bytes is the authentication, checked before anything is read from the
// body; then the delivery is stored once (however often the shop retries) with its job, and the
// shop hears 200 at once — processing runs in the job.
//
// Shopify: X-Shopify-Hmac-Sha256 with the app's client secret, the delivery's id in
// X-Shopify-Webhook-Id, its topic in X-Shopify-Topic, and X-Shopify-Shop-Domain, which must be
// this source's shop (an app's secret is the same for every shop that installed it).
// WooCommerce: X-WC-Webhook-Signature with the webhook's secret, X-WC-Webhook-Topic,
// X-WC-Webhook-Delivery-ID. When a webhook is created WooCommerce pings its address with a form
// body `webhook_id=N` and no signature: it hears 200, and nothing is stored.
import type { FastifyRequest } from 'fastify';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { Api } from '../../platform/http/api.ts';
import { problems } from '../../platform/http/api.ts';
import { keepRawFormBody, keepRawJsonBody } from '../../platform/http/raw-body.ts';
import { orderSource } from './commerce.schema.ts';
import { webhookAnswer } from './order-sources.contract.ts';
import { shopifySettings } from './order-sources.kinds.ts';
import { sourceSecrets } from './order-sources.service.ts';
import { storeOrderWebhook } from './order-webhooks.store.ts';
import { isValidShopWebhookHmac } from './webhook-hmac.ts';

const tags = ['commerce'];

/** An order with a few hundred lines is well under 1 MB; a bigger body is not an order. */
export const SHOP_WEBHOOK_BODY_LIMIT = 2 * 1024 * 1024;

const params = z.strictObject({ id: z.uuid() });
type Req = FastifyRequest<{ Params: { id: string } }>;

const header = (req: FastifyRequest, name: string) => {
  const value = req.headers[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
};

/** The source the webhook is for: active or failing (a failing source's polling failed, not the shop's deliveries). */
async function webhookSource(req: Req, kind: 'shopify' | 'woocommerce') {
  const [source] = await req.ctx.db
    .select()
    .from(orderSource)
    .where(and(eq(orderSource.id, req.params.id), eq(orderSource.kind, kind), inArray(orderSource.state, ['active', 'failing'])));
  if (!source) throw new AppError('not_found', `There is no active ${kind} order source with this id`);
  return source;
}

function verify(req: Req, secret: string | undefined, name: string, what: string): void {
  const signature = header(req, name);
  if (!signature) throw new AppError('unauthenticated', `${name} is missing: ${what} signs every delivery`);
  if (!secret || !req.rawBody || !isValidShopWebhookHmac(secret, req.rawBody, signature)) {
    throw new AppError('forbidden', `${name} does not match the body signed with this source's webhook secret`);
  }
}

async function verifyShopify(req: Req): Promise<void> {
  const source = await webhookSource(req, 'shopify');
  verify(req, sourceSecrets(req.ctx, source).webhookSecret, 'x-shopify-hmac-sha256', 'Shopify');
  const shop = header(req, 'x-shopify-shop-domain')?.toLowerCase();
  const ours = shopifySettings.safeParse(source.settings).data?.shopDomain;
  if (shop && ours && shop !== ours) throw new AppError('forbidden', `This source reads ${ours}, not ${shop}`);
  if (!header(req, 'x-shopify-topic')) throw new AppError('bad_request', 'X-Shopify-Topic is missing');
}

/** WooCommerce's creation ping: a form body naming the webhook, no signature, no topic. */
const isPing = (req: FastifyRequest) =>
  !header(req, 'x-wc-webhook-signature') && !header(req, 'x-wc-webhook-topic') && typeof (req.body as Record<string, unknown> | undefined)?.webhook_id === 'string';

async function verifyWoocommerce(req: Req): Promise<void> {
  const source = await webhookSource(req, 'woocommerce');
  if (isPing(req)) return;
  verify(req, sourceSecrets(req.ctx, source).webhookSecret, 'x-wc-webhook-signature', 'WooCommerce');
  if (!header(req, 'x-wc-webhook-topic')) throw new AppError('bad_request', 'X-WC-Webhook-Topic is missing');
}

const answer = { 200: webhookAnswer, ...problems(400, 401, 403, 404, 413, 415) };

export function registerOrderWebhookRoutes(app: Api): void {
  void app.register(async (scope: Api) => {
    keepRawJsonBody(scope);
    keepRawFormBody(scope, (body) => Object.fromEntries(new URLSearchParams(body)));
    scope.post(
      '/api/v1/order-sources/:id/shopify',
      {
        bodyLimit: SHOP_WEBHOOK_BODY_LIMIT,
        config: { auth: 'public' },
        preValidation: verifyShopify,
        schema: {
          tags,
          summary:
            'Shopify webhook (orders/create, orders/updated, orders/fulfilled, customers/create, customers/update): stored once per X-Shopify-Webhook-Id, processed in the background. Signed: X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256 of the body with the app’s client secret>',
          security: [],
          params,
          body: z.looseObject({}),
          response: answer,
        },
      },
      async (req) => {
        const stored = await storeOrderWebhook(req.ctx, {
          sourceId: req.params.id,
          deliveryId: header(req, 'x-shopify-webhook-id') ?? null,
          topic: header(req, 'x-shopify-topic')!,
          body: req.rawBody!,
        });
        return { received: true as const, duplicate: !stored.created };
      },
    );
    scope.post(
      '/api/v1/order-sources/:id/woocommerce',
      {
        bodyLimit: SHOP_WEBHOOK_BODY_LIMIT,
        config: { auth: 'public' },
        preValidation: verifyWoocommerce,
        schema: {
          tags,
          summary:
            'WooCommerce webhook (order.created, order.updated): stored once per X-WC-Webhook-Delivery-ID, processed in the background; the creation ping (form body webhook_id=N) answers 200. Signed: X-WC-Webhook-Signature: <base64 HMAC-SHA256 of the body with the webhook’s secret>',
          security: [],
          params,
          body: z.looseObject({}),
          response: answer,
        },
      },
      async (req) => {
        if (isPing(req)) return { received: true as const, duplicate: false, ping: true };
        const stored = await storeOrderWebhook(req.ctx, {
          sourceId: req.params.id,
          deliveryId: header(req, 'x-wc-webhook-delivery-id') ?? null,
          topic: header(req, 'x-wc-webhook-topic')!,
          body: req.rawBody!,
        });
        return { received: true as const, duplicate: !stored.created };
      },
    );
  });
}
