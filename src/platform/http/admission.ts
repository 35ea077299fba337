// Requests that open cases (and so owe their customers an acknowledgment) wait, before any
// work, while this process's worker still owes earlier acknowledgments (JobWorker.admit): in a
// burst the promise "you will hear from us within seconds" is kept for the cases already taken
// in, and new requests take a little longer instead. A route opts in with `config: { opensCases: true }`.
import type { FastifyInstance } from 'fastify';
import type { JobQueue } from '../jobs/queue.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Opens cases: waits for the acknowledgments already owed (platform/http/admission.ts). */
    opensCases?: boolean;
  }
}

export function registerAdmission(app: FastifyInstance, jobs: JobQueue): void {
  app.addHook('preHandler', async (request) => {
    if (request.routeOptions.config?.opensCases) await jobs.admit();
  });
}
