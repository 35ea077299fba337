// The live chat's realtime signals, on their own topic of the realtime hub (NOTIFY across app
// processes, platform/events/realtime.ts): an agent message to push, typing, read receipts, a
// conversation that found its case or ended. They are transient: what must last (messages,
// delivery states) is in the database first; a signal only tells the screens now.
import type { Ctx } from '../../context.ts';

export type ChatSignal =
  | { kind: 'case'; conversationId: string; caseId: string }
  | { kind: 'message'; conversationId: string; eventId: string }
  | { kind: 'agent_typing'; conversationId: string; typing: boolean; name: string }
  | { kind: 'agent_read'; conversationId: string }
  | { kind: 'visitor_typing'; conversationId: string; caseId: string; typing: boolean }
  | { kind: 'visitor_read'; conversationId: string; caseId: string; eventId: string }
  | { kind: 'ended'; conversationId: string; caseId: string | null };

const TOPIC = 'chat';

/** Inside a transaction: sent once it commits; outside one: at once. */
export function publishChatSignal(ctx: Pick<Ctx, 'realtime' | 'db'>, signal: ChatSignal): void {
  ctx.realtime.publish(ctx.db, TOPIC, signal);
}

export function onChatSignal(ctx: Pick<Ctx, 'realtime'>, fn: (signal: ChatSignal) => void): () => void {
  return ctx.realtime.subscribe(TOPIC, (data) => fn(data as ChatSignal));
}
