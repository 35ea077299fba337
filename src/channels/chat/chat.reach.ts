// Whether an answer can go to the visitor in the live chat: the conversation is still open and
// its visitor's stream was connected a moment ago (chat.stream.ts refreshes visitor_seen_at
// while it is open). Past that, answers go by e-mail (destination.ts), so a visitor who closed
// the tab still hears from us.
import { and, desc, eq, gt } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { chatConversation } from './chat.schema.ts';

/** A visitor not seen for this long has left: a page closed, a phone asleep. */
export const VISITOR_RECENT_MS = 2 * 60_000;
/** How often an open visitor stream says it is still there (well within VISITOR_RECENT_MS). */
export const VISITOR_HEARTBEAT_MS = 30_000;

export async function reachableConversationOf(ctx: Pick<Ctx, 'db' | 'clock'>, caseId: string): Promise<string | null> {
  const since = new Date(ctx.clock.now().getTime() - VISITOR_RECENT_MS);
  const [row] = await ctx.db
    .select({ id: chatConversation.id })
    .from(chatConversation)
    .where(and(eq(chatConversation.caseId, caseId), eq(chatConversation.state, 'open'), gt(chatConversation.visitorSeenAt, since)))
    .orderBy(desc(chatConversation.createdAt))
    .limit(1);
  return row?.id ?? null;
}
