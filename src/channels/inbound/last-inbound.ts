// When an account's last message arrived: what a connection test of a webhook channel can
// say of it (Comptoir waits for the provider; a date shows the provider is calling).
import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { inboundMessage } from './inbound.schema.ts';

export async function lastInboundAt(ctx: Pick<Ctx, 'db'>, accountId: string): Promise<Date | null> {
  const [last] = await ctx.db
    .select({ at: inboundMessage.receivedAt })
    .from(inboundMessage)
    .where(eq(inboundMessage.accountId, accountId))
    .orderBy(desc(inboundMessage.receivedAt))
    .limit(1);
  return last?.at ?? null;
}
