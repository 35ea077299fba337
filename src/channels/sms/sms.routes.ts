// Twilio's status callbacks: POST /api/v1/channels/sms/status, form-encoded, signed with
// X-Twilio-Signature. Public (Twilio has no session), so the signature is the authentication:
// checked before anything else, over the URL we gave Twilio and every field it sent.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { Api } from '../../platform/http/api.ts';
import { problems } from '../../platform/http/api.ts';
import { recordSmsStatus } from '../../modules/notifications/delivery-status.ts';
import { isValidTwilioSignature, type FormFields } from './twilio-signature.ts';

export const SMS_STATUS_PATH = '/api/v1/channels/sms/status';

/** Form bodies as Twilio sends them; a repeated field keeps all its values (they are all signed). */
function parseForm(body: string): FormFields {
  const fields: FormFields = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const seen = fields[name];
    fields[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return fields;
}

const statusBody = z
  .object({
    MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/),
    MessageStatus: z.string().max(40),
    ErrorCode: z.string().max(20).optional(),
  })
  .loose();

function verifySignature(req: FastifyRequest): void {
  const twilio = req.ctx.config.outbound.sms.twilio;
  if (!twilio) throw new AppError('not_found', 'SMS is not configured on this server');
  const signature = req.headers['x-twilio-signature'];
  const url = `${req.ctx.config.http.publicUrl}${req.url}`;
  if (!isValidTwilioSignature(twilio.authToken, typeof signature === 'string' ? signature : undefined, url, (req.body ?? {}) as FormFields)) {
    throw new AppError('forbidden', 'X-Twilio-Signature does not match this request');
  }
}

export function registerSmsRoutes(app: Api): void {
  void app.register(async (scope: Api) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, parseForm(body as string)));
    scope.post(
      SMS_STATUS_PATH,
      {
        config: { auth: 'public' },
        preValidation: async (req) => verifySignature(req),
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
  });
}
