// Twilio's requests: status callbacks (POST /api/v1/channels/sms/status) and inbound SMS/MMS
// (POST /api/v1/channels/sms/{accountId}/inbound), form-encoded, signed with
// X-Twilio-Signature. Public (Twilio has no session), so the signature is the authentication:
// checked before anything else, over the URL we gave Twilio and every field it sent.
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { Api } from '../../platform/http/api.ts';
import { problems } from '../../platform/http/api.ts';
import { keepRawFormBody } from '../../platform/http/raw-body.ts';
import { recordSmsStatus } from '../../modules/notifications/delivery-status.ts';
import { storeInbound } from '../inbound/inbound.store.ts';
import { inboundSmsFields } from './sms.parse.ts';
import { parseTwilioForm, verifyTwilioRequest } from './twilio-request.ts';

export const SMS_STATUS_PATH = '/api/v1/channels/sms/status';
export const smsInboundPath = (accountId: string) => `/api/v1/channels/sms/${accountId}/inbound`;

/** An SMS with ten photos' addresses is a few kilobytes: anything much bigger is not Twilio. */
const INBOUND_BODY_LIMIT = 64 * 1024;

/** What Twilio expects back: TwiML. An empty response sends nothing to the customer (the acknowledgment goes by the delivery job). */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

const statusBody = z
  .object({
    MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/),
    MessageStatus: z.string().max(40),
    ErrorCode: z.string().max(20).optional(),
  })
  .loose();

export function registerSmsRoutes(app: Api): void {
  void app.register(async (scope: Api) => {
    // The inbound body is stored as it came; the status callback only needs its fields.
    keepRawFormBody(scope, parseTwilioForm);
    scope.post(
      SMS_STATUS_PATH,
      {
        config: { auth: 'public' },
        preValidation: async (req) => verifyTwilioRequest(req),
        schema: {
          tags: ['channels'],
          summary: 'Twilio delivery status callback (signed with X-Twilio-Signature)',
          querystring: z.object({ delivery: z.uuid().optional() }),
          body: statusBody,
          response: { 204: z.null(), ...problems(400, 403, 404, 415, 422) },
        },
      },
      async (req, reply) => {
        await recordSmsStatus(req.ctx, {
          deliveryId: req.query.delivery ?? null,
          messageSid: req.body.MessageSid,
          status: req.body.MessageStatus,
          errorCode: req.body.ErrorCode ?? null,
        });
        return reply.code(204).send(null);
      },
    );

    scope.post(
      smsInboundPath(':accountId'),
      {
        config: { auth: 'public' },
        bodyLimit: INBOUND_BODY_LIMIT,
        preValidation: async (req) => {
          const { accountId } = req.params as { accountId: string };
          const account = z.uuid().safeParse(accountId).success ? await req.ctx.accounts.account(req.ctx.db, accountId) : undefined;
          if (!account || account.channel !== 'sms' || account.state === 'disabled') throw new AppError('not_found', 'There is no SMS account with this id');
          verifyTwilioRequest(req);
        },
        schema: {
          tags: ['channels'],
          summary: 'Twilio incoming SMS or MMS for the SMS account of the number it was sent to (signed with X-Twilio-Signature); answers empty TwiML',
          security: [],
          params: z.strictObject({ accountId: z.uuid() }),
          body: inboundSmsFields,
          response: { 200: z.string().describe('TwiML: <Response/>'), ...problems(400, 403, 404, 413, 415, 422) },
        },
      },
      async (req, reply) => {
        // Stored before Twilio hears back; Twilio retries what it could not deliver, and the
        // same MessageSid is the same row.
        await storeInbound(req.ctx, {
          accountId: req.params.accountId,
          channel: 'sms',
          providerId: req.body.MessageSid,
          raw: req.rawBody!,
          summary: { from: req.body.From, to: req.body.To, media: Number(req.body.NumMedia ?? 0) },
        });
        return reply.code(200).type('text/xml; charset=utf-8').send(EMPTY_TWIML);
      },
    );
  });
}
