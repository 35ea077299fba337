// Turns results into markdown: one section per engine, written between markers in
// docs/benchmarks.md so a PostgreSQL run and a PGlite run can be refreshed separately and the
// hand-written analysis around them is kept.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EngineName } from './engine.ts';
import type { Machine } from './machine.ts';
import type { AcknowledgmentResult } from './promise/acknowledgments.ts';
import type { ChannelsResult } from './channels/suite.ts';
import { commerceSection } from './commerce/section.ts';
import type { CommerceResult } from './commerce/suite.ts';
import type { BadBuzzResult } from './channels/bad-buzz.ts';
import type { EmailInboundResult } from './channels/email-inbound.ts';
import type { PoliciesResult } from './policies/suite.ts';
import type { PromiseResult } from './promise/suite.ts';
import type { EngineResult, ScaleResult } from './suite.ts';

export interface BenchResults {
  /** The command line that produced these results. */
  command: string;
  serverEnv: Record<string, string>;
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  quick: boolean;
  engines: EngineResult[];
  /** The promise suite (deadline function, acknowledgment latency), when it ran. */
  promise?: PromiseResult;
  /** The channels suite (inbound e-mail), when it ran. */
  channels?: ChannelsResult;
  /** The policies suite (rulebook verdicts), when it ran. */
  policies?: PoliciesResult;
  /** The commerce suite (order import), when it ran. */
  commerce?: CommerceResult;
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—');
/** Milliseconds; Infinity stands for a request abandoned after the timeout. */
const ms = (n: number) => (n === Infinity ? '**timed out**' : fmt(n, n < 100 ? 1 : 0));
const seconds = (millis: number) => `${fmt(millis / 1000, 1)} s`;
const mib = (kib: number) => `${fmt(kib / 1024)} MiB`;
const names: Record<EngineName, string> = { postgres: 'PostgreSQL', pglite: 'PGlite' };

export const ONE_MILLION = 1_000_000;

interface TargetRow {
  target: string;
  scale: string;
  measured: string;
  met: boolean | undefined;
}

/** Every figure against its target: creation at each scale, reads at 1,000,000 cases. */
export function targetRows(engine: EngineResult): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const s of engine.scales) {
    const c16 = s.creation.find((c) => c.concurrency === 16);
    if (c16) rows.push({ target: '≥ 500 cases/s created through the API with 16 clients', scale: s.label, measured: `${fmt(c16.throughput)} cases/s`, met: c16.throughput >= 500 });
  }
  for (const s of engine.scales) {
    const atTarget = s.targetCases >= ONE_MILLION;
    rows.push({ target: 'inbox first page p99 ≤ 30 ms (at 1,000,000 cases)', scale: s.label, measured: `p99 ${ms(s.inbox.latency.p99)} ms`, met: atTarget ? s.inbox.latency.p99 <= 30 : undefined });
    const p95 = s.search.overall.p95 === Infinity ? `p95 > ${fmt(s.search.timeoutMs)} ms (requests abandoned)` : `p95 ${ms(s.search.overall.p95)} ms`;
    rows.push({ target: 'search p95 ≤ 100 ms (at 1,000,000 cases)', scale: s.label, measured: p95, met: atTarget ? s.search.overall.p95 <= 100 : undefined });
  }
  return rows;
}

