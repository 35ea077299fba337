// One engine's benchmark, start to end: a fresh database, the organisation created through
// the API, then for each scale: generate (server stopped), start the server, measure the
// inbox (first page, view counts, saved views), search and case creation, read its peak RSS,
// stop it. A failure at one scale is
// recorded (with its message) and ends that engine's run; the scales before it stand.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { searchable } from '../src/modules/customers/identities.ts';
import { createOrganisation, signIn, type Organisation } from './bootstrap.ts';
import { buildCorpus } from './corpus.ts';
import { engineVersions, provision, type EngineName, type SqlClient } from './engine.ts';
import { counts, generate, searchSelectivity, type DataCounts, type GenerateResult } from './generate.ts';
import { HttpClient } from './http.ts';
import type { LoadResult } from './load.ts';
import { meterCpu, type CpuUsage } from './cpu.ts';
import { load1 } from './machine.ts';
import type { BenchOptions, Scale } from './options.ts';
import { measureCaseCreation } from './scenarios/create-cases.ts';
import { measureInbox, type InboxResult } from './scenarios/inbox.ts';
import { measureSearch, type SearchResult } from './scenarios/search.ts';
import { measureViews, type ViewsResult } from './scenarios/views.ts';
import { repoRoot, startServer, type RunningServer } from './server.ts';

export interface ScaleResult {
  label: string;
  targetCases: number;
  generation: GenerateResult;
  selectivity: Record<string, { events: number; customers: number; cases: number }>;
  /** What the reads ran against. */
  data: DataCounts;
  serverStartMs: number;
  /** Restarts forced by abandoned searches (PGlite). */
  serverRestarts: number;
  inbox: InboxResult;
  /** The sidebar: counts of every view and the saved views (absent from results older than these scenarios). */
  views?: ViewsResult;
  search: SearchResult;
  creation: LoadResult[];
  peakRssKiB: number;
  load1: { before: number; after: number };
  /** CPU use during each measured phase: inbox, views, search, create-1, create-16. */
  cpu: Record<string, CpuUsage>;
}

export interface EngineResult {
  engine: EngineName;
  versions: { server: string; pglite?: string };
  startedAt: string;
  finishedAt: string;
  scales: ScaleResult[];
  failure?: { scale: string; message: string };
}

const ADMIN = { email: 'admin@bench.comptoir.fr', password: 'benchmark-admin-password' };

