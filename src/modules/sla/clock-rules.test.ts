// SLA clocks through a case's life, with exact instants. Unless a test says otherwise:
// Europe/Paris, French public holidays, Monday to Friday 09:00–12:30 and 13:30–18:00.
import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../cases/cases.contract.ts';
import { applyChange, breachedAt, dueAt, isRunning, sweep, type CaseChange, type Clock, type ClockMove, type TermsFor } from './clock-rules.ts';
import type { Target } from './deadline.ts';
import type { ClockMetric } from './sla.contract.ts';
import type { ClockTerms } from './sla.schema.ts';
import { isoWithOffset } from './zone.ts';

const split: [string, string][] = [['09:00', '12:30'], ['13:30', '18:00']];
const calendar = {
  timezone: 'Europe/Paris',
  hours: { mon: split, tue: split, wed: split, thu: split, fri: split },
  holidays: { country: 'FR', region: null, extra: [] },
};

function termsOf(targets: Partial<Record<ClockMetric, Target>>, over: Partial<ClockTerms> = {}): TermsFor {
  return (metric) => {
    const target = targets[metric];
    if (!target) return null;
    return {
      policyId: 'policy-1',
      terms: {
        policyName: 'Standard',
        target,
        calendar,
        pausingStatuses: ['waiting_customer'],
        warnBeforeMinutes: 30,
        escalation: { notifyLead: true, raisePriority: false, moveToTeamId: null },
        ...over,
      },
    };
  };
}

const standard = termsOf({ first_reply: { businessHours: 4 }, next_reply: { businessHours: 2 }, resolution: { businessDays: 2 } });
const at = (iso: string) => Date.parse(iso);
const paris = (ms: number) => isoWithOffset('Europe/Paris', ms);

/** A case's clocks as the service keeps them between changes. */
class Case {
  clocks = new Map<ClockMetric, Clock>();
  status: CaseStatus = 'new';
  answered = false;
  log: string[] = [];
  private readonly terms: TermsFor;

  constructor(openedAt: string, options: { customerWrote?: boolean; terms?: TermsFor } = {}) {
    this.terms = options.terms ?? standard;
    this.apply({ from: null, to: 'new', agentReplied: false, customerWrote: options.customerWrote ?? true, answeredBefore: false }, openedAt);
  }

  private apply(change: CaseChange, when: string): ClockMove[] {
    const moves = applyChange([...this.clocks.values()], change, at(when), this.terms);
    this.record(moves);
    return moves;
  }

  private record(moves: ClockMove[]) {
    for (const m of moves) {
      this.clocks.set(m.metric, m.clock);
      this.log.push(`${m.metric} ${m.transition}`);
    }
  }

  reply(when: string, status: CaseStatus = this.status === 'new' ? 'open' : this.status) {
    const moves = this.apply({ from: this.status, to: status, agentReplied: true, customerWrote: false, answeredBefore: this.answered }, when);
    this.answered = true;
    this.status = status;
    return moves;
  }

  customer(when: string) {
    const to = this.status === 'waiting_customer' || this.status === 'solved' ? 'open' : this.status;
    const moves = this.apply({ from: this.status, to, agentReplied: false, customerWrote: true, answeredBefore: this.answered }, when);
    this.status = to;
    return moves;
  }

  setStatus(to: CaseStatus, when: string) {
    const moves = this.apply({ from: this.status, to, agentReplied: false, customerWrote: false, answeredBefore: this.answered }, when);
    this.status = to;
    return moves;
  }

  sweep(when: string) {
    const moves = [...this.clocks.values()].flatMap((c) => sweep(c, at(when)));
    this.record(moves);
    return moves;
  }

  clock(metric: ClockMetric): Clock {
    const c = this.clocks.get(metric);
    if (!c) throw new Error(`no ${metric} clock`);
    return c;
  }

  deadline(metric: ClockMetric): string {
    return paris(this.clock(metric).deadlineAt);
  }
}

