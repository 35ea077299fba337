// A local Twilio for tests: the Messages endpoint of the REST API as documented (HTTP Basic
// with the account SID and auth token, form-encoded fields, a 201 JSON message resource with
// an SM… sid and status "queued", JSON errors with Twilio's codes), the Account resource
// (GET /2010-04-01/Accounts/{sid}.json, what a connection test fetches), and status callbacks
// signed the way Twilio signs them. It also plays the customer's side: an inbound SMS or MMS
// as Twilio posts it to a number's webhook (signed, with Twilio's fields), the MMS files behind
// MediaUrl{N} (Basic auth, then a redirect to a media store on another origin that refuses
// credentials, as Twilio's does), and Twilio's own STOP filtering — a number that texted a
// default opt-out word is refused with 21610 until it texts START. It shares no code with the
// client it tests. Anything else it is sent is recorded in `unexpected` (tests assert it stays
// empty).
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSms {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
}

/** Documented failures the next requests answer with, in order. */
export type TwilioFailure = 'invalid_number' | 'authentication' | 'too_many_requests' | 'server_error' | 'unsubscribed';

/** A file of an MMS, as the customer's phone sent it. */
export interface FakeMedia {
  contentType: string;
  content: Buffer;
}

/** A request to the media resources: what a test checks of how files were fetched. */
export interface MediaRequest {
  /** `api` (the MediaUrl, Basic auth required) or `store` (where it redirects). */
  host: 'api' | 'store';
  path: string;
  authorization: string | null;
  status: number;
}

export interface InboundSms {
  from: string;
  to: string;
  body?: string;
  media?: FakeMedia[];
  /** What Advanced Opt-Out adds when the message matched one of a Messaging Service's lists. */
  optOutType?: 'STOP' | 'START' | 'HELP';
  messagingServiceSid?: string;
}

export interface SignedCallback {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface FakeTwilio {
  url: string;
  accountSid: string;
  authToken: string;
  messages: FakeSms[];
  /** Requests the real API would not have answered with a message (wrong path, method…). */
  unexpected: string[];
  failNext(...failures: TwilioFailure[]): void;
  /** What the Account resource says of the account (active unless changed). */
  setAccountStatus(status: 'active' | 'suspended' | 'closed'): void;
  /** The status callback Twilio would POST for this message, signed. */
  statusCallback(sid: string, status: 'sent' | 'delivered' | 'undelivered' | 'failed', errorCode?: string): SignedCallback;
  /**
   * The POST Twilio makes to `url` (the number's "A message comes in" webhook) for an SMS, or an
   * MMS when it carries media, signed. Its files are served from then on; an opt-out word
   * blocks the number here too, as Twilio's STOP filtering does.
   */
  inboundSms(url: string, sms: InboundSms): SignedCallback & { sid: string; mediaUrls: string[] };
  /** Numbers Twilio refuses to send to (they texted STOP). */
  blocked: Set<string>;
  mediaRequests: MediaRequest[];
  /** Makes a file's address answer 404, as after the media was deleted. */
  deleteMedia(mediaUrl: string): void;
  close(): Promise<void>;
}

// Twilio's default keywords (long codes, no Advanced Opt-Out): its STOP filtering, not ours.
const TWILIO_STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const TWILIO_START = new Set(['START', 'YES', 'UNSTOP']);

/**
 * A signed request of the fake, as Fastify's inject takes it: the path and query of the URL it
 * was signed for (our public address stands for the server under test), `headers` over its own.
 */
export function asInjection(signed: SignedCallback, headers: Record<string, string> = {}) {
  const u = new URL(signed.url);
  return { method: 'POST' as const, url: u.pathname + u.search, headers: { ...signed.headers, ...headers }, payload: signed.body };
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

function sign(authToken: string, url: string, fields: [string, string][]): string {
  const sorted = [...fields].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1));
  return createHmac('sha1', authToken)
    .update(url + sorted.map(([k, v]) => k + v).join(''), 'utf8')
    .digest('base64');
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function error(res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}): void {
  reply(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, headers);
}

