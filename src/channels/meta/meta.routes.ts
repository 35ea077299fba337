// Meta's webhook for one account, and the template catalogue's sync. Public (Meta has no
// session): the GET answers Meta's verification handshake with the account's verify token;
// the POST is authenticated by X-Hub-Signature-256 over the body's exact bytes, checked before
// anything is read from it, then each event of the delivery is stored (once, however often
// Meta retries) with its job, and Meta hears 200 at once: processing runs in the job.
import type { FastifyRequest } from 'fastify';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { safeEqual } from '../../platform/crypto/tokens.ts';
import { AppError } from '../../platform/errors.ts';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { keepRawJsonBody } from '../../platform/http/raw-body.ts';
import { principalOf } from '../../modules/access/access.http.ts';
import { accountSecrets } from '../accounts/accounts.service.ts';
import { channelAccount } from '../accounts/accounts.schema.ts';
import { storeInboundBatch } from '../inbound/inbound.store.ts';
import { deliveryRows } from './meta.batch.ts';
import { deliveryAnswer, deliveryBody, metaWebhookPath, templateSyncSchema, webhookQuery } from './meta.contract.ts';
import { isValidMetaSignature, META_SIGNATURE_HEADER } from './meta-signature.ts';
import type { MetaSecrets } from './meta.settings.ts';
import { syncWhatsappTemplates } from './meta.templates.ts';

const tags = ['channels'];

/** Meta batches up to 1,000 updates in a delivery; a few KB each at most. */
export const META_WEBHOOK_BODY_LIMIT = 5 * 1024 * 1024;

const params = z.strictObject({ accountId: z.uuid() });

/** The account the webhook is for, with its secrets. A failing account still receives (its sending failed, not Meta's deliveries). */
async function webhookAccount(req: FastifyRequest<{ Params: { accountId: string } }>) {
  const [account] = await req.ctx.db
    .select()
    .from(channelAccount)
    .where(and(eq(channelAccount.id, req.params.accountId), eq(channelAccount.channel, 'meta'), inArray(channelAccount.state, ['active', 'failing'])));
  if (!account) throw new AppError('not_found', 'There is no active Meta account with this id');
  return { account, secrets: accountSecrets(req.ctx, account) as Partial<MetaSecrets> };
}

async function verifySignature(req: FastifyRequest<{ Params: { accountId: string } }>): Promise<void> {
  const { secrets } = await webhookAccount(req);
  const header = req.headers[META_SIGNATURE_HEADER];
  if (typeof header !== 'string' || !header) throw new AppError('unauthenticated', `${META_SIGNATURE_HEADER} is missing: Meta signs every delivery with the app secret`);
  if (!secrets.appSecret || !req.rawBody || !isValidMetaSignature(secrets.appSecret, req.rawBody, header)) {
    throw new AppError('forbidden', `${META_SIGNATURE_HEADER} does not match the body signed with this account's app secret`);
  }
}

export function registerMetaRoutes(app: Api): void {
  app.get(
    metaWebhookPath(':accountId'),
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Meta webhook verification: hub.mode=subscribe with this account’s verify token answers hub.challenge as text',
        security: [],
        params,
        querystring: webhookQuery,
        response: { 200: z.string(), ...problems(400, 403, 404) },
      },
    },
    async (req, reply) => {
      const { secrets } = await webhookAccount(req);
      const q = req.query;
      const token = q['hub.verify_token'] ?? '';
      const challenge = q['hub.challenge'] ?? '';
      if (q['hub.mode'] !== 'subscribe' || !secrets.verifyToken || !safeEqual(token, secrets.verifyToken)) {
        throw new AppError('forbidden', 'hub.mode must be subscribe and hub.verify_token this account’s verify token');
      }
      // Echoed back: only what Meta sends (digits), never markup.
      if (!/^[\w-]{1,200}$/.test(challenge)) throw new AppError('bad_request', 'hub.challenge is missing or not a plain token');
      return reply.code(200).header('x-content-type-options', 'nosniff').type('text/plain; charset=utf-8').send(challenge);
    },
  );

  void app.register(async (scope: Api) => {
    keepRawJsonBody(scope);
    scope.post(
      metaWebhookPath(':accountId'),
      {
        bodyLimit: META_WEBHOOK_BODY_LIMIT,
        config: { auth: 'public' },
        preValidation: async (req) => verifySignature(req),
        schema: {
          tags,
          summary: `Meta webhook (Page feed and Messenger, Instagram, WhatsApp): each event is stored once and processed in the background. Signed: ${META_SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256 of the body with the app secret>`,
          security: [],
          params,
          body: deliveryBody,
          response: { 200: deliveryAnswer, ...problems(400, 401, 403, 404, 413, 415, 422) },
        },
      },
      async (req) => {
        const stored = await storeInboundBatch(req.ctx, deliveryRows(req.params.accountId, req.body));
        return { events: stored.length, stored: stored.filter((s) => s.created).length };
      },
    );
  });

  app.post(
    '/api/v1/channel-accounts/:id/whatsapp-templates/sync',
    {
      schema: {
        tags,
        summary: 'Read the WhatsApp Business account’s approved templates from Meta into this Meta account’s catalogue (admins)',
        params: idParams,
        response: { 200: templateSyncSchema, ...problems(400, 401, 403, 404, 422, 503) },
      },
    },
    async (req) => syncWhatsappTemplates(req.ctx, principalOf(req), req.params.id),
  );
}
