// Guards `npm run bench` from rotting: runs the whole benchmark (server as a child process,
// organisation through the API, bulk generation, inbox, view counts and saved views, search,
// case creation, report) at a
// few hundred cases on the engine this project runs, and checks the numbers are sane.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseOptions, type BenchOptions } from '../bench/options.ts';
import { runBench } from '../bench/run.ts';

const engine = process.env.COMPTOIR_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
const dir = mkdtempSync(join(tmpdir(), 'comptoir-bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`npm run bench -- --quick (${engine})`, () => {
  it('measures every scenario and writes the report', { timeout: 240_000 }, async () => {
    const options = parseOptions([
      '--quick',
      '--engine', engine,
      '--scales', '300',
      '--out', join(dir, 'benchmarks.md'),
      '--json', join(dir, 'results.json'),
      ...(process.env.TEST_DATABASE_URL ? ['--postgres-url', process.env.TEST_DATABASE_URL] : []),
    ]) as BenchOptions;
    const results = await runBench(options);

    const [run] = results.engines;
    expect(run?.failure).toBeUndefined();
    const scale = run!.scales[0]!;
    expect(scale.generation.added).toBe(300);
    expect(scale.generation.counts).toMatchObject({ cases: 300, events: 1500, unindexedEvents: 0 });
    expect(scale.generation.counts.customers).toBe(75);
    expect(scale.data.openCases).toBeGreaterThan(0);
    expect(scale.selectivity.common!.cases).toBeGreaterThan(0);

    expect(scale.inbox).toMatchObject({ ok: 40, errors: {}, wrongPages: 0 });
    expect(scale.inbox.meanItems).toBeGreaterThan(0);
    expect(scale.inbox.latency.p50).toBeGreaterThan(0);
    expect(scale.inbox.latency.p50).toBeLessThanOrEqual(scale.inbox.latency.p99);

    const views = scale.views!;
    expect(views.savedViews).toBe(7);
    expect(views.counts).toMatchObject({ ok: 20, errors: {}, wrongAnswers: 0 });
    // Six built-in views, seven saved ones, and a view per channel and per store with open cases.
    expect(views.counts.views).toBeGreaterThan(6 + 7);
    expect(views.counts.latency.p50).toBeGreaterThan(0);
    expect(views.counts.latency.p50).toBeLessThanOrEqual(views.counts.latency.p99);
    expect(views.list).toMatchObject({ ok: 20, errors: {}, wrongAnswers: 0 });
    expect(views.list.latency.p50).toBeLessThanOrEqual(views.list.latency.p99);
    expect(scale.cpu.views!.server).toBeGreaterThan(0);

    expect(scale.search.errors).toEqual({});
    expect(scale.search.overall.count).toBe(12);
    expect(scale.search.terms.find((t) => t.id === 'common')!.items).toBeGreaterThan(0);

    expect(scale.creation.map((c) => [c.concurrency, c.ok, c.errors])).toEqual([
      [1, 30, {}],
      [16, 96, {}],
    ]);
    for (const c of scale.creation) {
      expect(c.throughput).toBeGreaterThan(0);
      expect(c.latency.p50).toBeLessThanOrEqual(c.latency.p99);
    }
    expect(scale.peakRssKiB).toBeGreaterThan(50 * 1024);
    expect(scale.cpu.inbox!.server).toBeGreaterThan(0);

    const promise = results.promise!;
    expect(promise.deadlines.perSecond).toBeGreaterThan(0);
    expect(promise.acknowledgments).toHaveLength(1);
    const acks = promise.acknowledgments[0]!;
    expect('failure' in acks ? acks.failure : null).toBeNull();
    if (!('failure' in acks)) {
      expect(acks.acknowledged).toBe(acks.cases);
      expect(acks.serverLatency.count).toBe(acks.cases);
    }

    const [email] = results.channels!.email;
    expect('failure' in email! ? email.failure : null).toBeNull();
    if (!('failure' in email!)) expect(email!.acknowledged).toBe(email!.emails);
    // The X burst: every mention stored once (retries included), processed, triaged.
    const [buzz] = results.channels!.badBuzz!;
    expect('failure' in buzz! ? buzz.failure : null).toBeNull();
    if (!('failure' in buzz!)) {
      expect(buzz).toMatchObject({ mentions: 40, refused: 0, stored: 40, processed: 40, socialMessages: 40, cases: buzz!.authors });
      expect(buzz!.answers.count).toBe(40 + buzz!.redeliveries);
    }

    expect(results.policies!.verdicts.perSecond).toBeGreaterThan(0);

    // The till export: every line imported once, the same file again changing nothing.
    const [imported] = results.commerce!.imports;
    expect('failure' in imported! ? imported.failure : null).toBeNull();
    if (!('failure' in imported!)) {
      expect(imported!.lines).toBe(5000);
      expect(imported!.first.result).toMatchObject({ state: 'done', linesDone: 5000, linesTotal: 5000, ordersCreated: imported!.tickets, linesCreated: 5000, badRowCount: 0 });
      expect(imported!.first.result.customersCreated).toBeGreaterThan(0);
      expect(imported!.again.result).toMatchObject({ state: 'done', linesDone: 5000, ordersCreated: 0, ordersUpdated: 0, linesCreated: 0, linesUpdated: 0, customersCreated: 0, productsCreated: 0 });
      expect(imported!.first.linesPerSecond).toBeGreaterThan(0);
      expect(imported!.peakRssKiB).toBeGreaterThanOrEqual(imported!.rssBeforeKiB);
    }

    const doc = readFileSync(join(dir, 'benchmarks.md'), 'utf8');
    expect(doc).toContain('<!-- bench:promise:start -->');
    expect(doc).toContain('<!-- bench:policies:start -->');
    expect(doc).toContain('<!-- bench:channels:start -->');
    expect(doc).toContain('<!-- bench:commerce:start -->');
    expect(doc).toContain('server peak RSS < 500 MB');
    expect(doc).toContain(`<!-- bench:${engine}:start -->`);
    expect(doc).toContain('### Against the targets');
    expect(doc).toContain('| 300 | saved views (GET /api/v1/views) |');
    expect(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')).engines[0].engine).toBe(engine);
  });

  it('measures the rulebook alone with --suite policies (no server, no database)', async () => {
    const options = parseOptions(['--quick', '--suite', 'policies', '--out', join(dir, 'policies.md'), '--json', join(dir, 'policies.json')]) as BenchOptions;
    const results = await runBench(options);
    expect(results.engines).toEqual([]);
    expect(results.promise).toBeUndefined();
    const v = results.policies!.verdicts;
    expect(v.verdicts).toBeGreaterThanOrEqual(10_000);
    expect(v.perSecond).toBeGreaterThan(0);
    expect(v.coldPerSecond).toBeGreaterThan(0);
    // The mix grants some requests and refuses others.
    expect(v.eligibleShare).toBeGreaterThan(0.1);
    expect(v.eligibleShare).toBeLessThan(0.9);
    const doc = readFileSync(join(dir, 'policies.md'), 'utf8');
    expect(doc).toContain('<!-- bench:policies:start -->');
    expect(doc).toContain('| ≥ 50,000 policy verdicts per second on one core |');
  });
});
