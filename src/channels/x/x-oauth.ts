// Renewing an X user access token (OAuth 2.0, X's docs "Authorization Code Flow with PKCE"):
// POST /2/oauth2/token, form-encoded grant_type=refresh_token, the refresh token and the
// app's client_id; a confidential client also authenticates with HTTP Basic
// (client_id:client_secret), a public client has no secret to send. X answers a new access
// token, its lifetime (expires_in, two hours) and a new refresh token: the one sent is spent.
// A refusal (a spent or revoked refresh token, a wrong client) will be refused again: only an
// admin authorising the app anew mends it, so it is told apart from X being unreachable.
import { ProviderError } from '../provider-errors.ts';
import { rateLimitResetOf } from './x-client.ts';

export const X_TOKEN_PATH = '/2/oauth2/token';

export interface XOAuthApp {
  clientId: string;
  /** Only for a confidential client. */
  clientSecret?: string | undefined;
}

/** What X granted: the new access token, when it expires, and the refresh token that replaces the one spent. */
export interface XTokenGrant {
  accessToken: string;
  /** Null when X sent none: the one spent stays (X rotates it on every renewal, other servers may not). */
  refreshToken: string | null;
  expiresAt: Date | null;
  scope: string | null;
}

/** X refused the renewal: the refresh token or the client is no good, and trying again will not change it. */
export class XRefreshRefused extends ProviderError {
  constructor(message: string, providerCode: string) {
    super('auth', message, { providerCode });
    this.name = 'XRefreshRefused';
  }
}

/** The token endpoint's answers: RFC 6749's, with X's own `errors` list beside them at times. */
interface TokenAnswer {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  scope?: unknown;
  token_type?: unknown;
  error?: unknown;
  error_description?: unknown;
}

const TIMEOUT_MS = 20_000;

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** RFC 6749 §5.2 answers, and whatever else an endpoint says, as one error. */
export function tokenError(status: number, body: TokenAnswer | null, headers: Headers, now: Date): ProviderError {
  const code = text(body?.error);
  const message = [code, text(body?.error_description)].filter(Boolean).join(': ') || `HTTP ${status}`;
  if (status === 429) return new ProviderError('temporary', `X rate limit on token renewal: ${message}`, { providerCode: 429, retryAt: rateLimitResetOf(headers, now) });
  if (status >= 500) return new ProviderError('temporary', `X could not renew the token: ${message}`, { providerCode: status });
  // invalid_grant (spent, revoked or expired refresh token), invalid_request (X's answer to a
  // spent one: "Value passed for the token was invalid."), invalid_client/unauthorized_client
  // (a wrong client id or secret, a missing Basic header): the same request is refused again.
  if (status === 400 || status === 401 || status === 403) return new XRefreshRefused(message, code ?? String(status));
  return new ProviderError('temporary', `X answered the token renewal with HTTP ${status}: ${message}`, { providerCode: status });
}

export async function refreshXToken(o: { apiBaseUrl: string; app: XOAuthApp; refreshToken: string; now: Date; timeoutMs?: number }): Promise<XTokenGrant> {
  const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: o.refreshToken, client_id: o.app.clientId });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (o.app.clientSecret) headers.authorization = `Basic ${Buffer.from(`${o.app.clientId}:${o.app.clientSecret}`).toString('base64')}`;
  let response: Response;
  try {
    response = await fetch(`${o.apiBaseUrl}${X_TOKEN_PATH}`, { method: 'POST', headers, body: form.toString(), signal: AbortSignal.timeout(o.timeoutMs ?? TIMEOUT_MS) });
  } catch (error) {
    throw new ProviderError('temporary', `X unreachable to renew the token: ${(error as Error).message}`, { cause: error });
  }
  const answer = (await response.json().catch(() => null)) as TokenAnswer | null;
  if (!response.ok) throw tokenError(response.status, answer, response.headers, o.now);
  const accessToken = text(answer?.access_token);
  if (!accessToken || (answer?.token_type !== undefined && String(answer.token_type).toLowerCase() !== 'bearer')) {
    throw new ProviderError('temporary', `X answered the token renewal without a bearer access token (token_type ${String(answer?.token_type)})`);
  }
  const lifetime = typeof answer?.expires_in === 'number' ? answer.expires_in : Number(answer?.expires_in);
  return {
    accessToken,
    refreshToken: text(answer?.refresh_token),
    expiresAt: Number.isFinite(lifetime) && lifetime > 0 ? new Date(o.now.getTime() + lifetime * 1000) : null,
    scope: text(answer?.scope),
  };
}
