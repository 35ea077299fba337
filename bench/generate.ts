// Bulk data for the read benchmarks: tops the database up to a number of cases (5 events
// each, one customer per 4 cases) with INSERT … SELECT generate_series in chunks, on one or
// more connections, then VACUUM ANALYZE. The schema's own constraints (unique numbers and
// tracking hashes, foreign keys) stay on and check the data as it goes in.
import type { Organisation } from './bootstrap.ts';
import { poolSizes, searchTerms, type Corpus, type Lang, type PoolKind } from './corpus.ts';
import type { SqlClient } from './engine.ts';
import { bind, caseChunk, countsQuery, customerChunk, insertPool, maintenance, searchMatchesQuery, sessionSetup } from './generate.sql.ts';

export interface GenerateOptions {
  /** Total cases wanted; the cases already there count. */
  targetCases: number;
  chunkSize: number;
  now: Date;
  spanDays: number;
  casePrefix: string;
  timezone: string;
  /** Share of customer messages that mention one of the rare technical words. */
  rareShare: number;
  log?: (line: string) => void;
}

export interface DataCounts {
  cases: number;
  events: number;
  customers: number;
  openCases: number;
  unindexedEvents: number;
  bytes: number;
}

export interface GenerateResult {
  batch: string;
  added: number;
  ms: { customers: number; cases: number; vacuumAnalyze: number; total: number };
  counts: DataCounts;
}

const channelMix: [string, number][] = [['email', 40], ['webform', 18], ['phone', 10], ['chat', 8], ['counter', 8], ['whatsapp', 6], ['marketplace', 5], ['sms', 3], ['messenger', 2]];
const priorityMix: [string, number][] = [['normal', 78], ['high', 13], ['low', 6], ['urgent', 3]];

/** A 100-slot array where each value fills slots in proportion to its weight. */
export function slots<T>(mix: [T, number][]): T[] {
  const total = mix.reduce((a, [, w]) => a + w, 0);
  const out: T[] = [];
  mix.forEach(([value, weight], i) => {
    const n = i === mix.length - 1 ? 100 - out.length : Math.round((weight / total) * 100);
    for (let k = 0; k < n && out.length < 100; k++) out.push(value);
  });
  return out;
}

/** Generates on the given connections (one chunk at a time each); the caller closes them. */
export async function generate(clients: SqlClient[], org: Organisation, corpus: Corpus, options: GenerateOptions): Promise<GenerateResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  if (clients.length === 0) throw new Error('generate needs at least one connection');
  for (const client of clients) await prepareSession(client, corpus);
  const first = clients[0]!;
  const before = await counts(first);
  const n = Math.max(0, options.targetCases - before.cases);
  const m = Math.max(1, Math.ceil(n / 4));
  const batch = `b${Date.now().toString(36)}`;
  const common = {
    batch,
    m,
    n,
    now: options.now.toISOString(),
    span: `${options.spanDays} days`,
  };
  const ms = { customers: 0, cases: 0, vacuumAnalyze: 0, total: 0 };
  if (n > 0) {
    log(`generating ${n} cases, ${n * 5} events and ${m} customers (batch ${batch}) on ${clients.length} connection(s)`);
    let t = performance.now();
    await inChunks(clients, m, options.chunkSize, 'customers', log, (client, from, to, seed) =>
      transaction(client, seed, customerChunk, {
        ...common,
        from,
        to,
        lastCount: poolSizes.last,
        firstFr: corpus.pools.first.fr.length,
        firstEn: corpus.pools.first.en.length,
      }),
    );
    ms.customers = Math.round(performance.now() - t);
    t = performance.now();
    const teams = slots(org.teams.map((team) => [team.id, team.weight] as [string, number]));
    const openSteps = Object.entries(org.steps).filter(([key]) => key !== 'closed').map(([, id]) => id);
    await inChunks(clients, n, options.chunkSize, 'cases', log, (client, from, to, seed) =>
      transaction(client, seed, caseChunk, {
        ...common,
        from,
        to,
        teams,
        channels: slots(channelMix),
        priorities: slots(priorityMix),
        reasons: org.reasonIds,
        reasonCount: org.reasonIds.length,
        agents: org.agentIds,
        agentCount: org.agentIds.length,
        openSteps,
        openStepCount: openSteps.length,
        closedStep: org.steps.closed,
        brandId: org.brandId,
        prefix: options.casePrefix,
        timezone: options.timezone,
        rareShare: options.rareShare,
        sentenceCount: poolSizes.sentence,
        productCount: poolSizes.product,
        subjectCount: poolSizes.subject,
        noteCount: poolSizes.note,
        rareCount: corpus.rareWords.length,
      }),
    );
    ms.cases = Math.round(performance.now() - t);
  }
  let t = performance.now();
  for (const statement of maintenance) await first.query(statement);
  ms.vacuumAnalyze = Math.round(performance.now() - t);
  ms.total = Math.round(performance.now() - started);
  const after = await counts(first);
  if (after.unindexedEvents !== 0) throw new Error(`${after.unindexedEvents} events with text have no search vector`);
  log(`generated in ${(ms.total / 1000).toFixed(1)} s: ${after.cases} cases, ${after.events} events, ${after.customers} customers in all`);
  return { batch, added: n, ms, counts: after };
}

