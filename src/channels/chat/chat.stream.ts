// The visitor's live stream (Server-Sent Events): agent messages as they are delivered, the
// agent typing, the agent having read, the conversation ending (the visitor closed it, or the case was solved).
// Reconnecting with Last-Event-ID (or ?lastEventId= after a page reload) replays the chat lines
// missed. While it is open the conversation counts as reachable (chat.reach.ts): answers come
// here instead of going by e-mail.
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../../context.ts';
import { openSse } from '../../platform/http/sse.ts';
import { isUuid } from '../../platform/ids.ts';
import { savCase } from '../../modules/cases/cases.schema.ts';
import { chatLines, type ChatLine } from './chat.history.ts';
import type { ConversationRow } from './chat.conversations.ts';
import { touchVisitor } from './chat.conversations.ts';
import { markChatDelivered } from './chat.outbound.ts';
import { VISITOR_HEARTBEAT_MS } from './chat.reach.ts';
import { onChatSignal } from './chat.signals.ts';

const isEnded = (status: string | undefined) => status === 'solved' || status === 'closed';

export async function streamToVisitor(req: FastifyRequest, reply: FastifyReply, ctx: Ctx, conversation: ConversationRow, headers: Record<string, string>, lastEventId: string | undefined): Promise<void> {
  for (const [name, value] of Object.entries(headers)) reply.raw.setHeader(name, value);
  const stream = openSse(req, reply);
  let caseId = conversation.caseId;
  const sent = new Set<string>();
  const fail = (error: unknown) => req.log.warn({ err: error, conversationId: conversation.id }, 'chat stream: could not send');

  const sendLine = async (line: ChatLine) => {
    if (sent.has(line.id)) return;
    sent.add(line.id);
    stream.send({ id: line.id, event: 'message', data: line });
    if (line.author === 'agent') await markChatDelivered(ctx, line.id);
  };
  const sendEnded = () => stream.send({ event: 'ended', data: { conversationId: conversation.id } });
  const checkCaseEnded = async () => {
    if (!caseId) return;
    const [c] = await ctx.db.select({ status: savCase.status }).from(savCase).where(eq(savCase.id, caseId));
    if (isEnded(c?.status)) sendEnded();
  };

  // Signals that arrive while the replay runs wait for it, so lines keep their order.
  let replaying = true;
  const held: (() => Promise<void>)[] = [];
  const later = (work: () => Promise<void>) => (replaying ? held.push(work) : void work().catch(fail));
  const unsubscribe = onChatSignal(ctx, (s) => {
    if (s.conversationId !== conversation.id) return;
    if (s.kind === 'case') caseId = s.caseId;
    else if (s.kind === 'message' && caseId) {
      const id = caseId;
      later(async () => {
        for (const line of await chatLines(ctx, id, { ids: [s.eventId] })) await sendLine(line);
      });
    } else if (s.kind === 'agent_typing') stream.send({ event: 'typing', data: { typing: s.typing, name: s.name } });
    else if (s.kind === 'agent_read') stream.send({ event: 'read', data: {} });
    else if (s.kind === 'ended') sendEnded();
  });
  // The case solved by an agent ends the conversation on the visitor's side too.
  const unlisten = ctx.events.listen((e) => {
    if (e.type === 'case.timeline' && e.eventType === 'status_changed' && e.caseId === caseId) void checkCaseEnded().catch(fail);
  });
  const heartbeat = setInterval(() => void touchVisitor(ctx, conversation.id).catch(fail), VISITOR_HEARTBEAT_MS);
  heartbeat.unref();
  stream.onClose(() => {
    unsubscribe();
    unlisten();
    clearInterval(heartbeat);
    // The visitor is gone from now, not from the last beat: answers go by e-mail sooner.
    void touchVisitor(ctx, conversation.id).catch(fail);
  });

  try {
    await touchVisitor(ctx, conversation.id);
    if (caseId) {
      const after = lastEventId && isUuid(lastEventId) ? lastEventId : undefined;
      for (const line of await chatLines(ctx, caseId, { afterId: after })) await sendLine(line);
    }
    if (conversation.state === 'ended') sendEnded();
    else await checkCaseEnded();
  } finally {
    replaying = false;
    for (const work of held.splice(0)) await work().catch(fail);
  }
  stream.send({ event: 'ready', data: { conversationId: conversation.id, caseId } });
}
