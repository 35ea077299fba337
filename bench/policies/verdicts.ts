// Policy verdicts per second on one core: the rulebook's pure function (evaluatePolicy), with a
// retailer's document (return windows per channel, store warranties, direct exchange, legal
// exceptions), over a mix of purchases in France, Belgium and Québec: every channel, new and
// used goods, the three kinds of request, dates spread over four years (so holidays and
// weekends of many years are met), a tenth with repairs or a replacement.
import { evaluatePolicy, type PolicyRequest } from '../../src/modules/policies/evaluate.ts';
import { LegalCalendar } from '../../src/modules/policies/law/calendar.ts';
import { formatDay, parseDay } from '../../src/modules/policies/law/dates.ts';
import { policyChannels, policyRequests } from '../../src/modules/policies/law/verdict.ts';
import { policyDocumentSchema } from '../../src/modules/policies/policies.contract.ts';
import { compilePolicy } from '../../src/modules/policies/policy-compile.ts';
import { prng } from '../corpus.ts';

export interface PolicyVerdictResult {
  verdicts: number;
  seconds: number;
  perSecond: number;
  /** The same mix with the document compiled and the holiday calendar new for every verdict (nothing cached). */
  coldPerSecond: number;
  /** Share of the mix the rules granted, to show the mix is not one-sided. */
  eligibleShare: number;
}

export const benchDocument = policyDocumentSchema.parse({
  format: 1,
  returns: { windowDays: { store: 30, online: 30, marketplace: 14, off_premises: 14 }, refundWithinDays: 14, exchangeInStore: true },
  storeWarrantyMonths: { tv: 36, large_appliance: 60, laptop: 36 },
  storeExchange: { enabled: true, maxPrice: { EUR: 30_000, CAD: 45_000 }, maxDaysSincePurchase: 30, requiresStock: true, channels: ['store', 'online'] },
  withdrawalExceptions: { food: 'perishable', earbuds: 'hygiene_unsealed', kitchen_made_to_measure: 'custom_made' },
  belgium: { usedGoodsGuaranteeMonths: 12 },
  quebec: { durabilityMonths: { default: 24, byCategory: { large_appliance: 84, tv: 60 } } },
});

const countries = ['FR', 'FR', 'FR', 'BE', 'QC'] as const;
const categories = ['tv', 'large_appliance', 'laptop', 'phone', 'food', 'earbuds', 'garden', null];

export function policyWorkload(n: number): PolicyRequest[] {
  const random = prng(20260401);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const first = parseDay('2024-01-01');
  return Array.from({ length: n }, () => {
    const country = pick(countries);
    const purchased = first + Math.floor(random() * 3 * 365);
    const delivered = random() < 0.05 ? null : purchased + Math.floor(random() * 8);
    const requested = (delivered ?? purchased) + Math.floor(random() * (random() < 0.5 ? 40 : 1200));
    const care = random() < 0.1;
    return {
      country,
      channel: pick(policyChannels),
      condition: random() < 0.15 ? 'used' : 'new',
      category: pick(categories),
      purchasedAt: formatDay(purchased),
      deliveredAt: delivered === null ? null : formatDay(delivered),
      requestedAt: formatDay(requested),
      request: pick(policyRequests),
      customMade: random() < 0.02,
      repairs: care ? [{ startedAt: formatDay(purchased + 100), completedAt: formatDay(purchased + 110) }] : [],
      replacements: care && random() < 0.3 ? [{ deliveredAt: formatDay(purchased + 200), imposedBySeller: true }] : [],
      price: { amount: 1_000 + Math.floor(random() * 100_000), currency: country === 'QC' ? 'CAD' : 'EUR' },
      promisedAt: random() < 0.5 ? formatDay(purchased + 5) : null,
      inStock: random() < 0.8,
    };
  });
}

export function measurePolicyVerdicts(options: { durationMs: number }): PolicyVerdictResult {
  const items = policyWorkload(10_000);
  const policy = compilePolicy(1, benchDocument);
  const calendar = new LegalCalendar();
  let eligible = 0;
  for (const r of items) if (evaluatePolicy(policy, r, calendar).eligible) eligible++; // warm-up (JIT, holiday years, date words)
  let sink = 0;
  let verdicts = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < options.durationMs) {
    for (const r of items) sink += evaluatePolicy(policy, r, calendar).rules.length;
    verdicts += items.length;
  }
  const seconds = (performance.now() - t0) / 1000;
  let cold = 0;
  const c0 = performance.now();
  for (const r of items.slice(0, 2_000)) {
    sink += evaluatePolicy(compilePolicy(1, benchDocument), r, new LegalCalendar()).rules.length;
    cold++;
  }
  const coldSeconds = (performance.now() - c0) / 1000;
  if (sink === 42) console.log(''); // keeps the results alive
  return {
    verdicts,
    seconds: Number(seconds.toFixed(2)),
    perSecond: Math.round(verdicts / seconds),
    coldPerSecond: Math.round(cold / coldSeconds),
    eligibleShare: Number((eligible / items.length).toFixed(3)),
  };
}

if (import.meta.main) console.log(measurePolicyVerdicts({ durationMs: 3_000 }));
