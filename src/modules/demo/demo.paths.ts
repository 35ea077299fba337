// How the SAV resolves each kind of case, move by move: acknowledge with a precise delay,
// ask for what is missing, move the case through its steps (diagnosis, waiting for a part,
// repair, exchange, refund…), answer, solve, and close a week later. Each path is written
// with few service calls per case, since every call is a real transaction.
import type { Channel } from '../cases/cases.contract.ts';
import { addWorkingDays, DAY, formatPromise, HOUR } from './demo.calendar.ts';
import type { BrandKey } from './demo.org-data.ts';
import type { Rng } from './demo.random.ts';
import { notes, replies, signEn, signFr, type NoteKind, type ReplyMove } from './demo.replies.ts';
import { fill, type PathKey, type ReasonKey } from './demo.story.ts';
import { system, user, type PlannedChange, type TimelineBuilder } from './demo.timeline.ts';

export interface PathContext {
  rng: Rng;
  tl: TimelineBuilder;
  brand: BrandKey;
  channel: Channel;
  reason: ReasonKey;
  language: 'fr' | 'en';
  /** Who works the case, and who validates above their authority (demo user keys), and how the latter signs. */
  agent: string;
  manager: string;
  managerFirstName: string;
  /** Values for the reply placeholders (customer first name, product, amounts…). */
  vars: Record<string, string>;
  /** Where written answers go when not on the case's channel: e-mail after a counter visit, Messenger after a Facebook comment. */
  replyChannel?: Channel | undefined;
  /** What the agent notes on reading the customer's words, when the story says (a formal notice…). */
  firstNote?: string | undefined;
  /** The story involves money (a price, an overcharge): refunds and credit notes can name an amount. */
  refundable: boolean;
  /** For questions: the body of the reply that answers the customer's very words. */
  answer?: string | undefined;
  /** The customer gave an order number or receipt: no need to ask for proof of purchase. */
  hasProof: boolean;
  /** Tags the solving change adds (a goodwill gesture, a repeat incident…). */
  extraTags: string[];
  baseTags: string[];
}

// Every move is a real service call (a transaction, several queries); on the embedded
// database each costs milliseconds, so the shares below keep about three calls per case on
// average while every kind of timeline still shows up.

/** Share of solved cases closed a week later; the rest stay "solved", as before an auto-close rule exists. */
const CLOSE_RATE = 0.12;
/** Share of customers who never send what was asked: the claim is dropped and closed. */
const DROP_RATE = 0.12;

function render(p: PathContext, move: ReplyMove, promiseDays = 2): string {
  const echeance = formatPromise(addWorkingDays(p.tl.time, promiseDays), p.language);
  const text = p.rng.pick(replies[move][p.language]);
  return fill(text, { ...p.vars, echeance });
}

function reply(p: PathContext, move: ReplyMove, status?: 'open' | 'waiting_customer' | 'waiting_third_party' | 'solved', promiseDays?: number) {
  p.tl.add(user(p.agent), { kind: 'reply', body: render(p, move, promiseDays), ...(status ? { status } : {}), ...(p.replyChannel ? { channel: p.replyChannel } : {}) });
}

function note(p: PathContext, kind: NoteKind, by = p.agent, status?: 'open') {
  p.tl.add(user(by), { kind: 'note', body: p.rng.pick(notes[kind]), ...(status ? { status } : {}) });
}

function update(p: PathContext, change: PlannedChange, by = p.agent) {
  p.tl.add(user(by), { kind: 'update', change });
}

/** The resolving change, with the tags of what happened on the way (a goodwill gesture, a repeat incident…). */
function resolving(p: PathContext, change: PlannedChange): PlannedChange {
  if (p.rng.chance(0.15)) p.extraTags.push('geste-commercial');
  return p.extraTags.length ? { ...change, tags: [...new Set([...p.baseTags, ...p.extraTags])] } : change;
}

/** Asks the customer for photos, proof of purchase or details; false when they never answer and the case is dropped. */
function askAndWait(p: PathContext, question: ReplyMove = p.hasProof || p.rng.chance(0.6) ? 'askPhotos' : 'askProof'): boolean {
  reply(p, question, 'waiting_customer');
  if (p.rng.chance(DROP_RATE)) {
    p.tl.wait(21 * DAY, 1.1);
    p.tl.add(system, { kind: 'update', change: { status: 'closed', step: 'closed' } });
    return false;
  }
  p.tl.wait(6 * DAY, 2.5);
  // The customer's answer comes back by phone or in store; the agent records it.
  if (p.rng.chance(0.25)) note(p, 'called', p.agent, 'open');
  return true;
}

/** Solved cases are closed about a week later, and a few reopen because the problem is back. */
function afterSolved(p: PathContext, solve: () => void): void {
  if (p.rng.chance(0.02)) {
    p.tl.wait(3 * DAY, 1.6);
    p.tl.add(user(p.agent), { kind: 'note', body: 'Le client signale que le problème est revenu : dossier rouvert.', status: 'open' });
    p.tl.wait(2 * DAY, 2);
    solve();
  }
  if (p.rng.chance(CLOSE_RATE)) {
    p.tl.wait(8 * DAY, 1.2);
    p.tl.add(system, { kind: 'update', change: { status: 'closed', step: 'closed' } });
  }
}