export function engineSection(results: BenchResults, engine: EngineResult): string {
  const m = results.machine;
  const version = engine.engine === 'postgres' ? `PostgreSQL ${engine.versions.server}` : `PGlite ${engine.versions.pglite ?? '?'} (PostgreSQL ${engine.versions.server} in WebAssembly)`;
  const loads = engine.scales.map((s) => `${s.label}: ${s.load1.before} → ${s.load1.after}`).join('; ');
  const out: string[] = [];
  out.push(`## ${names[engine.engine]}${results.quick ? ' (quick smoke run: tiny sizes, not comparable)' : ''}`, '');
  out.push(`Run of ${engine.startedAt.slice(0, 16).replace('T', ' ')} → ${engine.finishedAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cpuModel} (${m.cores} cores), ${fmt(m.ramGiB, 1)} GiB RAM, ${m.os} (kernel ${m.kernel}), Node ${m.node}, ${version}. The server ran as one process (\`--role all\`, ${Object.keys(results.serverEnv).length ? `configuration changed: ${Object.entries(results.serverEnv).map(([k, v]) => `\`${k}=${v}\``).join(', ')}` : 'default configuration: a pool of 10 connections on PostgreSQL'}), the load generator in another process on the same machine (\`${results.command}\`). 1-minute load average before → after each scale: ${loads || '—'}.`, '');
  if (engine.failure) out.push(`**The run stopped at scale ${engine.failure.scale}:** ${engine.failure.message.split('\n')[0]}`, '');

  out.push('### Against the targets', '');
  const note = engine.engine === 'pglite' ? ' (targets are set for PostgreSQL; shown for comparison)' : '';
  out.push(`| Target${note} | Scale | Measured | Status |`, '| --- | --- | --- | --- |');
  for (const r of targetRows(engine)) {
    const status = engine.engine === 'pglite' ? '—' : r.met === undefined ? 'n/a (target is at 1,000,000 cases)' : r.met ? '**met**' : '**not met**';
    out.push(`| ${r.target} | ${r.scale} | ${r.measured} | ${status} |`);
  }
  out.push('');

  out.push('### Case creation (POST /api/v1/cases: a new customer with an e-mail and a French message)', '');
  out.push('| Scale | Clients | Cases/s | p50 ms | p99 ms | max ms | Measured for | Created | Errors |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const s of engine.scales) {
    for (const c of s.creation) {
      const errors = Object.entries(c.errors).map(([k, v]) => `${v} × ${k}`).join(', ') || '0';
      out.push(`| ${s.label} | ${c.concurrency} | ${fmt(c.throughput, 1)} | ${ms(c.latency.p50)} | ${ms(c.latency.p99)} | ${ms(c.latency.max)} | ${seconds(c.elapsedMs)} | ${fmt(c.ok)} | ${errors} |`);
    }
  }
  out.push('');

  out.push('### Inbox first page (GET /api/v1/cases?teamId=…&status=open_all&limit=50, newest activity first)', '');
  out.push('| Scale | Cases in the database | Open cases | Requests | p50 ms | p95 ms | p99 ms | max ms | Cases per page | Errors |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const s of engine.scales) {
    const i = s.inbox;
    out.push(`| ${s.label} | ${fmt(s.data.cases)} | ${fmt(s.data.openCases)} | ${fmt(i.ok)} | ${ms(i.latency.p50)} | ${ms(i.latency.p95)} | ${ms(i.latency.p99)} | ${ms(i.latency.max)} | ${fmt(i.meanItems, 1)} | ${Object.values(i.errors).reduce((a, b) => a + b, 0) + i.wrongPages} |`);
  }
  out.push('');

  const withViews = engine.scales.filter((s) => s.views);
  if (withViews.length) {
    out.push('### Inbox views (the sidebar, for an administrator: every case in scope)', '');
    out.push('| Scale | Request | Open cases | Saved views | Requests | p50 ms | p95 ms | p99 ms | max ms | Errors |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const s of withViews) {
      const v = s.views!;
      const errors = (r: { errors: Record<string, number>; wrongAnswers: number }) => Object.values(r.errors).reduce((a, b) => a + b, 0) + r.wrongAnswers;
      out.push(`| ${s.label} | counts of ${fmt(v.counts.views)} views (GET /api/v1/views/counts) | ${fmt(s.data.openCases)} | ${v.savedViews} | ${fmt(v.counts.ok)} | ${ms(v.counts.latency.p50)} | ${ms(v.counts.latency.p95)} | ${ms(v.counts.latency.p99)} | ${ms(v.counts.latency.max)} | ${errors(v.counts)} |`);
      out.push(`| ${s.label} | saved views (GET /api/v1/views) | | ${v.savedViews} | ${fmt(v.list.ok)} | ${ms(v.list.latency.p50)} | ${ms(v.list.latency.p95)} | ${ms(v.list.latency.p99)} | ${ms(v.list.latency.max)} | ${errors(v.list)} |`);
    }
    out.push('', 'The counts: the six built-in views, one per channel and per store with open cases, and the saved views (private and shared; relative periods; one that also lists solved cases, counted up to 1,000), in one statement over the open cases (docs/console/inbox.md).', '');
  }

  out.push('### Full-text search (GET /api/v1/cases?q=…&limit=25)', '');
  out.push('| Scale | Query | Matching cases | Matching events | Requests | p50 ms | p95 ms | p99 ms | max ms | Timed out | On first page |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const s of engine.scales) {
    for (const t of s.search.terms) {
      const sel = s.selectivity[t.id];
      out.push(`| ${s.label} | ${t.label} | ${sel ? fmt(sel.cases) : '—'} | ${sel ? fmt(sel.events) : '—'} | ${fmt(t.latency.count)} | ${ms(t.latency.p50)} | ${ms(t.latency.p95)} | ${ms(t.latency.p99)} | ${ms(t.latency.max)} | ${t.timeouts} | ${t.items} |`);
    }
    const o = s.search.overall;
    const errors = Object.values(s.search.errors).reduce((a, b) => a + b, 0);
    out.push(`| ${s.label} | **all terms** (${s.search.rounds} rounds${errors ? `, ${errors} errors` : ''}) | | | ${fmt(o.count)} | ${ms(o.p50)} | ${ms(o.p95)} | ${ms(o.p99)} | ${ms(o.max)} | ${s.search.timeouts} | |`);
  }
  const timeouts = engine.scales.filter((s) => s.search.timeouts > 0);
  out.push('');
  if (timeouts.length) {
    const recovery =
      engine.engine === 'postgres'
        ? 'its query, still running on the server, was then cancelled (pg_cancel_backend)'
        : `the server, whose only thread the query held, was then restarted (${timeouts.map((s) => `${s.serverRestarts} restart(s) at ${s.label}`).join(', ')})`;
    out.push(`A search with no answer after ${fmt(timeouts[0]!.search.timeoutMs / 1000)} s was abandoned and counts as at least that long (“timed out”); ${recovery}, so that it did not slow down what followed.`, '');
  }

  out.push('### Data generation and server', '');
  out.push('| Scale | Cases added | Customers | Events | Customers took | Cases + events took | VACUUM ANALYZE took | Total | Data size | Server start | Peak RSS of the server |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const s of engine.scales) {
    const g = s.generation;
    out.push(`| ${s.label} | ${fmt(g.added)} | ${fmt(g.counts.customers)} | ${fmt(g.counts.events)} | ${seconds(g.ms.customers)} | ${seconds(g.ms.cases)} | ${seconds(g.ms.vacuumAnalyze)} | ${seconds(g.ms.total)} | ${mib(g.counts.bytes / 1024)} | ${seconds(s.serverStartMs)} | ${mib(s.peakRssKiB)} |`);
  }
  out.push('', '### CPU during the measurements (cores busy on average; the machine has ' + m.cores + ')', '');
  out.push('| Scale | Phase | Whole machine | Server | PostgreSQL backends | Load generator | Other processes |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const s of engine.scales) {
    for (const [phase, u] of Object.entries(s.cpu ?? {})) {
      out.push(`| ${s.label} | ${phase} | ${fmt(u.machine, 2)} | ${fmt(u.server, 2)} | ${engine.engine === 'pglite' ? '(in the server)' : fmt(u.database, 2)} | ${fmt(u.loadGenerator, 2)} | ${fmt(u.other, 2)} |`);
    }
  }
  out.push('', `Each scale tops the previous one up: the cases created by the API load at one scale are still there at the next. Peak RSS is the server process's VmHWM over that scale's run (reads, then creation).`);
  return out.join('\n');
}

