// The gestures module's shapes, shared with the web app: the authority limits and the goodwill
// gesture scale admins edit, the gesture panel of a case, a grant, and approval requests.
// Amounts are integer minor units (cents) of the documents' currency.
import { z } from 'zod';

/** What may be given to a customer. `apology` costs nothing; refund and exchange are remedies. */
export const gestureKinds = ['apology', 'voucher', 'express_delivery', 'loyalty_points', 'upgrade', 'refund', 'exchange'] as const;
export type GestureKind = (typeof gestureKinds)[number];

/** What the scale may recommend (the remedies are the rulebook's business, not the scale's). */
export const recommendedKinds = ['apology', 'voucher', 'express_delivery', 'loyalty_points', 'upgrade'] as const;
export type RecommendedKind = (typeof recommendedKinds)[number];

/** The roles that grant gestures (viewers grant nothing). */
export const grantingRoles = ['agent', 'store_staff', 'community_manager', 'manager', 'admin'] as const;
export type GrantingRole = (typeof grantingRoles)[number];

export const severities = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof severities)[number];

export const approvalStatuses = ['pending', 'approved', 'refused', 'cancelled'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

export const voucherPushStates = ['none', 'pending', 'pushed', 'failed'] as const;

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });
const currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code, e.g. EUR');
/** null: no limit. */
const cap = z.int().min(0).nullable();
const localized = z.object({ fr: z.string(), en: z.string() });

const kindCaps = z
  .partialRecord(z.enum(gestureKinds), z.strictObject({ max: cap.describe('Most this kind may cost without asking (null: up to the other limits)') }))
  .describe('The kinds granted without asking; a kind left out always needs an approval');

export const roleLimitSchema = z.strictObject({
  perCase: cap.describe('Most the gestures of one case may cost in all, without asking (null: no limit)'),
  perMonth: cap.describe('Most a user may grant in a calendar month, without asking (null: no limit)'),
  kinds: kindCaps,
});
export type RoleLimit = z.infer<typeof roleLimitSchema>;

export const storeOverrideSchema = z.strictObject({
  storeId: id,
  role: z.enum(grantingRoles),
  perCase: cap.optional(),
  perMonth: cap.optional(),
  kinds: kindCaps.optional(),
});

