// The headers every response carries: request id, no sniffing, same-origin referrers, and
// a Content-Security-Policy that allows only our own scripts and forbids framing. A route
// may say it is embeddable (the web form, in a retailer's site: framed by the configured
// ancestors only), and a route that sets its own policy (a downloaded file, sandboxed)
// keeps it.
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This page may be shown in a frame on the sites COMPTOIR_FORM_FRAME_ANCESTORS names. */
    embeddable?: boolean;
  }
}

const policy = (frameAncestors: string) =>
  `default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors ${frameAncestors}; base-uri 'none'; form-action 'self'`;

export function registerSecurityHeaders(app: FastifyInstance, options: { embeddableFrameAncestors: string }): void {
  const framed = policy(options.embeddableFrameAncestors);
  const unframed = policy("'none'");
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (request.url.startsWith('/api/docs') || reply.hasHeader('content-security-policy')) return;
    if (request.routeOptions.config?.embeddable) {
      reply.header('content-security-policy', framed);
    } else {
      reply.header('content-security-policy', unframed);
      reply.header('x-frame-options', 'DENY');
    }
  });
}
