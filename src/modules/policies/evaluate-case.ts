// The verdict on a case, from the order line it is linked to (commerce.schema: case_order_line
// → sales_order_line → sales_order, with the product's category): what the console, the
// counter and the tracking page show, computed by the same evaluatePolicy as the API.
//
// Dates are the consumer's calendar days: instants (the order's purchase and delivery, the
// case's creation) are read in the time zone of the country whose law applies.
import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { loadVisibleCase, type CaseListRow } from '../cases/cases.read.ts';
import { caseOrderLine, order, orderLine, product } from '../commerce/commerce.schema.ts';
import { store } from '../org/org.schema.ts';
import { localDayOf } from '../sla/zone.ts';
import type { PolicyVerdict } from './evaluate.ts';
import type { EvaluateRequest } from './policies.contract.ts';
import type { LegalCountry } from './law/calendar.ts';
import { formatDay } from './law/dates.ts';
import type { PolicyRequestKind } from './law/verdict.ts';
import { requestOfReason } from './case-request.ts';
import { activePolicy, verdictOf } from './policies.service.ts';
import { completedRepairsOf } from '../workflows/repairs.read.ts';

const zoneOf: Record<LegalCountry, string> = { FR: 'Europe/Paris', BE: 'Europe/Brussels', QC: 'America/Toronto' };

/** The law a store's (or the deployment's) country and region point to; null when Comptoir has none. */
export function legalCountryOf(country: string, region: string | null): LegalCountry | null {
  if (country === 'FR' || country === 'BE') return country;
  // Comptoir knows Québec's law only in Canada; a Canadian deployment without region is taken as Québec.
  if (country === 'CA' && (region === 'QC' || region === null)) return 'QC';
  return null;
}

export interface CaseEvaluationOptions {
  /** Default: the one the case's contact reason asks for (case-request.ts). */
  request?: PolicyRequestKind | undefined;
  /** One of the case's order lines (default: the one linked last). */
  orderLineId?: string | undefined;
  /** Default: the day the case was opened. */
  requestedAt?: string | undefined;
  inStock?: boolean | null | undefined;
  customMade?: boolean | undefined;
  promisedAt?: string | null | undefined;
}

export interface CaseVerdict {
  request: EvaluateRequest;
  verdict: PolicyVerdict;
  /** The purchase judged: the order line's name. */
  product: string;
}

export async function evaluateForCase(ctx: Ctx, actor: Actor, caseId: string, options: CaseEvaluationOptions = {}): Promise<CaseVerdict> {
  requirePermission(actor, 'cases.read');
  const { row } = await loadVisibleCase(ctx, actor, caseId);
  return evaluateCaseRow(ctx, row, options);
}

/**
 * The verdict on a case the caller has already found (and was allowed to see): the tracking
 * page's, through the link's token. Null when no purchase is linked or Comptoir has no law
 * for its country: the page then says nothing rather than a guess.
 */
export function verdictOfTrackedCase(ctx: Ctx, row: CaseListRow): Promise<CaseVerdict | null> {
  return orNone(evaluateCaseRow(ctx, row, {}));
}

/** evaluateForCase, or null when the case has no purchase linked or Comptoir has no law for its country. */
export function evaluateForCaseIfAny(ctx: Ctx, actor: Actor, caseId: string, options: CaseEvaluationOptions = {}): Promise<CaseVerdict | null> {
  return orNone(evaluateForCase(ctx, actor, caseId, options));
}

/** No verdict, rather than an error, for a case with nothing to judge: no purchase linked (409), no law for its country (422). */
function orNone(verdict: Promise<CaseVerdict>): Promise<CaseVerdict | null> {
  return verdict.catch((error: unknown) => {
    if (error instanceof AppError && (error.code === 'conflict' || error.code === 'validation_failed')) return null;
    throw error;
  });
}

async function evaluateCaseRow(ctx: Ctx, row: CaseListRow, options: CaseEvaluationOptions): Promise<CaseVerdict> {
  const caseId = row.c.id;
  const [line] = await ctx.db
    .select({ line: orderLine, order, category: product.category, storeCountry: store.country, storeRegion: store.region })
    .from(caseOrderLine)
    .innerJoin(orderLine, eq(orderLine.id, caseOrderLine.orderLineId))
    .innerJoin(order, eq(order.id, orderLine.orderId))
    .leftJoin(product, eq(product.id, orderLine.productId))
    .leftJoin(store, eq(store.id, order.storeId))
    .where(and(eq(caseOrderLine.caseId, caseId), options.orderLineId ? eq(caseOrderLine.orderLineId, options.orderLineId) : undefined))
    .orderBy(desc(caseOrderLine.linkedAt))
    .limit(1);
  if (!line) {
    if (options.orderLineId) throw invalid('orderLineId', 'is not an order line of this case');
    throw conflict('The case is linked to no order line: link the purchase first');
  }
  const country = await countryOf(ctx, line.storeCountry, line.storeRegion, row.c.storeId);
  const zone = zoneOf[country];
  const dayIn = (instant: Date) => formatDay(localDayOf(zone, instant.getTime()));
  const request: EvaluateRequest = {
    country,
    channel: line.order.salesChannel,
    condition: line.line.condition,
    category: line.category,
    purchasedAt: dayIn(line.order.purchasedAt),
    deliveredAt: line.line.deliveredAt ?? (line.order.deliveredAt ? dayIn(line.order.deliveredAt) : null),
    requestedAt: options.requestedAt ?? dayIn(row.c.createdAt),
    request: options.request ?? requestOfReason(row.reasonKey),
    customMade: options.customMade ?? false,
    // Repairs completed by the repair workflow (src/modules/workflows); replacements are not recorded yet.
    repairs: await completedRepairsOf(ctx, line.line.id),
    replacements: [],
    price: { amount: line.line.unitPriceAmount, currency: line.order.currency },
    promisedAt: options.promisedAt ?? null,
    inStock: options.inStock ?? null,
  };
  return { request, verdict: verdictOf(await activePolicy(ctx), request), product: line.line.name };
}

/** The order's store, else the case's store, else the deployment's country. */
async function countryOf(ctx: Ctx, orderCountry: string | null, orderRegion: string | null, caseStoreId: string | null): Promise<LegalCountry> {
  let country = orderCountry;
  let region = orderRegion;
  if (!country && caseStoreId) {
    const [s] = await ctx.db.select({ country: store.country, region: store.region }).from(store).where(eq(store.id, caseStoreId));
    if (s) ({ country, region } = s);
  }
  country ??= ctx.config.defaults.country;
  const law = legalCountryOf(country, region);
  if (!law) throw invalid('country', `Comptoir has no consumer law for ${country}${region ? `/${region}` : ''} (FR, BE, CA/QC)`);
  return law;
}
