// The SLA API's shapes (calendars, holidays, policies, clocks, the promise preview), shared
// with the web app. Only zod here.
import { z } from 'zod';
import { timezone } from '../org/org.contract.ts';

export const clockMetrics = ['first_reply', 'next_reply', 'resolution'] as const;
export type ClockMetric = (typeof clockMetrics)[number];

/**
 * active: running; paused: stopped by a pausing status; achieved: met in time; breached: the
 * deadline passed first (it stays breached once answered; achievedAt then says when);
 * cancelled: no longer measured (a case solved without a public reply, a merged case).
 */
export const clockStates = ['active', 'paused', 'achieved', 'breached', 'cancelled'] as const;
export type ClockState = (typeof clockStates)[number];

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
const interval = z.tuple([time, time]);
const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const hoursSchema = z.strictObject(Object.fromEntries(weekdayKeys.map((d) => [d, z.array(interval).max(6).optional()])) as Record<
  (typeof weekdayKeys)[number],
  z.ZodOptional<z.ZodArray<typeof interval>>
>);

export const holidayCountries = ['FR', 'BE', 'CA'] as const;

export const holidaySettings = z.strictObject({
  country: z.enum(holidayCountries).nullable().describe('Public holidays from rules: FR, BE, or CA with region QC'),
  region: z.string().max(40).nullable().default(null).describe('FR: alsace-moselle; CA: QC'),
  extra: z.array(isoDate).max(366).default([]).describe('Extra closed days (inventory day, overseas holidays…)'),
  quebecEaster: z.enum(['good_friday', 'easter_monday']).optional().describe('Québec: the employer chooses one'),
});

/** Exceptional openings (a Sunday before Christmas): their hours replace the week's that day. */
const openingsSchema = z.array(z.strictObject({ date: isoDate, hours: z.array(interval).max(6) })).max(366);

/** A calendar as the preview and the admin API take it. */
export const calendarSpecSchema = z.strictObject({
  timezone,
  hours: hoursSchema,
  holidays: holidaySettings.nullable().default(null),
  openings: openingsSchema.default([]),
});

export const calendarSchema = z
  .object({
    id,
    name: z.string(),
    timezone: z.string(),
    hours: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))),
    holidays: z
      .object({ country: z.string().nullable(), region: z.string().nullable(), extra: z.array(z.string()), quebecEaster: z.string().optional() })
      .nullable(),
    openings: z.array(z.object({ date: z.string(), hours: z.array(z.tuple([z.string(), z.string()])) })),
    isDefault: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Calendar' });
export type CalendarDto = z.infer<typeof calendarSchema>;

export const createCalendarBody = calendarSpecSchema.extend({
  name: z.string().trim().min(1).max(200),
  isDefault: z.boolean().default(false),
});
export const updateCalendarBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    timezone: timezone.optional(),
    hours: hoursSchema.optional(),
    holidays: holidaySettings.nullable().optional(),
    // No default here: a change that does not name the openings keeps them.
    openings: openingsSchema.optional(),
    isDefault: z.literal(true).optional().describe('Make this the default calendar (the previous default stops being one)'),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

export const targetSchema = z.union([
  z.strictObject({ businessHours: z.number().positive().max(10_000) }),
  z.strictObject({ businessDays: z.number().int().positive().max(365) }),
  z.strictObject({ calendarHours: z.number().positive().max(100_000) }),
]);

export const holidaysQuery = z.strictObject({
  country: z.enum(holidayCountries),
  region: z.string().max(40).optional(),
  year: z.coerce.number().int().min(1900).max(2200),
  quebecEaster: z.enum(['good_friday', 'easter_monday']).optional(),
});
export const holidaySchema = z.object({ date: isoDate, name: z.string() }).meta({ id: 'Holiday' });

export const previewBody = z.strictObject({
  calendar: calendarSpecSchema,
  start: instant,
  target: targetSchema,
  pauses: z.array(z.strictObject({ from: instant, to: instant })).max(1000).default([]),
});
export const previewResponse = z
  .object({
    deadline: instant.describe('In the calendar’s UTC offset'),
    text: z.object({ fr: z.string(), en: z.string() }).describe('What a customer reads'),
  })
  .meta({ id: 'PromisePreview' });

const conditionsSchema = z.strictObject({
  channels: z.array(z.string().max(40)).max(20).optional(),
  priorities: z.array(z.enum(['low', 'normal', 'high', 'urgent'])).max(4).optional(),
  brandIds: z.array(id).max(200).optional(),
  storeIds: z.array(id).max(2000).optional(),
  reasons: z.array(z.string().max(60)).max(50).optional().describe('Contact reason keys'),
});

const targetsSchema = z
  .strictObject({ firstReply: targetSchema.optional(), nextReply: targetSchema.optional(), resolution: targetSchema.optional() })
  .refine((t) => t.firstReply || t.nextReply || t.resolution, { message: 'give at least one target' });

const escalationSchema = z.strictObject({
  notifyLead: z.boolean().default(true),
  raisePriority: z.boolean().default(false),
  moveToTeamId: id.nullable().default(null),
});

export const slaPolicySchema = z
  .object({
    id,
    name: z.string(),
    position: z.number().int(),
    active: z.boolean(),
    conditions: z.record(z.string(), z.array(z.string())),
    targets: z.record(z.string(), z.record(z.string(), z.number())),
    calendarId: id.nullable(),
    pausingStatuses: z.array(z.string()),
    warnBeforeMinutes: z.number().int(),
    escalation: z.object({ notifyLead: z.boolean(), raisePriority: z.boolean(), moveToTeamId: id.nullable() }),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'SlaPolicy' });

const pausingStatuses = z.array(z.enum(['new', 'open', 'waiting_customer', 'waiting_third_party'])).max(4);

export const createPolicyBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  position: z.number().int().min(0).max(100_000).optional().describe('Defaults to after the last policy'),
  active: z.boolean().default(true),
  conditions: conditionsSchema.default({}),
  targets: targetsSchema,
  calendarId: id.nullable().default(null),
  pausingStatuses: pausingStatuses.default(['waiting_customer']),
  warnBeforeMinutes: z.number().int().min(0).max(7 * 24 * 60).default(30),
  escalation: escalationSchema.default({ notifyLead: true, raisePriority: false, moveToTeamId: null }),
});
export const updatePolicyBody = z
  .strictObject({
    name: createPolicyBody.shape.name.optional(),
    position: z.number().int().min(0).max(100_000).optional(),
    active: z.boolean().optional(),
    conditions: conditionsSchema.optional(),
    targets: targetsSchema.optional(),
    calendarId: id.nullable().optional(),
    pausingStatuses: pausingStatuses.optional(),
    warnBeforeMinutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
    escalation: escalationSchema.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

export const clockSchema = z
  .object({
    metric: z.enum(clockMetrics),
    state: z.enum(clockStates),
    policy: z.string().describe('The policy name when the clock started'),
    target: z.record(z.string(), z.number()),
    startedAt: instant,
    deadline: instant.describe('In the calendar’s UTC offset'),
    /** Time left (positive) or overdue (negative) now, in ms; null once achieved or cancelled. */
    remainingMs: z.number().int().nullable(),
    pausedAt: instant.nullable(),
    achievedAt: instant.nullable(),
    breachedAt: instant.nullable(),
    promise: z.object({ fr: z.string(), en: z.string() }),
  })
  .meta({ id: 'SlaClock' });
export type ClockDto = z.infer<typeof clockSchema>;
