// The social inbox API's shapes, shared with the web app: the stream of public mentions and
// comments across accounts (triaged, angriest first), handing one over to a team or store,
// the response measurement per account, and the check of a public draft for personal data.
// Only zod here: the web bundle imports this file.
import { z } from 'zod';
import { caseSchema, caseStatuses, channels, type Channel } from '../cases/cases.contract.ts';

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);

/** The case channels a social or messaging network brings (src/channels/social/). */
export const socialChannels = ['x', 'facebook', 'instagram', 'messenger', 'whatsapp', 'sms', 'marketplace'] as const satisfies readonly Channel[];
export type SocialChannel = (typeof socialChannels)[number];

/** Triage's signal codes (triage.ts), in the order they are reported. The codes are stable: filters and screens key on them. */
export const socialSignals = [
  'legal_threat',
  'anger',
  'negative',
  'shouting',
  'exclamations',
  'angry_emoji',
  'media_video',
  'media_photo',
  'audience_large',
  'audience_huge',
  'verified',
  'repeat',
] as const;
export type SocialSignal = (typeof socialSignals)[number];

/** urgency: angriest first, then the longest waiting; audience: the loudest authors first, then the longest waiting. */
export const socialSortOrders = ['urgency', 'newest', 'oldest', 'audience'] as const;
export type SocialSortOrder = (typeof socialSortOrders)[number];

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(2000)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item).max(50));

