// A request Twilio sends us (a status callback, an inbound SMS): its form fields as Twilio
// signed them, and the check that it really comes from Twilio. Both run before anything else
// is read from the request: these routes are public, the signature is their authentication.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { isValidTwilioSignature, type FormFields } from './twilio-signature.ts';

/** Form bodies as Twilio sends them; a repeated field keeps all its values (they are all signed). */
export function parseTwilioForm(body: string): FormFields {
  const fields: FormFields = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const seen = fields[name];
    fields[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return fields;
}

/**
 * Twilio signs with the auth token of the account that owns the number, which is this
 * server's (COMPTOIR_TWILIO_AUTH_TOKEN): SMS accounts carry no secret of their own. The URL is
 * the one we gave Twilio: our public address and the path and query it called.
 */
export function verifyTwilioRequest(req: FastifyRequest): void {
  const twilio = req.ctx.config.outbound.sms.twilio;
  if (!twilio) throw new AppError('not_found', 'SMS is not configured on this server');
  const signature = req.headers['x-twilio-signature'];
  const url = `${req.ctx.config.http.publicUrl}${req.url}`;
  if (!isValidTwilioSignature(twilio.authToken, typeof signature === 'string' ? signature : undefined, url, (req.body ?? {}) as FormFields)) {
    throw new AppError('forbidden', 'X-Twilio-Signature does not match this request');
  }
}
