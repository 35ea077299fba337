// How SLA clocks move when a case changes: pure functions, no I/O, tested with exact instants.
//
// first_reply: from the first customer message to the first public agent reply.
// next_reply:  from the oldest customer message left unanswered after an agent reply, to the
//              next public agent reply; it runs again for every new unanswered message.
// resolution:  from creation to solved; a reopened case picks it up again (the solved time
//              does not count).
// Statuses the policy marks as pausing (waiting for the customer by default) stop every
// running clock; leaving them resumes, with the paused time added back to the deadline.
import type { CaseStatus } from '../cases/cases.contract.ts';
import { BusinessCalendar, type CalendarSpec } from './calendar.ts';
import { computeDeadline, type Pause } from './deadline.ts';
import type { ClockMetric, ClockState } from './sla.contract.ts';
import type { ClockTerms } from './sla.schema.ts';

export interface Clock {
  metric: ClockMetric;
  state: ClockState;
  policyId: string | null;
  terms: ClockTerms;
  startedAt: number;
  deadlineAt: number;
  pauses: Pause[];
  pausedAt: number | null;
  achievedAt: number | null;
  breachedAt: number | null;
  warnedAt: number | null;
  escalatedAt: number | null;
  cycle: number;
}

export type Transition = 'started' | 'paused' | 'resumed' | 'achieved' | 'breached' | 'warned' | 'escalated' | 'cancelled';

export interface ClockMove {
  metric: ClockMetric;
  transition: Transition;
  clock: Clock;
}

/** What happened to a case in one change, as far as the clocks care. */
export interface CaseChange {
  from: CaseStatus | null;
  to: CaseStatus;
  /** A public reply from an agent went out. */
  agentReplied: boolean;
  /** The customer wrote (on any channel). */
  customerWrote: boolean;
  /** An agent had already answered publicly before this change. */
  answeredBefore: boolean;
}

/** The terms a starting clock takes: its policy's, for one metric (null: no target for it). */
export type TermsFor = (metric: ClockMetric) => { policyId: string | null; terms: ClockTerms } | null;

const compiled = new Map<string, BusinessCalendar>();

/** Calendars compiled once per distinct spec (every clock carries its own snapshot). */
export function calendarOf(spec: CalendarSpec): BusinessCalendar {
  const key = JSON.stringify(spec);
  let calendar = compiled.get(key);
  if (!calendar) {
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, (calendar = new BusinessCalendar(spec)));
  }
  return calendar;
}

export function deadlineOf(terms: ClockTerms, startedAt: number, pauses: Pause[]): number {
  return computeDeadline(calendarOf(terms.calendar), startedAt, terms.target, pauses);
}

function started(metric: ClockMetric, policyId: string | null, terms: ClockTerms, at: number, cycle: number): Clock {
  return {
    metric,
    state: 'active',
    policyId,
    terms,
    startedAt: at,
    deadlineAt: deadlineOf(terms, at, []),
    pauses: [],
    pausedAt: null,
    achievedAt: null,
    breachedAt: null,
    warnedAt: null,
    escalatedAt: null,
    cycle,
  };
}

const metricOrder: readonly ClockMetric[] = ['first_reply', 'next_reply', 'resolution'];
/** The clocks in a fixed order, so their timeline events always come in the same order. */
const inOrder = (byMetric: Map<ClockMetric, Clock>) => metricOrder.flatMap((m) => (byMetric.has(m) ? [byMetric.get(m)!] : []));

const isPausing = (clock: Clock, status: CaseStatus | null) => status !== null && clock.terms.pausingStatuses.includes(status);
const isOpen = (status: CaseStatus) => status !== 'solved' && status !== 'closed';

/** Whether a clock still measures something (running, paused, or overdue and unanswered). */
export function isRunning(clock: Clock): boolean {
  return clock.state === 'active' || clock.state === 'paused' || (clock.state === 'breached' && clock.achievedAt === null);
}

function pause(clock: Clock, at: number): Clock {
  return { ...clock, state: 'paused', pausedAt: at };
}

function resume(clock: Clock, at: number): Clock {
  const pauses = [...clock.pauses, { from: clock.pausedAt ?? at, to: at }];
  return { ...clock, state: 'active', pausedAt: null, pauses, deadlineAt: deadlineOf(clock.terms, clock.startedAt, pauses) };
}

function achieve(clock: Clock, at: number): Clock {
  if (clock.state === 'breached') return { ...clock, achievedAt: at };
  const paused = clock.state === 'paused' ? resume(clock, at) : clock;
  return at <= paused.deadlineAt ? { ...paused, state: 'achieved', achievedAt: at } : { ...paused, state: 'breached', breachedAt: paused.deadlineAt, achievedAt: at };
}

/**
 * Moves the clocks of a case through one change. Returns every clock that changed, each with
 * the transitions it went through, in order (a timeline event each).
 */
