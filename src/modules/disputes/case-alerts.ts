// What the agent must see before anything else on a case: that it is a dispute (and why, in
// the customer's words), and how much back-and-forth it has cost the customer. Internal
// facts: readers with full access to the case only.
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { forbidden } from '../../platform/errors.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { loadVisibleCase } from '../cases/cases.read.ts';
import { caseEvent } from '../cases/cases.schema.ts';
import type { CaseAlertsDto } from './disputes.contract.ts';
import type { DisputeKind, DisputeSignal } from './dispute-signals.ts';
import { effortOf } from './effort-warning.ts';

export async function caseAlerts(ctx: Ctx, actor: Actor, caseId: string): Promise<CaseAlertsDto> {
  requirePermission(actor, 'cases.read');
  const { access } = await loadVisibleCase(ctx, actor, caseId);
  if (access !== 'full') throw forbidden('This case belongs to another store: its internal alerts are for its own team');
  const flags = await ctx.db
    .select({ at: caseEvent.at, data: caseEvent.data })
    .from(caseEvent)
    .where(and(eq(caseEvent.caseId, caseId), eq(caseEvent.type, 'dispute_flagged')))
    .orderBy(asc(caseEvent.id));
  const effort = await effortOf(ctx, caseId);
  const first = flags[0];
  const signals = flags.flatMap((f) => (Array.isArray(f.data.signals) ? (f.data.signals as DisputeSignal[]) : []));
  return {
    dispute: first
      ? {
          flaggedAt: first.at.toISOString(),
          kinds: [...new Set(flags.flatMap((f) => (Array.isArray(f.data.kinds) ? (f.data.kinds as DisputeKind[]) : [])))],
          signals,
          routedTo: (first.data.routedTo as { teamId: string; teamName: string } | null | undefined) ?? null,
        }
      : null,
    effort: { exchanges: effort.exchanges, threshold: ctx.config.care.effortThreshold, level: effort.warnedLevel, warnedAt: effort.warnedAt?.toISOString() ?? null },
  };
}
