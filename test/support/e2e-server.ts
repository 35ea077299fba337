// A real Comptoir for one browser test file: in-memory PGlite, migrated, the real services
// and HTTP app serving the built web app on a free port, seeded with a brand, a team, an
// admin, an agent and a few cases through the real services (the same factories as the
// integration tests). `apiAs` acts as another user over HTTP, e.g. to change a case while
// the browser looks at it. With `mailRelay`, a job worker runs and e-mail goes to that relay.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { buildApp } from '../../src/app.ts';
import { ctxOf, type Ctx, type Services } from '../../src/context.ts';
import { systemActor } from '../../src/modules/access/actor.ts';
import { createUser } from '../../src/modules/access/users.service.ts';
import { updateCase } from '../../src/modules/cases/case-changes.ts';
import type { CaseDto } from '../../src/modules/cases/cases.contract.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { openPglite } from '../../src/platform/db/pglite.ts';
import { createLogger } from '../../src/platform/log.ts';
import { createServices } from '../../src/runtime.ts';
import { buildJobRegistry } from '../../src/jobs.ts';
import { JobWorker } from '../../src/platform/jobs/worker.ts';
import { buildBrand, buildCase, buildTeam } from './factories.ts';
import { PASSWORD } from './harness.ts';

export { PASSWORD };

export interface SeededUser {
  id: string;
  email: string;
  name: string;
}

export interface ApiAs {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
}

export interface E2eServer {
  url: string;
  services: Services;
  ctx: Ctx;
  brandId: string;
  teamId: string;
  admin: SeededUser;
  agent: SeededUser;
  /** Seeded cases: gardena (new, high, X), billing (new, urgent, e-mail), part (solved, web form). */
  cases: { gardena: CaseDto; billing: CaseDto; part: CaseDto };
  /** Signs `email` in with a bearer token and calls the API over HTTP as them. */
  apiAs(email: string): Promise<ApiAs>;
  close(): Promise<void>;
}

export async function startE2eServer(options: { env?: Record<string, string>; mailRelay?: string } = {}): Promise<E2eServer> {
  const database = await openPglite({});
  const blobDir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-blobs-'));
  let app: FastifyInstance | undefined;
  let services: Services | undefined;
  let worker: JobWorker<Ctx> | undefined;
  try {
    await migrate(database);
    const mail = options.mailRelay ? { COMPTOIR_SMTP_URL: options.mailRelay, COMPTOIR_MAIL_FROM: 'SAV Jardins & Co <sav@jardins.test>' } : {};
    const config = loadConfig({ ...process.env, NODE_ENV: 'test', COMPTOIR_BLOB_DIR: blobDir, ...mail, ...options.env });
    services = createServices(config, database, { log: createLogger('silent') });
    await services.realtime.start();
    const ctx = ctxOf(services);

    const system = systemActor('e2e-seed');
    const brand = await buildBrand(ctx, { slug: 'jardins-et-co', name: 'Jardins & Co' });
    const newUser = (role: 'admin' | 'agent', name: string, email: string) =>
      createUser(ctx, system, { email, name, role, password: PASSWORD, language: 'fr', active: true, brandIds: [], storeIds: [] });
    const admin = await newUser('admin', 'Alice Admin', 'alice.admin@jardins.test');
    const agent = await newUser('agent', 'Camille Martin', 'camille.martin@jardins.test');
    const team = await buildTeam(ctx, { slug: 'sav-jardin', name: 'SAV Jardin', memberIds: [agent.id] });

    const part = await buildCase(ctx, brand.id, {
      subject: 'Pièce électronique arrivée défectueuse',
      message: 'La pièce à 400 dollars commandée en ligne ne fonctionne pas à la livraison.',
      customer: { email: 'sam.lee@example.com', firstName: 'Sam', lastName: 'Lee', language: 'en' },
      channel: 'webform',
      reason: 'return',
    });
    await updateCase(ctx, system, part.id, { status: 'solved' });
    const billing = await buildCase(ctx, brand.id, {
      subject: 'Double facturation de la révision',
      message: 'Le concessionnaire m’a facturé deux fois la même réparation de boîte de vitesses.',
      customer: { email: 'jeanne.dupont@example.fr', firstName: 'Jeanne', lastName: 'Dupont' },
      channel: 'email',
      priority: 'urgent',
      reason: 'billing',
    });
    const gardena = await buildCase(ctx, brand.id, {
      subject: 'Programmateur Gardena qui inonde le jardin',
      message: 'Mon programmateur d’arrosage Gardena acheté chez Truffaut a inondé le jardin pour la deuxième fois.',
      customer: { email: 'marc.petit@example.fr', firstName: 'Marc', lastName: 'Petit' },
      channel: 'x',
      priority: 'high',
      reason: 'breakdown',
      teamId: team.id,
      assigneeId: agent.id,
      tags: ['arrosage'],
    });

    if (options.mailRelay) {
      const s = services;
      worker = new JobWorker<Ctx>({ database, registry: buildJobRegistry(), context: () => ctxOf(s), clock: s.clock, log: s.log, concurrency: 4, pollMs: 100 });
      await worker.start();
      services.jobs.attach(worker);
    }
    app = await buildApp(services, { web: true });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const running = app;
    const runningServices = services;

    return {
      url,
      services,
      ctx,
      brandId: brand.id,
      teamId: team.id,
      admin: { id: admin.id, email: admin.email, name: admin.name },
      agent: { id: agent.id, email: agent.email, name: agent.name },
      cases: { gardena, billing, part: { ...part, status: 'solved' } },
      async apiAs(email) {
        const login = await fetch(`${url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: PASSWORD }),
        });
        if (login.status !== 200) throw new Error(`login as ${email} failed: ${login.status} ${await login.text()}`);
        const { token } = (await login.json()) as { token: string };
        return {
          async request(method, path, body, headers = {}) {
            const response = await fetch(`${url}${path}`, {
              method,
              headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
              ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
            });
            const text = await response.text();
            return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
          },
        };
      },
      async close() {
        await running.close();
        runningServices.jobs.attach(undefined);
        await worker?.stop();
        await runningServices.realtime.stop();
        runningServices.channels.email.close();
        await database.close();
        rmSync(blobDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app?.close();
    await worker?.stop();
    await services?.realtime.stop();
    await database.close();
    rmSync(blobDir, { recursive: true, force: true });
    throw error;
  }
}

/** Signs in on the login page as `email` (the test password), and waits for the inbox. */
export async function signInOnPage(page: Page, server: E2eServer, email: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/cases$/);
}
