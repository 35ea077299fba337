// The commerce suite: importing a large till export (CSV) through the API, on each engine.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { BenchOptions } from '../options.ts';
import { repoRoot } from '../server.ts';
import { measureOrderImport, type OrderImportResult } from './import.ts';

export interface CommerceResult {
  startedAt: string;
  imports: (OrderImportResult | { engine: string; failure: string })[];
}

export async function runCommerce(options: BenchOptions, log: (line: string) => void): Promise<CommerceResult> {
  const startedAt = new Date().toISOString();
  const resultsDir = dirname(resolve(repoRoot, options.json));
  mkdirSync(resultsDir, { recursive: true });
  const imports: CommerceResult['imports'] = [];
  for (const engine of options.engines) {
    try {
      const r = await measureOrderImport(engine, {
        plan: options.profile.commerce.plan,
        pollMs: options.profile.commerce.pollMs,
        postgresUrl: options.postgresUrl,
        logFile: join(resultsDir, `server-${engine}-import.log`),
        workDir: resultsDir,
        cpuProfDir: options.cpuProf ? resultsDir : undefined,
        serverEnv: options.serverEnv,
      });
      const mib = (kib: number) => Math.round(kib / 1024);
      log(
        `[commerce] ${engine}: ${r.lines} lines (${r.tickets} tickets, ${mib(r.fileBytes / 1024)} MiB) imported at ${r.first.linesPerSecond} lines/s ` +
          `(${r.first.endToEndSeconds} s with the upload), again at ${r.again.linesPerSecond} lines/s; server peak RSS ${mib(r.peakRssKiB)} MiB`,
      );
      imports.push(r);
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      log(`[commerce] ${engine} failed: ${failure}`);
      imports.push({ engine, failure: failure.slice(0, 2000) });
    }
  }
  return { startedAt, imports };
}
