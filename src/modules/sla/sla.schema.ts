// SLA policies and the clocks running on cases (business calendars are org.schema's). A clock keeps a snapshot
// of its policy's target and calendar, so editing a policy or a calendar never rewrites the
// deadlines already promised on open cases.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { calendar } from '../org/org.schema.ts';
import { instant, timestamps } from '../../platform/db/columns.ts';
import { savCase } from '../cases/cases.schema.ts';
import type { CalendarSpec } from './calendar.ts';
import type { Target } from './deadline.ts';

import { clockMetrics, clockStates, type ClockMetric, type ClockState } from './sla.contract.ts';
export { clockMetrics, clockStates, type ClockMetric, type ClockState };

export interface PolicyConditions {
  channels?: string[];
  priorities?: string[];
  brandIds?: string[];
  storeIds?: string[];
  /** Contact reason keys. */
  reasons?: string[];
}

export interface PolicyTargets {
  firstReply?: Target;
  nextReply?: Target;
  resolution?: Target;
}

export interface Escalation {
  /** E-mail the lead of the case's team. */
  notifyLead: boolean;
  /** One priority level up (low → normal → high → urgent). */
  raisePriority: boolean;
  /** Move the case to this team's queue. */
  moveToTeamId: string | null;
}

export const slaPolicy = pgTable(
  'sla_policy',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** Policies are tried in this order; the first whose conditions all hold applies. */
    position: integer('position').notNull(),
    active: boolean('active').notNull().default(true),
    conditions: jsonb('conditions').$type<PolicyConditions>().notNull().default({}),
    targets: jsonb('targets').$type<PolicyTargets>().notNull(),
    /** Null: the calendar of the case's store, else of its team, else the default calendar. */
    calendarId: uuid('calendar_id').references(() => calendar.id),
    /** Statuses that stop the clocks (waiting for the customer, and any the admin adds). */
    pausingStatuses: text('pausing_statuses').array().notNull().default(sql`'{waiting_customer}'::text[]`),
    warnBeforeMinutes: integer('warn_before_minutes').notNull().default(30),
    escalation: jsonb('escalation').$type<Escalation>().notNull().default({ notifyLead: true, raisePriority: false, moveToTeamId: null }),
    ...timestamps(),
  },
  (t) => [index('sla_policy_position_idx').on(t.position)],
);

/** What a clock keeps of its policy when it starts: later edits of the policy do not reach it. */
export interface ClockTerms {
  policyName: string;
  target: Target;
  calendar: CalendarSpec;
  pausingStatuses: string[];
  warnBeforeMinutes: number;
  escalation: Escalation;
}

export const slaClock = pgTable(
  'sla_clock',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => savCase.id),
    metric: text('metric', { enum: clockMetrics }).notNull(),
    policyId: uuid('policy_id').references(() => slaPolicy.id, { onDelete: 'set null' }),
    terms: jsonb('terms').$type<ClockTerms>().notNull(),
    state: text('state', { enum: clockStates }).notNull(),
    /** Start of the current cycle (next reply: the oldest unanswered customer message). */
    startedAt: instant('started_at').notNull(),
    /** The promised instant, with every pause of this cycle added back. */
    deadlineAt: instant('deadline_at').notNull(),
    /** Closed pauses of this cycle; an open one starts at pausedAt. */
    pauses: jsonb('pauses').$type<{ from: string; to: string }[]>().notNull().default([]),
    pausedAt: instant('paused_at'),
    achievedAt: instant('achieved_at'),
    breachedAt: instant('breached_at'),
    warnedAt: instant('warned_at'),
    escalatedAt: instant('escalated_at'),
    /** Next reply clocks run once per unanswered customer message burst; this counts them. */
    cycle: integer('cycle').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('sla_clock_case_metric_key').on(t.caseId, t.metric),
    // The sweep looks for running clocks that are due for a warning or a breach.
    index('sla_clock_due_idx').on(t.deadlineAt).where(sql`state = 'active'`),
  ],
);
