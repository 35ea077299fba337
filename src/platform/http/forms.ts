// The bodies the customer's pages post: multipart/form-data (forms with files, read as a
// stream by multipart.ts) and application/x-www-form-urlencoded (plain forms). Registered on
// the customer-side scope only, so the agent API keeps accepting JSON alone.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

export async function acceptHtmlForms(scope: FastifyInstance): Promise<void> {
  await scope.register(fastifyMultipart);
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
}

/** Multipart alone, for a scope of agent routes that take files (uploads before a reply). */
export async function acceptFileUploads(scope: FastifyInstance): Promise<void> {
  await scope.register(fastifyMultipart);
}
