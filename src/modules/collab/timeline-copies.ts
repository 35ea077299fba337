// Messages copied from one case's timeline onto another's. The timeline is append-only, so a
// merge or a split never moves an event: the source keeps its story as it was, and the
// target gets copies that keep who wrote, on which channel, for whom (public or internal),
// the text and the channel's facts, plus where they came from. Their files follow as new
// attachment rows pointing at the same stored bytes (the blob store keeps a file once).
import { and, asc, getTableColumns, inArray, ne } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { caseAttachment, caseEvent } from '../cases/cases.schema.ts';
import type { EventRow } from '../cases/timeline.ts';

/** What a case's conversation is made of: messages both ways, notes, calls. */
export const conversationTypes = ['message_in', 'message_out', 'note', 'call_logged'] as const;

export type SourceEvent = Omit<EventRow, 'search'>;

// Every column but the generated search vector (the copy gets its own).
const { search: _search, ...copiedColumns } = getTableColumns(caseEvent);

/**
 * The conversation of these cases, oldest first, without Comptoir's own messages (the
 * acknowledgment and step news of a case speak of that case's number and promise).
 */
export async function conversationOf(ctx: Ctx, caseIds: string[], onlyIds?: string[]): Promise<SourceEvent[]> {
  if (caseIds.length === 0) return [];
  return ctx.db
    .select(copiedColumns)
    .from(caseEvent)
    .where(
      and(
        inArray(caseEvent.caseId, caseIds),
        inArray(caseEvent.type, [...conversationTypes]),
        ne(caseEvent.actorType, 'system'),
        onlyIds ? inArray(caseEvent.id, onlyIds) : undefined,
      ),
    )
    .orderBy(asc(caseEvent.id));
}

export interface Copy {
  source: SourceEvent;
  /** The copy's id: made from the time it takes its place at (uuidv7At for a merge). */
  id: string;
  at: Date;
  /** Added to the source's data, e.g. { mergedFrom: { caseId, number, eventId } }. */
  origin: Record<string, unknown>;
}

const CHUNK = 500;

/** Writes the copies onto `caseId` (no domain events: the caller's marker event tells the screens). */
export async function insertCopies(ctx: Ctx, caseId: string, copies: Copy[]): Promise<void> {
  for (let i = 0; i < copies.length; i += CHUNK) {
    await ctx.db.insert(caseEvent).values(
      copies.slice(i, i + CHUNK).map(({ source: s, id, at, origin }) => ({
        id,
        caseId,
        type: s.type,
        at,
        actorType: s.actorType,
        actorUserId: s.actorUserId,
        actorCustomerId: s.actorCustomerId,
        channel: s.channel,
        visibility: s.visibility,
        bodyText: s.bodyText,
        bodyHtml: s.bodyHtml,
        data: { ...s.data, ...origin },
      })),
    );
  }
}

/** The attachments of these events, by event. */
export async function attachmentsOf(ctx: Ctx, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  return ctx.db.select().from(caseAttachment).where(inArray(caseAttachment.eventId, eventIds)).orderBy(asc(caseAttachment.id));
}

/** Gives each copy the files of its source; returns how many. */
export async function copyAttachments(ctx: Ctx, caseId: string, copyOf: Map<string, string>): Promise<number> {
  const files = await attachmentsOf(ctx, [...copyOf.keys()]);
  if (files.length === 0) return 0;
  const now = ctx.clock.now();
  await ctx.db.insert(caseAttachment).values(files.map((f) => ({ ...f, id: uuidv7(now.getTime()), caseId, eventId: copyOf.get(f.eventId!)!, createdAt: now })));
  return files.length;
}

