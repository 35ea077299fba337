// The repairs a purchase has had, as the rulebook reads them: the day each successful repair
// was completed (the legal guarantee runs six more months after a repair in France).
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { repair } from './workflows.schema.ts';

export async function completedRepairsOf(ctx: Ctx, orderLineId: string): Promise<{ completedAt: string }[]> {
  const rows = await ctx.db
    .select({ completedAt: repair.completedAt })
    .from(repair)
    .where(and(eq(repair.orderLineId, orderLineId), eq(repair.outcome, 'repaired'), isNotNull(repair.completedAt)))
    .orderBy(asc(repair.completedAt));
  return rows.map((r) => ({ completedAt: r.completedAt! }));
}
