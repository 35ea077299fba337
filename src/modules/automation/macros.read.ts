// Reading macros as a user may see them: the shared ones and their own personal ones.
import { and, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import type { MacroDto } from './macros.contract.ts';
import { macro } from './macros.schema.ts';

export type MacroRow = typeof macro.$inferSelect;

export function presentMacro(r: MacroRow): MacroDto {
  return {
    id: r.id,
    name: r.name,
    bodyFr: r.bodyFr,
    bodyEn: r.bodyEn,
    actions: r.actions,
    active: r.active,
    scope: r.ownerId ? 'personal' : 'shared',
    ownerId: r.ownerId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Shared macros and the actor's own personal ones: nobody sees another's personal macros. */
export const visibleTo = (actor: Actor): SQL => (actor.userId ? or(isNull(macro.ownerId), eq(macro.ownerId, actor.userId))! : isNull(macro.ownerId));

/** A macro the actor may see (shared, or their own personal one); 404 otherwise. */
export async function loadVisibleMacro(ctx: Ctx, actor: Actor, id: string): Promise<MacroRow> {
  const [row] = await ctx.db.select().from(macro).where(and(eq(macro.id, id), visibleTo(actor)));
  if (!row) throw notFound('macro', id);
  return row;
}

