// A job type names a job and the shape of its payload. Modules declare their job types in
// <module>.jobs.ts and register the handlers once, at start, in the registry; services
// enqueue by job type, so the payload is checked at compile time and again at run time.
import type { z } from 'zod';

export interface RetryPolicy {
  /** Total runs allowed, the first included. */
  maxAttempts: number;
  /** Delay before the 2nd run; doubles each time, with ±20 % jitter, capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface JobType<P> {
  readonly name: string;
  readonly schema: z.ZodType<P>;
  readonly retry: RetryPolicy;
  /** A run taking longer than this is presumed dead (worker crashed) and retried. */
  readonly timeoutMs: number;
  /**
   * Run by this process's own worker as soon as the transaction that enqueued it commits,
   * instead of waiting its turn in the queue (a customer waiting for their acknowledgment).
   * The job is an ordinary job all the same: retried, leased, and run by any worker if this
   * process cannot.
   */
  readonly immediate: boolean;
}

export const defaultRetry: RetryPolicy = { maxAttempts: 8, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000 };

export function jobType<P>(
  name: string,
  schema: z.ZodType<P>,
  options: { retry?: Partial<RetryPolicy>; timeoutMs?: number; immediate?: boolean } = {},
): JobType<P> {
  if (!/^[a-z][a-z0-9_.-]{2,100}$/.test(name)) throw new Error(`invalid job name: ${name}`);
  return {
    name,
    schema,
    retry: { ...defaultRetry, ...options.retry },
    timeoutMs: options.timeoutMs ?? 5 * 60_000,
    immediate: options.immediate ?? false,
  };
}

/** Exponential backoff with jitter; `attempt` is the run that just failed (1-based). */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  const jitter = 0.8 + random() * 0.4;
  return Math.round(Math.min(policy.maxDelayMs, exponential) * jitter);
}

/** Thrown by a handler to say "do not retry": the job fails at once with this reason. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

/** Thrown by a handler to say "try again at this time" (a provider's rate-limit reset, say). */
export class RetryJobLater extends Error {
  readonly at: Date;
  constructor(at: Date, message = 'retry later') {
    super(message);
    this.name = 'RetryJobLater';
    this.at = at;
  }
}
