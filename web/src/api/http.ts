// The one way the web app talks to the API: JSON in and out, the session cookie (sent by
// the browser), the CSRF token on every write (the server refuses cookie-authenticated
// writes without it), the interface language for the server's messages, and RFC 9457
// problem+json turned into ApiError.

export interface FieldProblem {
  field: string;
  message: string;
}

/** RFC 9457 problem details as the server sends them (src/platform/http/problem.ts). */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
  requestId?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** From Retry-After (429, 503), in seconds. */
  readonly retryAfterSeconds: number | null;

  constructor(problem: Problem, retryAfterSeconds: number | null = null, options?: { cause?: unknown }) {
    super(problem.detail ?? problem.title, options);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The request never got an answer (offline, server down). */
  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);

let csrfToken: string | null = null;
let acceptLanguage = 'fr';

/** Set from the session (GET /auth/session) or the login answer; cleared on sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The interface language, so problem titles come back in it. */
export function setApiLanguage(language: string): void {
  acceptLanguage = language;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** Checks the answer's shape (e.g. a contract's zod schema); the value it returns is used. */
  parse?: (json: unknown) => T;
}

export function withQuery(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function api<T>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': acceptLanguage, ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ title: 'network', status: 0 }, null, { cause: error });
  }

  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  const json: unknown = await response.json();
  return options.parse ? options.parse(json) : (json as T);
}

async function problemOf(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  let problem: Problem = { title: response.statusText || `HTTP ${response.status}`, status: response.status };
  try {
    const body = (await response.json()) as Partial<Problem>;
    if (body && typeof body.title === 'string') problem = { ...body, title: body.title, status: response.status };
  } catch {
    // Not JSON (a proxy's error page): the status line is all we have.
  }
  return new ApiError(problem, retryAfterSeconds);
}

/** A key that makes a retried write happen once (the server's Idempotency-Key support). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
