// A customer message that reads as a dispute (dispute-signals.ts) flags its case: the
// `dispute` tag, a `dispute_flagged` event saying what was found and where, the case moved to
// the disputes team (COMPTOIR_DISPUTES_TEAM) at urgent priority, and that team's lead told.
// Once per case: routing and priority are set the first time only (a specialist may then move
// the case on purpose); a later message bringing a new kind of signal (the chargeback after
// the formal notice) adds an event naming it, and nothing else.
import { and, eq } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { commitChange, type CaseSet } from '../cases/case-changes.ts';
import { caseEvent } from '../cases/cases.schema.ts';
import type { CaseRow } from '../cases/cases.read.ts';
import { retryOnConflict } from '../cases/conflict-retry.ts';
import { appendEvents, type NewEvent } from '../cases/timeline.ts';
import { team, teamMember } from '../org/org.schema.ts';
import { lockCase } from './case-lock.ts';
import { detectDisputeSignals, type DisputeKind } from './dispute-signals.ts';
import { managersOf, tellUsers } from './tell-managers.ts';

export const DISPUTE_TAG = 'dispute';

export type FlagOutcome = 'flagged' | 'flagged_again' | 'already_flagged' | 'no_signal' | 'ignored';

/** The words a customer message is read for: its subject (e-mail, web form) and its body. */
export function messageText(e: { bodyText: string | null; data: Record<string, unknown> }): string {
  return [typeof e.data.subject === 'string' ? e.data.subject : '', e.bodyText ?? ''].filter(Boolean).join('\n');
}

/** The disputes team, if it exists, is active and may take this brand's cases. */
async function disputesTeamFor(ctx: Ctx, c: CaseRow) {
  const [found] = await ctx.db.select().from(team).where(and(eq(team.slug, ctx.config.care.disputesTeam), eq(team.active, true)));
  return found && (found.brandId === null || found.brandId === c.brandId) ? found : null;
}

async function isMember(ctx: Ctx, teamId: string, userId: string): Promise<boolean> {
  const [m] = await ctx.db.select({ userId: teamMember.userId }).from(teamMember).where(and(eq(teamMember.teamId, teamId), eq(teamMember.userId, userId)));
  return !!m;
}

/** Reads the customer message `eventId` of a case and flags the case when it is a dispute. */
export async function flagDispute(ctx: Ctx, caseId: string, eventId: string): Promise<FlagOutcome> {
  const [message] = await ctx.db
    .select({ type: caseEvent.type, actorType: caseEvent.actorType, bodyText: caseEvent.bodyText, data: caseEvent.data })
    .from(caseEvent)
    .where(and(eq(caseEvent.id, eventId), eq(caseEvent.caseId, caseId)));
  if (!message || message.type !== 'message_in' || message.actorType !== 'customer') return 'ignored';

  return retryOnConflict(() =>
    inTransaction(ctx, async (tx) => {
      const row = await lockCase(tx, caseId);
      if (!row) return 'ignored';
      const signals = detectDisputeSignals(messageText(message), row.c.language);
      if (signals.length === 0) return 'no_signal';
      const earlier = await tx.db
        .select({ data: caseEvent.data })
        .from(caseEvent)
        .where(and(eq(caseEvent.caseId, caseId), eq(caseEvent.type, 'dispute_flagged')));
      const seen = new Set(earlier.flatMap((e) => (Array.isArray(e.data.kinds) ? (e.data.kinds as DisputeKind[]) : [])));
      const fresh = signals.filter((s) => !seen.has(s.kind));
      if (fresh.length === 0) return 'already_flagged';
      const now = tx.clock.now();
      const flag = (extra: Record<string, unknown>): NewEvent => ({
        type: 'dispute_flagged',
        actorType: 'system',
        visibility: 'internal',
        bodyText: fresh.map((s) => s.quote).join('\n'),
        data: { kinds: fresh.map((s) => s.kind), signals: fresh, messageEventId: eventId, ...extra },
      });

      if (earlier.length > 0) {
        await appendEvents(tx, row.c, [flag({ first: false })], now);
        return 'flagged_again';
      }

      const c = row.c;
      const disputes = await disputesTeamFor(tx, c);
      const set: CaseSet = {};
      const events: NewEvent[] = [];
      const change = (type: NewEvent['type'], data: Record<string, unknown>, visibility: 'public' | 'internal' = 'internal') =>
        events.push({ type, actorType: 'system', visibility, data });
      if (!c.tags.includes(DISPUTE_TAG)) {
        set.tags = [...c.tags, DISPUTE_TAG];
        change('tags_changed', { added: [DISPUTE_TAG], removed: [] });
      }
      if (c.priority !== 'urgent') {
        set.priority = 'urgent';
        change('priority_changed', { from: c.priority, to: 'urgent' }, 'public');
      }
      if (disputes && disputes.id !== c.teamId) {
        set.teamId = disputes.id;
        const assignment: Record<string, unknown> = { team: { from: c.teamId, to: disputes.id } };
        // The specialists take it over: an assignee outside the team lets it go.
        if (c.assigneeId && !(await isMember(tx, disputes.id, c.assigneeId))) {
          set.assigneeId = null;
          assignment.assignee = { from: c.assigneeId, to: null };
        }
        change('assignment_changed', assignment);
      }
      const routedTo = disputes ? { teamId: disputes.id, teamName: disputes.name } : null;
      const { after, events: written } = await commitChange(tx, row, set, [flag({ first: true, routedTo, priority: { from: c.priority, to: 'urgent' } }), ...events], now);
      await tellUsers(tx, await managersOf(tx, after), 'dispute', after, written[0]!.id);
      return 'flagged';
    }),
  );
}