export const authorityLimitsSchema = z
  .strictObject({
    currency,
    roles: z.strictObject(Object.fromEntries(grantingRoles.map((r) => [r, roleLimitSchema])) as Record<GrantingRole, typeof roleLimitSchema>),
    storeOverrides: z.array(storeOverrideSchema).max(500).default([]).describe('Per store and role, the fields given replace the role’s'),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.storeOverrides.forEach((o, i) => {
      const key = `${o.storeId}/${o.role}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['storeOverrides', i], message: 'a second override for the same store and role' });
      seen.add(key);
    });
  })
  .meta({ id: 'AuthorityLimits' });
export type AuthorityLimits = z.infer<typeof authorityLimitsSchema>;

export const recommendationSchema = z.strictObject({
  kind: z.enum(recommendedKinds),
  amount: z.int().min(0).optional().describe('voucher, upgrade: its value'),
  points: z.int().min(0).optional().describe('loyalty_points: how many'),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

const byRepeat = z.strictObject({ first: recommendationSchema, repeat: recommendationSchema });
const bySeverity = z.strictObject({ minor: byRepeat, major: byRepeat, critical: byRepeat });

export const gestureScaleSchema = z
  .strictObject({
    currency,
    repeatWithinMonths: z.int().min(1).max(60).describe('Another case of the customer within so many months makes this one a repeat incident'),
    tiers: z
      .array(z.strictObject({ key: z.string().regex(/^[a-z][a-z0-9_]{0,30}$/), label: localized, minLifetimeValue: z.int().min(0) }))
      .min(1)
      .max(10)
      .describe('Customer value tiers, from the lowest; the first must start at 0'),
    grid: z.record(z.string(), bySeverity).describe('Per tier key: severity × first/repeat → the recommended gesture'),
    expressDeliveryCost: z.int().min(0).describe('What a free express delivery costs the retailer'),
    loyaltyPointValue: z.int().min(0).describe('What one loyalty point costs the retailer, in minor units'),
  })
  .superRefine((doc, ctx) => {
    if (doc.tiers[0] && doc.tiers[0].minLifetimeValue !== 0) ctx.addIssue({ code: 'custom', path: ['tiers', 0, 'minLifetimeValue'], message: 'the first tier starts at 0' });
    doc.tiers.forEach((t, i) => {
      const before = doc.tiers[i - 1];
      if (before && t.minLifetimeValue <= before.minLifetimeValue) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'minLifetimeValue'], message: 'tiers go up: above the one before' });
      if (!doc.grid[t.key]) ctx.addIssue({ code: 'custom', path: ['grid', t.key], message: `no row for the tier ${t.key}` });
    });
    if (new Set(doc.tiers.map((t) => t.key)).size !== doc.tiers.length) ctx.addIssue({ code: 'custom', path: ['tiers'], message: 'two tiers with the same key' });
    for (const key of Object.keys(doc.grid)) {
      if (!doc.tiers.some((t) => t.key === key)) ctx.addIssue({ code: 'custom', path: ['grid', key], message: `no tier ${key}` });
    }
  })
  .meta({ id: 'GestureScale' });
export type GestureScale = z.infer<typeof gestureScaleSchema>;

const settingsVersion = z.object({
  version: z.int().describe('0: the built-in defaults'),
  comment: z.string().nullable(),
  createdAt: instant.nullable(),
  createdBy: z.object({ id: id.nullable(), label: z.string() }).nullable(),
});
export const authorityLimitsVersionSchema = settingsVersion.extend({ document: authorityLimitsSchema }).meta({ id: 'AuthorityLimitsVersion' });
export const gestureScaleVersionSchema = settingsVersion.extend({ document: gestureScaleSchema }).meta({ id: 'GestureScaleVersion' });
export type SettingsVersionDto<D> = z.infer<typeof settingsVersion> & { document: D };

export const saveLimitsBody = z.strictObject({
  document: authorityLimitsSchema,
  comment: z.string().trim().max(500).nullable().default(null),
  basedOnVersion: z.int().min(0).optional().describe('The version edited: saving fails with 412 if another was saved since'),
});
export const saveScaleBody = z.strictObject({
  document: gestureScaleSchema,
  comment: z.string().trim().max(500).nullable().default(null),
  basedOnVersion: z.int().min(0).optional(),
});

/** other_currency: a remedy in another currency than the limits' (src/modules/workflows/workflow-authority.ts). */
export const authorityReasons = ['kind_not_allowed', 'over_kind_limit', 'over_case_limit', 'over_month_limit', 'other_currency'] as const;
export type AuthorityReason = (typeof authorityReasons)[number];

const money = z.object({ amount: z.int(), currency });

export const grantBody = z.strictObject({
  kind: z.enum(gestureKinds),
  amount: z.int().min(0).max(100_000_000).optional().describe('voucher, upgrade, refund, exchange: its value in minor units (express delivery: the scale’s cost)'),
  points: z.int().min(1).max(10_000_000).optional().describe('loyalty_points: how many'),
  note: z.string().trim().max(2000).optional(),
  severity: z.enum(severities).optional().describe('The severity the agent judged (kept on the case for its gestures)'),
});
export type GrantInput = z.infer<typeof grantBody>;

export const gestureSchema = z
  .object({
    id,
    caseId: id,
    kind: z.enum(gestureKinds),
    cost: money.describe('What it costs the retailer'),
    points: z.int().nullable(),
    note: z.string().nullable(),
    grantedBy: z.object({ id: id.nullable(), name: z.string() }),
    approvedBy: z.object({ id: id.nullable(), name: z.string() }).nullable(),
    approvalId: id.nullable(),
    grantedAt: instant,
    voucherCode: z.string().nullable(),
    push: z.object({ state: z.enum(voucherPushStates), detail: z.string().nullable(), discountId: z.string().nullable() }).describe('The voucher as a Shopify discount code'),
  })
  .meta({ id: 'Gesture' });
export type GestureDto = z.infer<typeof gestureSchema>;

export const approvalSchema = z
  .object({
    id,
    caseId: id,
    caseNumber: z.string(),
    action: z.string().describe('The executor that runs on approval: gesture, remedy…'),
    payload: z.record(z.string(), z.unknown()),
    summary: localized.describe('What is asked, in plain words'),
    amount: money.nullable(),
    status: z.enum(approvalStatuses),
    reasons: z.array(z.enum(authorityReasons)).describe('Why the requester could not grant it alone'),
    escalated: z.boolean().describe('A manager approved beyond their own authority: it now waits for an admin'),
    policyVerdict: z.record(z.string(), z.unknown()).nullable().describe('The rulebook’s verdict when asked (null: the case is linked to no purchase)'),
    customerValue: z
      .object({ lifetimeValue: z.array(z.object({ currency, amount: z.int() })), orderCount: z.int(), incidentCount: z.int() })
      .nullable(),
    requestedBy: z.object({ id: id.nullable(), name: z.string() }),
    requestedAt: instant,
    decidedBy: z.object({ id: id.nullable(), name: z.string() }).nullable(),
    decidedAt: instant.nullable(),
    comment: z.string().nullable(),
    canDecide: z.boolean().describe('The reader may approve or refuse it now'),
    eventIds: z.array(id).describe('Its timeline events asking for a decision (the request, an escalation): what the bell’s notifications point to'),
  })
  .meta({ id: 'ApprovalRequest' });
export type ApprovalDto = z.infer<typeof approvalSchema>;

export const grantResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('granted'), gesture: gestureSchema }),
  z.object({ outcome: z.literal('approval_requested'), approval: approvalSchema }),
]);

export const latitudeSchema = z.object({
  currency,
  perCaseLeft: z.int().nullable().describe('null: no limit'),
  perMonthLeft: z.int().nullable(),
  spentThisMonth: z.int(),
  spentOnCase: z.int(),
  kinds: z.array(z.object({ kind: z.enum(gestureKinds), allowed: z.boolean(), upTo: z.int().nullable() })),
});
export type LatitudeDto = z.infer<typeof latitudeSchema>;

export const gesturePanelSchema = z
  .object({
    facts: z.object({
      severity: z.enum(severities),
      severitySetByAgent: z.boolean(),
      otherIncidents: z.int().describe('The customer’s other cases within the scale’s repeat window'),
      repeat: z.boolean(),
      lifetimeValue: z.int().describe('In the scale’s currency'),
      tier: z.string(),
      tierLabel: localized,
    }),
    suggestion: z.object({ recommendation: recommendationSchema, cost: z.int(), reason: localized }),
    latitude: latitudeSchema,
    gestures: z.array(gestureSchema),
    approvals: z.array(approvalSchema),
    shopify: z.boolean().describe('Vouchers of this case are pushed to Shopify as discount codes'),
  })
  .meta({ id: 'GesturePanel' });
export type GesturePanelDto = z.infer<typeof gesturePanelSchema>;

export const decisionBody = z.strictObject({
  decision: z.enum(['approve', 'refuse']),
  comment: z.string().trim().max(2000).optional(),
});

export const approvalListQuery = z.strictObject({
  status: z.enum(approvalStatuses).default('pending'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});

export const severityBody = z.strictObject({ severity: z.enum(severities) });
