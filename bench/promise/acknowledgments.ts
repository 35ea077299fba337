// Acknowledgment latency under a burst: 1,000 cases opened through the API as fast as 32
// clients can, each with a new customer's e-mail; the server sends every acknowledgment
// through a real SMTP relay (smtp-server on loopback, started here). For each case: from the
// moment its POST left the client (receipt) to the moment the relay had the whole mail, after
// a warm-up of a few dozen cases that is not measured.
import { ArrivalLatencies, startRelay } from '../relay.ts';
import { signIn, createOrganisation } from '../bootstrap.ts';
import type { EngineName } from '../engine.ts';
import { BENCH_ADMIN, startFreshServer } from '../fresh-server.ts';
import { summarise, type LatencySummary } from '../stats.ts';

export interface AcknowledgmentResult {
  engine: EngineName;
  cases: number;
  concurrency: number;
  /** Until the last POST answered. */
  burstSeconds: number;
  acknowledged: number;
  /** POST sent → acknowledgment received by the relay. */
  latency: LatencySummary;
  /** Inside the server: case written → acknowledgment handed to the relay (sent_at − created_at). */
  serverLatency: LatencySummary;
  /** Until the last acknowledgment arrived. */
  drainedSeconds: number;
}

const NUMBER = /\b(SAV-\d{4}-\d{6,})\b/;

export async function measureAcknowledgments(
  engine: EngineName,
  options: { cases: number; concurrency: number; postgresUrl: string; logFile: string; timeoutMs?: number; serverEnv?: Record<string, string> },
): Promise<AcknowledgmentResult> {
  const tag = `ack${Date.now().toString(36)}`;
  // Paired by the case number, known once its POST answers and named in its acknowledgment.
  const acks = new ArrivalLatencies();
  const { latencies } = acks;
  const relay = await startRelay((raw, at) => {
    const number = NUMBER.exec(raw)?.[1];
    if (number) acks.arrived(number, at);
  });
  const { target, server, http } = await startFreshServer(engine, {
    tag,
    postgresUrl: options.postgresUrl,
    logFile: options.logFile,
    extraEnv: { COMPTOIR_SMTP_URL: `smtp://127.0.0.1:${relay.port}`, COMPTOIR_MAIL_FROM: 'SAV <sav@bench.comptoir.fr>', ...options.serverEnv },
    maxSockets: options.concurrency,
  });
  let stopped = false;
  try {
    await signIn(http, BENCH_ADMIN.email, BENCH_ADMIN.password);
    const org = await createOrganisation(http, tag);
    const open = (i: number) =>
      http.post<{ number: string }>('/api/v1/cases', {
        customer: { email: `client.${i}.${tag}@bench.comptoir`, firstName: 'Client', lastName: `N°${i}` },
        subject: 'Ma commande est arrivée abîmée',
        message: 'Bonjour, le colis est arrivé écrasé et le produit ne fonctionne pas.',
        channel: 'email',
        brandId: org.brandId,
      });
    // Warm-up (JIT, prepared statements, pooled SMTP connections), not measured.
    const warmup = Math.max(10, Math.round(options.cases / 20));
    for (let i = 0; i < warmup; i++) await open(-1 - i);
    const warmDeadline = performance.now() + 30_000;
    while (acks.unpaired < warmup && performance.now() < warmDeadline) await new Promise((r) => setTimeout(r, 20));
    acks.forgetUnpaired();

    const t0 = performance.now();
    const measured: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < options.cases) {
        const i = next++;
        const start = performance.now();
        const res = await open(i);
        measured.push(res.body.number);
        if (res.status !== 201) throw new Error(`POST /api/v1/cases answered ${res.status}`);
        acks.started(res.body.number, start);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const burstSeconds = (performance.now() - t0) / 1000;
    const deadline = performance.now() + (options.timeoutMs ?? 120_000);
    while (latencies.length < options.cases && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // The server's own account, read once it has stopped (PGlite is one process's at a time).
    http.close();
    await server.stop();
    stopped = true;
    const sql = await target.connect();
    let inServer: number[];
    try {
      const rows = await sql.query<{ ms: number }>(
        `SELECT extract(epoch FROM (d.sent_at - c.created_at)) * 1000 AS ms
         FROM message_delivery d JOIN sav_case c ON c.id = d.case_id
         WHERE d.sent_at IS NOT NULL AND c.number = ANY($1::text[])`,
        [measured],
      );
      inServer = rows.map((r) => Number(r.ms)).sort((a, b) => a - b);
    } finally {
      await sql.close();
    }
    return {
      engine,
      cases: options.cases,
      concurrency: options.concurrency,
      burstSeconds: Number(burstSeconds.toFixed(2)),
      acknowledged: latencies.length,
      latency: summarise(latencies.sort((a, b) => a - b)),
      serverLatency: summarise(inServer),
      drainedSeconds: Number(((acks.lastArrival - t0) / 1000).toFixed(2)),
    };
  } finally {
    http.close();
    if (!stopped) await server.stop();
    await relay.close();
    await target.drop();
  }
}
