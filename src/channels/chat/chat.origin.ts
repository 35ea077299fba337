// Which sites may talk to a chat account: the Origin a browser sends must be one the account
// names (settings.allowedOrigins). Answers to allowed origins carry the CORS headers that let
// the widget read them; anything else is refused before any work is done.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { AccountRow } from '../connector.ts';
import { settingsOf } from './chat.settings.ts';

export function isAllowedOrigin(account: Pick<AccountRow, 'settings'>, origin: string | undefined): origin is string {
  return !!origin && settingsOf(account.settings).allowedOrigins.includes(origin);
}

export function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST',
    'access-control-allow-headers': 'content-type, x-chat-token, last-event-id',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

/** The request's origin, checked; its CORS headers go on the answer (an error's too). */
export function admitOrigin(req: FastifyRequest, reply: FastifyReply, account: Pick<AccountRow, 'settings'>): string {
  const origin = req.headers.origin;
  if (!isAllowedOrigin(account, origin)) throw new AppError('forbidden', 'This site may not use this chat (its origin is not allowed)');
  reply.headers(corsHeaders(origin));
  return origin;
}
