// Records and lists audit entries. Recording happens inside the caller's transaction, so an
// action and its audit line commit or roll back together.
import { and, desc, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { decodeCursor, paginate } from '../../platform/http/pagination.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { auditLog } from './audit.schema.ts';

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

export async function recordAudit(ctx: Ctx, actor: Actor, entry: AuditEntry): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.insert(auditLog).values({
    id: uuidv7(now.getTime()),
    at: now,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: actor.ip ?? null,
    details: entry.details ?? {},
  });
}

export interface AuditQuery {
  action?: string | undefined;
  actorUserId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function listAudit(ctx: Ctx, actor: Actor, q: AuditQuery) {
  requirePermission(actor, 'audit.read');
  const where: SQL[] = [];
  if (q.action) where.push(q.action.endsWith('.') ? lt(auditLog.action, q.action + '\uffff') : eq(auditLog.action, q.action));
  if (q.action?.endsWith('.')) where.push(gte(auditLog.action, q.action));
  if (q.actorUserId) where.push(eq(auditLog.actorUserId, q.actorUserId));
  if (q.targetType) where.push(eq(auditLog.targetType, q.targetType));
  if (q.targetId) where.push(eq(auditLog.targetId, q.targetId));
  if (q.from) where.push(gte(auditLog.at, q.from));
  if (q.to) where.push(lte(auditLog.at, q.to));
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, 2) as [string, string];
    where.push(or(lt(auditLog.at, new Date(at)), and(eq(auditLog.at, new Date(at)), lt(auditLog.id, id)))!);
  }
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(q.limit + 1);
  return paginate(rows, q.limit, (r) => [r.at.toISOString(), r.id]);
}
