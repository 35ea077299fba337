// A seller's marketplace relay, as tests play it: the message it forwards for a buyer, signed
// (and dated, when asked) the way docs/channels/marketplace.md tells relays to, as Fastify's
// inject takes it. It signs with its own HMAC, not with the code under test.
import { createHmac } from 'node:crypto';

/** The worked example of docs/channels/marketplace.md. */
export const EXAMPLE_SECRET = 'relais-jardin-maison-2026-secret';
export const EXAMPLE_BODY =
  '{"marketplace":"amazon","messageId":"A1B2C3D4E5","conversationId":"AMZ-CONV-4711","orderReference":"402-1234567-8901234","buyer":{"id":"A2BUYER9XYZ","name":"Camille Durand","email":"k8x2v4q1@marketplace.amazon.fr"},"text":"Bonjour, le programmateur reçu fuit dès la première utilisation.","sentAt":"2026-04-03T16:45:00+02:00"}';

export interface RelayOptions {
  secret: string;
  /** Unix seconds: dated requests sign "<timestamp>.<body>". */
  timestamp?: number;
  /** Headers over the relay's own (a forged signature…). */
  headers?: Record<string, string>;
}

export function relayRequest(url: string, body: string | object, o: RelayOptions) {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const signed = o.timestamp === undefined ? payload : `${o.timestamp}.${payload}`;
  const signature = `sha256=${createHmac('sha256', o.secret).update(signed, 'utf8').digest('hex')}`;
  return {
    method: 'POST' as const,
    url,
    payload,
    headers: {
      'content-type': 'application/json',
      'x-comptoir-signature': signature,
      ...(o.timestamp === undefined ? {} : { 'x-comptoir-timestamp': String(o.timestamp) }),
      ...o.headers,
    },
  };
}
