// Wiring a running Comptoir: opens the database, applies migrations, creates the services,
// and starts the roles asked for (web: HTTP + realtime; worker: jobs + schedules).
import { Registry } from 'prom-client';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { ctxOf, type Ctx, type Services } from './context.ts';
import type { DomainEvent } from './domain-events.ts';
import { buildJobRegistry, buildSchedules, registerSubscribers } from './jobs.ts';
import { createOutboundChannels } from './channels/outbound.ts';
import { startImapWatchers } from './channels/email/imap-poller.ts';
import { startSmtpInbound, type RunningSmtpServer } from './channels/email/smtp-inbound.ts';
import { openBlobStore } from './platform/blobs/open.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { SecretBox } from './platform/crypto/secrets.ts';
import type { Database } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { openDatabase } from './platform/db/open.ts';
import { openPostgres } from './platform/db/postgres.ts';
import { DomainEvents } from './platform/events/domain-events.ts';
import { RealtimeHub } from './platform/events/realtime.ts';
import { Notifier } from './platform/events/notifier.ts';
import { JobMetrics } from './platform/jobs/metrics.ts';
import { JobQueue } from './platform/jobs/queue.ts';
import { Scheduler } from './platform/jobs/scheduler.ts';
import { JobWorker } from './platform/jobs/worker.ts';
import { createLogger, type Logger } from './platform/log.ts';
import { PolicyBook } from './modules/sla/policy-book.ts';
import { TemplateBook } from './modules/notifications/templates.service.ts';
import { AccountBook } from './channels/accounts/account-book.ts';
import { coalesceOn } from './platform/db/coalescing.ts';

export function createServices(config: Config, database: Database, options: { clock?: Clock; log?: Logger } = {}): Services {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger(config.logLevel);
  const notifier = new Notifier(database, log);
  const jobs = new JobQueue(clock, notifier);
  const realtime = new RealtimeHub(database, notifier, log);
  const events = new DomainEvents<DomainEvent>(jobs, realtime);
  // Concurrent requests' credential checks, the delivery jobs' reads…: one round trip for the
  // calls of one turn of the event loop (platform/db/coalescing.ts).
  coalesceOn(database.db, { autocommit: true });
  const services: Services = {
    config,
    clock,
    log,
    database,
    jobs,
    realtime,
    notifier,
    events,
    secrets: new SecretBox(config.secretKey),
    metrics: new Registry(),
    blobs: openBlobStore(config),
    policyBook: new PolicyBook(),
    templates: new TemplateBook(),
    accounts: new AccountBook(),
    channels: createOutboundChannels(config, clock),
  };
  // Subscribers are known before the first event is emitted: their jobs (and in-transaction
  // work) join the transaction of the change that caused them.
  registerSubscribers(events, (db) => ctxOf(services, db));
  return services;
}

export async function openServices(config: Config, options: { clock?: Clock; log?: Logger } = {}): Promise<Services> {
  const log = options.log ?? createLogger(config.logLevel);
  const database = await openDatabase(config.database, (error) => log.warn({ err: error }, 'database listener error'));
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return createServices(config, database, { ...options, log });
}

export type Role = 'web' | 'worker' | 'all';

export interface Running {
  app: FastifyInstance | undefined;
  worker: JobWorker<Ctx> | undefined;
  url: string | undefined;
  stop(): Promise<void>;
}

const SCHEDULER_TICK_MS = 15_000;

export async function startRoles(services: Services, role: Role): Promise<Running> {
  const { config, log } = services;
  let app: FastifyInstance | undefined;
  let worker: JobWorker<Ctx> | undefined;
  let ticker: NodeJS.Timeout | undefined;
  let url: string | undefined;
  let smtp: RunningSmtpServer | null = null;
  let mailboxes: { stop(): Promise<void> } | undefined;

  let jobPool: Database | undefined;
  if (role === 'worker' || role === 'all') {
    const scheduler = new Scheduler(services.database, services.jobs, services.clock, log);
    for (const s of buildSchedules(config.defaults.timezone)) scheduler.add(s);
    await scheduler.sync();
    // On PostgreSQL, jobs get connections of their own: behind a burst of HTTP requests their
    // queries would otherwise wait in the web pool's queue, and acknowledgments with them
    // (measured: p50 14.7 s instead of well under a second for a burst of 1,000 cases).
    const db = config.database;
    if (db.engine === 'postgres') {
      jobPool = await openPostgres({ url: db.url, poolSize: db.workerPoolSize, parallelWorkers: db.parallelWorkers });
      coalesceOn(jobPool.db, { autocommit: true });
    }
    const jobDatabase: Database = jobPool ? { ...services.database, db: jobPool.db, listen: services.database.listen.bind(services.database) } : services.database;
    worker = new JobWorker<Ctx>({
      database: jobDatabase,
      registry: buildJobRegistry(),
      context: () => ctxOf(services, jobDatabase.db),
      clock: services.clock,
      log,
      concurrency: config.jobs.concurrency,
      pollMs: config.jobs.pollMs,
      metrics: new JobMetrics(services.metrics),
    });
    await worker.start();
    services.jobs.attach(worker);
    mailboxes = startImapWatchers(services);
    const tick = () => scheduler.tick().catch((error: unknown) => log.error({ err: error }, 'scheduler tick failed'));
    void tick();
    ticker = setInterval(tick, SCHEDULER_TICK_MS);
    ticker.unref();
  }
  if (role === 'web' || role === 'all') {
    await services.realtime.start();
    app = await buildApp(services);
    url = await app.listen({ host: config.http.host, port: config.http.port });
    smtp = await startSmtpInbound(services);
    if (smtp) log.info({ port: smtp.port }, 'SMTP server listening for forwarded mail');
  } else {
    await services.realtime.start();
  }

  return {
    app,
    worker,
    url,
    async stop() {
      if (ticker) clearInterval(ticker);
      await smtp?.stop();
      await app?.close();
      await mailboxes?.stop();
      services.jobs.attach(undefined);
      await worker?.stop();
      await jobPool?.close();
      await services.notifier.drain();
      await services.realtime.stop();
      services.channels.email.close();
    },
  };
}
