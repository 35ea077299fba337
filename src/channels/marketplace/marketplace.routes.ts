// The marketplace webhook: POST /api/v1/channels/marketplace/{accountId}/messages, one buyer
// message per request from the seller's relay, signed over the body's exact bytes with the
// account's webhook secret (and dated, when the relay can). Checked before the body is read;
// stored raw, once per marketplace message id, before the relay hears 202.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { Api } from '../../platform/http/api.ts';
import { problems } from '../../platform/http/api.ts';
import { keepRawJsonBody } from '../../platform/http/raw-body.ts';
import { accountSecrets } from '../accounts/accounts.service.ts';
import { storeInbound } from '../inbound/inbound.store.ts';
import { isValidWebhookSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER, timestampProblem } from '../webhook-signature.ts';
import { marketplaceMessage, marketplaceWebhookAnswer } from './marketplace.contract.ts';
import { providerIdOf } from './marketplace.parse.ts';
import { marketplaceSettingsOf } from './marketplace.settings.ts';

export const marketplaceWebhookPath = (accountId: string) => `/api/v1/channels/marketplace/${accountId}/messages`;

/** A message of 20,000 characters and twenty attachment addresses fits well within this. */
const BODY_LIMIT = 256 * 1024;

const header = (req: FastifyRequest, name: string) => {
  const value = req.headers[name];
  return typeof value === 'string' ? value.trim() : undefined;
};

/** The relay's account, and its signature (and date) over the body's exact bytes: before anything is read from it. */
async function verifyRelay(req: FastifyRequest<{ Params: { accountId: string } }>): Promise<void> {
  const account = z.uuid().safeParse(req.params.accountId).success ? await req.ctx.accounts.account(req.ctx.db, req.params.accountId) : undefined;
  if (!account || account.channel !== 'marketplace' || account.state === 'disabled') throw new AppError('not_found', 'There is no marketplace account with this id');
  const secret = accountSecrets(req.ctx, account).webhookSecret;
  const timestamp = header(req, TIMESTAMP_HEADER);
  if (timestamp === undefined && marketplaceSettingsOf(account.settings).requireTimestamp) {
    throw new AppError('unauthenticated', `${TIMESTAMP_HEADER} is required by this account`);
  }
  if (!secret || !req.rawBody || !isValidWebhookSignature(secret, req.rawBody, header(req, SIGNATURE_HEADER), timestamp)) {
    throw new AppError('unauthenticated', `${SIGNATURE_HEADER} does not match the body signed with this account's webhook secret`);
  }
  const late = timestamp === undefined ? null : timestampProblem(timestamp, req.ctx.clock.now());
  if (late) throw new AppError('unauthenticated', late);
}

export function registerMarketplaceRoutes(app: Api): void {
  void app.register(async (scope: Api) => {
    keepRawJsonBody(scope);
    scope.post(
      marketplaceWebhookPath(':accountId'),
      {
        config: { auth: 'public' },
        bodyLimit: BODY_LIMIT,
        preValidation: async (req) => verifyRelay(req),
        schema: {
          tags: ['channels'],
          summary: `Marketplace webhook: a buyer's message forwarded by the seller's relay opens or joins a case. Signed: ${SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256 of the body with the account's webhook secret>; optionally dated with ${TIMESTAMP_HEADER} (the signature then covers "<timestamp>.<body>")`,
          security: [],
          params: z.strictObject({ accountId: z.uuid() }),
          body: marketplaceMessage,
          response: { 202: marketplaceWebhookAnswer, ...problems(400, 401, 404, 413, 415, 422) },
        },
      },
      async (req, reply) => {
        const m = req.body;
        const stored = await storeInbound(req.ctx, {
          accountId: req.params.accountId,
          channel: 'marketplace',
          providerId: providerIdOf(m),
          raw: req.rawBody!,
          summary: { marketplace: m.marketplace, conversationId: m.conversationId, orderReference: m.orderReference, buyer: m.buyer.id },
        });
        return reply.code(202).send({ received: true, duplicate: !stored.created });
      },
    );
  });
}
