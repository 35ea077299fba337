// Which case an e-mail belongs to, in the order the reference gives: the case number in the
// subject, then In-Reply-To and References against the Message-IDs we know (ours and the
// customers'), then the same customer writing on the same subject (Re:, TR:, Fwd: stripped)
// within a window. A found case that was closed, or solved too long ago, is not reopened: the
// message opens a new case linked to it.
import { and, desc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../../../context.ts';
import { queryRows } from '../../../platform/db/database.ts';
import { loadCaseRow } from '../../../modules/cases/cases.read.ts';
import { savCase } from '../../../modules/cases/cases.schema.ts';
import { survivorOf } from '../../../modules/cases/merged-cases.ts';
import { subjectKey } from './parse.ts';

export interface ThreadQuestion {
  customerId: string;
  /** Created by this very message: it has no case yet, so only references can name one. */
  newCustomer?: boolean;
  caseNumber: string | null;
  refs: string[];
  subject: string | null;
}

export type ThreadAnswer<V extends string = 'number' | 'references' | 'subject'> =
  | { kind: 'append'; caseId: string; via: V }
  | { kind: 'new' }
  /** The thread's case is closed, or solved before the reopening window: a new case, linked. */
  | { kind: 'follow-up'; previousCaseId: string; via: V };

const DAY = 86_400_000;

export async function findThread(ctx: Ctx, q: ThreadQuestion): Promise<ThreadAnswer> {
  const found = q.newCustomer
    ? await byReferences(ctx, 'email', q.refs)
    : ((await byNumber(ctx, q)) ?? (await byReferences(ctx, 'email', q.refs)) ?? (await bySubject(ctx, q)));
  return settleThread(ctx, found);
}

/**
 * The thread's case as it stands: the case it was merged into, and a closed case (or one
 * solved before the reopening window) followed by a new case rather than reopened.
 */
export async function settleThread<V extends string>(ctx: Ctx, found: { caseId: string; via: V } | null): Promise<ThreadAnswer<V>> {
  if (!found) return { kind: 'new' };
  const row = await loadCaseRow(ctx, eq(savCase.id, found.caseId));
  if (!row) return { kind: 'new' };
  // A merged case's thread goes on in the case it was merged into.
  const { c } = await survivorOf(ctx, row);
  const caseId = c.id;
  const window = ctx.config.email.reopenWindowDays * DAY;
  const tooOld = c.status === 'solved' && c.solvedAt !== null && ctx.clock.now().getTime() - c.solvedAt.getTime() > window;
  if (c.status === 'closed' || tooOld) return { kind: 'follow-up', previousCaseId: caseId, via: found.via };
  return { kind: 'append', caseId, via: found.via };
}

/** A case number names a case of this customer only: a stranger's guess does not join it. */
async function byNumber(ctx: Ctx, q: ThreadQuestion) {
  if (!q.caseNumber) return null;
  const [c] = await ctx.db.select({ id: savCase.id }).from(savCase).where(and(eq(savCase.number, q.caseNumber), eq(savCase.customerId, q.customerId)));
  return c ? { caseId: c.id, via: 'number' as const } : null;
}

/**
 * Message ids are unguessable (Message-IDs) or tied to the account (a tweet, a comment):
 * whoever answers one of ours, or one of the customer's, is in that thread.
 */
export async function byReferences(ctx: Ctx, channel: string, refs: string[]) {
  if (refs.length === 0) return null;
  const rows = await queryRows<{ case_id: string; ref: string }>(
    ctx.db,
    sql`SELECT case_id, ref FROM message_ref WHERE channel = ${channel} AND ref = ANY(${sql.param(refs.slice(0, 50))}::text[])`,
  );
  // The nearest reference wins (In-Reply-To first).
  for (const ref of refs) {
    const hit = rows.find((r) => r.ref === ref);
    if (hit) return { caseId: hit.case_id, via: 'references' as const };
  }
  return null;
}

async function bySubject(ctx: Ctx, q: ThreadQuestion) {
  const key = subjectKey(q.subject);
  if (key.length < 3) return null;
  const since = new Date(ctx.clock.now().getTime() - ctx.config.email.threadWindowDays * DAY);
  const recent = await ctx.db
    .select({ id: savCase.id, subject: savCase.subject })
    .from(savCase)
    .where(and(eq(savCase.customerId, q.customerId), inArray(savCase.channel, ['email', 'webform']), gt(savCase.lastActivityAt, since), ne(savCase.status, 'closed')))
    .orderBy(desc(savCase.lastActivityAt))
    .limit(20);
  const hit = recent.find((c) => subjectKey(c.subject) === key);
  return hit ? { caseId: hit.id, via: 'subject' as const } : null;
}