export async function runEngine(engine: EngineName, options: BenchOptions, log: (line: string) => void = () => {}): Promise<EngineResult> {
  const startedAt = new Date().toISOString();
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  // Server logs (and CPU profiles) go beside the JSON results.
  const resultsDir = dirname(resolve(repoRoot, options.json));
  mkdirSync(resultsDir, { recursive: true });
  const target = await provision(engine, { postgresUrl: options.postgresUrl, tag });
  const say = (line: string) => log(`[${engine}] ${line}`);
  say(`database: ${target.databaseUrl ?? join(target.dataDir, 'pglite')}`);
  const start = () =>
    startServer({
      dataDir: target.dataDir,
      databaseUrl: target.databaseUrl,
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      logFile: join(resultsDir, `server-${engine}-${tag}.log`),
      cpuProfDir: options.cpuProf ? resultsDir : undefined,
      extraEnv: options.serverEnv,
    });
  const result: EngineResult = { engine, versions: { server: '' }, startedAt, finishedAt: startedAt, scales: [] };
  let server: RunningServer | undefined;
  try {
    server = await start();
    const client = new HttpClient(server.url);
    const adminId = await signIn(client, ADMIN.email, ADMIN.password);
    const org: Organisation = { adminId, ...(await createOrganisation(client, tag)) };
    client.close();
    await server.stop();
    server = undefined;
    say(`organisation created: 1 brand, ${org.teams.length} teams, ${org.agentIds.length} agents`);

    const corpus = buildCorpus();
    for (const scale of options.scales) {
      try {
        result.scales.push(await runScale(scale));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        say(`scale ${scale.label} failed: ${message}`);
        result.failure = { scale: scale.label, message: message.slice(0, 2000) };
        break;
      }
    }

    async function runScale(scale: Scale): Promise<ScaleResult> {
      const before = load1();
      say(`scale ${scale.label}: generating up to ${scale.cases} cases`);
      const workers = engine === 'pglite' ? 1 : (options.genWorkers ?? 2);
      const sql: SqlClient[] = [];
      let generation: GenerateResult;
      let selectivity: ScaleResult['selectivity'];
      let data: DataCounts;
      try {
        for (let w = 0; w < workers; w++) sql.push(await target.connect());
        generation = await generate(sql, org, corpus, {
          targetCases: scale.cases,
          chunkSize: options.profile.chunkSize,
          now: new Date(),
          spanDays: 730,
          casePrefix: 'SAV',
          timezone: 'Europe/Paris',
          rareShare: 0.005,
          log: say,
        });
        if (!result.versions.server) result.versions = await engineVersions(sql[0]!, engine);
        selectivity = await searchSelectivity(sql[0]!, (q) => searchable(q));
        data = await counts(sql[0]!);
      } finally {
        for (const client of sql) await client.close();
      }

      const t = performance.now();
      server = await start();
      const serverStartMs = Math.round(performance.now() - t);
      const http = new HttpClient(server.url);
      try {
        await signIn(http, ADMIN.email, ADMIN.password);
        say(`scale ${scale.label}: server up in ${serverStartMs} ms; inbox`);
        const cpu: Record<string, CpuUsage> = {};
        const metered = async <T,>(phase: string, work: () => Promise<T>): Promise<T> => {
          const stop = await meterCpu(() => server!.pid, () => target.backendPids());
          const value = await work();
          cpu[phase] = await stop();
          return value;
        };
        const inbox = await metered('inbox', () => measureInbox(http, org, options.profile.inbox));
        say(`  inbox p50 ${inbox.latency.p50} ms, p99 ${inbox.latency.p99} ms; views`);
        const views = await metered('views', () => measureViews(http, org, options.profile.views));
        say(`  view counts p50 ${views.counts.latency.p50} ms, p99 ${views.counts.latency.p99} ms; saved views p50 ${views.list.latency.p50} ms, p99 ${views.list.latency.p99} ms; search`);
        // An abandoned search keeps running: cancel it (PostgreSQL) or restart the server it
        // blocks (PGlite runs queries on the server's only thread).
        let earlierPeakKiB = 0;
        let restarts = 0;
        const onTimeout = async () => {
          if (engine === 'postgres') {
            await target.cancelQueries();
            return;
          }
          earlierPeakKiB = Math.max(earlierPeakKiB, await server!.stop());
          server = await start();
          http.retarget(server.url);
          await signIn(http, ADMIN.email, ADMIN.password);
          restarts++;
          say(`  search timed out: server restarted`);
        };
        const search = await metered('search', () => measureSearch(http, { ...options.profile.search, onTimeout }));
        if (search.timeouts) say(`  ${search.timeouts} search request(s) abandoned after ${search.timeoutMs} ms`);
        say(`  search p50 ${search.overall.p50} ms, p95 ${search.overall.p95} ms; case creation`);
        const creation: LoadResult[] = [];
        for (const concurrency of options.profile.creation.concurrencies) {
          const c = options.profile.creation;
          const measured = await metered(`create-${concurrency}`, () => measureCaseCreation(http, org, corpus, {
            concurrency,
            warmupCount: c.warmup(concurrency),
            tag: `${tag}${scale.label}`,
            ...(c.durationMs !== undefined ? { durationMs: c.durationMs } : {}),
            ...(c.count ? { count: c.count(concurrency) } : {}),
          }));
          const use = cpu[`create-${concurrency}`]!;
          say(`  ${concurrency} client(s): ${measured.throughput} cases/s, p50 ${measured.latency.p50} ms, p99 ${measured.latency.p99} ms, errors ${JSON.stringify(measured.errors)}; cores: server ${use.server}, database ${use.database}, others ${use.other}`);
          creation.push(measured);
        }
        const peakRssKiB = Math.max(earlierPeakKiB, await server.stop());
        server = undefined;
        say(`  peak RSS ${(peakRssKiB / 1024).toFixed(0)} MiB`);
        return { label: scale.label, targetCases: scale.cases, generation, selectivity, data, serverStartMs, serverRestarts: restarts, inbox, views, search, creation, peakRssKiB, load1: { before, after: load1() }, cpu };
      } finally {
        http.close();
      }
    }
  } finally {
    if (server) await server.stop().catch(() => 0);
    if (options.keep) say(`kept: ${target.databaseUrl ?? target.dataDir}`);
    else await target.drop();
    result.finishedAt = new Date().toISOString();
  }
  return result;
}
