// A local X for tests, both ways. As X's Account Activity sender, it runs the CRC against a
// webhook (GET ?crc_token=…&nonce=…, checking the response token) and posts events signed
// with the app's consumer secret (x-twitter-webhooks-signature). As the X API v2, it serves
// POST /2/tweets, POST /2/dm_conversations/with/:participant_id/messages and GET /2/users/me
// with bearer tokens, answers as X does (201 with data, problem JSON errors: 401, 403 for a
// duplicate text or a reply to an unknown tweet, 400 for an invalid id), records what it was
// sent, and counts each user's calls per endpoint in a window: past the limit, 429 with the
// x-rate-limit-* headers until the window resets (on the clock the test gives it). It shares
// no code with the client it tests. Anything else it is sent is recorded in `unexpected`.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeXUser {
  id: string;
  username: string;
  name: string;
}

export interface FakeTweet {
  id: string;
  authorId: string;
  text: string;
  inReplyTo: string | null;
}

export interface FakeDm {
  dmEventId: string;
  dmConversationId: string;
  senderId: string;
  participantId: string;
  text: string;
}

export interface RateLimit {
  /** Calls per user and endpoint in one window. */
  limit: number;
  windowSeconds: number;
}

export interface Delivered {
  status: number;
  body: string;
}

export interface FakeX {
  url: string;
  consumerSecret: string;
  /** The brand's account (the first user), and its access token. */
  brand: FakeXUser;
  tokenOf(userId: string): string;
  tweets: FakeTweet[];
  dms: FakeDm[];
  /** Requests the real API would not have answered (wrong path, method, body…). */
  unexpected: string[];
  /** Calls answered 429, in order ("POST /2/tweets"). */
  limited: string[];
  setRateLimit(limit: RateLimit): void;
  /** A tweet X knows (one it delivered): replies may answer it. */
  knowTweet(id: string): void;
  failNext(...failures: ('server_error' | 'unauthorized')[]): void;
  /** X's CRC against a webhook: whether it answered the token signed with our consumer secret. */
  crc(webhookUrl: string): Promise<{ ok: boolean; status: number; body: string }>;
  /** The body and headers X would post for this payload (signed unless told otherwise). */
  signed(payload: unknown, options?: { secret?: string }): { body: string; headers: Record<string, string> };
  /** Posts a payload to a webhook as X does; the tweets in it become tweets X knows. */
  deliver(webhookUrl: string, payload: unknown, options?: { secret?: string; signature?: string | null }): Promise<Delivered>;
  close(): Promise<void>;
}

const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('').replace(/^0/, '1');
const sign = (secret: string, message: string) => `sha256=${createHmac('sha256', secret).update(message).digest('base64')}`;

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** X's v2 problem answer. */
const problem = (status: number, title: string, detail: string, type = 'about:blank') => ({ title, detail, type, status });

