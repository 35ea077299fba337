// The disputes API's shapes (refusal check of a draft, the alerts a case carries), shared
// with the web app.
import { z } from 'zod';

/** What a customer's message may show of a dispute (dispute-signals.ts finds them). */
export const disputeKinds = ['formal_notice', 'chargeback', 'consumer_office', 'lawyer', 'court'] as const;
export type DisputeKind = (typeof disputeKinds)[number];

const instant = z.iso.datetime({ offset: true });

export const refusalCheckBody = z.strictObject({
  text: z.string().max(20_000).describe('The draft reply, as the agent wrote it'),
});

export const refusalCheckSchema = z
  .object({
    refuses: z.boolean().describe('The draft refuses the customer (not responsible, not covered, out of warranty…)'),
    phrases: z.array(z.string()).describe('The refusing words found, as written'),
    warning: z
      .object({
        requiresApproval: z.literal(true),
        legalGuaranteeUntil: z.string().nullable(),
        withdrawalUntil: z.string().nullable(),
        remedies: z.array(z.string()),
        policyVersion: z.number().int(),
        text: z.object({ fr: z.string(), en: z.string() }),
      })
      .nullable()
      .describe('When the case is linked to its purchase and the rulebook grants the customer a remedy: the refusal needs a manager’s approval, and why'),
  })
  .meta({ id: 'RefusalCheck' });
export type RefusalCheckDto = z.infer<typeof refusalCheckSchema>;

export const disputeSignalSchema = z.object({
  kind: z.enum(disputeKinds),
  term: z.string().describe('The words found, folded'),
  quote: z.string().describe('The sentence they were found in, as the customer wrote it'),
});

export const caseAlertsSchema = z
  .object({
    dispute: z
      .object({
        flaggedAt: instant,
        kinds: z.array(z.enum(disputeKinds)),
        signals: z.array(disputeSignalSchema),
        routedTo: z.object({ teamId: z.uuid(), teamName: z.string() }).nullable().describe('null: no disputes team is set up (COMPTOIR_DISPUTES_TEAM)'),
      })
      .nullable()
      .describe('Set once a customer message read as a dispute'),
    effort: z.object({
      exchanges: z.number().int().describe('Turns of the conversation so far (customer messages and agent replies, consecutive ones counted once)'),
      threshold: z.number().int(),
      level: z.number().int().describe('How many times the threshold was reached and warned about'),
      warnedAt: instant.nullable(),
    }),
  })
  .meta({ id: 'CaseAlerts' });
export type CaseAlertsDto = z.infer<typeof caseAlertsSchema>;
