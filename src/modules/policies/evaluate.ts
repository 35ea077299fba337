// The rulebook's one verdict function: the same answer for the agent console, the store
// counter, the tracking page and the API, because they all call this. Pure: no I/O, no clock
// (the request says which day it is asked on), no allocation beyond the verdict it returns.
import { belgium } from './law/be.ts';
import type { LegalCalendar, LegalCountry } from './law/calendar.ts';
import { parseDay } from './law/dates.ts';
import { france } from './law/fr.ts';
import { quebec } from './law/qc.ts';
import { Verdict, type CountryLaw, type PolicyVerdict, type Purchase } from './law/verdict.ts';
import type { EvaluateRequest } from './policies.contract.ts';
import type { CompiledPolicy } from './policy-compile.ts';
import { applyReturnWindow, applyStoreExchange, applyStoreWarranty } from './retail-rules.ts';

export type { PolicyVerdict };

const laws: Record<LegalCountry, CountryLaw> = { FR: france, BE: belgium, QC: quebec };

/** The request as the API takes it; optional fields may be left out (the contract's defaults). */
export type PolicyRequest = Pick<EvaluateRequest, 'country' | 'channel' | 'condition' | 'purchasedAt' | 'requestedAt' | 'request' | 'price'> &
  Partial<Pick<EvaluateRequest, 'category' | 'deliveredAt' | 'customMade' | 'repairs' | 'replacements' | 'promisedAt' | 'inStock'>>;

export class PolicyRequestError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

function day(value: string, field: string): number {
  const d = parseDay(value);
  if (Number.isNaN(d)) throw new PolicyRequestError(field, `"${value}" is not a date (YYYY-MM-DD)`);
  return d;
}

const optionalDay = (value: string | null | undefined, field: string) => (value ? day(value, field) : Number.NaN);

function purchaseOf(r: PolicyRequest): Purchase {
  return {
    country: r.country,
    channel: r.channel,
    used: r.condition === 'used',
    category: r.category ?? null,
    purchased: day(r.purchasedAt, 'purchasedAt'),
    delivered: optionalDay(r.deliveredAt, 'deliveredAt'),
    requested: day(r.requestedAt, 'requestedAt'),
    promised: optionalDay(r.promisedAt, 'promisedAt'),
    request: r.request,
    customMade: r.customMade ?? false,
    repairs: r.repairs?.length ? r.repairs.map((x, i) => ({ started: optionalDay(x.startedAt, `repairs.${i}.startedAt`), completed: day(x.completedAt, `repairs.${i}.completedAt`) })) : [],
    replacements: r.replacements?.length
      ? r.replacements.map((x, i) => ({ delivered: day(x.deliveredAt, `replacements.${i}.deliveredAt`), imposedBySeller: x.imposedBySeller }))
      : [],
    priceAmount: r.price.amount,
    currency: r.price.currency,
    inStock: r.inStock ?? null,
  };
}

/**
 * The verdict on one request: the law of the consumer's country first, then the retailer's
 * rules on top. Throws PolicyRequestError (naming the field) for a date that is not one.
 */
export function evaluatePolicy(policy: CompiledPolicy, request: PolicyRequest, calendar: LegalCalendar): PolicyVerdict {
  const p = purchaseOf(request);
  const law = laws[p.country];
  const v = new Verdict();
  switch (p.request) {
    case 'defect':
      law.defect(p, policy.legal, v);
      applyStoreWarranty(p, policy, v);
      applyStoreExchange(p, policy, v);
      break;
    case 'withdrawal':
      law.withdrawal(p, policy.legal, calendar, v);
      applyReturnWindow(p, policy, v);
      break;
    case 'late_delivery':
      law.lateDelivery(p, policy.legal, v);
      break;
  }
  return v.answer(policy.version);
}
