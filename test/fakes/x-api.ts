// A local X for tests, both ways. As X's Account Activity sender, it runs the CRC against a
// webhook (GET ?crc_token=…&nonce=…, checking the response token) and posts events signed
// with the app's consumer secret (x-twitter-webhooks-signature). As the X API v2, it serves
// POST /2/tweets, POST /2/dm_conversations/with/:participant_id/messages and GET /2/users/me
// with bearer tokens, answers as X does (201 with data, problem JSON errors: 401, 403 for a
// duplicate text or a reply to an unknown tweet, 400 for an invalid id), records what it was
// sent, and counts each user's calls per endpoint in a window: past the limit, 429 with the
// x-rate-limit-* headers until the window resets (on the clock the test gives it). As X's
// OAuth 2.0 server, it serves POST /2/oauth2/token (grant_type=refresh_token, form-encoded,
// client_id, HTTP Basic for its confidential app): access tokens it issues expire (two hours
// by default, on the same clock) and are then answered 401 by the API, each renewal spends the
// refresh token sent and issues a new one, and a spent or revoked refresh token is refused with
// invalid_grant. It shares no code with the client it tests. Anything else it is sent is
// recorded in `unexpected`.
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

/** What X hands over at the end of the authorization flow (with offline.access). */
export interface FakeGrant {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
}

export interface FakeRefresh {
  clientId: string;
  /** Whether the client authenticated with HTTP Basic (a confidential client). */
  basic: boolean;
  refreshToken: string;
  /** The answer's status: 200, or X's refusal. */
  status: number;
  /** What it issued, when it renewed. */
  issued: { accessToken: string; refreshToken: string } | null;
}

export interface Delivered {
  status: number;
  body: string;
}

