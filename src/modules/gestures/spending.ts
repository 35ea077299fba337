// What has been spent, for the authority check: by a user this calendar month (the workspace's
// time zone), and on a case. A gesture counts against whoever's authority granted it — its
// granter when it needed no approval, its approver when it did.
import { and, eq, gte, isNull, lt, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { monthWindow } from './authority.ts';
import { gesture } from './gestures.schema.ts';

const total = sql<string | null>`sum(${gesture.costAmount})`;

/**
 * Holds the user's spending for the rest of the transaction: two grants at once on two cases
 * (two tabs, an approval and a grant) must not both fit in what is left of the same month.
 */
export async function lockSpending(tx: Ctx, userId: string | null): Promise<void> {
  if (userId) await queryRows(tx.db, sql`SELECT pg_advisory_xact_lock(hashtext(${`gesture-spending:${userId}`}))`);
}

export async function spentThisMonth(ctx: Ctx, userId: string | null, currency: string): Promise<number> {
  if (!userId) return 0;
  const { start, end } = monthWindow(ctx.config.defaults.timezone, ctx.clock.now());
  const [row] = await ctx.db
    .select({ total })
    .from(gesture)
    .where(
      and(
        eq(gesture.currency, currency),
        gte(gesture.grantedAt, start),
        lt(gesture.grantedAt, end),
        or(and(eq(gesture.grantedBy, userId), isNull(gesture.approvedBy)), eq(gesture.approvedBy, userId)),
      ),
    );
  return Number(row?.total ?? 0);
}

export async function spentOnCase(ctx: Ctx, caseId: string, currency: string): Promise<number> {
  const [row] = await ctx.db.select({ total }).from(gesture).where(and(eq(gesture.caseId, caseId), eq(gesture.currency, currency)));
  return Number(row?.total ?? 0);
}