/** X's count, roughly: links weigh 23 (t.co), CJK and emoji 2, the rest 1. */
const weight = (text: string) =>
  [...text.replace(/https?:\/\/\S+/g, '')].reduce((n, c) => n + (/[\u1100-\uffff]|\p{Extended_Pictographic}/u.test(c) && !/[\u2000-\u206f]/.test(c) ? 2 : 1), 0) +
  (text.match(/https?:\/\/\S+/g)?.length ?? 0) * 23;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeX(options: { brand?: Partial<FakeXUser>; others?: FakeXUser[]; now?: () => Date; rateLimit?: RateLimit } = {}): Promise<FakeX> {
  const now = options.now ?? (() => new Date());
  const consumerSecret = randomBytes(25).toString('base64url');
  const brand: FakeXUser = { id: digits(19), username: 'JardinMaison', name: 'Jardin & Maison', ...options.brand };
  const users = [brand, ...(options.others ?? [])];
  const tokens = new Map(users.map((u) => [`${randomBytes(30).toString('base64url')}`, u]));
  const tweets: FakeTweet[] = [];
  const dms: FakeDm[] = [];
  const known = new Set<string>();
  const unexpected: string[] = [];
  const limited: string[] = [];
  const failures: ('server_error' | 'unauthorized')[] = [];
  let rateLimit: RateLimit = options.rateLimit ?? { limit: 100, windowSeconds: 15 * 60 };
  /** Per user and endpoint: the window's end (epoch seconds) and the calls in it. */
  const windows = new Map<string, { reset: number; used: number }>();

  /** Counts the call; the rate limit headers to send, and whether it is over the limit. */
  function count(userId: string, endpoint: string): { headers: Record<string, string>; over: boolean } {
    const seconds = Math.floor(now().getTime() / 1000);
    const key = `${userId} ${endpoint}`;
    let w = windows.get(key);
    if (!w || seconds >= w.reset) windows.set(key, (w = { reset: seconds + rateLimit.windowSeconds, used: 0 }));
    const over = w.used >= rateLimit.limit;
    if (!over) w.used++;
    return {
      over,
      headers: { 'x-rate-limit-limit': String(rateLimit.limit), 'x-rate-limit-remaining': String(rateLimit.limit - w.used), 'x-rate-limit-reset': String(w.reset) },
    };
  }

  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const path = (req.url ?? '').split('?')[0] ?? '';
      const dm = /^\/2\/dm_conversations\/with\/([^/]+)\/messages$/.exec(path);
      const route = req.method === 'GET' && path === '/2/users/me' ? 'me' : req.method === 'POST' && path === '/2/tweets' ? 'tweet' : req.method === 'POST' && dm ? 'dm' : null;
      if (!route) {
        unexpected.push(`${req.method} ${req.url}`);
        return reply(res, 404, problem(404, 'Not Found Error', 'Sorry, that page does not exist.', 'https://api.twitter.com/2/problems/resource-not-found'));
      }
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const user = bearer ? tokens.get(bearer) : undefined;
      const failure = failures.shift();
      if (!user || failure === 'unauthorized') return reply(res, 401, problem(401, 'Unauthorized', 'Unauthorized'));
      if (route === 'me') return reply(res, 200, { data: { id: user.id, name: user.name, username: user.username } });

      const endpoint = route === 'tweet' ? 'POST /2/tweets' : 'POST /2/dm_conversations/with/:participant_id/messages';
      const limit = count(user.id, endpoint);
      if (limit.over) {
        limited.push(endpoint);
        return reply(res, 429, problem(429, 'Too Many Requests', 'Too Many Requests'), limit.headers);
      }
      if (failure === 'server_error') return reply(res, 503, problem(503, 'Service Unavailable', 'Service Unavailable'), limit.headers);
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        unexpected.push(`content-type ${req.headers['content-type']}`);
        return reply(res, 415, problem(415, 'Unsupported Media Type', 'Unsupported Media Type'), limit.headers);
      }
      let body: { text?: unknown; reply?: { in_reply_to_tweet_id?: unknown } };
      try {
        body = JSON.parse(raw) as typeof body;
      } catch {
        unexpected.push(`invalid JSON: ${raw.slice(0, 100)}`);
        return reply(res, 400, problem(400, 'Invalid Request', 'One or more parameters to your request was invalid.', 'https://api.twitter.com/2/problems/invalid-request'), limit.headers);
      }
      const text = typeof body.text === 'string' ? body.text : '';

      if (route === 'tweet') {
        const inReplyTo = body.reply?.in_reply_to_tweet_id;
        if (typeof inReplyTo !== 'string' || !/^\d{1,19}$/.test(inReplyTo)) {
          unexpected.push(`a tweet that answers no tweet: ${raw.slice(0, 200)}`);
          return reply(
            res,
            400,
            {
              errors: [{ parameters: { 'reply.in_reply_to_tweet_id': [String(inReplyTo)] }, message: `The \`reply.in_reply_to_tweet_id\` query parameter value [${String(inReplyTo)}] is not valid` }],
              title: 'Invalid Request',
              detail: 'One or more parameters to your request was invalid.',
              type: 'https://api.twitter.com/2/problems/invalid-request',
            },
            limit.headers,
          );
        }
        if (!known.has(inReplyTo)) return reply(res, 403, problem(403, 'Forbidden', 'You attempted to reply to a Tweet that is deleted or not visible to you.'), limit.headers);
        if (weight(text) > 280) return reply(res, 403, problem(403, 'Forbidden', 'Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.'), limit.headers);
        if (tweets.some((t) => t.authorId === user.id && t.text === text)) return reply(res, 403, problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.'), limit.headers);
        const id = digits(19);
        tweets.push({ id, authorId: user.id, text, inReplyTo });
        known.add(id);
        return reply(res, 201, { data: { id, text, edit_history_tweet_ids: [id] } }, limit.headers);
      }

      const participant = decodeURIComponent(dm![1]!);
      if (!/^\d{1,19}$/.test(participant)) {
        return reply(
          res,
          400,
          {
            errors: [{ parameters: { participant_id: [participant] }, message: `The \`participant_id\` query parameter value [${participant}] is not valid` }],
            title: 'Invalid Request',
            detail: 'One or more parameters to your request was invalid.',
            type: 'https://api.twitter.com/2/problems/invalid-request',
          },
          limit.headers,
        );
      }
      if (!text || [...text].length > 10_000) return reply(res, 400, problem(400, 'Invalid Request', 'One or more parameters to your request was invalid.', 'https://api.twitter.com/2/problems/invalid-request'), limit.headers);
      const [a, b] = [user.id, participant].sort();
      const sent: FakeDm = { dmEventId: digits(19), dmConversationId: `${a}-${b}`, senderId: user.id, participantId: participant, text };
      dms.push(sent);
      return reply(res, 201, { data: { dm_conversation_id: sent.dmConversationId, dm_event_id: sent.dmEventId } }, limit.headers);
    })().catch((e: unknown) => {
      unexpected.push(`fake crashed: ${(e as Error).message}`);
      res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const signed: FakeX['signed'] = (payload, o = {}) => {
    const body = JSON.stringify(payload);
    return { body, headers: { 'content-type': 'application/json; charset=utf-8', 'x-twitter-webhooks-signature': sign(o.secret ?? consumerSecret, body) } };
  };

  return {
    url: `http://127.0.0.1:${port}`,
    consumerSecret,
    brand,
    tokenOf(userId) {
      for (const [token, u] of tokens) if (u.id === userId) return token;
      throw new Error(`no user ${userId} on the fake X`);
    },
    tweets,
    dms,
    unexpected,
    limited,
    signed,
    setRateLimit: (limit) => void ((rateLimit = limit), windows.clear()),
    knowTweet: (id) => void known.add(id),
    failNext: (...f) => void failures.push(...f),
    async crc(webhookUrl) {
      const token = randomBytes(24).toString('base64url');
      const url = new URL(webhookUrl);
      url.searchParams.set('crc_token', token);
      url.searchParams.set('nonce', randomBytes(8).toString('hex'));
      const res = await fetch(url);
      const body = await res.text();
      let answered: unknown = null;
      try {
        answered = (JSON.parse(body) as { response_token?: unknown }).response_token;
      } catch {
        // not JSON: the check fails
      }
      return { ok: res.status === 200 && answered === sign(consumerSecret, token), status: res.status, body };
    },
    async deliver(webhookUrl, payload, o = {}) {
      const { body, headers } = signed(payload, o.secret ? { secret: o.secret } : {});
      for (const t of (payload as { tweet_create_events?: { id_str?: string }[] }).tweet_create_events ?? []) if (t.id_str) known.add(t.id_str);
      if (o.signature !== undefined) {
        if (o.signature === null) delete headers['x-twitter-webhooks-signature'];
        else headers['x-twitter-webhooks-signature'] = o.signature;
      }
      const res = await fetch(webhookUrl, { method: 'POST', headers, body });
      return { status: res.status, body: await res.text() };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
