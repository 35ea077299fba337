// Loading cases with what their presentation needs (customer name, reason and step labels)
// in one query, and turning rows into the API shape for a given reader.
import { eq, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { caseAccess, type CaseAccess } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import { customer } from '../customers/customers.schema.ts';
import type { ClockDto } from '../sla/sla.contract.ts';
import { clocksOf } from '../sla/clocks.read.ts';
import type { CaseDto, Holder } from './cases.contract.ts';
import { caseStep, contactReason, savCase } from './cases.schema.ts';

export type CaseRow = typeof savCase.$inferSelect;

export const caseColumns = {
  c: savCase,
  customerName: customer.displayName,
  reasonKey: contactReason.key,
  reasonFr: contactReason.labelFr,
  reasonEn: contactReason.labelEn,
  stepKey: caseStep.key,
  stepFr: caseStep.labelFr,
  stepEn: caseStep.labelEn,
  stepHolder: caseStep.holder,
};

export type CaseListRow = {
  c: CaseRow;
  customerName: string;
  reasonKey: string | null;
  reasonFr: string | null;
  reasonEn: string | null;
  stepKey: string | null;
  stepFr: string | null;
  stepEn: string | null;
  stepHolder: Holder | null;
};

/** Presents rows with their SLA clocks (one query for all of them). */
export async function presentCases(ctx: Ctx, rows: CaseListRow[], accessOf: (r: CaseListRow) => 'full' | 'history', lang: Language): Promise<CaseDto[]> {
  const clocks = await clocksOf(ctx, rows.map((r) => r.c.id));
  return rows.map((r) => presentCase(r, accessOf(r), lang, clocks.get(r.c.id) ?? []));
}

export function selectCases(ctx: Ctx) {
  return ctx.db
    .select(caseColumns)
    .from(savCase)
    .innerJoin(customer, eq(customer.id, savCase.customerId))
    .leftJoin(contactReason, eq(contactReason.id, savCase.reasonId))
    .leftJoin(caseStep, eq(caseStep.id, savCase.stepId));
}

export async function loadCaseRow(ctx: Ctx, where: SQL): Promise<CaseListRow | undefined> {
  const [row] = await selectCases(ctx).where(where).limit(1);
  return row as CaseListRow | undefined;
}

/** The case if the actor may see it at all, with how much; 404 otherwise (no existence leak). */
export async function loadVisibleCase(ctx: Ctx, actor: Actor, id: string): Promise<{ row: CaseListRow; access: Exclude<CaseAccess, 'none'> }> {
  const row = await loadCaseRow(ctx, eq(savCase.id, id));
  if (!row) throw notFound('case', id);
  const access = caseAccess(actor.scope, row.c);
  if (access === 'none') throw notFound('case', id);
  return { row, access };
}

/** Who holds the case now: the case's own say, else its step's usual holder. */
export function holderOf(r: Pick<CaseListRow, 'c' | 'stepHolder'>): Holder {
  return r.c.holder ?? r.stepHolder ?? 'team';
}

export function presentCase(r: CaseListRow, access: 'full' | 'history', lang: Language, clocks: ClockDto[]): CaseDto {
  const c = r.c;
  return {
    id: c.id,
    number: c.number,
    subject: c.subject,
    status: c.status,
    priority: c.priority,
    channel: c.channel,
    language: c.language,
    tags: c.tags,
    customer: { id: c.customerId, displayName: r.customerName },
    brandId: c.brandId,
    storeId: c.storeId,
    teamId: c.teamId,
    assigneeId: c.assigneeId,
    reason: c.reasonId && r.reasonKey ? { id: c.reasonId, key: r.reasonKey, label: (lang === 'en' ? r.reasonEn : r.reasonFr) ?? r.reasonKey } : null,
    step: c.stepId && r.stepKey ? { id: c.stepId, key: r.stepKey, label: (lang === 'en' ? r.stepEn : r.stepFr) ?? r.stepKey } : null,
    orderRef: c.orderRef,
    product: c.product,
    holder: holderOf(r),
    notifyVia: c.notifyVia,
    clocks,
    customerMessageCount: c.customerMessageCount,
    agentMessageCount: c.agentMessageCount,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    lastActivityAt: c.lastActivityAt.toISOString(),
    firstAgentReplyAt: c.firstAgentReplyAt?.toISOString() ?? null,
    solvedAt: c.solvedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    version: c.version,
    access,
    mergedIntoId: c.mergedIntoId,
  };
}
