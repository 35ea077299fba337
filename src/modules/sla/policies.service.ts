// SLA policies: ordered, the first whose conditions hold applies to a new case. Editing one
// changes the promises of cases opened afterwards only (clocks keep the terms they started with).
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queryRows } from '../../platform/db/database.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { requireCalendar } from './calendars.service.ts';
import type { createPolicyBody, slaPolicySchema, updatePolicyBody } from './sla.contract.ts';
import { slaPolicy } from './sla.schema.ts';

type Row = typeof slaPolicy.$inferSelect;
type PolicyDto = z.infer<typeof slaPolicySchema>;

export function presentPolicy(row: Row): PolicyDto {
  return {
    ...row,
    conditions: row.conditions as PolicyDto['conditions'],
    targets: row.targets as PolicyDto['targets'],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listPolicies(ctx: Ctx, actor: Actor): Promise<PolicyDto[]> {
  requirePermission(actor, 'org.read');
  const rows = await ctx.db.select().from(slaPolicy).orderBy(asc(slaPolicy.position), asc(slaPolicy.id));
  return rows.map(presentPolicy);
}

export async function getPolicy(ctx: Ctx, actor: Actor, id: string): Promise<PolicyDto> {
  requirePermission(actor, 'org.read');
  const [row] = await ctx.db.select().from(slaPolicy).where(eq(slaPolicy.id, id));
  if (!row) throw notFound('SLA policy', id);
  return presentPolicy(row);
}

export async function createPolicy(ctx: Ctx, actor: Actor, input: z.infer<typeof createPolicyBody>): Promise<PolicyDto> {
  requirePermission(actor, 'org.manage');
  return inTransaction(ctx, async (tx) => {
    await requireCalendar(tx, input.calendarId, 'calendarId');
    await requireTeam(tx, input.escalation.moveToTeamId);
    const now = tx.clock.now();
    const [last] = await queryRows<{ max: number | null }>(tx.db, sql`SELECT max(position)::int AS max FROM sla_policy`);
    const row: Row = {
      id: uuidv7(now.getTime()),
      name: input.name,
      position: input.position ?? (last?.max ?? 0) + 10,
      active: input.active,
      conditions: input.conditions,
      targets: input.targets,
      calendarId: input.calendarId,
      pausingStatuses: input.pausingStatuses,
      warnBeforeMinutes: input.warnBeforeMinutes,
      escalation: input.escalation,
      createdAt: now,
      updatedAt: now,
    };
    await tx.db.insert(slaPolicy).values(row);
    await recordAudit(tx, actor, { action: 'sla_policy.created', targetType: 'sla_policy', targetId: row.id, details: { name: row.name } });
    tx.policyBook.changed(tx.db);
    return presentPolicy(row);
  });
}

export async function updatePolicy(ctx: Ctx, actor: Actor, id: string, input: z.infer<typeof updatePolicyBody>): Promise<PolicyDto> {
  requirePermission(actor, 'org.manage');
  return inTransaction(ctx, async (tx) => {
    if (input.calendarId !== undefined) await requireCalendar(tx, input.calendarId, 'calendarId');
    if (input.escalation) await requireTeam(tx, input.escalation.moveToTeamId);
    const [row] = await tx.db.update(slaPolicy).set({ ...input, updatedAt: tx.clock.now() }).where(eq(slaPolicy.id, id)).returning();
    if (!row) throw notFound('SLA policy', id);
    await recordAudit(tx, actor, { action: 'sla_policy.updated', targetType: 'sla_policy', targetId: id, details: input });
    tx.policyBook.changed(tx.db);
    return presentPolicy(row);
  });
}

/** Clocks keep their terms; a deleted policy's clocks simply lose the link. */
export async function deletePolicy(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'org.manage');
  await inTransaction(ctx, async (tx) => {
    const rows = await tx.db.delete(slaPolicy).where(eq(slaPolicy.id, id)).returning({ name: slaPolicy.name });
    if (!rows[0]) throw notFound('SLA policy', id);
    await recordAudit(tx, actor, { action: 'sla_policy.deleted', targetType: 'sla_policy', targetId: id, details: { name: rows[0].name } });
    tx.policyBook.changed(tx.db);
  });
}

async function requireTeam(ctx: Ctx, teamId: string | null): Promise<void> {
  if (!teamId) return;
  const [row] = await queryRows<{ id: string }>(ctx.db, sql`SELECT id FROM team WHERE id = ${teamId}`);
  if (!row) throw invalid('escalation.moveToTeamId', 'no such team');
}
