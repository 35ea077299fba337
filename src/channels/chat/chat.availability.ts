// Is the chat open now? Open means both: the team's calendar is open (the account's team,
// else the default calendar; with no calendar at all, hours do not close it), and at least one
// agent who answers is there — a member of that team (any agent when the account names no
// team) whose console sent its heartbeat within PRESENCE_MS. When closed, the widget offers
// the offline form instead.
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { appUser } from '../../modules/access/access.schema.ts';
import { teamMember } from '../../modules/org/org.schema.ts';
import { calendarOf } from '../../modules/sla/clock-rules.ts';
import type { AccountRow } from '../connector.ts';
import { chatAgentPresence } from './chat.schema.ts';

/** The console beats every 30 s; two missed beats and the agent is gone. */
export const PRESENCE_MS = 75_000;
/** Roles that answer customers. */
export const ANSWERING_ROLES = ['admin', 'manager', 'agent', 'community_manager'] as const;

export type Availability = { open: true; reason: null } | { open: false; reason: 'outside_hours' | 'no_agent' };

export async function hoursOpen(ctx: Ctx, account: Pick<AccountRow, 'teamId'>, at: Date): Promise<boolean> {
  const { lookup } = await ctx.policyBook.get(ctx.db);
  const calendarId = (account.teamId ? lookup.teamCalendar.get(account.teamId) : undefined) ?? lookup.defaultCalendarId;
  const spec = calendarId ? lookup.calendars.get(calendarId) : undefined;
  return spec ? calendarOf(spec).isOpenAt(at.getTime()) : true;
}

export async function agentsPresent(ctx: Ctx, account: Pick<AccountRow, 'teamId'>, at: Date): Promise<number> {
  const since = new Date(at.getTime() - PRESENCE_MS);
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(chatAgentPresence)
    .innerJoin(appUser, eq(appUser.id, chatAgentPresence.userId))
    .where(
      and(
        gt(chatAgentPresence.seenAt, since),
        eq(appUser.active, true),
        inArray(appUser.role, [...ANSWERING_ROLES]),
        account.teamId ? inArray(chatAgentPresence.userId, ctx.db.select({ id: teamMember.userId }).from(teamMember).where(eq(teamMember.teamId, account.teamId))) : undefined,
      ),
    );
  return row?.n ?? 0;
}

export async function availabilityOf(ctx: Ctx, account: Pick<AccountRow, 'teamId'>): Promise<Availability> {
  const now = ctx.clock.now();
  if (!(await hoursOpen(ctx, account, now))) return { open: false, reason: 'outside_hours' };
  if ((await agentsPresent(ctx, account, now)) === 0) return { open: false, reason: 'no_agent' };
  return { open: true, reason: null };
}

/** An agent's console is open (its heartbeat). */
export async function recordPresence(ctx: Pick<Ctx, 'db' | 'clock'>, userId: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.insert(chatAgentPresence).values({ userId, seenAt: now }).onConflictDoUpdate({ target: chatAgentPresence.userId, set: { seenAt: now } });
}
