// A Comptoir for one test file: real database (PGlite or PostgreSQL), real services, the
// real HTTP app driven with app.inject, an injectable clock, and a worker to drain jobs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { ctxOf, type Ctx, type Services } from '../../src/context.ts';
import { buildJobRegistry } from '../../src/jobs.ts';
import { ManualClock, systemClock, type Clock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/log.ts';
import { JobWorker } from '../../src/platform/jobs/worker.ts';
import { createServices } from '../../src/runtime.ts';
import { systemActor } from '../../src/modules/access/actor.ts';
import { createUser } from '../../src/modules/access/users.service.ts';
import type { Role } from '../../src/modules/access/access.schema.ts';
import { testDatabase, type TestDatabase } from './database.ts';

export interface Harness {
  services: Services;
  database: TestDatabase;
  ctx: Ctx;
  app: FastifyInstance;
  clock: Clock;
  worker: JobWorker<Ctx>;
  /** Signs a new user in and returns a client that sends their bearer token. */
  userClient(role: Role, options?: { brandIds?: string[]; storeIds?: string[]; email?: string; name?: string }): Promise<Client>;
  close(): Promise<void>;
}

export interface Client {
  userId: string;
  email: string;
  token: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

let userCounter = 0;
export const PASSWORD = 'correct horse battery staple';

export async function startHarness(options: { clock?: ManualClock; env?: Record<string, string> } = {}): Promise<Harness> {
  const database = await testDatabase();
  // Attachments of this file go to a folder of its own, removed at the end.
  const blobDir = mkdtempSync(join(tmpdir(), 'comptoir-test-blobs-'));
  const config = loadConfig({ ...process.env, COMPTOIR_BLOB_DIR: blobDir, ...options.env });
  const clock = options.clock ?? systemClock;
  const services = createServices(config, database, { clock, log: createLogger('silent') });
  await services.realtime.start();
  const app = await buildApp(services, { web: false });
  await app.ready();
  const ctx = ctxOf(services);
  const worker = new JobWorker<Ctx>({
    database,
    registry: buildJobRegistry(),
    context: () => ctxOf(services),
    clock,
    log: services.log,
    concurrency: 4,
    pollMs: 50,
  });

  const clientFor = (userId: string, email: string, token: string): Client => {
    const request = (o: InjectOptions) =>
      app.inject({ ...o, headers: { authorization: `Bearer ${token}`, ...(o.headers ?? {}) } });
    return {
      userId,
      email,
      token,
      request,
      get: (url, headers) => request({ method: 'GET', url, ...(headers ? { headers } : {}) }),
      post: (url, body, headers) => request({ method: 'POST', url, ...(body !== undefined ? { payload: body as object } : {}), ...(headers ? { headers } : {}) }),
      patch: (url, body, headers) => request({ method: 'PATCH', url, payload: body as object, ...(headers ? { headers } : {}) }),
      delete: (url, headers) => request({ method: 'DELETE', url, ...(headers ? { headers } : {}) }),
    };
  };

  return {
    services,
    database,
    ctx,
    app,
    clock,
    worker,
    async userClient(role, o = {}) {
      const email = o.email ?? `${role}.${++userCounter}.${Date.now()}@test.comptoir`;
      const user = await createUser(ctx, systemActor('test'), {
        email,
        name: o.name ?? `${role} ${userCounter}`,
        role,
        password: PASSWORD,
        language: 'fr',
        active: true,
        brandIds: o.brandIds ?? [],
        storeIds: o.storeIds ?? [],
      });
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      return clientFor(user.id, email, res.json().token);
    },
    async close() {
      await worker.stop();
      await app.close();
      await services.notifier.drain();
      await services.realtime.stop();
      await database.close();
      rmSync(blobDir, { recursive: true, force: true });
    },
  };
}