type SectionKey = EngineName | 'promise' | 'channels' | 'policies' | 'commerce';

const marker = (section: SectionKey, edge: 'start' | 'end') => `<!-- bench:${section}:${edge} -->`;

export const docSkeleton = `# Benchmarks

\`npm run bench\` (bench/run.ts) measures Comptoir on PGlite and on PostgreSQL, with the server running as
a real process (\`node src/main.ts start --role all\`) and a load generator talking HTTP to it:

- **case creation** through \`POST /api/v1/cases\` (a new customer with an e-mail, a French message), with 1
  and then 16 concurrent keep-alive clients, for a fixed duration: cases per second, p50 and p99 latency,
  non-201 answers counted as errors;
- **the inbox's first page** (\`GET /api/v1/cases?teamId=…&status=open_all&limit=50\`, newest activity
  first), sequential requests cycling through 8 teams after a warm-up;
- **the inbox's sidebar**: the counts of every view (\`GET /api/v1/views/counts\`) and the saved views
  (\`GET /api/v1/views\`), for an administrator with seven saved views, sequential requests after a warm-up;
- **full-text search** (\`GET /api/v1/cases?q=…&limit=25\`) with a fixed mix of a rare word, a common word,
  a two-word query and a customer surname;
- at 100,000 and 1,000,000 cases of 5 timeline events each, generated by bulk SQL with the server
  stopped (bench/generate.sql.ts: teams of different sizes, most cases solved or closed, activity spread
  over two years, French and English messages drawn from a vocabulary of a few hundred words with Zipf
  frequencies, one customer per four cases);
- the server's **peak RSS** (VmHWM from /proc).

Targets on PostgreSQL on the 2-core benchmark machine: ≥ 500 cases/s created through the API with 16
clients; inbox first page p99 ≤ 30 ms and search p95 ≤ 100 ms at 1,000,000 cases; a till export of
1,000,000 CSV lines imported with the server's peak RSS under 500 MB (lines/s reported).

## How to reproduce

\`\`\`sh
npm run bench                                   # both engines, 100k then 1m (12–18 min per engine here)
npm run bench -- --engine postgres              # one engine
npm run bench -- --engine pglite --scales 100k  # one scale
npm run bench -- --quick                        # smoke run (also part of npm test: test/bench-smoke.db.test.ts)
\`\`\`

PostgreSQL runs need a server where \`postgres://postgres@127.0.0.1:5432/postgres\` (or \`--postgres-url\`)
may create and drop a database. Raw results go to bench/results/ (JSON, not committed); the sections below
are rewritten by each run, one engine at a time.

${marker('postgres', 'start')}
_Not run yet._
${marker('postgres', 'end')}

${marker('pglite', 'start')}
_Not run yet._
${marker('pglite', 'end')}
`;

