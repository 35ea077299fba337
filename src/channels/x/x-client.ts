// The X API v2 client, with the brand account's user-context bearer token: a public reply
// (POST /2/tweets), a private message (POST /2/dm_conversations/with/{id}/messages), and who
// the token belongs to (GET /2/users/me, the connection test). X's errors become the few
// provider codes every channel speaks: a rate limit is temporary until the window X names
// resets, so the delivery waits for it instead of losing the message.
import { ProviderError } from '../provider-errors.ts';

export interface XClientOptions {
  /** https://api.x.com, or a local fake in tests. */
  apiBaseUrl: string;
  accessToken: string;
  now?: () => Date;
}

export interface XUser {
  id: string;
  username: string;
  name: string;
}

/** X's problem answers (v2), and the older `errors` list some endpoints still use. */
interface XAnswer {
  data?: Record<string, unknown>;
  errors?: { message?: string; code?: number; detail?: string }[];
  title?: string;
  detail?: string;
  type?: string;
}

const TIMEOUT_MS = 20_000;

/**
 * The windows X counts sends in (per 15 minutes, per user per 24 hours, per app per 24 hours),
 * as its response headers name them. Whichever is spent says when to come back; when none is
 * said to be spent, the 15-minute window's reset.
 */
const WINDOWS = [
  ['x-rate-limit-remaining', 'x-rate-limit-reset'],
  ['x-user-limit-24hour-remaining', 'x-user-limit-24hour-reset'],
  ['x-app-limit-24hour-remaining', 'x-app-limit-24hour-reset'],
] as const;

export function rateLimitResetOf(headers: Headers, now: Date): Date | null {
  const epoch = (name: string) => {
    const value = headers.get(name);
    return value && /^\d+$/.test(value) ? Number(value) : null;
  };
  const spent = WINDOWS.filter(([remaining]) => headers.get(remaining) === '0')
    .map(([, reset]) => epoch(reset))
    .filter((s): s is number => s !== null);
  const seconds = spent.length ? Math.max(...spent) : epoch('x-rate-limit-reset');
  if (seconds === null) return null;
  // A reset already past (clocks apart) still waits a moment rather than hammering X.
  return new Date(Math.max(seconds * 1000, now.getTime() + 1000));
}

/**
 * 403s that refuse this message, not our credentials: sending it again is refused again, but
 * the account is fine (a duplicate text, a text too long, a tweet gone, someone who takes no
 * DMs from us, a conversation the author did not open to us).
 */
const REFUSED_MESSAGE = [
  /duplicate/i,
  /too long|a bit shorter/i,
  /deleted or not visible/i,
  /not (?:allowed|permitted) to (?:send|reply)|cannot send messages/i,
  /not been mentioned/i,
];

/**
 * X answered 401: it no longer takes this access token (expired after its two hours, or
 * revoked). The one refusal a renewed token mends, unlike a 403 on the app or the account.
 */
export class XTokenRefused extends ProviderError {
  constructor(message: string, providerCode: string | number) {
    super('auth', message, { providerCode });
    this.name = 'XTokenRefused';
  }
}

function said(body: XAnswer | null): string | null {
  const listed = (body?.errors ?? []).map((e) => e.message ?? e.detail).filter((m): m is string => !!m);
  if (listed.length) return listed.join('; ');
  return body?.detail ?? body?.title ?? null;
}

/** X's answer as a ProviderError: its own words, its own code (a problem type, a v1.1 code) or the status. */
export function xError(status: number, body: XAnswer | null, headers: Headers, now: Date): ProviderError {
  const message = said(body) ?? `HTTP ${status}`;
  const type = body?.type && body.type !== 'about:blank' ? body.type.split('/').pop() : undefined;
  const providerCode = body?.errors?.[0]?.code ?? type ?? status;
  if (status === 429) return new ProviderError('temporary', `X rate limit: ${message}`, { providerCode, retryAt: rateLimitResetOf(headers, now) });
  if (status === 403 && REFUSED_MESSAGE.some((p) => p.test(message))) return new ProviderError('rejected', message, { providerCode });
  if (status === 401) return new XTokenRefused(message, providerCode);
  if (status === 403) return new ProviderError('auth', message, { providerCode });
  if (status === 404) return new ProviderError('not_found', message, { providerCode });
  if (status >= 500) return new ProviderError('temporary', message, { providerCode });
  // 400 and the rest: X refused this request as written; it would refuse it again.
  return new ProviderError('rejected', message, { providerCode });
}

export class XClient {
  private readonly options: XClientOptions;

  constructor(options: XClientOptions) {
    this.options = options;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async call(method: 'GET' | 'POST', path: string, body: unknown, timeoutMs: number): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await fetch(`${this.options.apiBaseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.options.accessToken}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ProviderError('temporary', `X unreachable: ${(error as Error).message}`, { cause: error });
    }
    const answer = (await response.json().catch(() => null)) as XAnswer | null;
    if (!response.ok) throw xError(response.status, answer, response.headers, this.now());
    // X may answer 200 with errors and no data (a partial failure): nothing was done.
    if (!answer?.data) throw xError(answer?.errors?.length ? 400 : 502, answer, response.headers, this.now());
    return answer.data;
  }

  /** The user the token speaks for. */
  async me(timeoutMs = TIMEOUT_MS): Promise<XUser> {
    const data = await this.call('GET', '/2/users/me', undefined, timeoutMs);
    return { id: String(data.id), username: String(data.username), name: String(data.name ?? data.username) };
  }

  /** A public reply under a tweet; returns the new tweet's id. */
  async reply(text: string, inReplyToTweetId: string): Promise<{ tweetId: string }> {
    const data = await this.call('POST', '/2/tweets', { text, reply: { in_reply_to_tweet_id: inReplyToTweetId } }, TIMEOUT_MS);
    if (typeof data.id !== 'string') throw new ProviderError('temporary', 'X answered without the new tweet’s id');
    return { tweetId: data.id };
  }

  /** A DM to a user (their X user id), in our one-to-one conversation with them. */
  async directMessage(participantId: string, text: string): Promise<{ dmEventId: string; dmConversationId: string | null }> {
    const data = await this.call('POST', `/2/dm_conversations/with/${encodeURIComponent(participantId)}/messages`, { text }, TIMEOUT_MS);
    if (typeof data.dm_event_id !== 'string') throw new ProviderError('temporary', 'X answered without the DM event id');
    return { dmEventId: data.dm_event_id, dmConversationId: typeof data.dm_conversation_id === 'string' ? data.dm_conversation_id : null };
  }
}