describe('a new case', () => {
  it('starts the first reply and resolution clocks, over the Easter weekend', () => {
    // Friday 3 April 2026, 17:00: one hour left that day, Easter Monday closed.
    const c = new Case('2026-04-03T17:00:00+02:00');
    expect(c.log).toEqual(['resolution started', 'first_reply started']);
    expect(c.deadline('first_reply')).toBe('2026-04-07T12:00:00+02:00');
    expect(c.deadline('resolution')).toBe('2026-04-08T17:00:00+02:00');
    expect(c.clocks.has('next_reply')).toBe(false);
  });

  it('has no first reply clock when opened without a customer message, until the customer writes', () => {
    const c = new Case('2026-03-02T09:00:00+01:00', { customerWrote: false });
    expect([...c.clocks.keys()]).toEqual(['resolution']);
    c.customer('2026-03-02T10:00:00+01:00');
    expect(c.deadline('first_reply')).toBe('2026-03-02T15:00:00+01:00');
  });

  it('starts nothing for a metric its policy has no target for', () => {
    const c = new Case('2026-03-02T09:00:00+01:00', { terms: termsOf({ resolution: { calendarHours: 24 } }) });
    expect([...c.clocks.keys()]).toEqual(['resolution']);
    expect(c.deadline('resolution')).toBe('2026-03-03T09:00:00+01:00');
  });

  it('counts calendar hours across the spring daylight-saving change', () => {
    const c = new Case('2026-03-28T23:30:00+01:00', { terms: termsOf({ first_reply: { calendarHours: 4 } }) });
    expect(c.deadline('first_reply')).toBe('2026-03-29T04:30:00+02:00');
  });
});

describe('replies', () => {
  it('achieves the first reply when an agent answers in time', () => {
    const c = new Case('2026-03-02T09:00:00+01:00');
    c.reply('2026-03-02T11:00:00+01:00');
    expect(c.clock('first_reply')).toMatchObject({ state: 'achieved', achievedAt: at('2026-03-02T11:00:00+01:00'), breachedAt: null });
    expect(isRunning(c.clock('first_reply'))).toBe(false);
    expect(c.clock('resolution').state).toBe('active');
  });

  it('records the breach at the deadline, then the late answer', () => {
    const c = new Case('2026-03-02T09:00:00+01:00');
    const moves = c.reply('2026-03-02T16:00:00+01:00');
    expect(moves.map((m) => m.transition)).toEqual(['breached', 'achieved']);
    expect(c.clock('first_reply')).toMatchObject({
      state: 'breached',
      breachedAt: at('2026-03-02T14:00:00+01:00'),
      achievedAt: at('2026-03-02T16:00:00+01:00'),
    });
  });

  it('runs the next reply clock from the oldest unanswered customer message', () => {
    const c = new Case('2026-03-02T09:00:00+01:00');
    c.reply('2026-03-02T10:00:00+01:00');
    c.customer('2026-03-03T10:00:00+01:00');
    expect(c.deadline('next_reply')).toBe('2026-03-03T12:00:00+01:00');
    c.customer('2026-03-03T11:00:00+01:00'); // a second message does not move the start
    expect(c.deadline('next_reply')).toBe('2026-03-03T12:00:00+01:00');
    c.reply('2026-03-03T11:30:00+01:00');
    expect(c.clock('next_reply')).toMatchObject({ state: 'achieved', cycle: 1 });
    c.customer('2026-03-04T17:00:00+01:00');
    expect(c.clock('next_reply')).toMatchObject({ state: 'active', cycle: 2 });
    expect(c.deadline('next_reply')).toBe('2026-03-05T10:00:00+01:00');
  });

  it('does not start a next reply clock for a customer message before any answer', () => {
    const c = new Case('2026-03-02T09:00:00+01:00');
    c.customer('2026-03-02T09:30:00+01:00');
    expect(c.clocks.has('next_reply')).toBe(false);
    expect(c.deadline('first_reply')).toBe('2026-03-02T14:00:00+01:00');
  });
});

