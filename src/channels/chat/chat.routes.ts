// The visitor's API (public, no login): status, start, messages, stream, typing, read, end,
// and the offline form. Every route of this scope first finds the chat account its URL names
// (by key, or through the conversation) and checks the browser's Origin against the
// account's allowed sites, before the body is even validated: refused origins get a 403
// without CORS headers, allowed ones get CORS headers on every answer, errors included.
import type { FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { Api } from '../../platform/http/api.ts';
import { problems } from '../../platform/http/api.ts';
import { limitPublicRead } from '../../platform/http/public-limits.ts';
import { isUuid } from '../../platform/ids.ts';
import { negotiateLanguage, type Language } from '../../platform/i18n/i18n.ts';
import { brand } from '../../modules/org/org.schema.ts';
import { channelAccount } from '../accounts/accounts.schema.ts';
import type { AccountRow } from '../connector.ts';
import { availabilityOf } from './chat.availability.ts';
import {
  accountKeyParams,
  chatMessageBody,
  chatMessageSentSchema,
  chatStatusSchema,
  conversationParams,
  conversationStartedSchema,
  endBody,
  endedSchema,
  langQuery,
  offlineBody,
  readBody,
  startConversationBody,
  typingBody,
} from './chat.contract.ts';
import { chatAccountByKey, startConversation, visitorConversation } from './chat.conversations.ts';
import { endConversation, leaveOfflineMessage, receiveVisitorMessage, visitorRead, visitorTyping } from './chat.messages.ts';
import { admitOrigin, corsHeaders } from './chat.origin.ts';
import { chatConversation } from './chat.schema.ts';
import { settingsOf } from './chat.settings.ts';
import { streamToVisitor } from './chat.stream.ts';
import { acknowledgmentSchema } from '../webform/webform.contract.ts';

const tags = ['chat'];
const pub = { auth: 'public' as const };
const accounts = new WeakMap<FastifyRequest, { account: AccountRow; origin: string }>();

const admitted = (req: FastifyRequest) => accounts.get(req)!;
const tokenOf = (req: FastifyRequest) => (typeof req.headers['x-chat-token'] === 'string' ? req.headers['x-chat-token'] : undefined);
const languageOf = (req: FastifyRequest, asked: Language | undefined): Language => asked ?? negotiateLanguage(req.headers['accept-language']);

async function accountOfUrl(req: FastifyRequest): Promise<AccountRow> {
  const params = req.params as { key?: string; id?: string };
  if (params.key) return chatAccountByKey(req.ctx, params.key);
  if (params.id && isUuid(params.id)) {
    const [row] = await req.ctx.db.select({ account: channelAccount }).from(chatConversation).innerJoin(channelAccount, eq(channelAccount.id, chatConversation.accountId)).where(eq(chatConversation.id, params.id));
    // A disabled account stops its conversations too, not only new ones.
    if (row?.account.state === 'active') return row.account;
  }
  throw new AppError('not_found', 'No such conversation');
}

export function registerChatRoutes(app: Api): void {
  app.addHook('preValidation', async (req, reply) => {
    const account = await accountOfUrl(req);
    accounts.set(req, { account, origin: admitOrigin(req, reply, account) });
  });

  // CORS preflight: the hook above has checked the origin and set the headers.
  const preflight = { config: pub, schema: { hide: true } };
  app.options('/api/v1/chat/accounts/:key/*', preflight, async (_req, reply) => reply.code(204).send());
  app.options('/api/v1/chat/conversations/:id/*', preflight, async (_req, reply) => reply.code(204).send());

  app.get(
    '/api/v1/chat/accounts/:key/status',
    { config: pub, schema: { tags, summary: 'Is the live chat open (team hours and an agent there)? With the brand and the greeting in the visitor’s language', security: [], params: accountKeyParams, querystring: langQuery, response: { 200: chatStatusSchema, ...problems(403, 404, 429) } } },
    async (req) => {
      const { account } = admitted(req);
      await limitPublicRead(req.ctx, req.ip);
      const language = languageOf(req, req.query.lang);
      const availability = await availabilityOf(req.ctx, account);
      const [owner] = account.brandId ? await req.ctx.db.select({ name: brand.name }).from(brand).where(eq(brand.id, account.brandId)) : [];
      return { ...availability, brand: owner?.name ?? account.name, language, greeting: settingsOf(account.settings).greeting[language] ?? null };
    },
  );

  app.post(
    '/api/v1/chat/accounts/:key/conversations',
    { config: pub, schema: { tags, summary: 'Start a conversation (name and e-mail optional); returns the visitor token', security: [], params: accountKeyParams, body: startConversationBody, response: { 201: conversationStartedSchema, ...problems(400, 403, 404, 422, 429) } } },
    async (req, reply) => {
      const { account, origin } = admitted(req);
      await limitPublicRead(req.ctx, req.ip);
      const language = languageOf(req, req.body.lang);
      const { conversation, token } = await startConversation(req.ctx, account, { name: req.body.name, email: req.body.email, language, origin });
      return reply.code(201).send({ conversationId: conversation.id, token, language });
    },
  );

  app.post(
    '/api/v1/chat/accounts/:key/offline',
    { config: { ...pub, opensCases: true }, schema: { tags, summary: 'Leave a message when the chat is closed: opens a case answered by e-mail, acknowledged on screen and by e-mail', security: [], params: accountKeyParams, body: offlineBody, response: { 201: acknowledgmentSchema, 200: acknowledgmentSchema, ...problems(400, 403, 404, 422, 429) } } },
    async (req, reply) => {
      const { account } = admitted(req);
      const done = await leaveOfflineMessage(req.ctx, req.ip, account, { clientId: req.body.clientId, name: req.body.name, email: req.body.email, message: req.body.message, language: languageOf(req, req.body.lang) });
      if (done.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(done.replayed ? 200 : 201).send(done.acknowledgment);
    },
  );

  app.post(
    '/api/v1/chat/conversations/:id/messages',
    { config: { ...pub, opensCases: true }, schema: { tags, summary: 'Send a visitor message (X-Chat-Token); the same clientId twice is one message; the first one opens the case and returns its acknowledgment', security: [], params: conversationParams, body: chatMessageBody, response: { 201: chatMessageSentSchema, 200: chatMessageSentSchema, ...problems(400, 403, 404, 409, 422, 429) } } },
    async (req, reply) => {
      const { conversation, account } = await visitorConversation(req.ctx, req.params.id, tokenOf(req));
      const { replayed, ...sent } = await receiveVisitorMessage(req.ctx, req.ip, conversation, account, req.body);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(replayed ? 200 : 201).send(sent);
    },
  );

  app.get(
    '/api/v1/chat/conversations/:id/stream',
    {
      config: pub,
      schema: {
        tags,
        summary: 'Server-Sent Events for the visitor: message (agent answers, and the history on connect), typing, ended; Last-Event-ID replays what was missed',
        security: [],
        params: conversationParams,
        querystring: z.strictObject({ token: z.string().max(400), lastEventId: z.uuid().optional().describe('After a page reload, where the widget left off') }),
        response: { 200: z.string().describe('text/event-stream'), ...problems(403, 404, 429) },
      },
    },
    async (req, reply) => {
      const { conversation } = await visitorConversation(req.ctx, req.params.id, req.query.token);
      await limitPublicRead(req.ctx, req.ip);
      const header = req.headers['last-event-id'];
      await streamToVisitor(req, reply, req.ctx, conversation, corsHeaders(admitted(req).origin), typeof header === 'string' ? header : req.query.lastEventId);
    },
  );

  const signal = (path: string, summary: string) => ({ path, options: { config: pub, schema: { tags, summary, security: [], params: conversationParams, response: { 204: z.null(), ...problems(400, 403, 404, 422, 429) } } } });

  const typing = signal('/api/v1/chat/conversations/:id/typing', 'The visitor is typing (or stopped): shown to the agents on the case');
  app.post(typing.path, { ...typing.options, schema: { ...typing.options.schema, body: typingBody } }, async (req, reply) => {
    const { conversation } = await visitorConversation(req.ctx, req.params.id, tokenOf(req));
    await limitPublicRead(req.ctx, req.ip);
    visitorTyping(req.ctx, conversation, req.body.typing);
    return reply.code(204).send(null);
  });

  const read = signal('/api/v1/chat/conversations/:id/read', 'The visitor has seen the agent messages up to this one: their deliveries become read');
  app.post(read.path, { ...read.options, schema: { ...read.options.schema, body: readBody } }, async (req, reply) => {
    const { conversation } = await visitorConversation(req.ctx, req.params.id, tokenOf(req));
    await limitPublicRead(req.ctx, req.ip);
    await visitorRead(req.ctx, conversation, req.body.eventId);
    return reply.code(204).send(null);
  });

  app.post(
    '/api/v1/chat/conversations/:id/end',
    { config: pub, schema: { tags, summary: 'End the conversation; with transcript: true, the conversation is sent by e-mail', security: [], params: conversationParams, body: endBody, response: { 200: endedSchema, ...problems(400, 403, 404, 422, 429) } } },
    async (req) => {
      const { conversation } = await visitorConversation(req.ctx, req.params.id, tokenOf(req));
      await limitPublicRead(req.ctx, req.ip);
      return { transcript: await endConversation(req.ctx, conversation, req.body) };
    },
  );
}
