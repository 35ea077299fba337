// A seller's marketplace relay, as tests play it: the message it forwards for a buyer, signed
// (and dated, when asked) the way docs/channels/marketplace.md tells relays to, as Fastify's
// inject takes it; and its reply address, a local server that checks our answers' signature
// and date and says the marketplace's id of each, or fails as told. It signs and checks with
// its own HMAC, not with the code under test; what it refuses is kept in `unexpected`.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

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

const hmac = (secret: string, data: string) => `sha256=${createHmac('sha256', secret).update(data, 'utf8').digest('hex')}`;

export function relayRequest(url: string, body: string | object, o: RelayOptions) {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const signed = o.timestamp === undefined ? payload : `${o.timestamp}.${payload}`;
  const signature = hmac(o.secret, signed);
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

/** An answer the relay took, as it received it. */
export interface RelayedReply {
  messageId: string;
  body: Record<string, unknown>;
  timestamp: string;
}

/** How the next answers are refused, in order. */
export type RelayFailure = 'rate_limited' | 'down' | 'refused';

export interface FakeRelay {
  /** The reply address to put in the account's settings. */
  url: string;
  replies: RelayedReply[];
  /** Requests it refused for a bad signature or date, wrong path or method. */
  unexpected: string[];
  failNext(...failures: RelayFailure[]): void;
  close(): Promise<void>;
}

export async function startFakeRelay(secret: string, now: () => Date): Promise<FakeRelay> {
  const replies: RelayedReply[] = [];
  const unexpected: string[] = [];
  const failures: RelayFailure[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const answer = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(json));
      };
      if (req.method !== 'POST' || req.url !== '/replies') {
        unexpected.push(`${req.method} ${req.url}`);
        return answer(404, { detail: 'no such address' });
      }
      const timestamp = String(req.headers['x-comptoir-timestamp'] ?? '');
      const given = Buffer.from(String(req.headers['x-comptoir-signature'] ?? ''));
      const expected = Buffer.from(hmac(secret, `${timestamp}.${body}`));
      if (given.length !== expected.length || !timingSafeEqual(given, expected) || Math.abs(now().getTime() / 1000 - Number(timestamp)) > 300) {
        unexpected.push(`bad signature or date: ${timestamp}`);
        return answer(401, { detail: 'signature' });
      }
      const failure = failures.shift();
      if (failure === 'rate_limited') return answer(429, { detail: 'Amazon throttles this seller' }, { 'retry-after': '60' });
      if (failure === 'down') return answer(503, { detail: 'relay restarting' });
      if (failure === 'refused') return answer(422, { detail: 'Amazon refuses messages with external links' });
      const messageId = `R-${randomBytes(6).toString('hex')}`;
      replies.push({ messageId, body: JSON.parse(body) as Record<string, unknown>, timestamp });
      answer(201, { messageId });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/replies`,
    replies,
    unexpected,
    failNext: (...f) => void failures.push(...f),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
