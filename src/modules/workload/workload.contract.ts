// The manager views' shapes, shared with the web app: the workload at a glance (open cases
// per team and status, the backlog by age and SLA state, breaches today, agents' load) and
// the one-action reassignment of a selection of cases or of a whole bucket.
import { z } from 'zod';
import { openStatuses } from '../cases/cases.contract.ts';
import { clockMetrics } from '../sla/sla.contract.ts';

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);

/** How long a case has been open (since it was created). */
export const ageBuckets = ['under_1d', '1_3d', '3_7d', 'over_7d'] as const;
export type AgeBucket = (typeof ageBuckets)[number];

/**
 * Where a case stands against its promises: `breached` (a deadline passed and was not met),
 * `due_soon` (the earliest running deadline is within 2 hours), `on_time`, or `no_clock`
 * (no clock running: none targeted, or all paused while waiting for the customer).
 */
export const slaStates = ['breached', 'due_soon', 'on_time', 'no_clock'] as const;
export type SlaState = (typeof slaStates)[number];

const byStatus = z.object(Object.fromEntries(openStatuses.map((s) => [s, count])) as Record<(typeof openStatuses)[number], typeof count>);
const bySla = z.object(Object.fromEntries(slaStates.map((s) => [s, count])) as Record<SlaState, typeof count>);

export const workloadSchema = z
  .object({
    at: instant.describe('The instant the figures are for'),
    dayStartsAt: instant.describe('Midnight today in COMPTOIR_TIMEZONE: where "breaches today" start'),
    totals: z.object({ open: count, unassigned: count, breached: count, dueSoon: count }),
    teams: z
      .array(z.object({ teamId: id.nullable().describe('null: cases in no team'), total: count, byStatus, breached: count, dueSoon: count }))
      .describe('Open cases per team, most first'),
    backlog: z.array(z.object({ age: z.enum(ageBuckets), total: count, bySla })).describe('Open cases by age, youngest first, each by SLA state'),
    agents: z
      .array(
        z.object({
          userId: id,
          name: z.string(),
          open: count,
          oldestCreatedAt: instant.describe('When their oldest open case was created'),
          breached: count,
          dueSoon: count,
        }),
      )
      .describe('Agents with open cases assigned, most loaded first'),
    breachesToday: z.object({
      count: count.describe('SLA deadlines missed since midnight (one case may miss several)'),
      items: z
        .array(
          z.object({
            caseId: id,
            number: z.string(),
            subject: z.string(),
            status: z.string(),
            metric: z.enum(clockMetrics),
            breachedAt: instant,
            teamId: id.nullable(),
            assigneeId: id.nullable(),
          }),
        )
        .describe('The latest 20'),
    }),
  })
  .meta({ id: 'Workload' });
export type WorkloadDto = z.infer<typeof workloadSchema>;

/** A bucket of open cases, as the workload counts them: every field given must hold. */
export const caseBucketSchema = z
  .strictObject({
    assigneeId: z.union([id, z.literal('none')]).optional(),
    teamId: z.union([id, z.literal('none')]).optional(),
    status: z.enum(openStatuses).optional(),
    age: z.enum(ageBuckets).optional(),
    sla: z.enum(slaStates).optional(),
  })
  .meta({ id: 'CaseBucket' });
export type CaseBucket = z.infer<typeof caseBucketSchema>;

export const REASSIGN_MAX = 200;

export const reassignBody = z
  .strictObject({
    caseIds: z.array(id).min(1).max(REASSIGN_MAX).optional().describe('The cases to move'),
    bucket: caseBucketSchema.optional().describe(`Or every open case of a bucket (the oldest ${REASSIGN_MAX} per call)`),
    to: z
      .strictObject({
        assigneeId: id.nullable().optional().describe('The agent to give them to (null: nobody)'),
        teamId: id.nullable().optional().describe('The team to move them to (null: none)'),
      })
      .refine((t) => t.assigneeId !== undefined || t.teamId !== undefined, { message: 'name an agent or a team' }),
  })
  .refine((b) => (b.caseIds === undefined) !== (b.bucket === undefined), { message: 'give caseIds or a bucket, not both' });
export type ReassignInput = z.infer<typeof reassignBody>;

export const reassignResultSchema = z
  .object({
    results: z.array(
      z.object({
        caseId: id,
        number: z.string().nullable().describe('null when the case could not be read'),
        outcome: z.enum(['moved', 'unchanged', 'failed']),
        problem: z.object({ code: z.string(), detail: z.string() }).nullable().describe('Why it failed: the same problem a single change would get'),
      }),
    ),
    moved: count,
    unchanged: count,
    failed: count,
    more: z.boolean().describe('The bucket holds more cases than one call moves: call again'),
  })
  .meta({ id: 'ReassignResult' });
export type ReassignResultDto = z.infer<typeof reassignResultSchema>;
