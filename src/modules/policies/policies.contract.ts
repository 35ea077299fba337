// The rulebook's API shapes, shared with the web app: the retailer's policy document (its own
// rules on top of the law), its versions, and the evaluation request and verdict.
import { z } from 'zod';
import { legalCountries, policyChannels, policyRequests, remedyNames, withdrawalExceptionReasons } from './law/verdict.ts';

export { legalCountries, policyChannels, policyRequests, remedyNames, withdrawalExceptionReasons };

const isoDate = z.iso.date();
const instant = z.iso.datetime({ offset: true });
/** Categories are the commerce module's product categories, matched exactly. */
const category = z.string().trim().min(1).max(100);
const currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR');
const days = z.number().int().min(0).max(365);
const months = z.number().int().min(1).max(240);

export const policyDocumentSchema = z
  .strictObject({
    format: z.literal(1).describe('The version of this format (1)'),
    returns: z
      .strictObject({
        windowDays: z
          .strictObject({ store: days, online: days, marketplace: days, off_premises: days })
          .describe('The retailer’s return window per sales channel, in calendar days after receipt (0: none beyond the law)'),
        refundWithinDays: z.number().int().min(1).max(30).default(14).describe('Refund delay of a return under the window (the law’s own delays apply to a legal withdrawal)'),
        exchangeInStore: z.boolean().default(false).describe('A return under the window may also be exchanged in store'),
      })
      .describe('Returns accepted on top of the legal right of withdrawal'),
    storeWarrantyMonths: z
      .record(category, months)
      .default({})
      .describe('The store’s own warranty per product category, in months from delivery; it comes on top of the legal guarantees'),
    storeExchange: z
      .strictObject({
        enabled: z.boolean(),
        maxPrice: z.record(currency, z.number().int().min(0)).default({}).describe('Highest price paid per currency, in its smallest unit: {"EUR": 30000}'),
        maxDaysSincePurchase: days.describe('Calendar days from the purchase to the request'),
        requiresStock: z.boolean().default(true),
        channels: z.array(z.enum(policyChannels)).min(1).default([...policyChannels]).describe('Purchases from these channels may be exchanged in store'),
      })
      .describe('A defective product exchanged on the spot in store, instead of a repair, when these conditions hold'),
    withdrawalExceptions: z
      .record(category, z.enum(withdrawalExceptionReasons))
      .default({})
      .describe('Categories that fall under a legal exception to the right of withdrawal (Code de la consommation L221-28); also excluded from the return window'),
    belgium: z
      .strictObject({
        usedGoodsGuaranteeMonths: z.number().int().min(12).max(24).default(24).describe('The guarantee agreed for used goods in the terms of sale (at least 12 months)'),
      })
      .default({ usedGoodsGuaranteeMonths: 24 }),
    quebec: z
      .strictObject({
        durabilityMonths: z
          .strictObject({
            default: months.describe('For the categories not listed'),
            byCategory: z.record(category, months).default({}),
          })
          .describe('The durable life counted per category: the law (LPC s. 37–38) gives none'),
      })
      .default({ durabilityMonths: { default: 24, byCategory: {} } }),
  })
  .superRefine((doc, ctx) => {
    if (doc.storeExchange.enabled && Object.keys(doc.storeExchange.maxPrice).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['storeExchange', 'maxPrice'], message: 'name the highest price for at least one currency when the exchange is enabled' });
    }
  })
  .meta({ id: 'PolicyDocument' });
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
export type PolicyDocumentInput = z.input<typeof policyDocumentSchema>;

export const policyVersionSchema = z
  .object({
    version: z.number().int().describe('0: the built-in defaults, before any document was saved'),
    document: policyDocumentSchema,
    comment: z.string().nullable(),
    createdAt: instant.nullable(),
    createdBy: z.object({ id: z.uuid().nullable(), label: z.string() }).nullable(),
  })
  .meta({ id: 'PolicyVersion' });
export type PolicyVersionDto = z.infer<typeof policyVersionSchema>;

export const policyVersionSummarySchema = policyVersionSchema.omit({ document: true }).meta({ id: 'PolicyVersionSummary' });

