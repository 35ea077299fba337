// The shapes of the working-together API (presence, merge, split, related cases), shared
// with the web app.
import { z } from 'zod';
import { caseEventSchema, caseStatuses, channels } from '../cases/cases.contract.ts';
import { clockMetrics } from '../sla/sla.contract.ts';

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });

/** Stored kinds, read "case A <kind> case B"; merges and splits write their own. */
export const linkKinds = ['related', 'duplicate', 'split_from', 'merged_into'] as const;
export type LinkKind = (typeof linkKinds)[number];
/** The kinds an agent links by hand. */
export const manualLinkKinds = ['related', 'duplicate'] as const satisfies readonly LinkKind[];

/** A link as one of its two cases sees it. */
export const linkRelations = ['related', 'duplicate_of', 'has_duplicate', 'split_from', 'split_into', 'merged_into', 'merged_from'] as const;
export type LinkRelation = (typeof linkRelations)[number];

export const presenceStates = ['viewing', 'typing'] as const;
export type PresenceState = (typeof presenceStates)[number];
export const composingKinds = ['reply', 'note'] as const;
export type ComposingKind = (typeof composingKinds)[number];

export const caseSummarySchema = z
  .object({
    id,
    number: z.string(),
    subject: z.string(),
    status: z.enum(caseStatuses),
    channel: z.enum(channels),
    createdAt: instant,
    lastActivityAt: instant,
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummary = z.infer<typeof caseSummarySchema>;

// Presence ------------------------------------------------------------------------------

export const presenceBody = z
  .strictObject({
    state: z.enum([...presenceStates, 'left']).describe('viewing: the case page is open; typing: its composer holds unsent text; left: the page closed'),
    kind: z.enum(composingKinds).optional().describe('While typing: a reply or an internal note'),
    tabId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional()
      .describe('The browser tab, so that two tabs of one user do not undo each other'),
  })
  .refine((b) => b.state === 'typing' || b.kind === undefined, { message: 'kind goes with state typing', path: ['kind'] });
export type PresenceInput = z.infer<typeof presenceBody>;

export const presenceSchema = z
  .object({
    user: z.object({ id, name: z.string() }),
    state: z.enum(presenceStates),
    kind: z.enum(composingKinds).nullable(),
    expiresAt: instant.describe('Forgotten then, unless another heartbeat comes'),
  })
  .meta({ id: 'Presence' });
export type PresenceDto = z.infer<typeof presenceSchema>;

export const presenceListSchema = z
  .object({
    present: z.array(presenceSchema).describe('The others on this case now (never yourself)'),
    ttlSeconds: z.number().int().describe('An entry lasts this long after its last heartbeat'),
    at: instant.describe('The server’s time, to read expiresAt against'),
  })
  .meta({ id: 'PresenceList' });
export type PresenceList = z.infer<typeof presenceListSchema>;

/** `case.presence` on GET /api/v1/events?caseId=…: someone arrived, started or stopped typing, left. */
export const presenceSignalSchema = z.object({
  caseId: id,
  user: z.object({ id, name: z.string() }),
  state: z.enum([...presenceStates, 'left']),
  kind: z.enum(composingKinds).nullable(),
  expiresAt: instant.nullable(),
  at: instant,
});
export type PresenceSignal = z.infer<typeof presenceSignalSchema>;

// The meanwhile rule ------------------------------------------------------------------------

/** The extension members of the 409 `/problems/case-changed-meanwhile`. */
export const meanwhileProblemSchema = z.object({
  changes: z.array(caseEventSchema).describe('The latest messages (up to 10) written since seenEventId, oldest first'),
  latestEventId: id.describe('Send it as seenEventId to post anyway'),
});

// Merge -------------------------------------------------------------------------------------

export const MAX_MERGED = 20;

export const mergeBody = z.strictObject({
  caseIds: z.array(id).min(1).max(MAX_MERGED).describe('The cases to merge into this one (same customer)'),
});

export const mergePreviewQuery = z.strictObject({
  caseIds: z
    .string()
    .max(MAX_MERGED * 37)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(id).min(1).max(MAX_MERGED))
    .describe('Comma-separated ids of the cases to merge into this one'),
});

export const mergePreviewSchema = z
  .object({
    survivor: caseSummarySchema,
    cases: z.array(
      z.object({
        case: caseSummarySchema,
        alreadyMerged: z.boolean().describe('Merged into this case before: nothing more happens to it'),
        messages: z.number().int().describe('Messages, notes and calls copied onto the survivor, at their own time'),
        attachments: z.number().int(),
        clocksStopped: z.array(z.enum(clockMetrics)).describe('Its running SLA clocks, cancelled by the merge'),
      }),
    ),
    messages: z.number().int(),
    attachments: z.number().int(),
  })
  .meta({ id: 'MergePreview' });
export type MergePreview = z.infer<typeof mergePreviewSchema>;

// Split -------------------------------------------------------------------------------------

export const splitBody = z.strictObject({
  eventIds: z.array(id).min(1).max(50).describe('Customer messages (message_in) of this case to open the new case with'),
  subject: z.string().trim().min(1).max(300),
});
export type SplitInput = z.infer<typeof splitBody>;

// Links -------------------------------------------------------------------------------------

export const linkBody = z.strictObject({
  caseId: id.describe('The other case'),
  kind: z.enum(manualLinkKinds).default('related').describe('related, or duplicate: this case repeats the other'),
});
export type LinkInput = z.infer<typeof linkBody>;

export const linkParams = z.strictObject({ id, linkId: id });

export const linkSchema = z
  .object({
    id,
    kind: z.enum(linkKinds),
    relation: z.enum(linkRelations).describe('What the other case is to this one'),
    case: caseSummarySchema.extend({ access: z.enum(['full', 'history']) }),
    createdBy: z.object({ id, name: z.string() }).nullable(),
    createdAt: instant,
    removable: z.boolean().describe('Links written by a merge or a split stay'),
  })
  .meta({ id: 'CaseLink' });
export type LinkDto = z.infer<typeof linkSchema>;

export const linkListSchema = z.object({ items: z.array(linkSchema) });