describe('pauses', () => {
  it('stops the clocks while waiting for the customer and adds the paused time back', () => {
    const c = new Case('2026-03-02T09:00:00+01:00', { terms: termsOf({ resolution: { businessHours: 8 } }) });
    expect(c.deadline('resolution')).toBe('2026-03-02T18:00:00+01:00');
    c.setStatus('waiting_customer', '2026-03-02T10:00:00+01:00');
    expect(c.clock('resolution')).toMatchObject({ state: 'paused', pausedAt: at('2026-03-02T10:00:00+01:00') });
    c.customer('2026-03-02T15:00:00+01:00');
    expect(c.status).toBe('open');
    // 1 h used before the pause, 10:00–15:00 paused (4 open hours), 7 h left.
    expect(c.deadline('resolution')).toBe('2026-03-03T14:00:00+01:00');
    expect(c.log.slice(-2)).toEqual(['resolution paused', 'resolution resumed']);
  });

  it('pauses on any status the policy marks as pausing, and only those', () => {
    const terms = termsOf({ resolution: { businessHours: 8 } }, { pausingStatuses: ['waiting_customer', 'waiting_third_party'] });
    const c = new Case('2026-03-02T09:00:00+01:00', { terms });
    c.setStatus('waiting_third_party', '2026-03-02T10:00:00+01:00');
    expect(c.clock('resolution').state).toBe('paused');
    c.setStatus('waiting_customer', '2026-03-02T11:00:00+01:00');
    expect(c.clock('resolution').state).toBe('paused');
    c.setStatus('open', '2026-03-02T12:00:00+01:00');
    expect(c.deadline('resolution')).toBe('2026-03-03T11:00:00+01:00');
    const plain = new Case('2026-03-02T09:00:00+01:00', { terms: termsOf({ resolution: { businessHours: 8 } }) });
    plain.setStatus('waiting_third_party', '2026-03-02T10:00:00+01:00');
    expect(plain.clock('resolution').state).toBe('active');
  });

  it('keeps the time left still while paused', () => {
    const c = new Case('2026-03-02T09:00:00+01:00');
    c.setStatus('waiting_customer', '2026-03-02T10:00:00+01:00');
    expect(c.sweep('2026-03-09T10:00:00+01:00')).toEqual([]);
    expect(dueAt(c.clocks.values())).toBeNull();
  });

  it('answers a paused first reply in time when the answer comes while paused', () => {
    const c = new Case('2026-03-02T09:00:00+01:00');
    c.setStatus('waiting_customer', '2026-03-02T10:00:00+01:00');
    c.reply('2026-03-04T10:00:00+01:00', 'waiting_customer');
    expect(c.clock('first_reply')).toMatchObject({ state: 'achieved' });
  });
});

