// The channels suite: inbound e-mail end to end, and a burst of X mentions, on each engine.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { EngineName } from '../engine.ts';
import type { BenchOptions } from '../options.ts';
import { repoRoot } from '../server.ts';
import { measureBadBuzz, type BadBuzzResult } from './bad-buzz.ts';
import { measureEmailInbound, type EmailInboundResult } from './email-inbound.ts';

export interface ChannelsResult {
  startedAt: string;
  email: (EmailInboundResult | { engine: string; failure: string })[];
  /** Absent in results written before it was measured. */
  badBuzz?: (BadBuzzResult | { engine: string; failure: string })[];
}

/** One measurement on each engine in turn; a failure is recorded with its reason, and the others still run. */
async function eachEngine<R>(
  options: BenchOptions,
  log: (line: string) => void,
  what: string,
  measure: (engine: EngineName) => Promise<R>,
  summary: (r: R) => string,
): Promise<(R | { engine: string; failure: string })[]> {
  const results: (R | { engine: string; failure: string })[] = [];
  for (const engine of options.engines) {
    try {
      const r = await measure(engine);
      log(`[channels] ${engine}: ${summary(r)}`);
      results.push(r);
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      log(`[channels] ${engine} ${what} failed: ${failure}`);
      results.push({ engine, failure: failure.slice(0, 2000) });
    }
  }
  return results;
}

export async function runChannels(options: BenchOptions, log: (line: string) => void): Promise<ChannelsResult> {
  const startedAt = new Date().toISOString();
  const resultsDir = dirname(resolve(repoRoot, options.json));
  mkdirSync(resultsDir, { recursive: true });
  const email = await eachEngine(options, log, 'e-mail', (engine) =>
    measureEmailInbound(engine, {
      emails: options.profile.channels.emails,
      connections: options.profile.channels.connections,
      postgresUrl: options.postgresUrl,
      logFile: join(resultsDir, `server-${engine}-email.log`),
      cpuProfDir: options.cpuProf ? resultsDir : undefined,
      serverEnv: options.serverEnv,
    }),
    (r) => `${r.acceptedPerSecond} e-mails/s accepted, ${r.processedPerSecond}/s processed to a case and acknowledged; p99 ${r.latency.p99} ms to the acknowledgment`,
  );
  const badBuzz = await eachEngine(options, log, 'X burst', (engine) =>
    measureBadBuzz(engine, {
      mentions: options.profile.channels.mentions,
      seconds: options.profile.channels.mentionSeconds,
      postgresUrl: options.postgresUrl,
      logFile: join(resultsDir, `server-${engine}-x.log`),
      cpuProfDir: options.cpuProf ? resultsDir : undefined,
      serverEnv: options.serverEnv,
    }),
    (r) => `${r.mentions} X mentions in ${r.sendSeconds} s, webhook p99 ${r.answers.p99} ms; ${r.stored} stored, ${r.processed} processed after ${r.processedSeconds} s`,
  );
  return { startedAt, email, badBuzz };
}
