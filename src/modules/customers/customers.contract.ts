// The customers API's shapes, shared with the web app.
import { z } from 'zod';
import { caseSchema } from '../cases/cases.contract.ts';

export const identityKinds = ['email', 'phone', 'x', 'facebook', 'instagram', 'whatsapp', 'external'] as const;
export type IdentityKind = (typeof identityKinds)[number];

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });

export const identitySchema = z
  .object({
    id,
    kind: z.enum(identityKinds),
    system: z.string().describe('For external ids: the system (shopify, pos…); empty otherwise'),
    value: z.string().describe('Normalised: lower-case e-mail, E.164 phone, handle without @'),
    displayValue: z.string(),
    verified: z.boolean(),
    createdAt: instant,
  })
  .meta({ id: 'Identity' });

export const identityInput = z.strictObject({
  kind: z.enum(identityKinds),
  value: z.string().trim().min(1).max(320),
  system: z.string().max(40).optional(),
});

export const customerSchema = z
  .object({
    id,
    displayName: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    language: z.enum(['fr', 'en']),
    company: z.string().nullable(),
    notes: z.string().nullable(),
    identities: z.array(identitySchema),
    mergedIntoId: id.nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Customer' });
export type CustomerDto = z.infer<typeof customerSchema>;

const name = z.string().trim().min(1).max(200);

export const createCustomerBody = z
  .strictObject({
    firstName: name.optional(),
    lastName: name.optional(),
    displayName: name.optional().describe('Defaults to "first last", or the first identity'),
    language: z.enum(['fr', 'en']).optional(),
    company: z.string().trim().max(200).optional(),
    notes: z.string().max(10_000).optional(),
    identities: z.array(identityInput).max(50).default([]),
  })
  .refine((c) => c.displayName || c.firstName || c.lastName || c.identities.length > 0, {
    message: 'give a name or at least one identity',
  });
export type CreateCustomerInput = z.infer<typeof createCustomerBody>;

export const updateCustomerBody = z.strictObject({
  firstName: name.nullable().optional(),
  lastName: name.nullable().optional(),
  displayName: name.optional(),
  language: z.enum(['fr', 'en']).optional(),
  company: z.string().trim().max(200).nullable().optional(),
  notes: z.string().max(10_000).nullable().optional(),
});

export const customerListQuery = z.strictObject({
  q: z.string().trim().min(1).max(200).optional().describe('Name, e-mail, phone or handle; fuzzy and accent-insensitive'),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(500).optional().describe('Listing without q only'),
});

export const mergeBody = z.strictObject({
  sourceId: id.describe('The customer to absorb into this one; it is kept as a redirect'),
  preview: z.boolean().default(false).describe('true: say what would happen, change nothing'),
});

export const mergeResultSchema = z
  .object({
    applied: z.boolean(),
    survivorId: id,
    sourceId: id,
    moves: z.object({ caseIds: z.array(id), identityIds: z.array(id) }),
    /** Fields the survivor lacks and takes from the source. */
    filled: z.record(z.string(), z.string()),
    /** Fields both have with different values: the survivor's are kept. */
    conflicts: z.array(z.object({ field: z.string(), survivor: z.string(), source: z.string() })),
  })
  .meta({ id: 'MergeResult' });

export const mergeSuggestionSchema = z
  .object({
    id,
    customer: z.object({ id, displayName: z.string() }).describe('The customer the message was for'),
    otherCustomer: z.object({ id, displayName: z.string() }).describe('The customer who already owns the identity'),
    identity: z.object({ kind: z.enum(identityKinds), value: z.string() }).describe('The identity both records claim'),
    source: z.string().describe('Where it was seen: the channel of the message (email, chat, counter, phone…)'),
    status: z.enum(['open', 'accepted', 'dismissed']),
    createdAt: instant,
    resolvedAt: instant.nullable(),
  })
  .meta({ id: 'MergeSuggestion' });
export type MergeSuggestionDto = z.infer<typeof mergeSuggestionSchema>;

export const mergeSuggestionQuery = z.strictObject({
  status: z.enum(['open', 'accepted', 'dismissed']).default('open'),
  customerId: id.optional().describe('Only the suggestions naming this customer'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type MergeSuggestionQuery = z.infer<typeof mergeSuggestionQuery>;

export const acceptSuggestionBody = z.strictObject({
  survivorId: id.optional().describe('Which of the two records stays (default: the older one)'),
  preview: z.boolean().default(false).describe('true: say what the merge would do, change nothing'),
});

/** GET /customers/{id}: the customer panel's data in one answer. */
export const customerDetailSchema = customerSchema
  .extend({
    cases: z.array(caseSchema).describe('Latest 50 cases, open and past, across channels and stores'),
    mergeSuggestions: z.array(mergeSuggestionSchema).describe('Open suggestions that this customer and another are one person'),
  })
  .meta({ id: 'CustomerDetail' });
export type CustomerDetailDto = z.infer<typeof customerDetailSchema>;
