// A user's own notifications (the bell): listed unread first, then newest first, only for
// cases they still fully see; marked read one by one or all at once.
import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { decodeCursor, paginate } from '../../platform/http/pagination.ts';
import { appUser } from '../access/access.schema.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { caseEvent, savCase } from '../cases/cases.schema.ts';
import type { UserNotificationDto } from './user-notifications.contract.ts';
import { userNotification } from './user-notifications.schema.ts';

const EXCERPT = 160;
const author = alias(appUser, 'author');

function me(actor: Actor): string {
  requirePermission(actor, 'cases.read');
  return actor.userId!;
}

/** The cases the actor fully sees (their brand and store scope), as a condition. */
function inScope(actor: Actor): SQL | undefined {
  return and(
    actor.scope.brandIds ? inArray(savCase.brandId, [...actor.scope.brandIds]) : undefined,
    actor.scope.storeIds ? inArray(savCase.storeId, [...actor.scope.storeIds]) : undefined,
  );
}

export const excerptOf = (text: string | null) => {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
};

// Unread first (0), then read (1); newest first within each.
const readRank = sql<number>`(CASE WHEN ${userNotification.readAt} IS NULL THEN 0 ELSE 1 END)`;

export async function listUserNotifications(ctx: Ctx, actor: Actor, q: { limit: number; cursor?: string | undefined }) {
  const userId = me(actor);
  const mine = and(eq(userNotification.userId, userId), inScope(actor));
  const where: (SQL | undefined)[] = [mine];
  if (q.cursor) {
    const [rank, id] = decodeCursor(q.cursor, 2) as [number, string];
    where.push(or(sql`${readRank} > ${rank}`, and(sql`${readRank} = ${rank}`, lt(userNotification.id, id))));
  }
  const rows = await ctx.db
    .select({ n: userNotification, number: savCase.number, subject: savCase.subject, body: caseEvent.bodyText, authorName: author.name })
    .from(userNotification)
    .innerJoin(savCase, eq(savCase.id, userNotification.caseId))
    .innerJoin(caseEvent, eq(caseEvent.id, userNotification.eventId))
    .leftJoin(author, eq(author.id, userNotification.actorUserId))
    .where(and(...where))
    .orderBy(readRank, desc(userNotification.id))
    .limit(q.limit + 1);
  const page = paginate(rows, q.limit, (r) => [r.n.readAt ? 1 : 0, r.n.id]);
  const [unread] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(userNotification)
    .innerJoin(savCase, eq(savCase.id, userNotification.caseId))
    .where(and(mine, isNull(userNotification.readAt)));
  const items: UserNotificationDto[] = page.items.map((r) => ({
    id: r.n.id,
    kind: r.n.kind,
    case: { id: r.n.caseId, number: r.number, subject: r.subject },
    eventId: r.n.eventId,
    actor: { id: r.n.actorUserId, name: r.authorName },
    excerpt: excerptOf(r.body),
    createdAt: r.n.createdAt.toISOString(),
    readAt: r.n.readAt?.toISOString() ?? null,
  }));
  return { items, unreadCount: unread?.count ?? 0, nextCursor: page.nextCursor };
}

const unreadOf = (userId: string, ids: string[] | null) =>
  and(eq(userNotification.userId, userId), isNull(userNotification.readAt), ids ? inArray(userNotification.id, ids) : undefined);

/** Marks one of the actor's notifications read (already read: unchanged); another user's is a 404. */
export async function markNotificationRead(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const userId = me(actor);
  const [found] = await ctx.db.select({ id: userNotification.id }).from(userNotification).where(and(eq(userNotification.id, id), eq(userNotification.userId, userId)));
  if (!found) throw notFound('notification', id);
  await ctx.db.update(userNotification).set({ readAt: ctx.clock.now() }).where(unreadOf(userId, [id]));
}

export async function markAllNotificationsRead(ctx: Ctx, actor: Actor): Promise<{ updated: number }> {
  const userId = me(actor);
  const updated = await ctx.db.update(userNotification).set({ readAt: ctx.clock.now() }).where(unreadOf(userId, null)).returning({ id: userNotification.id });
  return { updated: updated.length };
}
