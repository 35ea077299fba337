// The public tracking API's shapes: what a customer holding the tracking link may read and
// send. Nothing here names staff beyond a first name, and nothing internal is in it.
import { z } from 'zod';
import { policyRequests } from '../policies/policies.contract.ts';
import { caseStatuses, holders, notifyChannels } from '../cases/cases.contract.ts';
import { clockMetrics } from '../sla/sla.contract.ts';
import { trackedWorkflowSchema } from '../workflows/workflows.contract.ts';

const instant = z.iso.datetime({ offset: true });

export const tokenParams = z.strictObject({ token: z.string().max(100) });
export const trackAttachmentParams = tokenParams.extend({ id: z.uuid() });
export const languageQuery = z.strictObject({ lang: z.enum(['fr', 'en']).optional().describe('Language of the words (default: the case’s)') });

export const trackedAttachmentSchema = z.object({
  id: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  /** Shown in the page (images) or offered as a download. */
  inline: z.boolean(),
  url: z.string().describe('Download address, with the tracking token: no login'),
});

export type TrackedAttachment = z.infer<typeof trackedAttachmentSchema>;

export const trackedMessageSchema = z.object({
  id: z.uuid(),
  at: instant,
  from: z.enum(['customer', 'agent']),
  /** The agent's first name; null for the customer's own messages and automatic ones. */
  author: z.string().nullable(),
  body: z.string().nullable(),
  attachments: z.array(trackedAttachmentSchema),
});

export type TrackedMessage = z.infer<typeof trackedMessageSchema>;

export const trackedStepSchema = z.object({
  key: z.string(),
  label: z.string(),
  state: z.enum(['done', 'current', 'upcoming']),
  at: instant.nullable().describe('When it was reached'),
});

export const trackedCaseSchema = z
  .object({
    brand: z.string().describe('The brand the case is with'),
    number: z.string(),
    subject: z.string(),
    product: z.string().nullable(),
    orderRef: z.string().nullable(),
    language: z.enum(['fr', 'en']).describe('The language of the words in this answer'),
    status: z.object({ key: z.enum(caseStatuses), label: z.string() }),
    steps: z.array(trackedStepSchema).describe('Parcel-style: done (dated), current, then what comes next'),
    holder: z.object({ kind: z.enum(holders), label: z.string().describe('"le magasin Jardin & Maison Grigny", "notre SAV technique", "vous"…') }),
    nextDeadline: z
      .object({ metric: z.enum(clockMetrics), label: z.string(), deadline: instant, promise: z.string() })
      .nullable()
      .describe('The earliest promise still running'),
    messages: z.array(trackedMessageSchema).describe('Public messages, oldest first'),
    rights: z
      .object({
        request: z.enum(policyRequests).describe('What the case asks, from its contact reason'),
        product: z.string().describe('The purchase it is about'),
        eligible: z.boolean(),
        explanation: z.string().describe('The rulebook’s plain words, in the page’s language: the same verdict the agent and the store see'),
        policyVersion: z.number().int(),
      })
      .nullable()
      .describe('null: no purchase is linked to the case yet, or Comptoir has no law for its country'),
    notifications: z.object({
      channel: z.enum(notifyChannels).nullable().describe('Where step news go now'),
      chosen: z.boolean().describe('false: our default (the case’s channel, else e-mail, else SMS)'),
      options: z.array(z.object({ channel: z.enum(notifyChannels), label: z.string(), destination: z.string().describe('Masked: m•••@exemple.fr') })),
    }),
    canReply: z.boolean().describe('false once the case is closed'),
    // Workflows: the latest running or done return, exchange, repair or refund (src/modules/workflows).
    workflow: trackedWorkflowSchema.nullable().describe('RMA number, drop-off store or return label, where a repair stands, the refund and its due date'),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'TrackedCase' });
export type TrackedCase = z.infer<typeof trackedCaseSchema>;

export const trackMessageBody = z.strictObject({
  body: z.string().trim().max(20_000).default(''),
});

export const trackPreferencesBody = z.strictObject({
  notifyVia: z.enum(notifyChannels),
});