describe('solving and reopening', () => {
  it('achieves the resolution and cancels a first reply never given', () => {
    const c = new Case('2026-03-02T09:00:00+01:00');
    c.setStatus('solved', '2026-03-02T10:00:00+01:00');
    expect(c.clock('resolution')).toMatchObject({ state: 'achieved', achievedAt: at('2026-03-02T10:00:00+01:00') });
    expect(c.clock('first_reply').state).toBe('cancelled');
    expect(dueAt(c.clocks.values())).toBeNull();
  });

  it('picks the resolution up again on reopening, without counting the solved time', () => {
    const c = new Case('2026-03-02T09:00:00+01:00', { terms: termsOf({ resolution: { businessHours: 8 } }) });
    c.setStatus('solved', '2026-03-02T11:00:00+01:00');
    c.customer('2026-03-04T09:00:00+01:00');
    expect(c.status).toBe('open');
    // 2 h used on Monday; solved from Monday 11:00 to Wednesday 09:00; 6 h left.
    expect(c.clock('resolution').state).toBe('active');
    expect(c.deadline('resolution')).toBe('2026-03-04T16:00:00+01:00');
    expect(c.log.slice(-1)).toEqual(['resolution resumed']);
  });

  it('re-activates the reply clock when the customer writes on a solved case', () => {
    const c = new Case('2026-03-02T09:00:00+01:00');
    c.reply('2026-03-02T10:00:00+01:00', 'solved');
    c.customer('2026-03-05T09:00:00+01:00');
    expect(c.clock('next_reply')).toMatchObject({ state: 'active', startedAt: at('2026-03-05T09:00:00+01:00') });
    expect(c.deadline('next_reply')).toBe('2026-03-05T11:00:00+01:00');
  });

  it('keeps a breached resolution breached when the case is solved late', () => {
    const c = new Case('2026-03-02T09:00:00+01:00', { terms: termsOf({ resolution: { businessHours: 1 } }) });
    c.sweep('2026-03-02T10:00:00+01:00');
    c.setStatus('solved', '2026-03-02T11:00:00+01:00');
    expect(c.clock('resolution')).toMatchObject({ state: 'breached', breachedAt: at('2026-03-02T10:00:00+01:00'), achievedAt: at('2026-03-02T11:00:00+01:00') });
  });
});

describe('the sweep', () => {
  it('warns before the deadline, once, then records the breach at the deadline', () => {
    const c = new Case('2026-03-02T09:00:00+01:00');
    expect(c.sweep('2026-03-02T13:20:00+01:00')).toEqual([]);
    expect(c.sweep('2026-03-02T13:31:00+01:00').map((m) => `${m.metric} ${m.transition}`)).toEqual(['first_reply warned']);
    expect(c.sweep('2026-03-02T13:45:00+01:00')).toEqual([]);
    const late = c.sweep('2026-03-02T14:03:00+01:00');
    expect(late.map((m) => `${m.metric} ${m.transition}`)).toEqual(['first_reply breached']);
    expect(c.clock('first_reply').breachedAt).toBe(at('2026-03-02T14:00:00+01:00'));
    expect(c.sweep('2026-03-02T15:00:00+01:00')).toEqual([]);
  });

  it('warns and breaches in one pass after an outage', () => {
    const c = new Case('2026-03-02T09:00:00+01:00');
    expect(c.sweep('2026-03-03T09:00:00+01:00').map((m) => m.transition)).toEqual(['breached']);
  });

  it('gives the case its earliest breach still unmet, which a late answer ends', () => {
    const c = new Case('2026-03-02T09:00:00+01:00');
    expect(breachedAt(c.clocks.values())).toBeNull();
    c.sweep('2026-03-02T14:03:00+01:00'); // the first reply was due at 14:00
    expect(paris(breachedAt(c.clocks.values())!)).toBe('2026-03-02T14:00:00+01:00');
    c.sweep('2026-03-04T10:00:00+01:00'); // the resolution, due on the 4th at 09:00, breaches too
    expect(paris(breachedAt(c.clocks.values())!)).toBe('2026-03-02T14:00:00+01:00');
    c.reply('2026-03-04T11:00:00+01:00'); // answered late: the resolution's breach remains
    expect(paris(breachedAt(c.clocks.values())!)).toBe('2026-03-04T09:00:00+01:00');
    c.setStatus('solved', '2026-03-04T12:00:00+01:00');
    expect(breachedAt(c.clocks.values())).toBeNull();
  });

  it('gives the case the earliest running deadline', () => {
    const c = new Case('2026-03-02T09:00:00+01:00');
    expect(paris(dueAt(c.clocks.values())!)).toBe('2026-03-02T14:00:00+01:00');
    c.reply('2026-03-02T10:00:00+01:00');
    expect(paris(dueAt(c.clocks.values())!)).toBe('2026-03-04T09:00:00+01:00');
  });
});