const paths: Record<PathKey, (p: PathContext) => void> = {
  answer(p) {
    if (p.rng.chance(0.1) && !askAndWait(p, 'askDetails')) return;
    const solve = () => {
      if (!p.answer) return reply(p, 'info', 'solved');
      const body = fill(`${p.language === 'en' ? 'Hello' : 'Bonjour'} {prenom},\n\n${p.answer}${p.language === 'en' ? signEn : signFr}`, p.vars);
      p.tl.add(user(p.agent), { kind: 'reply', body, status: 'solved', ...(p.replyChannel ? { channel: p.replyChannel } : {}) });
    };
    solve();
    afterSolved(p, solve);
  },

  exchange(p) {
    const atCounter = p.channel === 'counter';
    if (!atCounter && p.rng.chance(0.22)) {
      if (!askAndWait(p)) return;
    } else if (!atCounter && p.rng.chance(0.06)) {
      reply(p, 'ack', 'open');
      p.tl.wait(20 * HOUR, 2);
    }
    if (p.rng.chance(0.08)) note(p, p.rng.pick(['loyal', 'repeat', 'gesture'] as const));
    // Some exchanges show the "Échange" step on the tracking page while the product is found.
    if (p.rng.chance(0.28)) {
      update(p, resolving(p, { step: 'exchange', status: 'open' }));
      p.tl.wait(4 * DAY, 2);
    } else p.tl.wait(3 * DAY, 2);
    const solve = () => reply(p, p.extraTags.includes('récidive') ? 'exchangeUpgrade' : 'exchangeDone', 'solved');
    solve();
    afterSolved(p, solve);
  },

  repair(p) {
    if (p.channel !== 'counter' && p.rng.chance(0.06)) {
      reply(p, 'ack', 'open');
      p.tl.wait(1.5 * DAY, 2);
    } else p.tl.wait(DAY, 2);
    if (p.rng.chance(0.12)) note(p, 'part');
    if (p.brand === 'auto' && p.refundable && p.rng.chance(0.4)) {
      // Workshops quote first and wait for the customer's go-ahead: no more surprise bills.
      update(p, { step: 'quote_pending', status: 'waiting_customer' });
      if (p.rng.chance(0.6)) reply(p, 'quoteSent');
      p.tl.wait(2 * DAY, 2);
      update(p, { step: 'repair', status: 'open' });
      p.tl.wait(4 * DAY, 2);
    } else {
      update(p, { step: 'awaiting_part', status: 'waiting_third_party' });
      if (p.rng.chance(0.25)) reply(p, 'partOrdered', undefined, 8);
      p.tl.wait(18 * DAY, 1.5);
      if (p.rng.chance(0.25)) {
        // The product is back from the workshop: repaired, or handed back at the counter.
        update(p, resolving(p, { step: p.rng.chance(0.6) ? 'repair' : 'returned', status: 'open' }));
        p.tl.wait(3 * DAY, 2);
      }
    }
    const solve = () => reply(p, 'repairDone', 'solved');
    solve();
    afterSolved(p, solve);
  },

  refund(p) {
    if (p.rng.chance(0.12) && !askAndWait(p)) return;
    // The refund goes out once the returned product reaches the warehouse.
    p.tl.wait(5 * DAY, 2);
    if (p.rng.chance(0.45)) {
      update(p, resolving(p, { step: 'refund', status: 'open' }));
      p.tl.wait(DAY, 2);
    }
    const solve = () => reply(p, 'refundDone', 'solved');
    solve();
    afterSolved(p, solve);
  },

  carrier(p) {
    reply(p, 'carrierInquiry', 'waiting_third_party', 2);
    p.tl.wait(7 * DAY, 1.6);
    if (p.rng.chance(0.2)) note(p, 'carrier', p.agent, 'open');
    const solve = () => reply(p, p.refundable && p.rng.chance(0.3) ? 'refundDone' : 'carrierResolved', 'solved');
    solve();
    afterSolved(p, solve);
  },

  credit(p) {
    if (p.rng.chance(0.06)) {
      reply(p, 'ack', 'open');
      p.tl.wait(DAY, 2);
    }
    if (p.firstNote && p.rng.chance(0.4)) p.tl.add(user(p.agent), { kind: 'note', body: p.firstNote });
    else if (p.rng.chance(0.15)) note(p, p.brand === 'auto' ? 'dealer' : 'loyal');
    // Checking an invoice means asking accounting or the dealer: a few days.
    p.tl.wait(4 * DAY, 2);
    if (p.rng.chance(0.45)) {
      update(p, resolving(p, { step: 'credit_note', status: 'open' }));
      p.tl.wait(DAY, 2);
    }
    const solve = () => reply(p, 'creditDone', 'solved');
    solve();
    afterSolved(p, solve);
  },

  dispute(p) {
    const asManager = { ...p, vars: { ...p.vars, agent: p.managerFirstName } };
    if (p.firstNote) p.tl.add(user(p.agent), { kind: 'note', body: p.firstNote });
    else note(p, p.brand === 'auto' ? 'dealer' : 'dispute');
    p.tl.wait(3 * HOUR, 2);
    p.tl.add(user(p.manager), { kind: 'reply', body: render(asManager, 'disputeAck', 5), status: 'open' });
    p.tl.wait(DAY, 2);
    if (p.rng.chance(0.5)) {
      update(p, { step: 'diagnosis', status: 'waiting_third_party' });
      p.tl.wait(3 * DAY, 1.5);
    }
    if (p.rng.chance(0.4)) note(p, p.brand === 'auto' ? 'dealer' : 'dispute', p.agent, 'open');
    update(p, resolving(p, { step: p.brand === 'auto' ? 'credit_note' : 'refund', status: 'open' }), p.manager);
    p.tl.wait(2 * HOUR, 2);
    const solve = () => p.tl.add(user(p.manager), { kind: 'reply', body: render(asManager, 'disputeResolved'), status: 'solved' });
    solve();
    afterSolved(p, solve);
  },
};

export function runPath(path: PathKey, p: PathContext): void {
  paths[path](p);
}
