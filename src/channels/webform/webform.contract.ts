// The web form channel's shapes: what the form page (or a retailer's own form, through the
// API) sends, what it gets back, and what a custom form needs to be built (reasons, token).
// Error messages are short stable words (required, invalid, too long…): the form page
// turns them into sentences in the visitor's language.
import { z } from 'zod';
import { clockMetrics } from '../../modules/sla/sla.contract.ts';

/** HTML forms send "" for a field left empty: that is "not given". */
const text = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max, 'too long').optional());
const required = (max: number) => z.string({ error: 'required' }).trim().min(1, 'required').max(max, 'too long');

export const webformFields = ['firstName', 'lastName', 'email', 'phone', 'orderRef', 'product', 'reason', 'message'] as const;
export type WebformField = (typeof webformFields)[number];

export const webformSubmission = z
  .strictObject({
    brand: text(100).describe('The brand’s slug (optional when there is only one brand)'),
    lang: z.enum(['fr', 'en']).optional().describe('The language the customer wrote in'),
    firstName: required(100),
    lastName: required(100),
    email: text(320),
    phone: text(40),
    orderRef: text(100).describe('Order number, as the customer has it'),
    product: text(300),
    reason: required(60).describe('A contact reason key, from GET /api/v1/inbound/webform'),
    message: required(20_000),
    formToken: z.string({ error: 'required' }).max(400).describe('From GET /api/v1/inbound/webform (or the form page): proves a person took the time to fill the form'),
    website: z.string().max(500).optional().describe('Leave empty: a field people never see, that robots fill'),
  })
  .refine((f) => f.email || f.phone, { message: 'give an e-mail or a phone', path: ['email'] });
export type WebformSubmission = z.infer<typeof webformSubmission>;

export const webformSetupQuery = z.strictObject({
  brand: z.string().max(100).optional(),
  lang: z.enum(['fr', 'en']).optional(),
});

export const webformSetupSchema = z
  .object({
    brand: z.object({ slug: z.string(), name: z.string() }),
    language: z.enum(['fr', 'en']),
    reasons: z.array(z.object({ key: z.string(), label: z.string() })),
    formToken: z.string().describe('Send it back with the submission, unchanged'),
    minFillSeconds: z.number().int().describe('A submission sooner than this after the token is refused'),
    uploads: z.object({ maxFiles: z.number().int(), maxBytes: z.number().int(), accept: z.string() }),
  })
  .meta({ id: 'WebformSetup' });

export const acknowledgmentSchema = z
  .object({
    brand: z.string().describe('The brand the case is with'),
    number: z.string().describe('The case number, e.g. SAV-2026-000123'),
    language: z.enum(['fr', 'en']),
    promise: z
      .object({ metric: z.enum(clockMetrics), deadline: z.iso.datetime({ offset: true }), text: z.string().describe('"au plus tard le mardi 14 avril 2026 à 12:00"') })
      .nullable(),
    nextSteps: z.string().describe('What happens next, in plain words'),
    trackingUrl: z.string().describe('The tracking page of the case'),
  })
  .meta({ id: 'WebformAcknowledgment' });
export type Acknowledgment = z.infer<typeof acknowledgmentSchema>;
