// The store counter's shapes, shared with the web app: finding a customer and their open
// cases (whatever channel opened them), opening a counter case, recording a counter visit,
// and the printed ticket's options.
import { z } from 'zod';
import { caseSchema } from '../../modules/cases/cases.contract.ts';
import { identitySchema } from '../../modules/customers/customers.contract.ts';

const id = z.uuid();

export const counterLookupQuery = z.strictObject({
  q: z.string().trim().min(2).max(200).describe('A name, a phone number, an e-mail, a case number, an order number, or the tracking link of a ticket (its QR code, as a scanner types it)'),
  limit: z.coerce.number().int().min(1).max(20).default(10),
});

export const counterMatchSchema = z
  .object({
    customer: z.object({ id, displayName: z.string(), identities: z.array(identitySchema) }),
    /** How the customer was found. */
    matchedBy: z.enum(['customer', 'case_number', 'order_ref', 'tracking_link']),
    matchedCases: z.array(caseSchema).describe('The cases the case number, order number or tracking link named, whatever their status (empty when found by name, phone or e-mail)'),
    openCases: z.array(caseSchema).describe('Every open case of the customer you may see, on every channel; access "history": another store’s or the web’s, read-only'),
  })
  .meta({ id: 'CounterMatch' });
export type CounterMatchDto = z.infer<typeof counterMatchSchema>;

export const openCounterCaseBody = z.strictObject({
  customer: z.union([
    z.strictObject({ id }),
    z
      .strictObject({
        firstName: z.string().trim().min(1).max(200).optional(),
        lastName: z.string().trim().min(1).max(200).optional(),
        email: z.string().trim().max(320).optional(),
        phone: z.string().trim().max(40).optional(),
        language: z.enum(['fr', 'en']).optional(),
      })
      .refine((c) => c.email || c.phone || c.lastName, { message: 'give an e-mail, a phone or a name' }),
  ]).describe('A customer found by the lookup, or who they are: an e-mail or phone finds them or is kept for the acknowledgment'),
  storeId: id.optional().describe('Default: your store, when you work at one only'),
  subject: z.string().trim().min(1).max(300),
  message: z.string().trim().min(1).max(20_000).describe('What the customer says at the counter'),
  reason: z.string().max(60).optional(),
  orderRef: z.string().trim().max(100).optional(),
  product: z.string().trim().min(1).max(300).optional(),
  notifyVia: z.enum(['email', 'sms']).optional(),
});
export type OpenCounterCaseInput = z.infer<typeof openCounterCaseBody>;

export const counterVisitBody = z.strictObject({
  message: z.string().trim().min(1).max(20_000).describe('What the customer says or brings at the counter'),
  storeId: id.optional().describe('Where they came: default, your store when you work at one only'),
});

export const ticketFormats = ['a4', 'receipt'] as const;
export type TicketFormat = (typeof ticketFormats)[number];

export const ticketQuery = z.strictObject({
  format: z.enum(ticketFormats).default('receipt').describe('a4: a sheet; receipt: an 80 mm thermal-printer roll'),
  lang: z.enum(['fr', 'en']).optional().describe('Default: the case’s language'),
});
