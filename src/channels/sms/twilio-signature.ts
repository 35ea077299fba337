// X-Twilio-Signature: how Twilio signs the requests it sends us (status callbacks, inbound
// SMS). The full URL as configured, then each POST field sorted by name as name + value
// (repeated names: their values sorted), HMAC-SHA1 with the auth token, base64. Twilio may
// sign the URL with or without the default port, so both are accepted. JSON bodies are
// signed by their SHA-256 in a `bodySHA256` query parameter instead of their fields.
import { createHash, createHmac } from 'node:crypto';
import { safeEqual } from '../../platform/crypto/tokens.ts';

export type FormFields = Record<string, string | string[]>;

export function twilioSignature(authToken: string, url: string, fields: FormFields = {}): string {
  let data = url;
  for (const name of Object.keys(fields).sort()) {
    const value = fields[name]!;
    for (const v of (Array.isArray(value) ? [...value] : [value]).sort()) data += name + v;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

const URL_PARTS = /^(https?):\/\/([^/?#]*@)?([^/?#:]+|\[[^\]]+\])(:\d+)?(.*)$/i;

/** The URL as written, with the default port added, and with it removed. */
export function urlVariants(url: string): string[] {
  const m = URL_PARTS.exec(url);
  if (!m) return [url];
  const [, scheme, userinfo = '', host, port, rest] = m;
  const defaultPort = scheme!.toLowerCase() === 'https' ? ':443' : ':80';
  const variants = [url];
  if (!port) variants.push(`${scheme}://${userinfo}${host}${defaultPort}${rest}`);
  else if (port === defaultPort) variants.push(`${scheme}://${userinfo}${host}${rest}`);
  return variants;
}

/** Whether a form-encoded request really comes from Twilio. */
export function isValidTwilioSignature(authToken: string, signature: string | undefined, url: string, fields: FormFields): boolean {
  if (!signature) return false;
  return urlVariants(url).some((u) => safeEqual(twilioSignature(authToken, u, fields), signature));
}

/** The same for a JSON body: its SHA-256 must match the URL's bodySHA256, which is signed alone. */
export function isValidTwilioJsonSignature(authToken: string, signature: string | undefined, url: string, rawBody: string): boolean {
  if (!signature) return false;
  const claimed = new URL(url).searchParams.get('bodySHA256');
  if (!claimed || !safeEqual(createHash('sha256').update(rawBody, 'utf8').digest('hex'), claimed.toLowerCase())) return false;
  return urlVariants(url).some((u) => safeEqual(twilioSignature(authToken, u), signature));
}
