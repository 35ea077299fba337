// The phone channel's shapes, shared with the web app: calls logged by agents, cases opened
// from a call, the telephony webhook's events, the screen pop an agent sees when a call rings.
import { z } from 'zod';
import { caseSchema } from '../../modules/cases/cases.contract.ts';

export const callDirections = ['in', 'out'] as const;
export type CallDirection = (typeof callDirections)[number];

/** ringing: the telephony system said it started; pending: it ended on no case, an agent completes it; logged: on a case. */
export const callStates = ['ringing', 'pending', 'logged'] as const;
export type CallState = (typeof callStates)[number];

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });

/** What the agent says of a call, whether it goes on an existing case or opens one. */
const callFacts = {
  direction: z.enum(callDirections).default('in'),
  number: z.string().trim().min(1).max(40).describe('The customer’s number as dialled or shown; normalised to E.164'),
  startedAt: instant.optional().describe('Default: now minus the duration'),
  durationSeconds: z.number().int().min(0).max(24 * 3600).optional(),
  summary: z.string().trim().min(1).max(20_000).describe('What was said and agreed'),
  callId: id.optional().describe('A call the telephony system reported (screen pop, pending call): completes that record'),
};

export const logCallBody = z.strictObject(callFacts);
export type LogCallInput = z.infer<typeof logCallBody>;

export const openFromCallBody = z.strictObject({
  ...callFacts,
  subject: z.string().trim().min(1).max(300),
  customer: z
    .strictObject({
      firstName: z.string().trim().min(1).max(200).optional(),
      lastName: z.string().trim().min(1).max(200).optional(),
      email: z.string().trim().max(320).optional(),
      language: z.enum(['fr', 'en']).optional(),
    })
    .default({})
    .describe('Who called, when the number is not known yet; an e-mail also gets the acknowledgment'),
  reason: z.string().max(60).optional(),
  brandId: id.optional(),
  storeId: id.optional(),
  teamId: id.optional(),
  orderRef: z.string().trim().max(100).optional(),
  product: z.string().trim().min(1).max(300).optional(),
});
export type OpenFromCallInput = z.infer<typeof openFromCallBody>;

export const callSchema = z
  .object({
    id,
    accountId: id.nullable(),
    providerCallId: z.string().nullable(),
    direction: z.enum(callDirections),
    number: z.string().nullable().describe('E.164, or null when hidden or invalid'),
    numberRaw: z.string(),
    state: z.enum(callStates),
    customerId: id.nullable(),
    caseId: id.nullable(),
    agentUserId: id.nullable(),
    startedAt: instant,
    endedAt: instant.nullable(),
    durationSeconds: z.number().int().nullable(),
    summary: z.string().nullable(),
  })
  .meta({ id: 'PhoneCall' });
export type CallDto = z.infer<typeof callSchema>;

/** What rings on the agent's screen: the caller, the customer behind the number, their open cases. */
export const screenPopSchema = z
  .object({
    call: callSchema,
    customer: z.object({ id, displayName: z.string() }).nullable(),
    openCases: z.array(caseSchema).describe('The customer’s open cases the reader may see, most recent activity first'),
  })
  .meta({ id: 'PhoneScreenPop' });
export type ScreenPopDto = z.infer<typeof screenPopSchema>;

/** The telephony webhook's body (signed: see docs/channels.md, "Phone"). */
export const telephonyEvent = z.object({
  event: z.enum(['call.started', 'call.ended']),
  callId: z.string().trim().min(1).max(200).describe('The telephony system’s id of the call'),
  direction: z.enum(callDirections).default('in'),
  from: z.string().trim().min(1).max(60).describe('The caller’s number (the customer, for an incoming call)'),
  to: z.string().trim().max(60).optional().describe('The number called (the customer, for an outgoing call)'),
  agent: z
    .object({ email: z.string().trim().max(320).optional(), extension: z.string().trim().max(40).optional() })
    .optional()
    .describe('Who picks up or dials: their Comptoir e-mail, or an extension mapped to them'),
  at: instant.optional().describe('When it happened (default: when it arrived)'),
  durationSeconds: z.number().int().min(0).max(24 * 3600).optional().describe('call.ended: default, from call.started'),
});
export type TelephonyEvent = z.infer<typeof telephonyEvent>;

export const webhookAnswer = z.object({ received: z.literal(true), duplicate: z.boolean() }).meta({ id: 'TelephonyWebhookAnswer' });

export const extensionBody = z.strictObject({
  userId: id,
  extension: z.string().trim().regex(/^[0-9A-Za-z*#+_-]{1,40}$/, 'digits, letters, * # + _ -').nullable().describe('null removes the mapping'),
});

export const callListQuery = z.strictObject({
  state: z.enum(callStates).default('pending'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
