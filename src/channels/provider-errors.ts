// What can go wrong when a provider (an SMTP relay, Twilio…) is asked to send, reduced to a
// few codes every channel maps its own errors to, and the one place that decides what a
// delivery does about each: try again later, or give up with the reason.

/**
 * temporary: the provider or the network failed, or asked us to slow down; auth: our
 * credentials were refused; rejected: the provider refused this message (invalid number,
 * recipient refused, opted out); not_found: the account or endpoint does not exist;
 * not_configured: this channel has no provider set up here.
 */
export const providerErrorCodes = ['temporary', 'auth', 'rejected', 'not_found', 'not_configured'] as const;
export type ProviderErrorCode = (typeof providerErrorCodes)[number];

export class ProviderError extends Error {
  readonly code: ProviderErrorCode;
  /** The provider's own code (Twilio 21211, SMTP 550…), for the delivery's detail. */
  readonly providerCode: string | null;
  /** When the provider said to come back (Retry-After). */
  readonly retryAt: Date | null;

  constructor(code: ProviderErrorCode, message: string, options: { providerCode?: string | number | null; retryAt?: Date | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProviderError';
    this.code = code;
    this.providerCode = options.providerCode == null ? null : String(options.providerCode);
    this.retryAt = options.retryAt ?? null;
  }

  /** "rejected (21211): The 'To' number is not a valid phone number." */
  get detail(): string {
    return `${this.code}${this.providerCode ? ` (${this.providerCode})` : ''}: ${this.message}`;
  }
}

/** Anything thrown while sending, as a ProviderError (an unexpected error counts as temporary). */
export function asProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError('temporary', message, { cause: error });
}

export type SendDecision =
  | { action: 'retry'; detail: string }
  | { action: 'retry_at'; at: Date; detail: string }
  | { action: 'fail'; detail: string };

/**
 * What a delivery does after a failed attempt. Only temporary failures are worth another
 * try, and only while attempts remain; a refused credential or message will be refused again,
 * so it fails now with the reason, for an agent or an operator to see.
 */
export function decideAfterFailure(error: ProviderError, attempt: number, maxAttempts: number): SendDecision {
  if (error.code !== 'temporary') return { action: 'fail', detail: error.detail };
  if (attempt >= maxAttempts) return { action: 'fail', detail: `${error.detail} (gave up after ${attempt} attempts)` };
  if (error.retryAt) return { action: 'retry_at', at: error.retryAt, detail: `${error.detail} (retrying at ${error.retryAt.toISOString()})` };
  return { action: 'retry', detail: `${error.detail} (attempt ${attempt} of ${maxAttempts}, retrying)` };
}
