// What a message about a case says, read from the database once: the case, its customer,
// brand and store, its step and the next one, its SLA clocks. `customerVariables` turns these
// facts into the {{variables}} of the customer-facing templates.
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import type { CaseRow } from '../cases/cases.read.ts';
import type { OpenedCase } from '../cases/opened-case.ts';
import { caseStep, savCase } from '../cases/cases.schema.ts';
import { trackingUrlOf } from '../cases/tracking-link.ts';
import { customer } from '../customers/customers.schema.ts';
import { brand, store } from '../org/org.schema.ts';
import { clocksOf } from '../sla/clocks.read.ts';
import { formatDateTime } from '../sla/deadline-text.ts';
import type { ClockDto } from '../sla/sla.contract.ts';
import { plannedNextStep } from '../workflows/workflow.next-step.ts';
import { nextStepSentence, promiseSentence, stepSentence } from './notifications.catalog.ts';

interface StepFacts {
  key: string;
  labelFr: string;
  labelEn: string;
}

export interface CaseFacts {
  c: CaseRow;
  customer: { firstName: string | null; lastName: string | null; displayName: string };
  brandName: string;
  storeName: string | null;
  step: StepFacts | null;
  /** The next active step by position, if any. */
  nextStep: StepFacts | null;
  clocks: ClockDto[];
}

/**
 * Loads the facts of a case; `lock` takes the case row FOR UPDATE (the order every change of
 * a case takes), so two runs of one notification job cannot both decide to send.
 */
export async function loadCaseFacts(ctx: Ctx, caseId: string, options: { lock?: boolean; nextStep?: boolean } = {}): Promise<CaseFacts | null> {
  const query = ctx.db
    .select({
      c: savCase,
      firstName: customer.firstName,
      lastName: customer.lastName,
      displayName: customer.displayName,
      brandName: brand.name,
      storeName: store.name,
      step: { key: caseStep.key, labelFr: caseStep.labelFr, labelEn: caseStep.labelEn, position: caseStep.position },
    })
    .from(savCase)
    .innerJoin(customer, eq(customer.id, savCase.customerId))
    .innerJoin(brand, eq(brand.id, savCase.brandId))
    .leftJoin(store, eq(store.id, savCase.storeId))
    .leftJoin(caseStep, eq(caseStep.id, savCase.stepId))
    .where(eq(savCase.id, sql.placeholder('caseId')));
  // Named: PostgreSQL plans this five-table join once per connection, not on every message
  // (its planning measured at 1.6 ms under load, for every new case's acknowledgment).
  const prepared = options.lock ? query.for('update', { of: savCase }).prepare('comptoir_case_facts_locked') : query.prepare('comptoir_case_facts');
  const [row] = await prepared.execute({ caseId });
  if (!row) return null;
  const step = row.step?.key ? row.step : null;
  // A running workflow knows what comes next; otherwise the steps list's order is the guess.
  const planned = step && options.nextStep !== false ? await plannedNextStep(ctx, caseId, step.key) : undefined;
  const [next] = !step || options.nextStep === false || planned === null
    ? []
    : await ctx.db
        .select({ key: caseStep.key, labelFr: caseStep.labelFr, labelEn: caseStep.labelEn })
        .from(caseStep)
        .where(and(eq(caseStep.active, true), planned === undefined ? gt(caseStep.position, step.position) : eq(caseStep.key, planned)))
        .orderBy(asc(caseStep.position))
        .limit(1);
  const clocks = (await clocksOf(ctx, [caseId])).get(caseId) ?? [];
  return {
    c: row.c,
    customer: { firstName: row.firstName, lastName: row.lastName, displayName: row.displayName },
    brandName: row.brandName,
    storeName: row.storeName,
    step: step ? { key: step.key, labelFr: step.labelFr, labelEn: step.labelEn } : null,
    nextStep: next ?? null,
    clocks,
  };
}

/** The facts of a case its own opening left in the transaction (cases/opened-case.ts). */
export function factsOfOpened(o: OpenedCase): CaseFacts {
  return { c: o.row, customer: o.customer, brandName: o.brandName, storeName: o.storeName, step: o.step, nextStep: null, clocks: o.clocks };
}

/** How to greet the customer: their name, never an e-mail address or a phone number. */
export function customerName(c: CaseFacts['customer']): string {
  const full = [c.firstName, c.lastName].filter(Boolean).join(' ');
  if (full) return full;
  const looksLikeAddress = c.displayName.includes('@') || /^\+?[\d\s.()-]{6,}$/.test(c.displayName) || c.displayName === 'Client';
  return looksLikeAddress ? '' : c.displayName;
}

export const stepLabel = (s: StepFacts | null, language: Language) => (s ? (language === 'en' ? s.labelEn : s.labelFr) : '');

/** "mardi 7 avril 2026 à 17:00" at the deadline's own UTC offset (the calendar's, when it was set). */
export function deadlineText(deadline: string, language: Language): string {
  const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(deadline)?.[1] ?? 'Z';
  return formatDateTime(Date.parse(deadline), offset === 'Z' ? 'UTC' : offset, language);
}

/** The promise an acknowledgment makes: the first reply, else the resolution. */
export function promisedClock(clocks: ClockDto[]): ClockDto | undefined {
  return clocks.find((k) => k.metric === 'first_reply') ?? clocks.find((k) => k.metric === 'resolution');
}

/** The case's earliest running deadline: what a step update commits to. */
export function earliestRunning(clocks: ClockDto[]): ClockDto | undefined {
  return clocks.filter((k) => k.state === 'active').sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline))[0];
}

/** The variables every customer-facing template shares. */
export function caseVariables(ctx: Pick<Ctx, 'config' | 'secrets'>, f: CaseFacts, language: Language): Record<string, string> {
  return {
    'case.number': f.c.number,
    'case.subject': f.c.subject,
    'case.product': f.c.product ?? '',
    'case.openedAt': formatDateTime(f.c.createdAt.getTime(), ctx.config.defaults.timezone, language),
    'customer.name': customerName(f.customer),
    'brand.name': f.brandName,
    'store.name': f.storeName ?? '',
    'tracking.url': trackingUrlOf(ctx, f.c),
  };
}

export function acknowledgmentVariables(ctx: Pick<Ctx, 'config' | 'secrets'>, f: CaseFacts, language: Language): Record<string, string> {
  const clock = promisedClock(f.clocks);
  return {
    ...caseVariables(ctx, f, language),
    'promise.text': clock ? promiseSentence(language, clock.metric === 'first_reply' ? 'first_reply' : 'resolution', clock.promise[language]) : '',
    'promise.deadline': clock ? deadlineText(clock.deadline, language) : '',
  };
}

export function stepUpdateVariables(ctx: Pick<Ctx, 'config' | 'secrets'>, f: CaseFacts, language: Language): Record<string, string> {
  const clock = earliestRunning(f.clocks);
  const promise = clock ? clock.promise[language] : null;
  const next = stepLabel(f.nextStep, language);
  return {
    ...caseVariables(ctx, f, language),
    'step.label': stepLabel(f.step, language),
    'step.text': stepSentence(language, f.step?.key ?? null),
    'next.step': next,
    'next.text': next ? nextStepSentence(language, next, promise) : promise ? promiseSentence(language, 'update', promise) : '',
    'promise.text': promise ? promiseSentence(language, 'update', promise) : '',
    'promise.deadline': clock ? deadlineText(clock.deadline, language) : '',
  };
}
