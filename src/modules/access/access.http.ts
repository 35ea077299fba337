// Authentication for every HTTP request: a Bearer token (API token or session token) or the
// session cookie of the web app. Cookie-authenticated writes must carry the session's CSRF
// token in X-CSRF-Token (double submit; SameSite=Lax is the second line). Runs on
// onRequest, before the body is read, so strangers cannot make us parse large bodies.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ctxOf, type Ctx, type Services } from '../../context.ts';
import { safeEqual } from '../../platform/crypto/tokens.ts';
import { AppError } from '../../platform/errors.ts';
import { anonymousActor, type Actor, type Principal } from './actor.ts';
import { resolveCredential } from './sessions.service.ts';

export const SESSION_COOKIE = 'comptoir_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    ctx: Ctx;
  }
  interface FastifyContextConfig {
    /** required (default under /api/): 401 without credentials; optional: principal if any; public: never looked at. */
    auth?: 'required' | 'optional' | 'public';
  }
}

export function registerAuth(app: FastifyInstance, services: Services): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.addHook('onRequest', async (request) => {
    request.ctx = ctxOf(services);
    const mode = request.routeOptions.config?.auth ?? defaultMode(request.url);
    if (mode === 'public') return;
    const { token, fromCookie } = credentialOf(request);
    if (token) {
      const principal = await resolveCredential(request.ctx, token);
      if (!principal) throw new AppError('unauthenticated', 'The session or token is invalid, expired or revoked');
      if (fromCookie && !SAFE_METHODS.has(request.method)) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !principal.csrfToken || !safeEqual(sent, principal.csrfToken)) {
          throw new AppError('forbidden', 'Missing or wrong X-CSRF-Token header for a cookie-authenticated request');
        }
      }
      request.principal = { ...principal, ip: request.ip };
    } else if (mode === 'required') {
      throw new AppError('unauthenticated', 'Sign in, or send an API token as Authorization: Bearer <token>');
    }
  });
}

/** The API requires credentials unless a route says otherwise; the web app's files and the API docs do not. */
function defaultMode(url: string): 'required' | 'public' {
  return url.startsWith('/api/') && !url.startsWith('/api/docs') ? 'required' : 'public';
}

function credentialOf(request: FastifyRequest): { token: string | undefined; fromCookie: boolean } {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError('unauthenticated', 'Authorization must be "Bearer <token>"');
    return { token: match[1], fromCookie: false };
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  return { token: cookie || undefined, fromCookie: !!cookie };
}

/** The signed-in principal of a route that requires one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated', 'Sign in first');
  return request.principal;
}

/** The actor for a public route: the principal when signed in, else an anonymous visitor. */
export function actorOf(request: FastifyRequest): Actor {
  return request.principal ?? anonymousActor(`ip:${request.ip}`, request.ip);
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
