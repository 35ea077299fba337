// Meta's Graph API, for one account: requests under {apiBaseUrl}/{graphVersion}, the token as a
// bearer, and appsecret_proof (the token's HMAC with the app secret) so a stolen token is no
// use without the secret, and apps that require it work. Graph's errors become the few
// provider codes every channel speaks, so the delivery decides retry or fail in one place.
import { createHmac } from 'node:crypto';
import type { Ctx } from '../../context.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { ProviderError } from '../provider-errors.ts';
import type { MetaSecrets, MetaSettings } from './meta.settings.ts';
import { graphRefusalText } from './meta.words.ts';

export interface GraphConfig {
  apiBaseUrl: string;
  graphVersion: string;
  /** Signs each token into appsecret_proof; null leaves it out. */
  appSecret: string | null;
}

/** Graph's error object: {error: {message, type, code, error_subcode, error_data, fbtrace_id}}. */
export interface GraphErrorBody {
  error?: { message?: string; type?: string; code?: number; error_subcode?: number; error_user_msg?: string; error_data?: { details?: string } | string; fbtrace_id?: string };
}

const TIMEOUT_MS = 20_000;

// Graph's throttling codes: application (4), user (17), Page (32), call rate (613), business
// use case (80001…80009), WhatsApp throughput (130429), pair rate (131056), spam rate (131048).
const rateLimited = new Set([4, 17, 32, 613, 80001, 80002, 80004, 80005, 80006, 80007, 80008, 80009, 130429, 131048, 131056]);
// Meta's own failures: unknown (1), service (2), WhatsApp's "something went wrong" and unavailable.
const serviceFailures = new Set([1, 2, 131000, 131016, 133004]);
// Messenger (2018278) and Instagram (2534022) say "outside of allowed window" under the permission code 10.
const windowSubcodes = new Set([2018278, 2534022]);

/** When Meta says access comes back: Retry-After, or the business use case's estimate (minutes). */
function retryAtOf(headers: Headers, now: Date): Date | null {
  const after = headers.get('retry-after');
  if (after && /^\d+$/.test(after)) return new Date(now.getTime() + Number(after) * 1000);
  const usage = headers.get('x-business-use-case-usage');
  if (!usage) return null;
  try {
    const parsed = JSON.parse(usage) as Record<string, { estimated_time_to_regain_access?: number }[]>;
    const minutes = Math.max(0, ...Object.values(parsed).flatMap((list) => (Array.isArray(list) ? list : []).map((u) => Number(u.estimated_time_to_regain_access) || 0)));
    return minutes > 0 ? new Date(now.getTime() + minutes * 60_000) : null;
  } catch {
    return null;
  }
}

/** A Graph error (or its absence) as a ProviderError. */
export function graphError(status: number, body: GraphErrorBody | null, headers: Headers, now: Date, lang: Language): ProviderError {
  const e = body?.error ?? {};
  const code = typeof e.code === 'number' ? e.code : null;
  const subcode = typeof e.error_subcode === 'number' ? e.error_subcode : null;
  const details = typeof e.error_data === 'object' ? e.error_data?.details : undefined;
  const message = [e.message ?? `HTTP ${status}`, details && !e.message?.includes(details) ? details : null].filter(Boolean).join(': ');
  const providerCode = code === null ? status : subcode ? `${code}/${subcode}` : code;
  if (status === 429 || (code !== null && rateLimited.has(code))) return new ProviderError('temporary', `rate limited: ${message}`, { providerCode, retryAt: retryAtOf(headers, now) });
  if (code === 131047) return new ProviderError('rejected', graphRefusalText(lang, 'whatsapp_131047'), { providerCode });
  if (code === 10 && subcode !== null && windowSubcodes.has(subcode)) return new ProviderError('rejected', graphRefusalText(lang, 'outside_window'), { providerCode });
  if (code === 10900) return new ProviderError('rejected', graphRefusalText(lang, 'already_replied'), { providerCode });
  if (code === 10901 || code === 10902 || code === 10903) return new ProviderError('rejected', graphRefusalText(lang, 'cannot_reply'), { providerCode });
  // The token expired or was revoked (190, 102), or lacks a permission (3, 10, 200–299).
  if (code === 190 || code === 102 || code === 3 || code === 10 || (code !== null && code >= 200 && code <= 299)) return new ProviderError('auth', message, { providerCode });
  // A wrong app secret shows as an invalid parameter (100) about the proof: it is our credentials.
  if (code === 100 && /appsecret_proof/i.test(e.message ?? '')) return new ProviderError('auth', message, { providerCode });
  if (status >= 500 || (code !== null && serviceFailures.has(code))) return new ProviderError('temporary', message, { providerCode });
  if (code === null && (status === 401 || status === 403)) return new ProviderError('auth', message, { providerCode });
  if (code === null && status === 404) return new ProviderError('not_found', message, { providerCode });
  // 100 (invalid parameter), 551 (the person is not available), 131026 (undeliverable), template
  // errors (132xxx): this message is refused, and would be refused again.
  return new ProviderError('rejected', message, { providerCode });
}

