// Webhooks are signed over the body's exact bytes (X, Meta, Twilio, our own scheme), and
// what is stored is those bytes: a scope that keeps them on the request (req.rawBody)
// before parsing. JSON is parsed from the same bytes; forms are left to the route.
import { AppError } from '../errors.ts';
import type { Api } from './api.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body's exact bytes, for routes that check a signature over them. */
    rawBody?: Buffer;
  }
}

/** Keeps the raw body of JSON requests in this scope; a body that is not JSON is a 400. */
export function keepRawJsonBody(scope: Api): void {
  scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    req.rawBody = body as Buffer;
    try {
      done(null, JSON.parse((body as Buffer).toString('utf8')));
    } catch (error) {
      done(new AppError('bad_request', 'The body is not valid JSON', { cause: error }), undefined);
    }
  });
}

/** Keeps the raw body of form-encoded requests in this scope; `parse` turns it into fields. */
export function keepRawFormBody<T>(scope: Api, parse: (body: string) => T): void {
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (req, body, done) => {
    req.rawBody = body as Buffer;
    done(null, parse((body as Buffer).toString('utf8')));
  });
}