/** Replaces each measured engine's section in the markdown file (created if missing). */
/** The promise suite's section: deadlines per second, acknowledgment latency per engine. */
export function promiseSection(results: BenchResults, p: PromiseResult): string {
  const m = results.machine;
  const out: string[] = [`## The promise${results.quick ? ' (quick smoke run: tiny sizes, not comparable)' : ''}`, ''];
  out.push(`Run of ${p.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cpuModel} (${m.cores} cores), Node ${m.node} (\`${results.command}\`).`, '');
  const d = p.deadlines;
  out.push('| Target | Measured | Status |', '| --- | --- | --- |');
  out.push(`| ≥ 200,000 deadline computations per second on one core | ${fmt(d.perSecond)}/s | ${d.perSecond >= 200_000 ? '**met**' : '**not met**'} |`);
  for (const a of p.acknowledgments) {
    if ('failure' in a) {
      out.push(`| acknowledgment p99 ≤ 2 s after receipt (${names[a.engine as EngineName] ?? a.engine}) | failed: ${a.failure.split('\n')[0]} | **not measured** |`);
      continue;
    }
    const met = a.acknowledged === a.cases && a.latency.p99 <= 2000;
    out.push(`| acknowledgment p99 ≤ 2 s after receipt, burst of ${fmt(a.cases)} cases (${names[a.engine]}) | p99 ${ms(a.latency.p99)} ms, ${fmt(a.acknowledged)}/${fmt(a.cases)} sent | ${met ? '**met**' : '**not met**'} |`);
  }
  out.push('', `Deadline function: ${fmt(d.computations)} computations in ${d.seconds} s on the main thread (French calendar with split days, Alsace-Moselle holidays, a mix of business-hour, business-day and calendar-hour targets, starts over two years, a fifth with a pause); with a calendar compiled for every computation (no cache): ${fmt(d.coldPerSecond)}/s. Clocks compile a calendar once per distinct calendar (clock-rules.ts).`, '');
  const acks = p.acknowledgments.filter((a): a is AcknowledgmentResult => !('failure' in a));
  if (acks.length) {
    out.push('Acknowledgments: cases opened through `POST /api/v1/cases` by concurrent clients, each for a new customer with an e-mail; the server (`--role all`: web and worker in one process) sends each acknowledgment through a real SMTP relay on loopback. Latency: from the request leaving the client to the relay holding the whole mail.', '');
    out.push('| Engine | Cases | Clients | Burst took | All sent after | p50 ms | p95 ms | p99 ms | max ms | in the server: p50 / p99 ms |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const a of acks) {
      out.push(`| ${names[a.engine]} | ${fmt(a.cases)} | ${a.concurrency} | ${a.burstSeconds} s | ${a.drainedSeconds} s | ${ms(a.latency.p50)} | ${ms(a.latency.p95)} | ${ms(a.latency.p99)} | ${ms(a.latency.max)} | ${ms(a.serverLatency.p50)} / ${ms(a.serverLatency.p99)} |`);
    }
    out.push('', 'The last column is the server’s own account: from the case row’s creation to the acknowledgment handed to the relay (`message_delivery.sent_at − sav_case.created_at`).');
  }
  return out.join('\n');
}

