// Inbound e-mail, end to end: a burst of customers' e-mails sent by SMTP to the server's own
// SMTP server (as a relay forwards them), each from a new customer; the server stores each one,
// processes it into a case and sends its acknowledgment through a real relay (started here).
// Measured: how fast the SMTP server accepts them, how fast they become cases with their
// acknowledgment sent, and, for each, the time from the start of its SMTP exchange to its
// acknowledgment at the relay (the acknowledgment answers it: In-Reply-To names its Message-ID).
import nodemailer from 'nodemailer';
import { signIn, createOrganisation } from '../bootstrap.ts';
import type { EngineName } from '../engine.ts';
import { BENCH_ADMIN, startFreshServer } from '../fresh-server.ts';
import { ArrivalLatencies, startRelay } from '../relay.ts';
import { freePort } from '../server.ts';
import { summarise, type LatencySummary } from '../stats.ts';

export interface EmailInboundResult {
  engine: EngineName;
  emails: number;
  connections: number;
  /** Until the SMTP server had accepted the last one. */
  acceptSeconds: number;
  acceptedPerSecond: number;
  /** Until the last acknowledgment reached the relay. */
  doneSeconds: number;
  processedPerSecond: number;
  acknowledged: number;
  /** Start of the SMTP exchange → acknowledgment at the relay. */
  latency: LatencySummary;
}

const IN_REPLY_TO = /^In-Reply-To:\s*<([^>]+)>/im;

export async function measureEmailInbound(
  engine: EngineName,
  options: { emails: number; connections: number; postgresUrl: string; logFile: string; cpuProfDir?: string | undefined; serverEnv?: Record<string, string>; timeoutMs?: number },
): Promise<EmailInboundResult> {
  const tag = `mail${Date.now().toString(36)}`;
  // Paired by the mail's Message-ID, which the acknowledgment names in In-Reply-To.
  const acks = new ArrivalLatencies();
  const { latencies } = acks;
  const relay = await startRelay((raw, at) => {
    const id = IN_REPLY_TO.exec(raw)?.[1];
    if (id) acks.arrived(id, at);
  });
  const smtpPort = await freePort();
  const { target, server, http } = await startFreshServer(engine, {
    tag,
    postgresUrl: options.postgresUrl,
    logFile: options.logFile,
    cpuProfDir: options.cpuProfDir,
    extraEnv: {
      ...options.serverEnv,
      COMPTOIR_SMTP_URL: `smtp://127.0.0.1:${relay.port}`,
      COMPTOIR_MAIL_FROM: 'SAV <sav@bench.comptoir.fr>',
      COMPTOIR_SMTP_INBOUND_PORT: String(smtpPort),
      COMPTOIR_SMTP_INBOUND_HOST: '127.0.0.1',
    },
  });
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true, pool: true, maxConnections: options.connections, maxMessages: Infinity });
  try {
    await signIn(http, BENCH_ADMIN.email, BENCH_ADMIN.password);
    const org = await createOrganisation(http, tag);
    const account = await http.post('/api/v1/channel-accounts', { channel: 'email', name: 'SAV', address: 'sav@bench.comptoir.fr', brandId: org.brandId });
    if (account.status !== 201) throw new Error(`creating the mailbox answered ${account.status}`);
    const send = (i: number) =>
      transport.sendMail({
        from: `Client ${i} <client.${i}.${tag}@bench.comptoir>`,
        to: 'sav@bench.comptoir.fr',
        subject: `Colis abîmé, commande ${100000 + i}`,
        text: 'Bonjour,\nle colis est arrivé écrasé et l’appareil ne s’allume pas. Que faire ?\nMerci.',
        messageId: `<bench-${i}-${tag}@bench.comptoir>`,
      });
    // Warm-up, not measured.
    await Promise.all(Array.from({ length: 20 }, (_, i) => send(-1 - i)));
    await new Promise((r) => setTimeout(r, 2_000));
    acks.forgetUnpaired();

    const t0 = performance.now();
    let next = 0;
    const sender = async () => {
      while (next < options.emails) {
        const i = next++;
        const id = `bench-${i}-${tag}@bench.comptoir`;
        const started = performance.now();
        await send(i);
        acks.started(id, started);
      }
    };
    await Promise.all(Array.from({ length: options.connections }, sender));
    const acceptSeconds = (performance.now() - t0) / 1000;
    const deadline = performance.now() + (options.timeoutMs ?? 300_000);
    while (latencies.length < options.emails && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const doneSeconds = (acks.lastArrival - t0) / 1000;
    return {
      engine,
      emails: options.emails,
      connections: options.connections,
      acceptSeconds: Number(acceptSeconds.toFixed(2)),
      acceptedPerSecond: Math.round(options.emails / acceptSeconds),
      doneSeconds: Number(doneSeconds.toFixed(2)),
      processedPerSecond: Math.round(latencies.length / doneSeconds),
      acknowledged: latencies.length,
      latency: summarise(latencies.sort((a, b) => a - b)),
    };
  } finally {
    transport.close();
    http.close();
    await server.stop();
    await relay.close();
    await target.drop();
  }
}