export interface FakeX {
  url: string;
  consumerSecret: string;
  /** The brand's account (the first user), and its access token (one that never expires). */
  brand: FakeXUser;
  tokenOf(userId: string): string;
  /** The app's OAuth 2.0 credentials: a confidential client, and the client id of a public one. */
  app: { clientId: string; clientSecret: string; publicClientId: string };
  /** The tokens a user's authorisation of the app yields: an access token that expires, and a refresh token. */
  authorize(userId: string, options?: { clientId?: string }): FakeGrant;
  /** X stops taking this access token (its time is up, or it was revoked): the API answers 401. */
  expire(accessToken: string): void;
  /** The user revoked the app: this refresh token is refused. */
  revoke(refreshToken: string): void;
  /** Every renewal asked of the token endpoint, in order. */
  refreshes: FakeRefresh[];
  /** API calls answered 401 for an unknown or expired token ("POST /2/tweets"). */
  refused: string[];
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
  /** The token endpoint's next answers fail so (503, or 429 with a reset). */
  failNextRefresh(...failures: ('server_error' | 'rate_limited')[]): void;
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

export async function startFakeX(
  options: { brand?: Partial<FakeXUser>; others?: FakeXUser[]; now?: () => Date; rateLimit?: RateLimit; tokenLifetimeSeconds?: number } = {},
): Promise<FakeX> {
  const now = options.now ?? (() => new Date());
  const consumerSecret = randomBytes(25).toString('base64url');
  const brand: FakeXUser = { id: digits(19), username: 'JardinMaison', name: 'Jardin & Maison', ...options.brand };
  const users = [brand, ...(options.others ?? [])];
  const newToken = () => randomBytes(30).toString('base64url');
  /** Access tokens: whose, and until when (epoch ms; null: the long-lived ones tokenOf gives). */
  const tokens = new Map<string, { user: FakeXUser; expiresAt: number | null }>(users.map((u) => [newToken(), { user: u, expiresAt: null }]));
  const app = { clientId: randomBytes(18).toString('base64url'), clientSecret: randomBytes(36).toString('base64url'), publicClientId: randomBytes(18).toString('base64url') };
  /** Refresh tokens: whose, issued to which client, and whether still good. */
  const refreshTokens = new Map<string, { user: FakeXUser; clientId: string; state: 'live' | 'spent' | 'revoked' }>();
  const refreshes: FakeRefresh[] = [];
  const refused: string[] = [];
  const refreshFailures: ('server_error' | 'rate_limited')[] = [];
  const tokenLifetime = options.tokenLifetimeSeconds ?? 7200;
  const SCOPE = 'tweet.read tweet.write users.read dm.read dm.write offline.access';

  function grant(user: FakeXUser, clientId: string): FakeGrant {
    const accessToken = newToken();
    const refreshToken = newToken();
    const expiresAt = now().getTime() + tokenLifetime * 1000;
    tokens.set(accessToken, { user, expiresAt });
    refreshTokens.set(refreshToken, { user, clientId, state: 'live' });
    return { accessToken, refreshToken, expiresAt: new Date(expiresAt) };
  }

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

  /** POST /2/oauth2/token: renews an access token as X's OAuth 2.0 server does; every request is recorded. */
  function renew(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const form = new URLSearchParams(raw);
    const clientId = form.get('client_id') ?? '';
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}, issued: FakeGrant | null = null) => {
      refreshes.push({ clientId, basic: !!basic, refreshToken: form.get('refresh_token') ?? '', status, issued: issued && { accessToken: issued.accessToken, refreshToken: issued.refreshToken } });
      reply(res, status, body, headers);
    };
    const refuse = (status: number, error: string, description: string) => answer(status, { error, error_description: description });
    if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      unexpected.push(`token request as ${req.headers['content-type']}`);
      return refuse(400, 'invalid_request', 'Missing required parameter [grant_type].');
    }
    const failure = refreshFailures.shift();
    if (failure === 'server_error') return answer(503, problem(503, 'Service Unavailable', 'Service Unavailable'));
    if (failure === 'rate_limited') {
      const reset = String(Math.floor(now().getTime() / 1000) + 900);
      return answer(429, problem(429, 'Too Many Requests', 'Too Many Requests'), { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': reset });
    }
    if (form.get('grant_type') !== 'refresh_token') {
      unexpected.push(`grant_type ${form.get('grant_type')}`);
      return refuse(400, 'unsupported_grant_type', 'Value passed for the grant_type was invalid.');
    }
    if (!clientId) return refuse(400, 'invalid_request', 'Missing required parameter [client_id].');
    if (clientId === app.clientId) {
      // A confidential client proves itself with HTTP Basic; X answers a missing or wrong one so.
      if (basic !== Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')) return refuse(401, 'unauthorized_client', 'Missing valid authorization header');
    } else if (clientId !== app.publicClientId) {
      return refuse(401, 'invalid_client', 'Value passed for the client_id was invalid.');
    }
    const held = refreshTokens.get(form.get('refresh_token') ?? '');
    if (!held || held.state !== 'live' || held.clientId !== clientId) return refuse(400, 'invalid_grant', 'Value passed for the token was invalid.');
    held.state = 'spent';
    const fresh = grant(held.user, clientId);
    return answer(200, { token_type: 'bearer', expires_in: tokenLifetime, access_token: fresh.accessToken, scope: SCOPE, refresh_token: fresh.refreshToken }, {}, fresh);
  }

  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const path = (req.url ?? '').split('?')[0] ?? '';
      const dm = /^\/2\/dm_conversations\/with\/([^/]+)\/messages$/.exec(path);
      if (req.method === 'POST' && path === '/2/oauth2/token') return renew(req, res, raw);
      const route = req.method === 'GET' && path === '/2/users/me' ? 'me' : req.method === 'POST' && path === '/2/tweets' ? 'tweet' : req.method === 'POST' && dm ? 'dm' : null;
      if (!route) {
        unexpected.push(`${req.method} ${req.url}`);
        return reply(res, 404, problem(404, 'Not Found Error', 'Sorry, that page does not exist.', 'https://api.twitter.com/2/problems/resource-not-found'));
      }
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const held = bearer ? tokens.get(bearer) : undefined;
      const user = held && (held.expiresAt === null || held.expiresAt > now().getTime()) ? held.user : undefined;
      const failure = failures.shift();
      if (!user || failure === 'unauthorized') {
        refused.push(`${req.method} ${path}`);
        return reply(res, 401, problem(401, 'Unauthorized', 'Unauthorized'));
      }
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
      for (const [token, held] of tokens) if (held.user.id === userId && held.expiresAt === null) return token;
      throw new Error(`no user ${userId} on the fake X`);
    },
    app,
    authorize(userId, o = {}) {
      const user = users.find((u) => u.id === userId);
      if (!user) throw new Error(`no user ${userId} on the fake X`);
      return grant(user, o.clientId ?? app.clientId);
    },
    expire(accessToken) {
      const held = tokens.get(accessToken);
      if (!held) throw new Error('the fake X never issued this access token');
      held.expiresAt = now().getTime();
    },
    revoke(refreshToken) {
      const held = refreshTokens.get(refreshToken);
      if (!held) throw new Error('the fake X never issued this refresh token');
      held.state = 'revoked';
    },
    refreshes,
    refused,
    failNextRefresh: (...f) => void refreshFailures.push(...f),
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