export const saveDocumentBody = z.strictObject({
  document: policyDocumentSchema,
  comment: z.string().trim().max(500).nullable().default(null).describe('Why it changed, for the history'),
  basedOnVersion: z.number().int().min(0).optional().describe('The version you edited: refused with 412 if another was saved meanwhile'),
});

export const versionParams = z.strictObject({ version: z.coerce.number().int().min(0) });

export const evaluateBody = z
  .strictObject({
    country: z.enum(legalCountries).describe('Whose consumer law applies: FR, BE or QC'),
    channel: z.enum(policyChannels),
    condition: z.enum(['new', 'used']),
    category: category.nullable().default(null),
    purchasedAt: isoDate,
    deliveredAt: isoDate.nullable().default(null).describe('Receipt of the goods (null: not delivered yet)'),
    requestedAt: isoDate.describe('The day the customer asked'),
    request: z.enum(policyRequests),
    customMade: z.boolean().default(false),
    repairs: z
      .array(z.strictObject({ completedAt: isoDate, startedAt: isoDate.optional().describe('Handed in for repair (immobilisation)') }))
      .max(50)
      .default([]),
    replacements: z.array(z.strictObject({ deliveredAt: isoDate, imposedBySeller: z.boolean() })).max(50).default([]),
    price: z.strictObject({ amount: z.number().int().min(0), currency }).describe('What was paid for one item, in the currency’s smallest unit'),
    promisedAt: isoDate.nullable().default(null).describe('late_delivery: the delivery date promised at purchase (null: none was given)'),
    inStock: z.boolean().nullable().default(null).describe('Whether the product is in stock for a direct exchange (null: unknown)'),
  })
  .superRefine((r, ctx) => {
    const notBefore = (value: string | null | undefined, floor: string, path: (string | number)[], what: string) => {
      if (value && value < floor) ctx.addIssue({ code: 'custom', path, message: `is before ${what}` });
    };
    notBefore(r.deliveredAt, r.purchasedAt, ['deliveredAt'], 'purchasedAt');
    notBefore(r.requestedAt, r.purchasedAt, ['requestedAt'], 'purchasedAt');
    notBefore(r.promisedAt, r.purchasedAt, ['promisedAt'], 'purchasedAt');
    r.repairs.forEach((repair, i) => {
      notBefore(repair.completedAt, r.purchasedAt, ['repairs', i, 'completedAt'], 'purchasedAt');
      if (repair.startedAt) notBefore(repair.completedAt, repair.startedAt, ['repairs', i, 'completedAt'], 'startedAt');
    });
    r.replacements.forEach((replacement, i) => notBefore(replacement.deliveredAt, r.purchasedAt, ['replacements', i, 'deliveredAt'], 'purchasedAt'));
  })
  .meta({ id: 'PolicyRequest' });
export type EvaluateRequest = z.infer<typeof evaluateBody>;

export const verdictSchema = z
  .object({
    eligible: z.boolean().describe('Whether a legal or store rule grants the request on that day'),
    remedies: z.array(z.enum(remedyNames)),
    legalGuaranteeUntil: isoDate.nullable().describe('Last day of the legal guarantee of conformity (null in Québec: no fixed duration)'),
    presumptionUntil: isoDate.nullable().describe('Last day the defect is presumed to have existed at delivery'),
    burdenOfProof: z.enum(['seller', 'consumer']).nullable(),
    withdrawalUntil: isoDate.nullable().describe('Last day to withdraw or return (the later of the law’s and the return window’s)'),
    refundDueBy: isoDate.nullable(),
    rules: z.array(z.string()).describe('Ids of the rules applied (docs/policies.md lists them with their sources)'),
    explanation: z.object({ fr: z.string(), en: z.string() }).describe('Plain words the agent can send as they are'),
    policyVersion: z.number().int(),
  })
  .meta({ id: 'PolicyVerdict' });
export type PolicyVerdictDto = z.infer<typeof verdictSchema>;

/** The verdict on a case: the question built from its linked purchase, and the answer. */
export const caseVerdictSchema = z
  .object({
    request: evaluateBody,
    verdict: verdictSchema,
    product: z.string().describe('The purchase judged (the order line’s name)'),
  })
  .meta({ id: 'CaseVerdict' });
export type CaseVerdictDto = z.infer<typeof caseVerdictSchema>;
