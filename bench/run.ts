// `npm run bench`: measures case creation, the inbox and search on PGlite and PostgreSQL, then
// writes the JSON results (bench/results/) and the markdown sections (docs/benchmarks.md).
import { resolve } from 'node:path';
import { describeMachine } from './machine.ts';
import { parseOptions, usage, type BenchOptions } from './options.ts';
import { writeDoc, writeJson, type BenchResults } from './report.ts';
import { repoRoot } from './server.ts';
import { runChannels } from './channels/suite.ts';
import { runCommerce } from './commerce/suite.ts';
import { runPolicies } from './policies/suite.ts';
import { runPromise } from './promise/suite.ts';
import { runEngine } from './suite.ts';

export async function runBench(options: BenchOptions, log: (line: string) => void = () => {}, command = 'runBench()'): Promise<BenchResults> {
  const results: BenchResults = {
    command,
    serverEnv: options.serverEnv,
    startedAt: new Date().toISOString(),
    finishedAt: '',
    machine: describeMachine(),
    quick: options.quick,
    engines: [],
  };
  const save = () => {
    results.finishedAt = new Date().toISOString();
    // Written after each part, so a long run that is interrupted keeps what it measured.
    writeJson(resolve(repoRoot, options.json), results);
    if (options.out) writeDoc(resolve(repoRoot, options.out), results);
  };
  if (options.suites.includes('policies')) {
    results.policies = await runPolicies(options, log);
    save();
  }
  if (options.suites.includes('promise')) {
    results.promise = await runPromise(options, log);
    save();
  }
  if (options.suites.includes('channels')) {
    results.channels = await runChannels(options, log);
    save();
  }
  if (options.suites.includes('commerce')) {
    results.commerce = await runCommerce(options, log);
    save();
  }
  if (options.suites.includes('cases')) {
    for (const engine of options.engines) {
      results.engines.push(await runEngine(engine, options, log));
      save();
    }
  }
  return results;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const log = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
  log(`engines ${options.engines.join(', ')}; scales ${options.scales.map((s) => s.label).join(', ')}${options.quick ? ' (quick)' : ''}`);
  const results = await runBench(options, log, `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim());
  log(`results: ${options.json}${options.out ? ` and ${options.out}` : ''}`);
  if (results.engines.some((e) => e.failure)) process.exitCode = 1;
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
