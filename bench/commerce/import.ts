// Importing a year of till receipts as an administrator does, through the API: a generated POS
// export (pos-export.ts) uploaded with its column mapping to POST /api/v1/order-imports (the
// dry run skipped), then GET /api/v1/order-imports/:id polled until the job is done. Measured:
// lines per second (the job's own start and end, and from the start of the upload), and the
// server's peak RSS (VmHWM: the most it ever held resident, import included) against the
// 500 MB target. Then the same file again: idempotent, it must create and change nothing.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { signIn } from '../bootstrap.ts';
import type { EngineName } from '../engine.ts';
import { BENCH_ADMIN, startFreshServer } from '../fresh-server.ts';
import { expectStatus } from '../http.ts';
import { posExportMapping, writePosExport, type PosExportPlan } from './pos-export.ts';

interface ImportState {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  linesDone: number;
  linesTotal: number | null;
  ordersFound: number;
  ordersCreated: number;
  ordersUpdated: number;
  linesCreated: number;
  linesUpdated: number;
  customersCreated: number;
  productsCreated: number;
  badRowCount: number;
  problem: { code: string; message: string } | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ImportRun {
  uploadSeconds: number;
  /** From the job's start to its end (the import row's startedAt → finishedAt). */
  jobSeconds: number;
  linesPerSecond: number;
  /** From the first byte of the upload to the import done, as the admin waits for it. */
  endToEndSeconds: number;
  endToEndLinesPerSecond: number;
  result: Omit<ImportState, 'id' | 'problem' | 'startedAt' | 'finishedAt'>;
}

export interface OrderImportResult {
  engine: EngineName;
  lines: number;
  tickets: number;
  fileBytes: number;
  stores: number;
  skus: number;
  first: ImportRun;
  /** The same file imported again. */
  again: ImportRun;
  /** VmHWM before the first upload (server started, organisation created). */
  rssBeforeKiB: number;
  peakRssKiB: number;
  /** The machine's 1-minute load average when the first import started and when the second ended (others' work slows the lines/s). */
  loadAverage: [number, number];
}

export async function measureOrderImport(
  engine: EngineName,
  options: { plan: PosExportPlan; postgresUrl: string; logFile: string; workDir: string; cpuProfDir?: string | undefined; serverEnv?: Record<string, string>; pollMs: number },
): Promise<OrderImportResult> {
  const tag = `imp${Date.now().toString(36)}`;
  const file = join(options.workDir, `pos-export-${tag}.csv`);
  const generated = await writePosExport(file, options.plan);
  const { target, server, http } = await startFreshServer(engine, {
    tag,
    postgresUrl: options.postgresUrl,
    logFile: options.logFile,
    cpuProfDir: options.cpuProfDir,
    extraEnv: options.serverEnv ?? {},
  });
  try {
    await signIn(http, BENCH_ADMIN.email, BENCH_ADMIN.password);
    const brand = expectStatus(await http.post<{ id: string }>('/api/v1/brands', { slug: `pos-${tag}`, name: 'Maison Comptoir (import)' }), 201, 'create brand');
    for (const [i, code] of generated.storeCodes.entries()) {
      const body = { brandId: brand.id, code, name: `Magasin ${i + 1}`, kind: 'store', country: 'FR', timezone: 'Europe/Paris' };
      expectStatus(await http.post('/api/v1/stores', body), 201, 'create store');
    }
    const rssBeforeKiB = server.peakRssKiB();
    const fields = { sourceName: 'Caisses magasins', brandId: brand.id, mapping: JSON.stringify(posExportMapping), options: JSON.stringify({ currency: 'EUR' }) };
    const importOnce = async (): Promise<ImportRun> => {
      const started = performance.now();
      const queued = await uploadFile(server.url, http.token!, fields, file);
      const uploadSeconds = (performance.now() - started) / 1000;
      let state: ImportState;
      for (;;) {
        state = expectStatus(await http.get<ImportState>(`/api/v1/order-imports/${queued.id}`), 200, 'import progress');
        server.peakRssKiB();
        if (state.state === 'done' || state.state === 'failed') break;
        await new Promise((r) => setTimeout(r, options.pollMs));
      }
      if (state.state === 'failed') throw new Error(`the import failed: ${state.problem?.code}: ${state.problem?.message}`);
      const endToEndSeconds = (performance.now() - started) / 1000;
      const jobSeconds = (Date.parse(state.finishedAt!) - Date.parse(state.startedAt!)) / 1000;
      const { id: _id, problem: _p, startedAt: _s, finishedAt: _f, ...result } = state;
      return {
        uploadSeconds: round(uploadSeconds),
        jobSeconds: round(jobSeconds),
        linesPerSecond: Math.round(state.linesDone / Math.max(jobSeconds, 0.001)),
        endToEndSeconds: round(endToEndSeconds),
        endToEndLinesPerSecond: Math.round(state.linesDone / endToEndSeconds),
        result,
      };
    };
    const loadAtStart = loadavg()[0]!;
    const first = await importOnce();
    const again = await importOnce();
    return {
      engine,
      lines: generated.lines,
      tickets: generated.tickets,
      fileBytes: generated.bytes,
      stores: options.plan.stores,
      skus: options.plan.skus,
      first,
      again,
      rssBeforeKiB,
      peakRssKiB: server.peakRssKiB(),
      loadAverage: [round(loadAtStart), round(loadavg()[0]!)],
    };
  } finally {
    http.close();
    await server.stop();
    await target.drop();
    rmSync(file, { force: true });
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * POST multipart/form-data streamed from the file on disk, as a browser uploads it: the text
 * fields first, then the file. The benchmark never holds the file in memory either.
 */
async function uploadFile(baseUrl: string, token: string, fields: Record<string, string>, path: string): Promise<{ id: string }> {
  const boundary = `----comptoir-bench-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    Object.entries(fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ventes-magasins.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const { size } = await stat(path);
  const url = new URL('/api/v1/order-imports', baseUrl);
  const req = request({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + size + tail.length, accept: 'application/json' },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  req.write(head);
  for await (const chunk of createReadStream(path)) {
    if (!req.write(chunk)) await once(req, 'drain');
  }
  req.end(tail);
  const { status, body } = await answer;
  if (status !== 202) throw new Error(`upload: expected HTTP 202, got ${status}: ${body.slice(0, 500)}`);
  return JSON.parse(body) as { id: string };
}
