// The warning before sending: a reply or a note carries the latest timeline event its writer
// had seen when they began (seenEventId). If someone else wrote on the case since — a
// colleague's reply or note, a call logged, the customer's message — the post is refused with
// 409 `/problems/case-changed-meanwhile`, carrying those messages (who, when, what), so the
// writer reads them first. Sending anyway is a second post whose seenEventId is the problem's
// latestEventId: an explicit "I have read these", and one more message arriving in between
// warns again. Events ids are time-ordered (UUIDv7), so "since" is `id > seenEventId`.
import { and, desc, eq, gt, inArray, isNull, ne, or } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { caseEvent } from '../cases/cases.schema.ts';
import { loadEvents } from '../cases/events.read.ts';

/** What counts as someone writing on the case (changes of fields and clocks do not). */
const writtenTypes = ['message_in', 'message_out', 'note', 'call_logged'] as const;
/** The latest ones are enough to read what happened; more would only say "a lot". */
const SHOWN = 10;

export async function refuseIfChangedMeanwhile(ctx: Ctx, actor: Actor, caseId: string, seenEventId: string): Promise<void> {
  const rows = await ctx.db
    .select({ id: caseEvent.id })
    .from(caseEvent)
    .where(
      and(
        eq(caseEvent.caseId, caseId),
        gt(caseEvent.id, seenEventId),
        inArray(caseEvent.type, [...writtenTypes]),
        // Comptoir's own messages (acknowledgments, step news) are nobody's answer.
        ne(caseEvent.actorType, 'system'),
        actor.userId ? or(ne(caseEvent.actorType, 'user'), isNull(caseEvent.actorUserId), ne(caseEvent.actorUserId, actor.userId)) : undefined,
      ),
    )
    .orderBy(desc(caseEvent.id))
    .limit(SHOWN);
  if (rows.length === 0) return;
  // loadEvents gives them oldest first.
  const changes = await loadEvents(ctx, rows.map((r) => r.id));
  const last = changes.at(-1)!;
  const who = last.actor.name ?? last.actor.type;
  throw new AppError('case_changed_meanwhile', `${who} wrote on this case at ${last.at}, after you began (${changes.length} new message${changes.length > 1 ? 's' : ''}); read it, then send again with seenEventId ${last.id} to send anyway`, {
    details: { changes, latestEventId: last.id },
  });
}
