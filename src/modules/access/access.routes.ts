// HTTP routes for sign-in, users and API tokens.
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import {
  apiTokenSchema,
  createdTokenSchema,
  createTokenBody,
  createUserBody,
  loginBody,
  loginResponse,
  meSchema,
  updateUserBody,
  userListQuery,
  userSchema,
} from './access.contract.ts';
import { permissionsOf } from './access.policy.ts';
import { clearSessionCookie, principalOf, setSessionCookie } from './access.http.ts';
import type { Principal } from './actor.ts';
import { login, logout } from './sessions.service.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.service.ts';
import { createUser, getUser, listUsers, updateUser } from './users.service.ts';
import type { Ctx } from '../../context.ts';

async function me(ctx: Ctx, principal: Principal) {
  const user = await getUser(ctx, principal, principal.userId);
  return { ...user, permissions: permissionsOf(user.role), via: principal.via, csrfToken: principal.csrfToken };
}

export function registerAccessRoutes(app: Api): void {
  app.post(
    '/api/v1/auth/login',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in: sets the session cookie and returns a bearer token',
        body: loginBody,
        response: { 200: loginResponse, ...problems(400, 401, 422, 429) },
      },
    },
    async (request, reply) => {
      const result = await login(request.ctx, {
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(reply, result.token, result.expiresAt, request.ctx.config.http.cookieSecure);
      return {
        token: result.token,
        csrfToken: result.csrfToken,
        expiresAt: result.expiresAt.toISOString(),
        user: await me(request.ctx, result.principal),
      };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out (ends this session)', response: { 204: z.null(), ...problems(401) } } },
    async (request, reply) => {
      await logout(request.ctx, principalOf(request));
      clearSessionCookie(reply, request.ctx.config.http.cookieSecure);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/session',
    { schema: { tags: ['auth'], summary: 'The signed-in user, permissions and CSRF token', response: { 200: meSchema, ...problems(401) } } },
    async (request) => me(request.ctx, principalOf(request)),
  );

  app.get(
    '/api/v1/users',
    { schema: { tags: ['users'], summary: 'List users', querystring: userListQuery, response: { 200: pageOf(userSchema), ...problems(400, 401, 403) } } },
    async (request) => listUsers(request.ctx, principalOf(request), request.query),
  );

  app.post(
    '/api/v1/users',
    { schema: { tags: ['users'], summary: 'Create a user (admins)', body: createUserBody, response: { 201: userSchema, ...problems(401, 403, 409, 422) } } },
    async (request, reply) => reply.code(201).send(await createUser(request.ctx, principalOf(request), request.body)),
  );

  app.get(
    '/api/v1/users/:id',
    { schema: { tags: ['users'], summary: 'Get a user', params: idParams, response: { 200: userSchema, ...problems(401, 403, 404) } } },
    async (request) => getUser(request.ctx, principalOf(request), request.params.id),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Update a user: admins change role, scope and activation; anyone their own name, language, password',
        params: idParams,
        body: updateUserBody,
        response: { 200: userSchema, ...problems(401, 403, 404, 422) },
      },
    },
    async (request) => updateUser(request.ctx, principalOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Deactivate a user (their history stays; they can no longer sign in)',
        params: idParams,
        response: { 204: z.null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await updateUser(request.ctx, principalOf(request), request.params.id, { active: false });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'List API tokens (yours, or a user’s for admins)',
        querystring: z.strictObject({ userId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(apiTokenSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await listApiTokens(request.ctx, principalOf(request), request.query.userId) }),
  );

  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; the token is in this response only',
        body: createTokenBody,
        response: { 201: createdTokenSchema, ...problems(401, 403, 404, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createApiToken(request.ctx, principalOf(request), request.body)),
  );

  app.delete(
    '/api/v1/tokens/:id',
    { schema: { tags: ['tokens'], summary: 'Revoke an API token', params: idParams, response: { 204: z.null(), ...problems(401, 403, 404) } } },
    async (request, reply) => {
      await revokeApiToken(request.ctx, principalOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
