// The load generator: N concurrent clients repeat a request for a duration or a count;
// every answer's latency is recorded, and answers other than the expected status are errors.
import { summarise, type LatencySummary } from './stats.ts';

export interface LoadOptions {
  concurrency: number;
  /** Stop after this many requests in all (whichever of count and duration comes first). */
  count?: number;
  durationMs?: number;
}

export interface LoadResult {
  concurrency: number;
  requests: number;
  ok: number;
  /** Count of failed requests by HTTP status ("error" for a network failure). */
  errors: Record<string, number>;
  elapsedMs: number;
  /** Successful requests per second over the measured wall time. */
  throughput: number;
  latency: LatencySummary;
}

/** One request: resolves to the HTTP status it got. */
export type Task = (seq: number, worker: number) => Promise<number>;

export async function runLoad(options: LoadOptions, expected: number, task: Task): Promise<LoadResult> {
  if (options.count === undefined && options.durationMs === undefined) throw new Error('runLoad needs a count or a duration');
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let issued = 0;
  const started = performance.now();
  const deadline = options.durationMs === undefined ? Infinity : started + options.durationMs;
  const more = () => (options.count === undefined || issued < options.count) && performance.now() < deadline;

  const worker = async (w: number) => {
    while (more()) {
      const seq = issued++;
      const t0 = performance.now();
      let status: number | 'error';
      try {
        status = await task(seq, w);
      } catch {
        status = 'error';
      }
      const ms = performance.now() - t0;
      if (status === expected) latencies.push(ms);
      else errors[String(status)] = (errors[String(status)] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => worker(w)));
  const elapsedMs = performance.now() - started;
  return {
    concurrency: options.concurrency,
    requests: issued,
    ok: latencies.length,
    errors,
    elapsedMs: Math.round(elapsedMs),
    throughput: Math.round((latencies.length / elapsedMs) * 1000 * 10) / 10,
    latency: summarise(latencies),
  };
}
