// X's Account Activity webhook, one URL per account: GET answers the CRC (X's proof that we
// hold the consumer secret, at registration and about hourly after), POST receives signed
// event deliveries. Public (X has no session): the signature over the body's exact bytes is
// the authentication, checked before anything is read. A delivery is split into one stored
// row per tweet and DM, all written before X hears 200; processing runs in the inbound job.
import type { FastifyRequest } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { Api } from '../../platform/http/api.ts';
import { problems } from '../../platform/http/api.ts';
import { keepRawJsonBody } from '../../platform/http/raw-body.ts';
import { accountSecrets } from '../accounts/accounts.service.ts';
import { channelAccount } from '../accounts/accounts.schema.ts';
import { storeInboundBatch } from '../inbound/inbound.store.ts';
import { crcResponse, isValidXSignature, X_SIGNATURE_HEADER } from './x-signature.ts';
import { splitDelivery } from './x.batch.ts';
import { xDelivery } from './x.payload.ts';
import { xSettingsOf, xWebhookPath } from './x.settings.ts';

const tags = ['channels'];

/** A delivery holds at most a few hundred events of a few KB: more is not X. */
export const X_WEBHOOK_BODY_LIMIT = 1024 * 1024;

const params = z.strictObject({ accountId: z.uuid() });
type Req = FastifyRequest<{ Params: z.infer<typeof params> }>;

/** The webhook's account, its user id and consumer secret. */
async function webhookAccount(req: Req) {
  const [account] = await req.ctx.db
    .select()
    .from(channelAccount)
    .where(and(eq(channelAccount.id, req.params.accountId), eq(channelAccount.channel, 'x'), eq(channelAccount.state, 'active')));
  if (!account) throw new AppError('not_found', 'There is no active X account with this id');
  const settings = xSettingsOf(account.settings);
  const consumerSecret = accountSecrets(req.ctx, account).consumerSecret;
  if (!settings || !consumerSecret) throw new AppError('not_found', 'This X account has no user id or consumer secret: its webhook is not set up');
  return { account, userId: settings.userId, consumerSecret };
}

/** What the signature check found, for the handler that runs after the body is validated. */
const verified = new WeakMap<FastifyRequest, Awaited<ReturnType<typeof webhookAccount>>>();

async function verifyDelivery(req: Req): Promise<void> {
  const found = await webhookAccount(req);
  const signature = req.headers[X_SIGNATURE_HEADER];
  if (!req.rawBody || !isValidXSignature(found.consumerSecret, req.rawBody, typeof signature === 'string' ? signature : undefined)) {
    throw new AppError('unauthenticated', `${X_SIGNATURE_HEADER} does not match the body signed with this account's consumer secret`);
  }
  verified.set(req, found);
}

export function registerXRoutes(app: Api): void {
  app.get(
    xWebhookPath(':accountId'),
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'X Account Activity CRC: answers {"response_token":"sha256=<base64 HMAC-SHA256(consumer secret, crc_token)>"}',
        security: [],
        params,
        // X adds a nonce (v2) beside the token; only the token is signed.
        querystring: z.object({ crc_token: z.string().min(1).max(500) }).loose(),
        response: { 200: z.object({ response_token: z.string() }), ...problems(400, 404) },
      },
    },
    async (req) => crcResponse((await webhookAccount(req)).consumerSecret, req.query.crc_token),
  );

  // The deliveries keep the body's bytes: the signature is over them.
  void app.register(async (scope: Api) => {
    keepRawJsonBody(scope);
    scope.post(
      xWebhookPath(':accountId'),
      {
        bodyLimit: X_WEBHOOK_BODY_LIMIT,
        config: { auth: 'public' },
        schema: {
          tags,
          summary: `X Account Activity events: each tweet and DM stored once, processed into cases. Signed: ${X_SIGNATURE_HEADER}: sha256=<base64 HMAC-SHA256 of the body with the consumer secret>`,
          security: [],
          params,
          body: xDelivery,
          response: { 200: z.object({ received: z.literal(true), stored: z.number().int(), duplicates: z.number().int() }), ...problems(400, 401, 404, 413, 415, 422) },
        },
        preValidation: verifyDelivery,
      },
      async (req) => {
        const { account, userId } = verified.get(req)!;
        const batch = splitDelivery(req.body, userId);
        if (batch.skipped.length) req.log.info({ accountId: account.id, skipped: batch.skipped }, 'X delivery: events acknowledged, not stored');
        const stored = await storeInboundBatch(
          req.ctx,
          batch.rows.map((r) => ({ accountId: account.id, channel: 'x', providerId: r.providerId, raw: r.raw, summary: r.summary })),
        );
        const fresh = stored.filter((s) => s.created).length;
        return { received: true as const, stored: fresh, duplicates: stored.length - fresh };
      },
    );
  });
}