export function applyChange(clocks: Clock[], change: CaseChange, at: number, termsFor: TermsFor): ClockMove[] {
  const moves: ClockMove[] = [];
  const byMetric = new Map(clocks.map((c) => [c.metric, c]));
  const set = (metric: ClockMetric, transition: Transition, clock: Clock) => {
    byMetric.set(metric, clock);
    moves.push({ metric, transition, clock });
  };
  // Met in time, or late: then the breach (at the deadline) comes first on the timeline.
  const finish = (metric: ClockMetric, clock: Clock) => {
    const done = achieve(clock, at);
    if (done.state === 'breached' && clock.state !== 'breached') set(metric, 'breached', { ...done, achievedAt: null });
    set(metric, 'achieved', done);
  };
  const startIfTargeted = (metric: ClockMetric, cycle: number) => {
    const t = termsFor(metric);
    if (!t) return;
    const clock = started(metric, t.policyId, t.terms, at, cycle);
    set(metric, 'started', isPausing(clock, change.to) ? pause(clock, at) : clock);
  };

  // A new case: resolution always runs; the first reply runs when the customer wrote.
  if (change.from === null) {
    startIfTargeted('resolution', 1);
    if (change.customerWrote && !change.agentReplied) startIfTargeted('first_reply', 1);
    return moves;
  }

  // A public agent reply answers the first or the pending next reply.
  if (change.agentReplied) {
    for (const metric of ['first_reply', 'next_reply'] as const) {
      const clock = byMetric.get(metric);
      if (clock && isRunning(clock)) finish(metric, clock);
    }
  }

  // Leaving a pausing status resumes what it paused; reopening a solved case picks the
  // resolution up again, the solved time counting as a pause.
  for (const clock of inOrder(byMetric)) {
    if (clock.state === 'paused' && !isPausing(clock, change.to)) set(clock.metric, 'resumed', resume(clock, at));
  }
  if (change.from !== null && !isOpen(change.from) && isOpen(change.to)) {
    const resolution = byMetric.get('resolution');
    if (resolution && resolution.state === 'achieved' && resolution.achievedAt !== null) {
      const pauses = [...resolution.pauses, { from: resolution.achievedAt, to: at }];
      const deadlineAt = deadlineOf(resolution.terms, resolution.startedAt, pauses);
      set('resolution', 'resumed', { ...resolution, state: 'active', achievedAt: null, pauses, deadlineAt });
    }
  }

  // A customer message after an agent's answer starts the next reply clock again, unless one
  // is already waiting (its start is the oldest unanswered message).
  if (change.customerWrote && (change.answeredBefore || change.agentReplied)) {
    const next = byMetric.get('next_reply');
    if (!next || !isRunning(next)) startIfTargeted('next_reply', (next?.cycle ?? 0) + 1);
  } else if (change.customerWrote && !byMetric.has('first_reply') && !change.answeredBefore) {
    // A case opened without a customer message (by an agent) gets its first reply clock now.
    startIfTargeted('first_reply', 1);
  }

  // Solving achieves the resolution; the reply clocks no longer measure anything.
  if (!isOpen(change.to) && isOpen(change.from)) {
    for (const clock of inOrder(byMetric)) {
      if (!isRunning(clock)) continue;
      if (clock.metric === 'resolution') finish(clock.metric, clock);
      else if (clock.state !== 'breached') set(clock.metric, 'cancelled', { ...clock, state: 'cancelled', pausedAt: null });
    }
    return moves;
  }

  // Entering a pausing status stops what runs.
  for (const clock of inOrder(byMetric)) {
    if (clock.state === 'active' && isPausing(clock, change.to)) set(clock.metric, 'paused', pause(clock, at));
  }
  return moves;
}

/** What the sweep does to a running clock at `at`: warn before the deadline, breach at it. */
export function sweep(clock: Clock, at: number): ClockMove[] {
  if (clock.state !== 'active') return [];
  const moves: ClockMove[] = [];
  let current = clock;
  const warnAt = clock.deadlineAt - clock.terms.warnBeforeMinutes * 60_000;
  if (current.warnedAt === null && at >= warnAt && at < clock.deadlineAt) {
    current = { ...current, warnedAt: at };
    moves.push({ metric: clock.metric, transition: 'warned', clock: current });
  }
  if (at >= clock.deadlineAt) {
    current = { ...current, state: 'breached', breachedAt: clock.deadlineAt };
    moves.push({ metric: clock.metric, transition: 'breached', clock: current });
  }
  return moves;
}

/** The earliest breach of a clock not met since (an unanswered reply, an unsolved case), for the case row. */
export function breachedAt(clocks: Iterable<Clock>): number | null {
  let at: number | null = null;
  for (const c of clocks) {
    if (c.state === 'breached' && c.achievedAt === null && c.breachedAt !== null && (at === null || c.breachedAt < at)) at = c.breachedAt;
  }
  return at;
}

/** The earliest deadline still running, for the case row (inbox sort, breaching soon). */
export function dueAt(clocks: Iterable<Clock>): number | null {
  let due: number | null = null;
  for (const c of clocks) if (c.state === 'active' && (due === null || c.deadlineAt < due)) due = c.deadlineAt;
  return due;
}