/** Creates the session's helper functions and loads the text pools. */
async function prepareSession(client: SqlClient, corpus: Corpus): Promise<void> {
  for (const statement of sessionSetup) await client.query(statement);
  await client.query(`SET synchronous_commit = off`).catch(() => {});
  const load = async (kind: PoolKind | 'rare', lang: Lang, values: string[]) => {
    const { text, values: params } = bind(insertPool, { kind, lang, values });
    await client.query(text, params);
  };
  for (const kind of ['sentence', 'subject', 'product', 'note', 'first'] as const) {
    for (const lang of ['fr', 'en'] as const) await load(kind, lang, corpus.pools[kind][lang]);
  }
  await load('last', 'fr', corpus.pools.last.fr);
  await load('rare', 'fr', corpus.rareWords);
}

async function transaction(client: SqlClient, seed: number, statements: string[], params: Record<string, unknown>): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT setseed($1)', [seed]);
    for (const statement of statements) {
      const { text, values } = bind(statement, params);
      await client.query(text, values);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Runs [0, total) in chunks, each connection taking the next chunk when it is free. */
async function inChunks(
  clients: SqlClient[],
  total: number,
  size: number,
  what: string,
  log: (line: string) => void,
  run: (client: SqlClient, from: number, to: number, seed: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let done = 0;
  const started = performance.now();
  let lastLog = started;
  await Promise.all(
    clients.map(async (client) => {
      while (next < total) {
        const from = next;
        const to = Math.min(total, from + size);
        next = to;
        // setseed wants [-1, 1]: a seed per chunk makes the data the same on every run.
        await run(client, from, to, ((from / size) % 1000) / 1000);
        done += to - from;
        const now = performance.now();
        if (now - lastLog > 10_000 || done === total) {
          lastLog = now;
          log(`  ${what}: ${done}/${total} (${((done / total) * 100).toFixed(0)}%) after ${((now - started) / 1000).toFixed(0)} s`);
        }
      }
    }),
  );
}

export async function counts(client: SqlClient): Promise<DataCounts> {
  const [row] = await client.query<{ cases: number; events: number; customers: number; open_cases: number; unindexed_events: number; bytes: string }>(countsQuery);
  return {
    cases: row!.cases,
    events: row!.events,
    customers: row!.customers,
    openCases: row!.open_cases,
    unindexedEvents: row!.unindexed_events,
    bytes: Number(row!.bytes),
  };
}

/** For each search term: matching events, customers and cases in the generated data. */
export async function searchSelectivity(client: SqlClient, searchable: (q: string) => string) {
  const out: Record<string, { events: number; customers: number; cases: number }> = {};
  for (const term of searchTerms) {
    const { text, values } = bind(searchMatchesQuery, { q: term.q, like: `%${searchable(term.q)}%` });
    const [row] = await client.query<{ events: number; customers: number; cases: number }>(text, values);
    out[term.id] = row!;
  }
  return out;
}
