// The commerce suite's section of docs/benchmarks.md: the order import against its targets.
import type { EngineName } from '../engine.ts';
import type { BenchResults } from '../report.ts';
import type { OrderImportResult } from './import.ts';
import type { CommerceResult } from './suite.ts';

const names: Record<EngineName, string> = { postgres: 'PostgreSQL', pglite: 'PGlite' };
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—');
const mib = (kib: number) => `${fmt(kib / 1024)} MiB`;

/** 500 MB, as the target says it (decimal megabytes: 476.8 MiB). */
export const IMPORT_RSS_TARGET_BYTES = 500_000_000;
export const IMPORT_TARGET_LINES = 1_000_000;

export function commerceSection(results: BenchResults, c: CommerceResult): string {
  const m = results.machine;
  const out: string[] = [`## Commerce: order import${results.quick ? ' (quick smoke run: tiny sizes, not comparable)' : ''}`, ''];
  out.push(`Run of ${c.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cpuModel} (${m.cores} cores), Node ${m.node} (\`${results.command}\`).`, '');
  out.push('| Target | Engine | Measured | Status |', '| --- | --- | --- | --- |');
  for (const r of c.imports) {
    const engine = names[r.engine as EngineName] ?? r.engine;
    if ('failure' in r) {
      out.push(`| order import of 1,000,000 CSV lines, server peak RSS < 500 MB | ${engine} | failed: ${r.failure.split('\n')[0]} | **not measured** |`);
      continue;
    }
    const atTarget = r.lines >= IMPORT_TARGET_LINES;
    const memoryMet = r.peakRssKiB * 1024 < IMPORT_RSS_TARGET_BYTES;
    out.push(`| order import of ${fmt(r.lines)} CSV lines: lines/s (reported; no figure set) | ${engine} | ${fmt(r.first.linesPerSecond)} lines/s (${fmt(r.first.endToEndLinesPerSecond)}/s with the upload) | — |`);
    out.push(`| server peak RSS < 500 MB (476.8 MiB) while importing 1,000,000 lines | ${engine} | ${mib(r.peakRssKiB)} | ${atTarget ? (memoryMet ? '**met**' : '**not met**') : 'n/a (target is at 1,000,000 lines)'} |`);
    const idempotent = r.again.result.ordersCreated + r.again.result.ordersUpdated + r.again.result.linesCreated + r.again.result.linesUpdated === 0;
    out.push(`| the same file again changes nothing | ${engine} | ${idempotent ? 'nothing created or changed' : `${fmt(r.again.result.ordersCreated)} orders created, ${fmt(r.again.result.ordersUpdated)} changed`} | ${idempotent ? '**met**' : '**not met**'} |`);
  }
  const done = c.imports.filter((r): r is OrderImportResult => !('failure' in r));
  if (done.length) {
    out.push(
      '',
      'A generated till export (bench/commerce/pos-export.ts: Windows-1252, `;`, CRLF, French dates and amounts, about 3.3 lines per ticket, 50 stores, Zipf-drawn SKUs, 2 % return lines, a loyalty customer with an e-mail and/or a phone on 60 % of the tickets) uploaded as multipart/form-data to `POST /api/v1/order-imports` with its column mapping (no dry run), streamed from disk; `GET /api/v1/order-imports/:id` polled until done. Lines/s: the job’s own start to end; end to end: from the first byte of the upload. Then the same file once more. Peak RSS: the server process’s VmHWM over its whole life (on PGlite the database runs inside it).',
      '',
    );
    out.push(
      '| Engine | Lines | Tickets | File | Upload | Import job | Lines/s | End to end | Orders created | Customers created | Products created | Bad rows | Again: job, lines/s | Again: created / changed | RSS before → peak | Load average |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const r of done) {
      const f = r.first.result;
      const a = r.again.result;
      out.push(
        `| ${names[r.engine]} | ${fmt(r.lines)} | ${fmt(r.tickets)} | ${mib(r.fileBytes / 1024)} | ${fmt(r.first.uploadSeconds, 1)} s | ${fmt(r.first.jobSeconds, 1)} s | ${fmt(r.first.linesPerSecond)} | ${fmt(r.first.endToEndSeconds, 1)} s | ${fmt(f.ordersCreated)} | ${fmt(f.customersCreated)} | ${fmt(f.productsCreated)} | ${fmt(f.badRowCount)} | ${fmt(r.again.jobSeconds, 1)} s, ${fmt(r.again.linesPerSecond)} | ${fmt(a.ordersCreated + a.linesCreated)} / ${fmt(a.ordersUpdated + a.linesUpdated)} | ${mib(r.rssBeforeKiB)} → ${mib(r.peakRssKiB)} | ${r.loadAverage ? `${fmt(r.loadAverage[0], 1)} → ${fmt(r.loadAverage[1], 1)}` : '—'} |`,
      );
    }
  }
  if (done.length) out.push('', ...memoryNotes);
  return out.join('\n');
}

/** Where the server's memory went, and what keeps it under the target (measured 2026-12-02: 375 → 241 MiB before the import, 829 → 457 MiB at the peak). */
const memoryNotes = [
  'Load average: the machine’s 1-minute load when the first import started → when the second ended; on a shared 2-core machine a load above 2 means the server waited for a core, and lines/s fall with it.',
  '',
  'How the server stays under 500 MB (each measured with `process.memoryUsage()` and V8 heap-space sampling, GC traces and heap snapshots of the server during the import):',
  '',
  '- **Before any request** (375 → ~240 MiB): Node 24’s module loader handed JavaScript drizzle-orm’s whole 178 KB package.json, and parsed its `exports` afresh, for every one of the ~600 modules that import drizzle or are part of it: ~300 MB of short-lived garbage at startup, which V8 grew the heap to hold. `src/platform/module-resolution.ts` (registered by `src/main.ts` before the server is loaded) answers each bare specifier once per package and each relative `.js` of an ESM package directly, exactly as Node would. A server on PostgreSQL no longer loads PGlite (`src/platform/db/open.ts`).',
  '- **The file’s text**: the CSV parser’s fields are slices of the decoded chunk (64 KB, 128 KB once a “€” makes it two-byte), and V8 keeps a slice’s parent alive: the e-mail and phone caches of the import held 20–40 MB of the file. Keys that outlive their batch are now copied (`detached-text.ts`).',
  '- **Heap growth**: with ~90 MB alive after each full GC, V8 let the old generation reach 400–500 MB before collecting (its growing factor goes up to 4× while collecting looks costly next to allocating). `src/platform/heap-growth.ts` sets it to 1.5×: a full GC every several seconds of import, mostly concurrent.',
  '- Unchanged and checked: the upload streams to disk (the blob store) and the job streams it back; 2,000-line batches of whole orders written in one statement each; the caches of e-mails, phones (20,000), identities and products (50,000) are bounded; the order tally keeps 12 bytes per order.',
];
