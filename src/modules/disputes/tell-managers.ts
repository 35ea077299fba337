// Telling the people who answer for a case that it needs them: the lead of its team, or,
// when the team has none (or the case none), the active managers who fully see the case.
// A row in user_notification (the bell) per person, written in the caller's transaction, and
// a live signal to their open screens once it commits — the way mentions are told.
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { signalUsers } from '../../platform/events/user-signals.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { appUser } from '../access/access.schema.ts';
import { team } from '../org/org.schema.ts';
import { fullAccessTo } from '../user-notifications/mentions.ts';
import { USER_NOTIFICATION_SIGNAL, type userNotificationKinds } from '../user-notifications/user-notifications.contract.ts';
import { userNotification } from '../user-notifications/user-notifications.schema.ts';

type Kind = Exclude<(typeof userNotificationKinds)[number], 'mention'>;

interface CaseScope {
  id: string;
  brandId: string;
  storeId: string | null;
  teamId: string | null;
}

/** The team's lead if active and allowed to see the case; else the managers who fully see it. */
export async function managersOf(ctx: Ctx, c: CaseScope): Promise<string[]> {
  if (c.teamId) {
    const [lead] = await ctx.db
      .select({ id: appUser.id })
      .from(team)
      .innerJoin(appUser, eq(appUser.id, team.leadUserId))
      .where(and(eq(team.id, c.teamId), fullAccessTo(c)));
    if (lead) return [lead.id];
  }
  const managers = await ctx.db.select({ id: appUser.id }).from(appUser).where(and(eq(appUser.role, 'manager'), fullAccessTo(c)));
  return managers.map((m) => m.id);
}

/** One notification per person about the timeline event `eventId` (the warning itself). */
export async function tellUsers(tx: Ctx, userIds: readonly string[], kind: Kind, c: CaseScope, eventId: string): Promise<void> {
  const wanted = [...new Set(userIds)];
  if (wanted.length === 0) return;
  const now = tx.clock.now();
  // Only people still active and in scope at this moment.
  const found = await tx.db.select({ id: appUser.id }).from(appUser).where(and(inArray(appUser.id, wanted), fullAccessTo(c)));
  const told = found.map((u) => u.id);
  if (told.length === 0) return;
  await tx.db
    .insert(userNotification)
    .values(told.map((userId) => ({ id: uuidv7(now.getTime()), userId, kind, caseId: c.id, eventId, actorUserId: null, createdAt: now, readAt: null })));
  signalUsers(tx.realtime, tx.db, { userIds: told, event: USER_NOTIFICATION_SIGNAL, data: { kind, caseId: c.id, eventId, at: now.toISOString() } });
}
