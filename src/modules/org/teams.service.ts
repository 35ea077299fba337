// Teams (queues): e-commerce SAV, store network, technical SAV, logistics, disputes…
import { asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import type { createTeamBody, updateTeamBody } from './org.contract.ts';
import { team, teamMember } from './org.schema.ts';
import { orgWrite } from './org.write.ts';

type Row = typeof team.$inferSelect;

async function membersOf(ctx: Ctx, teamIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (teamIds.length === 0) return map;
  for (const m of await ctx.db.select().from(teamMember).where(inArray(teamMember.teamId, teamIds))) {
    map.set(m.teamId, [...(map.get(m.teamId) ?? []), m.userId]);
  }
  return map;
}

const present = (r: Row, memberIds: string[]) => ({
  ...r,
  memberIds,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export async function listTeams(ctx: Ctx, actor: Actor) {
  requirePermission(actor, 'org.read');
  const rows = await ctx.db.select().from(team).orderBy(asc(team.name));
  const members = await membersOf(ctx, rows.map((r) => r.id));
  return rows.map((r) => present(r, members.get(r.id) ?? []));
}

export async function getTeam(ctx: Ctx, actor: Actor, id: string) {
  requirePermission(actor, 'org.read');
  const [row] = await ctx.db.select().from(team).where(eq(team.id, id));
  if (!row) throw notFound('team', id);
  return present(row, (await membersOf(ctx, [id])).get(id) ?? []);
}

async function setMembers(ctx: Ctx, teamId: string, memberIds: string[]) {
  await ctx.db.delete(teamMember).where(eq(teamMember.teamId, teamId));
  const unique = [...new Set(memberIds)];
  if (unique.length) await ctx.db.insert(teamMember).values(unique.map((userId) => ({ teamId, userId })));
}

export async function createTeam(ctx: Ctx, actor: Actor, input: z.infer<typeof createTeamBody>) {
  const now = ctx.clock.now();
  const id = uuidv7(now.getTime());
  await orgWrite(ctx, actor, { action: 'team.created', targetType: 'team', targetId: id, details: input }, `A team with slug ${input.slug} already exists`, async (tx) => {
    await tx.db.insert(team).values({
      id,
      slug: input.slug,
      name: input.name,
      description: input.description ?? null,
      brandId: input.brandId ?? null,
      leadUserId: input.leadUserId ?? null,
      calendarId: input.calendarId ?? null,
      active: input.active,
      createdAt: now,
      updatedAt: now,
    });
    await setMembers(tx, id, input.memberIds);
    tx.policyBook.changed(tx.db); // its calendar decides its cases' promises
  });
  return getTeam(ctx, actor, id);
}

export async function updateTeam(ctx: Ctx, actor: Actor, id: string, input: z.infer<typeof updateTeamBody>) {
  const { memberIds, ...fields } = input;
  await orgWrite(ctx, actor, { action: 'team.updated', targetType: 'team', targetId: id, details: input }, `A team with slug ${input.slug} already exists`, async (tx) => {
    const rows = await tx.db.update(team).set({ ...fields, updatedAt: ctx.clock.now() }).where(eq(team.id, id)).returning({ id: team.id });
    if (!rows[0]) throw notFound('team', id);
    if (memberIds) await setMembers(tx, id, memberIds);
    if (fields.calendarId !== undefined) tx.policyBook.changed(tx.db);
  });
  return getTeam(ctx, actor, id);
}

export async function deleteTeam(ctx: Ctx, actor: Actor, id: string) {
  await orgWrite(ctx, actor, { action: 'team.deleted', targetType: 'team', targetId: id }, 'conflict', async (tx) => {
    const rows = await tx.db.delete(team).where(eq(team.id, id)).returning({ id: team.id });
    if (!rows[0]) throw notFound('team', id);
  });
}