export class GraphClient {
  private readonly config: GraphConfig;
  private readonly now: () => Date;
  private readonly lang: Language;

  constructor(config: GraphConfig, options: { now?: () => Date; lang?: Language } = {}) {
    this.config = config;
    this.now = options.now ?? (() => new Date());
    this.lang = options.lang ?? 'fr';
  }

  private url(path: string, token: string, query: Record<string, string> = {}): string {
    const url = new URL(`${this.config.apiBaseUrl.replace(/\/+$/, '')}/${this.config.graphVersion}/${path.replace(/^\/+/, '')}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    if (this.config.appSecret) url.searchParams.set('appsecret_proof', createHmac('sha256', this.config.appSecret).update(token).digest('hex'));
    return url.toString();
  }

  private async call<T>(method: 'GET' | 'POST', url: string, token: string, body: { json: unknown } | { form: Record<string, string> } | null, timeoutMs: number): Promise<T> {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body ? { 'content-type': 'json' in body ? 'application/json' : 'application/x-www-form-urlencoded' } : {}),
        },
        body: body ? ('json' in body ? JSON.stringify(body.json) : new URLSearchParams(body.form).toString()) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ProviderError('temporary', `Graph API unreachable: ${(error as Error).message}`, { cause: error });
    }
    const answer = (await response.json().catch(() => null)) as (T & GraphErrorBody) | null;
    if (!response.ok || answer?.error) throw graphError(response.status, answer, response.headers, this.now(), this.lang);
    if (answer === null) throw new ProviderError('temporary', `Graph API answered ${response.status} without JSON`);
    return answer;
  }

  get<T>(path: string, token: string, query: Record<string, string> = {}, timeoutMs = TIMEOUT_MS): Promise<T> {
    return this.call<T>('GET', this.url(path, token, query), token, null, timeoutMs);
  }

  /** A URL Graph gave (paging.next) is followed as given, with our token and proof. */
  getNext<T>(next: string, token: string, timeoutMs = TIMEOUT_MS): Promise<T> {
    const url = new URL(next);
    const ours = new URL(this.config.apiBaseUrl);
    // Only ever to the configured API: a paging link elsewhere does not get the token.
    if (url.origin !== ours.origin) throw new ProviderError('rejected', `Graph API paging link outside ${ours.origin}: ${url.origin}`);
    url.searchParams.delete('access_token');
    if (this.config.appSecret) url.searchParams.set('appsecret_proof', createHmac('sha256', this.config.appSecret).update(token).digest('hex'));
    return this.call<T>('GET', url.toString(), token, null, timeoutMs);
  }

  postJson<T>(path: string, token: string, json: unknown): Promise<T> {
    return this.call<T>('POST', this.url(path, token), token, { json }, TIMEOUT_MS);
  }

  postForm<T>(path: string, token: string, form: Record<string, string>): Promise<T> {
    return this.call<T>('POST', this.url(path, token), token, { form }, TIMEOUT_MS);
  }
}

/** The client of an account: its API address and version, its app secret, the server's clock and language. */
export function graphClientFor(ctx: Pick<Ctx, 'clock' | 'config'>, settings: Pick<MetaSettings, 'apiBaseUrl' | 'graphVersion'>, secrets: Partial<MetaSecrets>): GraphClient {
  return new GraphClient({ apiBaseUrl: settings.apiBaseUrl, graphVersion: settings.graphVersion, appSecret: secrets.appSecret ?? null }, { now: () => ctx.clock.now(), lang: ctx.config.defaults.language });
}
