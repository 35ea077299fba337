// Reading a case's timeline for a given reader: chronological, paginated, and without the
// internal events a history-only reader must not see.
import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { decodeCursor, paginate } from '../../platform/http/pagination.ts';
import { appUser } from '../access/access.schema.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { customer } from '../customers/customers.schema.ts';
import type { DeliveryDto } from '../notifications/notifications.contract.ts';
import { messageDelivery } from '../notifications/notifications.schema.ts';
import { presentAttachment, type AttachmentDto } from './attachments.read.ts';
import type { CaseEventDto } from './cases.contract.ts';
import { caseAttachment, caseEvent } from './cases.schema.ts';
import { loadVisibleCase } from './cases.read.ts';

const columns = {
  e: {
    id: caseEvent.id,
    caseId: caseEvent.caseId,
    type: caseEvent.type,
    at: caseEvent.at,
    actorType: caseEvent.actorType,
    actorUserId: caseEvent.actorUserId,
    actorCustomerId: caseEvent.actorCustomerId,
    channel: caseEvent.channel,
    visibility: caseEvent.visibility,
    bodyText: caseEvent.bodyText,
    data: caseEvent.data,
  },
  userName: appUser.name,
  customerName: customer.displayName,
  delivery: {
    channel: messageDelivery.channel,
    recipient: messageDelivery.recipient,
    status: messageDelivery.status,
    attempts: messageDelivery.attempts,
    detail: messageDelivery.detail,
    sentAt: messageDelivery.sentAt,
    updatedAt: messageDelivery.updatedAt,
  },
};

type Row = {
  e: {
    id: string;
    caseId: string;
    type: CaseEventDto['type'];
    at: Date;
    actorType: CaseEventDto['actor']['type'];
    actorUserId: string | null;
    actorCustomerId: string | null;
    channel: CaseEventDto['channel'];
    visibility: 'public' | 'internal';
    bodyText: string | null;
    data: Record<string, unknown>;
  };
  userName: string | null;
  customerName: string | null;
  delivery: {
    channel: string;
    recipient: string;
    status: DeliveryDto['status'];
    attempts: number;
    detail: string | null;
    sentAt: Date | null;
    updatedAt: Date;
  } | null;
};

function select(ctx: Ctx, where: SQL) {
  return ctx.db
    .select(columns)
    .from(caseEvent)
    .leftJoin(appUser, eq(appUser.id, caseEvent.actorUserId))
    .leftJoin(customer, eq(customer.id, caseEvent.actorCustomerId))
    .leftJoin(messageDelivery, eq(messageDelivery.eventId, caseEvent.id))
    .where(where);
}

/** Attachments of these events, by event id (one query for a page). */
async function attachmentsOf(ctx: Ctx, rows: Row[], access: 'full' | 'history'): Promise<Map<string, AttachmentDto[]>> {
  const map = new Map<string, AttachmentDto[]>();
  const ids = rows.map((r) => r.e.id);
  if (ids.length === 0) return map;
  const where = [inArray(caseAttachment.eventId, ids)];
  if (access !== 'full') where.push(eq(caseAttachment.visibility, 'public'));
  const found = await ctx.db.select().from(caseAttachment).where(and(...where)).orderBy(asc(caseAttachment.id));
  for (const a of found) map.set(a.eventId!, [...(map.get(a.eventId!) ?? []), presentAttachment(a)]);
  return map;
}

async function present(ctx: Ctx, rows: Row[], access: 'full' | 'history'): Promise<CaseEventDto[]> {
  const attachments = await attachmentsOf(ctx, rows, access);
  return rows.map((r) => presentEvent(r, attachments.get(r.e.id) ?? []));
}

export function presentEvent(r: Row, attachments: AttachmentDto[] = []): CaseEventDto {
  const e = r.e;
  const d = r.delivery;
  return {
    id: e.id,
    caseId: e.caseId,
    type: e.type,
    at: e.at.toISOString(),
    actor: {
      type: e.actorType,
      id: e.actorUserId ?? e.actorCustomerId,
      name: e.actorType === 'user' ? r.userName : e.actorType === 'customer' ? r.customerName : null,
    },
    channel: e.channel,
    visibility: e.visibility,
    body: e.bodyText,
    data: e.data,
    delivery: d ? { ...d, sentAt: d.sentAt?.toISOString() ?? null, updatedAt: d.updatedAt.toISOString() } : null,
    attachments,
  };
}

/** Events by id, presented (no access check: callers have done it). */
export async function loadEvents(ctx: Ctx, ids: string[]): Promise<CaseEventDto[]> {
  if (ids.length === 0) return [];
  const rows = (await select(ctx, inArray(caseEvent.id, ids)).orderBy(asc(caseEvent.id))) as Row[];
  return present(ctx, rows, 'full');
}

export async function listCaseEvents(ctx: Ctx, actor: Actor, caseId: string, q: { limit: number; cursor?: string | undefined }) {
  requirePermission(actor, 'cases.read');
  const { access } = await loadVisibleCase(ctx, actor, caseId);
  const where: SQL[] = [eq(caseEvent.caseId, caseId)];
  if (access !== 'full') where.push(eq(caseEvent.visibility, 'public'));
  if (q.cursor) where.push(gt(caseEvent.id, String(decodeCursor(q.cursor, 1)[0])));
  const rows = (await select(ctx, and(...where)!).orderBy(asc(caseEvent.id)).limit(q.limit + 1)) as Row[];
  const page = paginate(rows, q.limit, (r) => [r.e.id]);
  return { items: await present(ctx, page.items, access), nextCursor: page.nextCursor };
}

/** Timeline events after `afterId` (a UUIDv7) of cases the reader fully sees: SSE replay. */
export async function eventsSince(ctx: Ctx, afterId: string, caseIds: string[] | null, limit: number): Promise<CaseEventDto[]> {
  const where = caseIds ? and(gt(caseEvent.id, afterId), inArray(caseEvent.caseId, caseIds)) : gt(caseEvent.id, afterId);
  const rows = (await select(ctx, where!).orderBy(asc(caseEvent.id)).limit(limit)) as Row[];
  return present(ctx, rows, 'full');
}

