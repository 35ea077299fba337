// Command-line options of `npm run bench` and the sizes of a full and a quick (smoke) run.
import { parseArgs } from 'node:util';
import { defaultPostgresUrl, type EngineName } from './engine.ts';
import type { PosExportPlan } from './commerce/pos-export.ts';

export interface Scale {
  label: string;
  cases: number;
}

export interface Profile {
  creation: { concurrencies: number[]; durationMs?: number; count?: (concurrency: number) => number; warmup: (concurrency: number) => number };
  inbox: { requests: number; warmup: number };
  views: { countRequests: number; listRequests: number; warmup: number; countBudgetMs?: number };
  search: { rounds: number; budgetMs: number; minRounds: number; timeoutMs: number };
  chunkSize: number;
  promise: { cases: number; concurrency: number; deadlineMs: number };
  channels: { emails: number; connections: number; mentions: number; mentionSeconds: number };
  policies: { verdictMs: number };
  commerce: { plan: PosExportPlan; pollMs: number };
}

export const suites = ['cases', 'promise', 'channels', 'policies', 'commerce'] as const;
export type Suite = (typeof suites)[number];

export interface BenchOptions {
  /** cases: creation, inbox and search at scale; promise: deadline computations and acknowledgment latency; channels: inbound e-mail and the X mentions burst; policies: rulebook verdicts; commerce: a till export imported. */
  suites: Suite[];
  engines: EngineName[];
  scales: Scale[];
  quick: boolean;
  /** Markdown file to write the results section into (undefined: none). */
  out: string | undefined;
  /** JSON results file. */
  json: string;
  postgresUrl: string;
  keep: boolean;
  cpuProf: boolean;
  genWorkers: number | undefined;
  /** Extra environment for the server (configuration experiments, e.g. DATABASE_POOL_SIZE=20). */
  serverEnv: Record<string, string>;
  profile: Profile;
}

export const usage = `npm run bench -- [options]

  --suite cases|promise|channels|policies|commerce|all
                                  what to measure (default all): cases = creation, inbox (first page,
                                  view counts, saved views) and search at scale; promise = deadline
                                  computations and acknowledgment latency; channels = inbound e-mail
                                  end to end and a burst of X mentions ("bad buzz"); policies =
                                  rulebook verdicts per second on one core; commerce = a
                                  1,000,000-line till export (CSV) imported through the API
  --engine pglite|postgres|both   engines to measure (default both)
  --scales 100k,1m                case counts to generate and measure (default 100k,1m; --quick: 300)
  --quick                         tiny sizes: a smoke run of every code path in well under a minute
  --out <file>                    markdown file to write the results into (default docs/benchmarks.md;
                                  --quick writes none unless given)
  --json <file>                   JSON results (default bench/results/bench-<date>.json)
  --postgres-url <url>            server to create the benchmark database on
                                  (default $BENCH_POSTGRES_URL or ${defaultPostgresUrl})
  --gen-workers <n>               connections generating data in parallel (default 2 on PostgreSQL, 1 on PGlite)
  --server-env KEY=VALUE          extra server configuration (repeatable), e.g. DATABASE_POOL_SIZE=20
  --keep                          keep the database and data folder afterwards (to investigate)
  --cpu-prof                      write V8 CPU profiles of the server beside the JSON results
                                  (server logs always go there too)`;

export const fullProfile: Profile = {
  creation: { concurrencies: [1, 16], durationMs: 20_000, warmup: (c) => Math.max(20, c * 10) },
  inbox: { requests: 1000, warmup: 100 },
  // A count reads every open case of the scope (about 100 ms at 1,000,000 cases): fewer of them, within a minute.
  views: { countRequests: 300, listRequests: 1000, warmup: 20, countBudgetMs: 60_000 },
  search: { rounds: 50, budgetMs: 150_000, minRounds: 3, timeoutMs: 60_000 },
  chunkSize: 20_000,
  promise: { cases: 1000, concurrency: 16, deadlineMs: 5_000 },
  channels: { emails: 2000, connections: 8, mentions: 10_000, mentionSeconds: 60 },
  policies: { verdictMs: 5_000 },
  commerce: { plan: { lines: 1_000_000, stores: 50, skus: 20_000, customers: 80_000 }, pollMs: 1000 },
};

export const quickProfile: Profile = {
  creation: { concurrencies: [1, 16], count: (c) => (c === 1 ? 30 : 96), warmup: (c) => c * 2 },
  inbox: { requests: 40, warmup: 8 },
  views: { countRequests: 20, listRequests: 20, warmup: 4 },
  search: { rounds: 3, budgetMs: 0, minRounds: 3, timeoutMs: 30_000 },
  chunkSize: 150,
  promise: { cases: 30, concurrency: 8, deadlineMs: 300 },
  channels: { emails: 20, connections: 2, mentions: 40, mentionSeconds: 2 },
  policies: { verdictMs: 300 },
  commerce: { plan: { lines: 5000, stores: 50, skus: 500, customers: 400 }, pollMs: 100 },
};

export function parseScale(text: string): Scale {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`--scales: "${text}" is not a case count such as 300, 100k or 1m`);
  const factor = { '': 1, k: 1_000, m: 1_000_000 }[m[2]!.toLowerCase() as '' | 'k' | 'm'];
  return { label: text.trim().toLowerCase(), cases: Math.round(Number(m[1]) * factor) };
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      suite: { type: 'string', default: 'all' },
      engine: { type: 'string', default: 'both' },
      scales: { type: 'string' },
      quick: { type: 'boolean', default: false },
      out: { type: 'string' },
      json: { type: 'string' },
      'postgres-url': { type: 'string' },
      'gen-workers': { type: 'string' },
      'server-env': { type: 'string', multiple: true },
      keep: { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const engines: EngineName[] =
    values.engine === 'both' ? ['postgres', 'pglite'] : values.engine === 'pglite' || values.engine === 'postgres' ? [values.engine] : [];
  if (engines.length === 0) throw new Error(`--engine must be pglite, postgres or both (got ${values.engine})`);
  const chosen: Suite[] = values.suite === 'all' ? [...suites] : (suites as readonly string[]).includes(values.suite) ? [values.suite as Suite] : [];
  if (chosen.length === 0) throw new Error(`--suite must be cases, promise, channels, policies, commerce or all (got ${values.suite})`);
  const scales = (values.scales ?? (values.quick ? '300' : '100k,1m')).split(',').map(parseScale);
  for (let i = 1; i < scales.length; i++) {
    if (scales[i]!.cases <= scales[i - 1]!.cases) throw new Error('--scales must grow (each scale tops the previous one up)');
  }
  const workers = values['gen-workers'] === undefined ? undefined : Number(values['gen-workers']);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 16)) throw new Error('--gen-workers must be 1 to 16');
  const serverEnv: Record<string, string> = {};
  for (const pair of values['server-env'] ?? []) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(pair);
    if (!m) throw new Error(`--server-env wants KEY=VALUE (got ${pair})`);
    serverEnv[m[1]!] = m[2]!;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return {
    suites: chosen,
    engines,
    scales,
    quick: values.quick,
    out: values.out ?? (values.quick ? undefined : 'docs/benchmarks.md'),
    json: values.json ?? `bench/results/bench-${stamp}.json`,
    postgresUrl: values['postgres-url'] ?? env.BENCH_POSTGRES_URL ?? defaultPostgresUrl,
    keep: values.keep,
    cpuProf: values['cpu-prof'],
    genWorkers: workers,
    serverEnv,
    profile: values.quick ? quickProfile : fullProfile,
  };
}
