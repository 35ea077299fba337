// The channel accounts admin API: mailboxes, widgets, counters… with write-only secrets.
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { principalOf } from '../../modules/access/access.http.ts';
import { negotiateLanguage } from '../../platform/i18n/i18n.ts';
import { channelAccountSchema, connectionTestSchema, createAccountBody, updateAccountBody } from './accounts.contract.ts';
import { testAccountConnection } from './accounts.connection.ts';
import { createAccount, deleteAccount, listAccounts, loadAccount, presentAccount, updateAccount } from './accounts.service.ts';
import { requirePermission } from '../../modules/access/actor.ts';

const tags = ['channels'];
const write = problems(400, 401, 403, 404, 409, 422);

export function registerAccountRoutes(app: Api): void {
  app.get('/api/v1/channel-accounts', { schema: { tags, summary: 'List channel accounts (mailboxes, chat widgets, counters…)', response: { 200: z.object({ items: z.array(channelAccountSchema) }), ...problems(401, 403) } } }, async (req) => ({
    items: await listAccounts(req.ctx, principalOf(req)),
  }));
  app.post('/api/v1/channel-accounts', { schema: { tags, summary: 'Connect a channel account; secrets are stored encrypted and never returned', body: createAccountBody, response: { 201: channelAccountSchema, ...write } } }, async (req, reply) =>
    reply.code(201).send(await createAccount(req.ctx, principalOf(req), req.body)),
  );
  app.get('/api/v1/channel-accounts/:id', { schema: { tags, summary: 'Get a channel account', params: idParams, response: { 200: channelAccountSchema, ...problems(401, 403, 404) } } }, async (req) => {
    requirePermission(principalOf(req), 'org.read');
    return presentAccount(req.ctx, await loadAccount(req.ctx, req.params.id));
  });
  app.patch('/api/v1/channel-accounts/:id', { schema: { tags, summary: 'Change a channel account (secrets given replace those of the same name)', params: idParams, body: updateAccountBody, response: { 200: channelAccountSchema, ...write } } }, async (req) =>
    updateAccount(req.ctx, principalOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/channel-accounts/:id/test',
    {
      schema: {
        tags,
        summary: 'Test the account for real (IMAP login, SMTP relay, Twilio account…); each check is explained in the Accept-Language (admins)',
        params: idParams,
        response: { 200: connectionTestSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => testAccountConnection(req.ctx, principalOf(req), req.params.id, negotiateLanguage(req.headers['accept-language'])),
  );
  app.delete('/api/v1/channel-accounts/:id', { schema: { tags, summary: 'Remove a channel account that has no message', params: idParams, response: { 204: z.null(), ...write } } }, async (req, reply) => {
    await deleteAccount(req.ctx, principalOf(req), req.params.id);
    return reply.code(204).send(null);
  });
}
