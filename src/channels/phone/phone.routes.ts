// The phone channel over HTTP: agents log calls and open cases from calls; the telephony
// system posts signed call events to its line's webhook; admins map extensions to agents.
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { keepRawJsonBody } from '../../platform/http/raw-body.ts';
import { principalOf } from '../../modules/access/access.http.ts';
import { caseSchema } from '../../modules/cases/cases.contract.ts';
import { accountSecrets } from '../accounts/accounts.service.ts';
import { channelAccount } from '../accounts/accounts.schema.ts';
import { storeInbound } from '../inbound/inbound.store.ts';
import { logCallOnCase, openCaseFromCall } from './calls.service.ts';
import { setExtension } from './extensions.service.ts';
import { callListQuery, callSchema, extensionBody, logCallBody, openFromCallBody, screenPopSchema, telephonyEvent, webhookAnswer } from './phone.contract.ts';
import { listCalls, readScreenPop } from './screen-pop.ts';
import { isValidWebhookSignature, SIGNATURE_HEADER } from '../webhook-signature.ts';

const tags = ['phone'];

/** The webhook's line, and the signature over the body's exact bytes: before anything is read from it. */
async function verifiedLine(req: FastifyRequest<{ Params: { accountId: string } }>) {
  const [line] = await req.ctx.db
    .select()
    .from(channelAccount)
    .where(and(eq(channelAccount.id, req.params.accountId), eq(channelAccount.channel, 'phone'), eq(channelAccount.state, 'active')));
  if (!line) throw new AppError('not_found', 'There is no active phone line with this id');
  const secret = accountSecrets(req.ctx, line).webhookSecret;
  const signature = req.headers[SIGNATURE_HEADER];
  if (!secret || !req.rawBody || !isValidWebhookSignature(secret, req.rawBody, typeof signature === 'string' ? signature : undefined)) {
    throw new AppError('unauthenticated', `${SIGNATURE_HEADER} does not match the body signed with this line's webhook secret`);
  }
  return line;
}

export function registerPhoneRoutes(app: Api): void {
  app.post(
    '/api/v1/cases/:id/calls',
    { schema: { tags, summary: 'Log a phone call on a case (direction, number, duration, summary); with callId, completes a call the telephony system reported', params: idParams, body: logCallBody, response: { 201: callSchema, ...problems(400, 401, 403, 404, 409, 422) } } },
    async (req, reply) => reply.code(201).send(await logCallOnCase(req.ctx, principalOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/phone/cases',
    {
      config: { opensCases: true },
      schema: {
        tags,
        summary: 'Open a case from a call: the number finds or creates the customer; acknowledged by e-mail or SMS when an address is known',
        body: openFromCallBody,
        response: { 201: z.object({ case: caseSchema, call: callSchema }), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await openCaseFromCall(req.ctx, principalOf(req), req.body)),
  );
  app.get(
    '/api/v1/phone/calls',
    { schema: { tags, summary: 'Calls waiting for you (yours, or your teams’ with no agent named): pending by default', querystring: callListQuery, response: { 200: z.object({ items: z.array(callSchema) }), ...problems(401, 403) } } },
    async (req) => ({ items: await listCalls(req.ctx, principalOf(req), req.query) }),
  );
  app.get(
    '/api/v1/phone/calls/:id',
    { schema: { tags, summary: 'The screen pop of a call: the call, the customer behind the number, their open cases you may see', params: idParams, response: { 200: screenPopSchema, ...problems(401, 403, 404) } } },
    async (req) => readScreenPop(req.ctx, principalOf(req), req.params.id),
  );
  app.post(
    '/api/v1/phone/extensions',
    { schema: { tags, summary: 'Map a telephony extension to an agent (admins); null removes it', body: extensionBody, response: { 204: z.null(), ...problems(400, 401, 403, 404, 409, 422) } } },
    async (req, reply) => {
      await setExtension(req.ctx, principalOf(req), req.body);
      return reply.code(204).send(null);
    },
  );

  // The webhook keeps the body's bytes: the signature is over them, and they are what is stored.
  void app.register(async (scope: Api) => {
    keepRawJsonBody(scope);
    scope.post(
      '/api/v1/channels/phone/:accountId/events',
      {
        config: { auth: 'public' },
        preValidation: async (req) => void (await verifiedLine(req)),
        schema: {
          tags,
          summary: `Telephony webhook: call.started pops the caller on the agents' screens, call.ended records the call. Signed: ${SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256 of the body with the line's webhook secret>`,
          security: [],
          params: z.strictObject({ accountId: z.uuid() }),
          body: telephonyEvent,
          response: { 202: webhookAnswer, ...problems(400, 401, 404, 413, 415, 422) },
        },
      },
      async (req, reply) => {
        const stored = await storeInbound(req.ctx, {
          accountId: req.params.accountId,
          channel: 'phone',
          // One row per call and event: the same event sent again is the same row.
          providerId: `${req.body.callId}:${req.body.event}`,
          raw: req.rawBody!,
          summary: { event: req.body.event, callId: req.body.callId, from: req.body.from },
        });
        return reply.code(202).send({ received: true, duplicate: !stored.created });
      },
    );
  });
}