/** The channels suite's section: inbound e-mail per engine. */
export function channelsSection(results: BenchResults, c: ChannelsResult): string {
  const m = results.machine;
  const out: string[] = [`## Channels${results.quick ? ' (quick smoke run: tiny sizes, not comparable)' : ''}`, ''];
  out.push(`Run of ${c.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cpuModel} (${m.cores} cores), Node ${m.node} (\`${results.command}\`).`, '');
  out.push('| Target | Engine | Measured | Status |', '| --- | --- | --- | --- |');
  for (const e of c.email) {
    if ('failure' in e) {
      out.push(`| ≥ 200 inbound e-mails/s processed end to end | ${names[e.engine as EngineName] ?? e.engine} | failed: ${e.failure.split('\n')[0]} | **not measured** |`);
      continue;
    }
    const status = e.engine === 'postgres' ? (e.processedPerSecond >= 200 && e.acknowledged === e.emails ? '**met**' : '**not met**') : '—';
    out.push(`| ≥ 200 inbound e-mails/s processed end to end (PostgreSQL) | ${names[e.engine]} | ${fmt(e.processedPerSecond)}/s, ${fmt(e.acknowledged)}/${fmt(e.emails)} acknowledged | ${status} |`);
  }
  for (const b of c.badBuzz ?? []) {
    if ('failure' in b) {
      out.push(`| X "bad buzz": 10,000 mentions in a minute, all stored once, p99 webhook answer < 200 ms | ${names[b.engine as EngineName] ?? b.engine} | failed: ${b.failure.split('\n')[0]} | **not measured** |`);
      continue;
    }
    const whole = b.stored === b.mentions && b.processed === b.mentions && b.socialMessages === b.mentions && b.refused === 0;
    const status = b.mentions >= 10_000 ? (whole && b.answers.p99 < 200 ? '**met**' : '**not met**') : '—';
    out.push(`| X "bad buzz": ${fmt(b.mentions)} mentions in ${b.targetSeconds} s, all stored once, p99 webhook answer < 200 ms | ${names[b.engine]} | p99 ${ms(b.answers.p99)} ms; ${fmt(b.stored)} stored, ${fmt(b.processed)} processed, ${fmt(b.socialMessages)} triaged | ${status} |`);
  }
  const done = c.email.filter((e): e is EmailInboundResult => !('failure' in e));
  if (done.length) {
    out.push('', 'Each e-mail, from a new customer, is sent by SMTP to the server\'s SMTP server (as a relay forwards them, over pooled connections); the server stores it, its job turns it into a case, and the acknowledgment goes to a real SMTP relay on loopback. Latency: from the start of the e-mail\'s SMTP exchange to its acknowledgment at the relay (matched by In-Reply-To).', '');
    out.push('| Engine | E-mails | SMTP connections | Accepted in | Accepted/s | All acknowledged after | Processed/s | p50 ms | p95 ms | p99 ms |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const e of done) {
      out.push(`| ${names[e.engine]} | ${fmt(e.emails)} | ${e.connections} | ${e.acceptSeconds} s | ${fmt(e.acceptedPerSecond)} | ${e.doneSeconds} s | ${fmt(e.processedPerSecond)} | ${ms(e.latency.p50)} | ${ms(e.latency.p95)} | ${ms(e.latency.p99)} |`);
    }
  }
  const buzz = (c.badBuzz ?? []).filter((b): b is BadBuzzResult => !('failure' in b));
  if (buzz.length) {
    out.push('', 'The "bad buzz": angry mentions of the brand (a fifth of the authors complain more than once; one in seven with a video), each delivered as X does, one POST signed with `x-twitter-webhooks-signature` to the Account Activity webhook, sent open-loop at an even pace; 2% delivered a second time (X\'s retries). The webhook checks the signature and stores the tweet before answering; the server (`--role all`) processes them meanwhile into triaged cases. Counted afterwards in the database.', '');
    out.push('| Engine | Mentions (+ retries) | Authors | Sent in | Webhook p50 ms | p95 ms | p99 ms | max ms | Refused | Stored | Processed | Cases | Urgent | All processed after |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const b of buzz) {
      out.push(`| ${names[b.engine]} | ${fmt(b.mentions)} (+${fmt(b.redeliveries)}) | ${fmt(b.authors)} | ${b.sendSeconds} s | ${ms(b.answers.p50)} | ${ms(b.answers.p95)} | ${ms(b.answers.p99)} | ${ms(b.answers.max)} | ${b.refused} | ${fmt(b.stored)} | ${fmt(b.processed)} | ${fmt(b.cases)} | ${fmt(b.urgent)} | ${b.processedSeconds} s |`);
    }
  }
  return out.join('\n');
}

