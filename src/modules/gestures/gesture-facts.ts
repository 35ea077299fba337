// The facts the gesture scale is read with, from the case: its severity (the agent's say, else
// its priority's), the customer's other cases within the scale's repeat window, and what the
// customer bought in all (in the scale's currency, as the reader may see it).
import { and, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import type { Actor } from '../access/actor.ts';
import type { CaseRow } from '../cases/cases.read.ts';
import { savCase } from '../cases/cases.schema.ts';
import { customerValue } from '../commerce/customer-360.ts';
import type { CustomerValueDto } from '../commerce/commerce.contract.ts';
import { customerChain } from '../commerce/orders.read.ts';
import type { GestureFacts } from './gesture-scale.ts';
import type { GestureScale, Severity } from './gestures.contract.ts';
import { caseSeverity } from './gestures.schema.ts';

const severityOfPriority: Record<CaseRow['priority'], Severity> = { low: 'minor', normal: 'minor', high: 'major', urgent: 'critical' };

export interface CaseGestureFacts extends GestureFacts {
  severitySetByAgent: boolean;
  value: CustomerValueDto;
}

/** `months` calendar months before `at` (the 31st falls back to the month's last day). */
export function monthsBefore(at: Date, months: number): Date {
  const d = new Date(at);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export async function severityOf(ctx: Ctx, c: Pick<CaseRow, 'id' | 'priority'>): Promise<{ severity: Severity; setByAgent: boolean }> {
  const [set] = await ctx.db.select({ severity: caseSeverity.severity }).from(caseSeverity).where(eq(caseSeverity.caseId, c.id));
  return set ? { severity: set.severity, setByAgent: true } : { severity: severityOfPriority[c.priority], setByAgent: false };
}

export async function gestureFactsOf(ctx: Ctx, actor: Actor, c: CaseRow, scale: GestureScale): Promise<CaseGestureFacts> {
  const [{ severity, setByAgent }, value, chain] = await Promise.all([severityOf(ctx, c), customerValue(ctx, actor, c.customerId), customerChain(ctx, c.customerId)]);
  const since = monthsBefore(c.createdAt, scale.repeatWithinMonths);
  // Other incidents: the customer's cases with this brand opened in the window before this one (or since), merged ones left out.
  const [others] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(savCase)
    .where(and(inArray(savCase.customerId, chain), eq(savCase.brandId, c.brandId), ne(savCase.id, c.id), gte(savCase.createdAt, since), sql`${savCase.mergedIntoId} IS NULL`));
  return {
    severity,
    severitySetByAgent: setByAgent,
    otherIncidents: others?.n ?? 0,
    lifetimeValue: value.lifetimeValue.find((v) => v.currency === scale.currency)?.amount ?? 0,
    value,
  };
}
