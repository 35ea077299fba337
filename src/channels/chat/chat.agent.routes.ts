// The agents' side of the live chat: the console's heartbeat (presence: is anyone there to
// answer?), the agent typing on a chat case, and a stream of the visitor's transient signals
// (typing, read) for a console showing that case. Answers themselves go through the usual
// reply API; their delivery on the chat is the delivery job's (chat.outbound.ts).
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { forbidden } from '../../platform/errors.ts';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { openSse } from '../../platform/http/sse.ts';
import { principalOf } from '../../modules/access/access.http.ts';
import { requirePermission } from '../../modules/access/actor.ts';
import { loadVisibleCase } from '../../modules/cases/cases.read.ts';
import { recordPresence } from './chat.availability.ts';
import { typingBody } from './chat.contract.ts';
import { chatConversation } from './chat.schema.ts';
import { onChatSignal, publishChatSignal } from './chat.signals.ts';

const tags = ['chat'];

export function registerChatAgentRoutes(app: Api): void {
  app.post(
    '/api/v1/chat/presence',
    { schema: { tags, summary: 'The console is open: the agent counts as available for the live chat for 75 s (send every 30 s)', response: { 204: z.null(), ...problems(401, 403) } } },
    async (req, reply) => {
      const principal = principalOf(req);
      requirePermission(principal, 'cases.write');
      await recordPresence(req.ctx, principal.userId);
      return reply.code(204).send(null);
    },
  );

  /** The open conversation of a case the agent works, if any. */
  const conversationOf = async (req: FastifyRequest<{ Params: { id: string } }>) => {
    const principal = principalOf(req);
    requirePermission(principal, 'cases.write');
    const { access } = await loadVisibleCase(req.ctx, principal, req.params.id);
    if (access !== 'full') throw forbidden('Only those who work this case answer on it');
    const [conversation] = await req.ctx.db
      .select({ id: chatConversation.id })
      .from(chatConversation)
      .where(and(eq(chatConversation.caseId, req.params.id), eq(chatConversation.state, 'open')))
      .orderBy(desc(chatConversation.createdAt))
      .limit(1);
    return { principal, conversationId: conversation?.id };
  };

  app.post(
    '/api/v1/cases/:id/chat/typing',
    { schema: { tags, summary: 'The agent is typing an answer on this chat case (or stopped): shown in the visitor’s widget', params: idParams, body: typingBody, response: { 204: z.null(), ...problems(401, 403, 404) } } },
    async (req, reply) => {
      const { principal, conversationId } = await conversationOf(req);
      if (conversationId) publishChatSignal(req.ctx, { kind: 'agent_typing', conversationId, typing: req.body.typing, name: principal.name.split(/\s+/)[0] ?? '' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/cases/:id/chat/read',
    { schema: { tags, summary: 'The agent has read the visitor’s messages on this chat case: the widget shows them read', params: idParams, response: { 204: z.null(), ...problems(401, 403, 404) } } },
    async (req, reply) => {
      const { conversationId } = await conversationOf(req);
      if (conversationId) publishChatSignal(req.ctx, { kind: 'agent_read', conversationId });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/cases/:id/chat/signals',
    { schema: { tags, summary: 'Server-Sent Events for a console showing a chat case: the visitor typing (typing), reading (read), leaving (ended)', params: idParams, response: { 200: z.string().describe('text/event-stream'), ...problems(401, 403, 404) } } },
    async (req, reply) => {
      const principal = principalOf(req);
      requirePermission(principal, 'cases.read');
      await loadVisibleCase(req.ctx, principal, req.params.id);
      const stream = openSse(req, reply);
      const caseId = req.params.id;
      const unsubscribe = onChatSignal(req.ctx, (s) => {
        if (s.kind === 'visitor_typing' && s.caseId === caseId) stream.send({ event: 'typing', data: { typing: s.typing } });
        else if (s.kind === 'visitor_read' && s.caseId === caseId) stream.send({ event: 'read', data: { eventId: s.eventId } });
        else if (s.kind === 'ended' && s.caseId === caseId) stream.send({ event: 'ended', data: {} });
      });
      stream.onClose(unsubscribe);
      stream.send({ event: 'ready', data: { caseId } });
    },
  );
}