/** The policies suite's section: rulebook verdicts per second on one core. */
export function policiesSection(results: BenchResults, p: PoliciesResult): string {
  const m = results.machine;
  const v = p.verdicts;
  const out: string[] = [`## The rulebook${results.quick ? ' (quick smoke run: tiny sizes, not comparable)' : ''}`, ''];
  out.push(`Run of ${p.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cpuModel} (${m.cores} cores), Node ${m.node} (\`${results.command}\`).`, '');
  out.push('| Target | Measured | Status |', '| --- | --- | --- |');
  out.push(`| ≥ 50,000 policy verdicts per second on one core | ${fmt(v.perSecond)}/s | ${v.perSecond >= 50_000 ? '**met**' : '**not met**'} |`);
  out.push(
    '',
    `Verdict function (evaluatePolicy, src/modules/policies/evaluate.ts): ${fmt(v.verdicts)} verdicts in ${v.seconds} s on the main thread, each with its French and English explanation; a mix of purchases in France, Belgium and Québec (every sales channel, new and used goods, withdrawal, defect and late-delivery requests, dates over four years, a tenth with repairs or a replacement) against a retailer's document with return windows, store warranties, direct exchange and legal exceptions; ${fmt(v.eligibleShare * 100)} % of them granted. With the document compiled and the holiday calendar made anew for every verdict (nothing cached): ${fmt(v.coldPerSecond)}/s. The API compiles a document once per version.`,
  );
  return out.join('\n');
}

function replaceSection(doc: string, key: SectionKey, body: string): string {
  const start = marker(key, 'start');
  const end = marker(key, 'end');
  const section = `${start}\n${body}\n${end}`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  return from >= 0 && to > from ? doc.slice(0, from) + section + doc.slice(to + end.length) : `${doc.trimEnd()}\n\n${section}\n`;
}

export function writeDoc(file: string, results: BenchResults): void {
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : docSkeleton;
  for (const engine of results.engines) doc = replaceSection(doc, engine.engine, engineSection(results, engine));
  if (results.promise) doc = replaceSection(doc, 'promise', promiseSection(results, results.promise));
  if (results.channels) doc = replaceSection(doc, 'channels', channelsSection(results, results.channels));
  if (results.policies) doc = replaceSection(doc, 'policies', policiesSection(results, results.policies));
  if (results.commerce) doc = replaceSection(doc, 'commerce', commerceSection(results, results.commerce));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, doc);
}

export function writeJson(file: string, results: BenchResults): void {
  mkdirSync(dirname(file), { recursive: true });
  // Abandoned requests are Infinity in latency summaries; JSON would turn them into null.
  const keepInfinity = (_key: string, value: unknown) => (value === Infinity ? 'Infinity' : value);
  writeFileSync(file, `${JSON.stringify(results, keepInfinity, 2)}\n`);
}

export type { ScaleResult };
