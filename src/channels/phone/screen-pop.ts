// The screen pop: when a call rings, the agents it is for see who calls, the customer behind
// the number and their open cases. Who: the agent the telephony system names (by their
// Comptoir e-mail, or an extension mapped to them), else the members of the line's team.
// The signal carries the call's id; the screen reads the pop with its own permissions.
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { signalUsers } from '../../platform/events/user-signals.ts';
import { caseAccess } from '../../modules/access/access.policy.ts';
import { appUser } from '../../modules/access/access.schema.ts';
import { requirePermission, type Actor } from '../../modules/access/actor.ts';
import { openStatuses } from '../../modules/cases/cases.contract.ts';
import { presentCases, selectCases } from '../../modules/cases/cases.read.ts';
import { savCase } from '../../modules/cases/cases.schema.ts';
import { customer, customerIdentity } from '../../modules/customers/customers.schema.ts';
import { teamMember } from '../../modules/org/org.schema.ts';
import type { CallDto, ScreenPopDto } from './phone.contract.ts';
import { presentCall, type CallRow } from './calls.record.ts';
import { phoneCall, phoneExtension } from './phone.schema.ts';

export const RINGING_EVENT = 'phone.ringing';
export const CALL_UPDATED_EVENT = 'phone.call_updated';

/** The active user the telephony system names, or null. */
export async function agentNamed(ctx: Ctx, agent: { email?: string | undefined; extension?: string | undefined } | undefined): Promise<string | null> {
  if (!agent?.email && !agent?.extension) return null;
  const [found] = await ctx.db
    .select({ id: appUser.id })
    .from(appUser)
    .leftJoin(phoneExtension, eq(phoneExtension.userId, appUser.id))
    .where(
      and(
        eq(appUser.active, true),
        or(agent.email ? eq(appUser.email, agent.email.toLowerCase()) : sql`false`, agent.extension ? eq(phoneExtension.extension, agent.extension) : sql`false`),
      ),
    )
    .orderBy(agent.email ? sql`(${appUser.email} = ${agent.email.toLowerCase()}) DESC` : sql`1`)
    .limit(1);
  return found?.id ?? null;
}

/** Whose screens a call shows on: its agent, else its team's active members. */
export async function callAudience(ctx: Ctx, call: Pick<CallRow, 'agentUserId' | 'teamId'>): Promise<string[]> {
  if (call.agentUserId) return [call.agentUserId];
  if (!call.teamId) return [];
  const rows = await ctx.db
    .select({ id: teamMember.userId })
    .from(teamMember)
    .innerJoin(appUser, eq(appUser.id, teamMember.userId))
    .where(and(eq(teamMember.teamId, call.teamId), eq(appUser.active, true)));
  return rows.map((r) => r.id);
}

/** Tells the call's audience, once the transaction commits. */
export async function signalCall(ctx: Ctx, call: CallRow, event: typeof RINGING_EVENT | typeof CALL_UPDATED_EVENT): Promise<number> {
  const userIds = await callAudience(ctx, call);
  signalUsers(ctx.realtime, ctx.db, { userIds, event, data: { callId: call.id, state: call.state, number: call.number ?? call.numberRaw, at: ctx.clock.now().toISOString() } });
  return userIds.length;
}

/** The customer owning this E.164 number (phone or WhatsApp identity), following merges. */
export async function customerByNumber(ctx: Ctx, number: string): Promise<{ id: string; displayName: string } | null> {
  const [found] = await ctx.db
    .select({ id: customer.id, displayName: customer.displayName, mergedIntoId: customer.mergedIntoId })
    .from(customerIdentity)
    .innerJoin(customer, eq(customer.id, customerIdentity.customerId))
    .where(and(inArray(customerIdentity.kind, ['phone', 'whatsapp']), eq(customerIdentity.system, ''), eq(customerIdentity.value, number)))
    .orderBy(sql`(${customerIdentity.kind} = 'phone') DESC`)
    .limit(1);
  if (!found) return null;
  if (!found.mergedIntoId) return { id: found.id, displayName: found.displayName };
  const [survivor] = await ctx.db.select({ id: customer.id, displayName: customer.displayName }).from(customer).where(eq(customer.id, found.mergedIntoId));
  return survivor ?? null;
}

/** A customer's open cases, most recent activity first (all brands: the caller filters). */
export function openCasesOf(ctx: Ctx, customerId: string, brandId?: string | null) {
  return selectCases(ctx)
    .where(and(eq(savCase.customerId, customerId), inArray(savCase.status, [...openStatuses]), isNull(savCase.mergedIntoId), brandId ? eq(savCase.brandId, brandId) : undefined))
    .orderBy(desc(savCase.lastActivityAt), desc(savCase.id))
    .limit(20);
}

export async function readScreenPop(ctx: Ctx, actor: Actor, callId: string): Promise<ScreenPopDto> {
  requirePermission(actor, 'cases.read');
  requirePermission(actor, 'customers.read');
  const [call] = await ctx.db.select().from(phoneCall).where(eq(phoneCall.id, callId));
  if (!call) throw notFound('call', callId);
  const who = call.customerId
    ? ((await ctx.db.select({ id: customer.id, displayName: customer.displayName }).from(customer).where(eq(customer.id, call.customerId)))[0] ?? null)
    : call.number
      ? await customerByNumber(ctx, call.number)
      : null;
  const rows = who ? (await openCasesOf(ctx, who.id)).filter((r) => caseAccess(actor.scope, r.c) !== 'none') : [];
  const openCases = await presentCases(ctx, rows, (r) => (caseAccess(actor.scope, r.c) === 'full' ? 'full' : 'history'), actor.language);
  return { call: presentCall(call), customer: who, openCases };
}

/** The calls waiting for this agent (theirs, or their team's with no agent named). */
export async function listCalls(ctx: Ctx, actor: Actor, q: { state: CallRow['state']; limit: number }): Promise<CallDto[]> {
  requirePermission(actor, 'cases.read');
  const teams = actor.userId ? (await ctx.db.select({ id: teamMember.teamId }).from(teamMember).where(eq(teamMember.userId, actor.userId))).map((t) => t.id) : [];
  const rows = await ctx.db
    .select()
    .from(phoneCall)
    .where(
      and(
        eq(phoneCall.state, q.state),
        or(actor.userId ? eq(phoneCall.agentUserId, actor.userId) : sql`false`, teams.length ? and(isNull(phoneCall.agentUserId), inArray(phoneCall.teamId, teams)) : sql`false`),
      ),
    )
    .orderBy(desc(phoneCall.startedAt))
    .limit(q.limit);
  return rows.map(presentCall);
}
