// The promise suite: the deadline function's throughput on one core, then the acknowledgment
// latency under a burst of new cases on each engine.
import { dirname, join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { BenchOptions } from '../options.ts';
import { repoRoot } from '../server.ts';
import { measureAcknowledgments, type AcknowledgmentResult } from './acknowledgments.ts';
import { measureDeadlines, type DeadlineResult } from './deadlines.ts';

export interface PromiseResult {
  startedAt: string;
  deadlines: DeadlineResult;
  acknowledgments: (AcknowledgmentResult | { engine: string; failure: string })[];
}

export async function runPromise(options: BenchOptions, log: (line: string) => void): Promise<PromiseResult> {
  const startedAt = new Date().toISOString();
  const deadlines = measureDeadlines({ durationMs: options.profile.promise.deadlineMs });
  log(`[promise] deadlines: ${deadlines.perSecond.toLocaleString('en-US')}/s on one core (cold calendar: ${deadlines.coldPerSecond.toLocaleString('en-US')}/s)`);
  const resultsDir = dirname(resolve(repoRoot, options.json));
  mkdirSync(resultsDir, { recursive: true });
  const acknowledgments: PromiseResult['acknowledgments'] = [];
  for (const engine of options.engines) {
    try {
      const r = await measureAcknowledgments(engine, {
        cases: options.profile.promise.cases,
        concurrency: options.profile.promise.concurrency,
        postgresUrl: options.postgresUrl,
        logFile: join(resultsDir, `server-${engine}-acknowledgments.log`),
        serverEnv: options.serverEnv,
      });
      log(`[promise] ${engine}: ${r.acknowledged}/${r.cases} acknowledged, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms after receipt`);
      acknowledgments.push(r);
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      log(`[promise] ${engine} failed: ${failure}`);
      acknowledgments.push({ engine, failure: failure.slice(0, 2000) });
    }
  }
  return { startedAt, deadlines, acknowledgments };
}
