// Appending to a case's timeline: the only way events are written. The rows and the domain
// events announcing them go out in the caller's transaction; the table refuses updates.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { param, preparedRows, rowJson, writtenColumns } from '../../platform/db/prepared.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { ActorType, Channel, EventType } from './cases.contract.ts';
import { caseEvent } from './cases.schema.ts';

export type EventRow = typeof caseEvent.$inferSelect;

export interface NewEvent {
  /** Given when the caller must know it before the event is written (else a new one). */
  id?: string;
  type: EventType;
  actorType: ActorType;
  actorUserId?: string | null;
  actorCustomerId?: string | null;
  channel?: Channel | null;
  visibility: 'public' | 'internal';
  bodyText?: string | null;
  data?: Record<string, unknown>;
}

/** What listeners need to route an event to the screens allowed to see it. */
export interface CaseRouting {
  id: string;
  brandId: string;
  storeId: string | null;
  teamId: string | null;
  assigneeId: string | null;
}

// Every change writes here: one prepared statement for any number of events (of any number of
// cases, when concurrent openings share a transaction: platform/db/coalescing.ts).
const insertEvents = preparedRows(
  'comptoir_append_events',
  sql`INSERT INTO case_event (${writtenColumns(caseEvent)})
      SELECT ${writtenColumns(caseEvent)}
      FROM jsonb_populate_recordset(NULL::case_event, ${param('rows')}::jsonb)`,
);

export async function appendEvents(ctx: Ctx, c: CaseRouting, events: NewEvent[], at: Date): Promise<EventRow[]> {
  if (events.length === 0) return [];
  const rows = events.map((e) => ({
    id: e.id ?? uuidv7(at.getTime()),
    caseId: c.id,
    type: e.type,
    at,
    actorType: e.actorType,
    actorUserId: e.actorUserId ?? null,
    actorCustomerId: e.actorCustomerId ?? null,
    channel: e.channel ?? null,
    visibility: e.visibility,
    bodyText: e.bodyText ?? null,
    bodyHtml: null,
    data: e.data ?? {},
  }));
  await insertEvents.rows(ctx.db, { rows: JSON.stringify(rows.map((r) => rowJson(caseEvent, r))) });
  await ctx.events.emit(
    ctx.db,
    ...rows.map((r) => ({
      type: 'case.timeline' as const,
      caseId: c.id,
      eventId: r.id,
      eventType: r.type,
      visibility: r.visibility,
      actorType: r.actorType,
      brandId: c.brandId,
      storeId: c.storeId,
      teamId: c.teamId,
      assigneeId: c.assigneeId,
      at: at.toISOString(),
    })),
  );
  return rows.map((r) => ({ ...r, search: null }));
}

/** The actor columns of an event written by a signed-in user or by the system. */
export function actorColumns(actor: { kind: string; userId: string | null }): Pick<NewEvent, 'actorType' | 'actorUserId'> {
  return actor.kind === 'user' ? { actorType: 'user', actorUserId: actor.userId } : { actorType: 'system', actorUserId: null };
}