export const socialInboxQuery = z.strictObject({
  accountId: csv(id).optional().describe('Comma-separated channel account ids'),
  channel: csv(z.enum(socialChannels)).optional().describe('Comma-separated: x, facebook, instagram…'),
  answered: z.enum(['true', 'false']).optional().describe('false: only the messages nobody has answered yet'),
  minUrgency: z.coerce.number().int().min(0).max(100).optional(),
  signal: csv(z.enum(socialSignals)).optional().describe('Comma-separated: messages carrying every one of these signals'),
  teamId: z.union([id, z.enum(['none', 'mine'])]).optional().describe('The case’s team: an id, none, or mine (the teams the user belongs to)'),
  storeId: csv(z.union([id, z.literal('none')])).optional().describe('Comma-separated store ids of the case; none = no store'),
  from: instant.optional().describe('Posted at or after'),
  to: instant.optional().describe('Posted before (exclusive)'),
  sort: z.enum(socialSortOrders).default('urgency'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type SocialInboxQuery = z.infer<typeof socialInboxQuery>;

export const socialMediaSchema = z.object({
  kind: z.enum(['photo', 'video', 'audio', 'file']),
  url: z.string().nullable(),
  contentType: z.string().nullable(),
});

export const socialMessageSchema = z
  .object({
    eventId: id.describe('The timeline event of the message'),
    channel: z.enum(channels),
    account: z.object({ id, name: z.string() }),
    author: z.object({
      id: z.string().describe('The customer’s id on the network'),
      handle: z.string().nullable(),
      name: z.string().nullable(),
      followers: z.number().int().nullable(),
    }),
    text: z.string(),
    url: z.string().nullable().describe('Where to see it on the network'),
    media: z.array(socialMediaSchema),
    urgency: z.number().int().min(0).max(100),
    signals: z.array(z.string()).describe('Triage’s signals: legal_threat, anger, negative, shouting…'),
    postedAt: instant,
    respondedAt: instant.nullable().describe('When we first answered the case after this message; null while unanswered'),
    case: z.object({
      id,
      number: z.string(),
      subject: z.string(),
      status: z.enum(caseStatuses),
      brandId: id,
      teamId: id.nullable(),
      storeId: id.nullable(),
      assigneeId: id.nullable(),
    }),
  })
  .meta({ id: 'SocialMessage' });
export type SocialMessageDto = z.infer<typeof socialMessageSchema>;

export const handOverBody = z
  .strictObject({
    teamId: id.nullable().optional().describe('The team whose queue takes the case'),
    storeId: id.nullable().optional().describe('The store that takes the case (its staff see it in their cases)'),
    assigneeId: id.nullable().optional(),
    note: z.string().trim().max(5000).optional().describe('For the colleagues who take it: kept as an internal note'),
  })
  .refine((b) => b.teamId !== undefined || b.storeId !== undefined || b.assigneeId !== undefined, { message: 'name a team, a store or an assignee' });
export type HandOverInput = z.infer<typeof handOverBody>;

export const handOverResultSchema = z
  .object({ case: caseSchema, noteEventId: id.describe('The internal note written on the case') })
  .meta({ id: 'SocialHandOver' });

/** One zone name (IANA), checked against the runtime's time-zone database. */
const timeZone = z
  .string()
  .max(64)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a time zone (e.g. Europe/Paris)' },
  );

export const responseTimesQuery = z.strictObject({
  accountId: csv(id).optional().describe('Comma-separated; default every account the user may see'),
  from: instant.optional().describe('Posted at or after; default 28 days before `to`'),
  to: instant.optional().describe('Posted before (exclusive); default now'),
  zone: timeZone.optional().describe('The time zone of the day × hour grid; default each account’s (its store’s, its team’s calendar’s, else COMPTOIR_TIMEZONE)'),
  audience: z.enum(['public', 'private', 'all']).default('public'),
});
export type ResponseTimesQuery = z.infer<typeof responseTimesQuery>;

const figures = {
  received: count.describe('Inbound messages posted in the period'),
  answered: count.describe('Those we answered (any channel) by now'),
  unanswered: count.describe('Those still without an answer: they lower the rate, they are not in the percentiles'),
  responseRate: z.number().min(0).max(1).nullable().describe('answered / received; null when none was received'),
  medianMs: z.number().nullable().describe('Median first-response time of the answered ones (responded_at − posted_at), ms'),
  p90Ms: z.number().nullable().describe('90th percentile of the same, ms'),
};

export const responseTimesSchema = z
  .object({
    from: instant,
    to: instant,
    audience: z.enum(['public', 'private', 'all']),
    accounts: z.array(
      z.object({
        account: z.object({ id, name: z.string(), channel: z.string() }),
        zone: z.string().describe('The zone the grid is in'),
        ...figures,
        grid: z
          .array(
            z.object({
              day: z.number().int().min(1).max(7).describe('ISO day of week: 1 Monday … 7 Sunday'),
              hour: z.number().int().min(0).max(23),
              ...figures,
            }),
          )
          .describe('Per day of week × hour of day when the message was posted, in `zone`; only cells that received messages'),
      }),
    ),
  })
  .meta({ id: 'SocialResponseTimes' });
export type ResponseTimesDto = z.infer<typeof responseTimesSchema>;

export const liveResponseSchema = z
  .object({
    at: instant,
    accounts: z.array(
      z.object({
        account: z.object({ id, name: z.string(), channel: z.string() }),
        medianMs24h: z.number().nullable().describe('Median first-response time of the public messages of the last 24 hours that were answered'),
        answered24h: count,
        received24h: count,
        unanswered: count.describe('Public messages of the last 7 days still unanswered'),
        oldestUnansweredAt: instant.nullable(),
      }),
    ),
  })
  .meta({ id: 'SocialLiveResponse' });
export type LiveResponseDto = z.infer<typeof liveResponseSchema>;

export const draftCheckBody = z.strictObject({
  text: z.string().max(20_000),
  caseId: id.optional().describe('The case the draft answers: the template then speaks to its customer on its channel, in its language'),
  channel: z.enum(channels).optional().describe('Without a case: the channel the draft is for'),
});

export const personalDataKinds = ['email', 'phone', 'address', 'order', 'iban', 'card'] as const;

export const draftCheckSchema = z
  .object({
    findings: z.array(z.object({ kind: z.enum(personalDataKinds), text: z.string(), start: z.number().int(), end: z.number().int() })),
    /** The ready reply that asks the customer to go on in private. */
    privateMove: z.object({ channel: z.enum(channels).nullable(), language: z.enum(['fr', 'en']), text: z.string() }),
  })
  .meta({ id: 'SocialDraftCheck' });
export type DraftCheckDto = z.infer<typeof draftCheckSchema>;