function listen(server: ReturnType<typeof createServer>): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeTwilio(): Promise<FakeTwilio> {
  const accountSid = `AC${hex(16)}`;
  const authToken = hex(16);
  const messages: FakeSms[] = [];
  const unexpected: string[] = [];
  const failures: TwilioFailure[] = [];
  let accountStatus = 'active';
  const blocked = new Set<string>();
  /** Media by the path of its MediaUrl, and the one-time store keys it redirects to. */
  const media = new Map<string, FakeMedia>();
  const stored = new Map<string, FakeMedia>();
  const mediaRequests: MediaRequest[] = [];
  const authorized = (req: IncomingMessage, sid: string | undefined) =>
    req.headers.authorization === `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}` && sid === accountSid;

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = (req.url ?? '').split('?')[0];
      const account = /^\/2010-04-01\/Accounts\/([^/]+)\.json$/.exec(path ?? '');
      if (req.method === 'GET' && account) {
        if (!authorized(req, account[1])) return error(res, 401, 20003, 'Authenticate');
        return reply(res, 200, {
          sid: accountSid,
          friendly_name: 'Comptoir test account',
          status: accountStatus,
          type: 'Full',
          auth_token: authToken,
          owner_account_sid: accountSid,
          date_created: 'Mon, 2 Mar 2026 10:00:00 +0000',
          uri: `/2010-04-01/Accounts/${accountSid}.json`,
        });
      }
      const file = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/MM[0-9a-f]{32}\/Media\/ME[0-9a-f]{32}$/.exec(path ?? '');
      if (req.method === 'GET' && file) {
        const record = (status: number) => mediaRequests.push({ host: 'api', path: path!, authorization: req.headers.authorization ?? null, status });
        if (!authorized(req, file[1])) {
          record(401);
          return error(res, 401, 20003, 'Authenticate');
        }
        const found = media.get(path!);
        if (!found) {
          record(404);
          return error(res, 404, 20404, 'The requested resource was not found');
        }
        // Like Twilio: a redirect to a short-lived address on the media store.
        const key = hex(16);
        stored.set(key, found);
        record(307);
        res.writeHead(307, { location: `${storeUrl}/media/${key}`, 'content-length': '0' });
        return res.end();
      }
      const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path ?? '');
      if (req.method !== 'POST' || !match) {
        unexpected.push(`${req.method} ${req.url}`);
        return error(res, 404, 20404, 'The requested resource was not found');
      }
      if (!authorized(req, match[1])) return error(res, 401, 20003, 'Authenticate');
      if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        unexpected.push(`content-type ${req.headers['content-type']}`);
        return error(res, 400, 20001, 'Unsupported content type');
      }
      const failure = failures.shift();
      if (failure === 'authentication') return error(res, 401, 20003, 'Authenticate');
      if (failure === 'too_many_requests') return error(res, 429, 20429, 'Too Many Requests', { 'retry-after': '30' });
      if (failure === 'server_error') return error(res, 503, 20500, 'Service unavailable');
      if (failure === 'unsubscribed' || blocked.has(new URLSearchParams(body).get('To') ?? '')) {
        return error(res, 400, 21610, 'Attempt to send to unsubscribed recipient');
      }

      const form = new URLSearchParams(body);
      const to = form.get('To') ?? '';
      const from = form.get('From');
      const service = form.get('MessagingServiceSid');
      const text = form.get('Body') ?? '';
      const callback = form.get('StatusCallback');
      if (!to) return error(res, 400, 21604, "A 'To' phone number is required.");
      if (failure === 'invalid_number' || !/^\+[1-9]\d{6,14}$/.test(to)) return error(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
      if (!from && !service) return error(res, 400, 21603, "A 'From' phone number is required.");
      if (!text) return error(res, 400, 21602, 'Message body is required.');
      if (text.length > 1600) return error(res, 400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
      if (callback && !/^https?:\/\/\S+$/.test(callback)) return error(res, 400, 21609, 'Invalid StatusCallback url');

      const sid = `SM${hex(16)}`;
      messages.push({ sid, to, from, messagingServiceSid: service, body: text, statusCallback: callback });
      const now = new Date().toUTCString().replace('GMT', '+0000');
      reply(res, 201, {
        sid,
        account_sid: accountSid,
        to,
        from,
        messaging_service_sid: service,
        body: text,
        status: 'queued',
        num_segments: String(text.length <= 160 ? 1 : Math.ceil(text.length / 153)),
        num_media: '0',
        direction: 'outbound-api',
        api_version: '2010-04-01',
        date_created: now,
        date_updated: now,
        date_sent: null,
        price: null,
        price_unit: 'USD',
        error_code: null,
        error_message: null,
        uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
      });
    })().catch((e: unknown) => {
      unexpected.push(`fake crashed: ${(e as Error).message}`);
      res.destroy();
    });
  });
  // The media store: another origin, keys good once, and like a presigned S3 address it
  // refuses a request that also carries credentials.
  const store = createServer((req, res) => {
    const key = /^\/media\/([0-9a-f]{32})$/.exec(req.url ?? '')?.[1];
    const found = key ? stored.get(key) : undefined;
    const status = !found ? 404 : req.headers.authorization ? 400 : 200;
    mediaRequests.push({ host: 'store', path: req.url ?? '', authorization: req.headers.authorization ?? null, status });
    if (status !== 200) {
      res.writeHead(status, { 'content-type': 'application/xml' });
      return res.end(status === 400 ? '<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed</Message></Error>' : '<Error><Code>NoSuchKey</Code></Error>');
    }
    stored.delete(key!);
    res.writeHead(200, { 'content-type': found!.contentType, 'content-length': String(found!.content.length) });
    res.end(found!.content);
  });
  const port = await listen(server);
  const storeUrl = `http://127.0.0.1:${await listen(store)}`;
  const apiUrl = `http://127.0.0.1:${port}`;

  return {
    url: apiUrl,
    accountSid,
    authToken,
    messages,
    unexpected,
    blocked,
    mediaRequests,
    deleteMedia: (mediaUrl) => void media.delete(new URL(mediaUrl).pathname),
    failNext: (...f) => void failures.push(...f),
    setAccountStatus: (status) => void (accountStatus = status),
    statusCallback(sid, status, errorCode) {
      const m = messages.find((x) => x.sid === sid);
      if (!m?.statusCallback) throw new Error(`no status callback was asked for ${sid}`);
      const fields: [string, string][] = [
        ['AccountSid', accountSid],
        ['ApiVersion', '2010-04-01'],
        ['From', m.from ?? '+33700000000'],
        ['MessageSid', sid],
        ['MessageStatus', status],
        ['SmsSid', sid],
        ['SmsStatus', status],
        ['To', m.to],
        ...(errorCode ? [['ErrorCode', errorCode] as [string, string]] : []),
      ];
      return {
        url: m.statusCallback,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sign(authToken, m.statusCallback, fields), 'i-twilio-idempotency-token': hex(16) },
        body: new URLSearchParams(fields).toString(),
      };
    },
    inboundSms(url, sms) {
      const files = sms.media ?? [];
      const sid = `${files.length ? 'MM' : 'SM'}${hex(16)}`;
      const mediaUrls = files.map((f) => {
        const path = `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media/ME${hex(16)}`;
        media.set(path, f);
        return `${apiUrl}${path}`;
      });
      const word = (sms.body ?? '').trim().toUpperCase();
      if (TWILIO_STOP.has(word)) blocked.add(sms.from);
      if (TWILIO_START.has(word)) blocked.delete(sms.from);
      const fields: [string, string][] = [
        ['ToCountry', 'FR'],
        ['ToState', ''],
        ['SmsMessageSid', sid],
        ['NumMedia', String(files.length)],
        ['ToCity', ''],
        ['FromZip', ''],
        ['SmsSid', sid],
        ['FromState', ''],
        ['SmsStatus', 'received'],
        ['FromCity', ''],
        ['Body', sms.body ?? ''],
        ['FromCountry', 'FR'],
        ['To', sms.to],
        ['ToZip', ''],
        ['NumSegments', '1'],
        ['MessageSid', sid],
        ['AccountSid', accountSid],
        ['From', sms.from],
        ['ApiVersion', '2010-04-01'],
        ...files.flatMap((f, i): [string, string][] => [
          [`MediaContentType${i}`, f.contentType],
          [`MediaUrl${i}`, mediaUrls[i]!],
        ]),
        ...(sms.messagingServiceSid ? [['MessagingServiceSid', sms.messagingServiceSid] as [string, string]] : []),
        ...(sms.optOutType ? [['OptOutType', sms.optOutType] as [string, string]] : []),
      ];
      return {
        sid,
        mediaUrls,
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sign(authToken, url, fields), 'i-twilio-idempotency-token': hex(16) },
        body: new URLSearchParams(fields).toString(),
      };
    },
    close: () => Promise.all([server, store].map((s) => new Promise<void>((resolve) => s.close(() => resolve())))).then(() => undefined),
  };
}
