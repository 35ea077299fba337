// @mentions in internal notes: who may be mentioned on a case (the colleagues who see its
// internal notes: active users with full access to it), and telling each one mentioned — a
// row in user_notification written in the note's own transaction, and a live signal to
// their open screens once it commits.
import { and, asc, eq, exists, inArray, ne, not, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { invalid } from '../../platform/errors.ts';
import { signalUsers } from '../../platform/events/user-signals.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { appUser, userBrand, userStore } from '../access/access.schema.ts';
import type { Actor } from '../access/actor.ts';
import { loadForWrite } from '../cases/case-changes.ts';
import { USER_NOTIFICATION_SIGNAL } from './user-notifications.contract.ts';
import { userNotification } from './user-notifications.schema.ts';

export interface MentionableUser {
  id: string;
  name: string;
  email: string;
}

/** Users whose brand and store scope gives them full access to a case of this brand and store. */
export function fullAccessTo(c: { brandId: string; storeId: string | null }): SQL {
  const brands = (extra?: SQL) => exists(sql`(SELECT 1 FROM ${userBrand} WHERE ${userBrand.userId} = ${appUser.id}${extra ? sql` AND ${extra}` : sql``})`);
  const stores = (extra?: SQL) => exists(sql`(SELECT 1 FROM ${userStore} WHERE ${userStore.userId} = ${appUser.id}${extra ? sql` AND ${extra}` : sql``})`);
  return and(
    eq(appUser.active, true),
    or(not(brands()), brands(eq(userBrand.brandId, c.brandId))),
    c.storeId ? or(not(stores()), stores(eq(userStore.storeId, c.storeId))) : not(stores()),
  )!;
}

const MAX_LISTED = 500;

/** Colleagues the actor may mention on this case (not the actor), by name. */
export async function mentionableUsers(ctx: Ctx, actor: Actor, caseId: string): Promise<MentionableUser[]> {
  const { c } = await loadForWrite(ctx, actor, caseId, undefined);
  return ctx.db
    .select({ id: appUser.id, name: appUser.name, email: appUser.email })
    .from(appUser)
    .where(and(fullAccessTo(c), actor.userId ? ne(appUser.id, actor.userId) : undefined))
    .orderBy(asc(appUser.name), asc(appUser.id))
    .limit(MAX_LISTED);
}

/**
 * Tells each mentioned colleague about the note `eventId`; call in the note's transaction.
 * Someone who cannot see the case's notes is refused (422): the note is not written either.
 */
export async function notifyMentioned(tx: Ctx, actor: Actor, c: { id: string; brandId: string; storeId: string | null }, eventId: string, userIds: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(userIds)].filter((id) => id !== actor.userId);
  if (wanted.length === 0) return [];
  const found = await tx.db.select({ id: appUser.id }).from(appUser).where(and(inArray(appUser.id, wanted), fullAccessTo(c)));
  const allowed = new Set(found.map((u) => u.id));
  const refused = wanted.filter((id) => !allowed.has(id));
  if (refused.length) throw invalid('mentions', `${refused.join(', ')}: not a colleague who can see this case’s internal notes`);
  const now = tx.clock.now();
  await tx.db.insert(userNotification).values(
    wanted.map((userId) => ({ id: uuidv7(now.getTime()), userId, kind: 'mention' as const, caseId: c.id, eventId, actorUserId: actor.userId, createdAt: now, readAt: null })),
  );
  signalUsers(tx.realtime, tx.db, { userIds: wanted, event: USER_NOTIFICATION_SIGNAL, data: { kind: 'mention', caseId: c.id, eventId, at: now.toISOString() } });
  return wanted;
}
