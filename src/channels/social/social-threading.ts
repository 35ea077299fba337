// Which case a message from a network belongs to: the thread it answers (the tweet or comment
// it replies to, ours or the customer's, recorded in message_ref), else the customer's open
// case — a public complaint and the private messages that follow are one case, whatever
// channel it was opened on. A closed case is followed by a new one, as for e-mail.
import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { openStatuses } from '../../modules/cases/cases.contract.ts';
import { savCase } from '../../modules/cases/cases.schema.ts';
import { byReferences, settleThread, type ThreadAnswer } from '../email/inbound/threading.ts';

const DAY = 86_400_000;

export interface SocialThreadQuestion {
  customerId: string;
  /** Created by this very message: only a reference can name a case. */
  newCustomer: boolean;
  channel: string;
  refs: string[];
  /** Thanks or praise: with no case in progress, it joins the case solved last (without reopening it). */
  praise: boolean;
}

export type SocialThread = ThreadAnswer<'references' | 'open_case' | 'solved_case'>;

export async function findSocialThread(ctx: Ctx, q: SocialThreadQuestion): Promise<SocialThread> {
  const known = !q.newCustomer;
  const found =
    (await byReferences(ctx, q.channel, q.refs)) ??
    (known ? await openCaseOf(ctx, q.customerId) : null) ??
    (known && q.praise ? await solvedCaseOf(ctx, q.customerId) : null);
  return settleThread(ctx, found);
}

/** The customer's case solved last, within the reopening window: what their thanks are about. */
async function solvedCaseOf(ctx: Ctx, customerId: string) {
  const since = new Date(ctx.clock.now().getTime() - ctx.config.email.reopenWindowDays * DAY);
  const [c] = await ctx.db
    .select({ id: savCase.id })
    .from(savCase)
    .where(and(eq(savCase.customerId, customerId), eq(savCase.status, 'solved'), gt(savCase.solvedAt, since)))
    .orderBy(desc(savCase.solvedAt))
    .limit(1);
  return c ? { caseId: c.id, via: 'solved_case' as const } : null;
}

/** The customer's case still in progress that moved most recently, within the threading window. */
async function openCaseOf(ctx: Ctx, customerId: string) {
  const since = new Date(ctx.clock.now().getTime() - ctx.config.email.threadWindowDays * DAY);
  const [c] = await ctx.db
    .select({ id: savCase.id })
    .from(savCase)
    .where(and(eq(savCase.customerId, customerId), inArray(savCase.status, [...openStatuses]), gt(savCase.lastActivityAt, since)))
    .orderBy(desc(savCase.lastActivityAt))
    .limit(1);
  return c ? { caseId: c.id, via: 'open_case' as const } : null;
}
