// The moves of a planned case after it is opened, each with its moment and its author, and
// the clock that spaces them: agents work office hours, community managers watch the social
// accounts until late, customers and suppliers take days to answer.
import type { CaseStatus, Channel, UpdateCaseInput } from '../cases/cases.contract.ts';
import { DAY, HOUR, MINUTE, nextWorkingMoment, officeHours, socialHours, type Hours } from './demo.calendar.ts';
import type { TeamKey } from './demo.org-data.ts';
import type { Rng } from './demo.random.ts';

/** Who does something: the system (a connector, an automatic closing) or a demo user by key. */
export type ActorRef = { kind: 'system' } | { kind: 'user'; key: string };

/** A case change naming the team and the assignee by their demo keys; ids are known only once created. */
export interface PlannedChange extends Omit<UpdateCaseInput, 'teamId' | 'assigneeId'> {
  team?: TeamKey;
  assignee?: string;
}

export type PlannedMove =
  | { kind: 'reply'; body: string; status?: CaseStatus; channel?: Channel }
  | { kind: 'note'; body: string; status?: CaseStatus }
  | { kind: 'update'; change: PlannedChange };

export interface PlannedAction {
  at: Date;
  actor: ActorRef;
  move: PlannedMove;
}

export const system: ActorRef = { kind: 'system' };
export const user = (key: string): ActorRef => ({ kind: 'user', key });

/** Builds one case's actions in time order; nothing is kept past `end` (the present). */
export class TimelineBuilder {
  readonly actions: PlannedAction[] = [];
  private now: Date;
  private readonly end: Date;
  private readonly rng: Rng;
  private readonly timeZone: string;
  /** Set once a move would happen after `end`: the case stops where it is today. */
  private cut = false;
  /** When set, moves beyond this many are dropped: a case forgotten midway. */
  private limit = Infinity;

  constructor(rng: Rng, start: Date, end: Date, timeZone: string) {
    this.rng = rng;
    this.now = start;
    this.end = end;
    this.timeZone = timeZone;
  }

  get time(): Date {
    return this.now;
  }

  /** Moves the clock by about `median` ms (log-normal spread), then into the working hours of `hours`. */
  wait(median: number, spread = 2, hours: Hours | null = officeHours, minimum = 2 * MINUTE): this {
    const delay = Math.max(minimum, this.rng.logNormal(median, spread));
    const raw = new Date(this.now.getTime() + delay);
    this.now = hours ? nextWorkingMoment(raw, this.timeZone, hours, this.rng.int(5, 70)) : raw;
    return this;
  }

  /** The first answer: minutes on chat and at the counter, an hour to public posts, hours to days by e-mail. */
  firstResponse(channel: Channel): this {
    switch (channel) {
      case 'chat':
        return this.wait(4 * MINUTE, 2, officeHours, MINUTE);
      case 'counter':
      case 'phone':
        return this.wait(6 * MINUTE, 2, null, MINUTE);
      case 'x':
      case 'facebook':
      case 'instagram':
        return this.wait(50 * MINUTE, 2.5, socialHours, 5 * MINUTE);
      case 'sms':
      case 'whatsapp':
      case 'messenger':
        return this.wait(4 * HOUR, 3);
      case 'marketplace':
        return this.wait(16 * HOUR, 2);
      default:
        // One e-mail in fifteen waits like the car brand's "dix jours ouvrables" (seed 001).
        return this.rng.chance(1 / 15) ? this.wait(11 * DAY, 1.2) : this.wait(14 * HOUR, 2.5);
    }
  }

  add(actor: ActorRef, move: PlannedMove, hours: Hours | null = officeHours): this {
    if (this.cut || this.actions.length >= this.limit) return this;
    // Two moves of one case never share a minute: the timeline reads in order.
    const last = this.actions[this.actions.length - 1];
    if (last && this.now.getTime() <= last.at.getTime() + MINUTE) {
      this.now = new Date(last.at.getTime() + this.rng.int(1, 6) * MINUTE);
      if (hours) this.now = nextWorkingMoment(this.now, this.timeZone, hours, 5);
    }
    if (this.now.getTime() >= this.end.getTime()) {
      this.cut = true;
      return this;
    }
    this.actions.push({ at: this.now, actor, move });
    return this;
  }

  /** Keeps only the first `count` moves, as if nobody touched the case again (the forgotten case of every backlog). */
  stopAfter(count: number): void {
    this.limit = count;
  }
}
