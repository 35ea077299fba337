// The call record and the one way a call joins a case: a `call_logged` timeline event (in
// the caller's transaction, through commitChange so the case's version and activity move)
// and the record updated to say which case and event. Used by agents logging a call and by
// the telephony webhook when a call ends on a customer's open case.
import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { commitChange } from '../../modules/cases/case-changes.ts';
import type { CaseListRow } from '../../modules/cases/cases.read.ts';
import { actorColumns } from '../../modules/cases/timeline.ts';
import { normalisePhone } from '../../modules/customers/identities.ts';
import type { CallDto } from './phone.contract.ts';
import { phoneCall } from './phone.schema.ts';

export type CallRow = typeof phoneCall.$inferSelect;

export function presentCall(r: CallRow): CallDto {
  return {
    id: r.id,
    accountId: r.accountId,
    providerCallId: r.providerCallId,
    direction: r.direction,
    number: r.number,
    numberRaw: r.numberRaw,
    state: r.state,
    customerId: r.customerId,
    caseId: r.caseId,
    agentUserId: r.agentUserId,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
    durationSeconds: r.durationSeconds,
    summary: r.summary,
  };
}

/** The number in E.164 (the identities code decides), or null when it is hidden or not a number. */
export function callNumber(ctx: Pick<Ctx, 'config'>, raw: string): string | null {
  return normalisePhone(raw, ctx.config.defaults.country);
}

/** Like callNumber, for what an agent typed: a wrong number is theirs to fix (422). */
export function requiredCallNumber(ctx: Pick<Ctx, 'config'>, raw: string): string {
  const number = callNumber(ctx, raw);
  if (!number) throw invalid('number', `"${raw}" is not a valid phone number`);
  return number;
}

/** The record of a call the telephony system reported, locked for this transaction. */
export async function lockCall(ctx: Ctx, where: { id: string } | { accountId: string; providerCallId: string }): Promise<CallRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(phoneCall)
    .where('id' in where ? eq(phoneCall.id, where.id) : sql`${phoneCall.accountId} = ${where.accountId} AND ${phoneCall.providerCallId} = ${where.providerCallId}`)
    .for('update');
  return row;
}

export async function insertCall(ctx: Ctx, row: Omit<CallRow, 'id' | 'createdAt' | 'updatedAt'>): Promise<CallRow> {
  const now = ctx.clock.now();
  const full: CallRow = { ...row, id: uuidv7(now.getTime()), createdAt: now, updatedAt: now };
  await ctx.db.insert(phoneCall).values(full);
  return full;
}

export async function updateCall(ctx: Ctx, id: string, set: Partial<CallRow>): Promise<CallRow> {
  const [row] = await ctx.db
    .update(phoneCall)
    .set({ ...set, updatedAt: ctx.clock.now() })
    .where(eq(phoneCall.id, id))
    .returning();
  return row!;
}

/**
 * Writes the call on the case's timeline and marks the record logged. `by` is the agent who
 * took or made the call (null: the telephony system alone). `body` is the agent's summary, or
 * null when it is elsewhere (the first message of a case opened from the call) or not given yet.
 * The event is public: a call is a contact with the customer, part of the history every
 * store shares (the tracking page never shows it; it reads messages and steps only).
 */
export async function putCallOnCase(tx: Ctx, row: CaseListRow, call: CallRow, by: string | null, body: string | null, extra: Record<string, unknown> = {}) {
  const now = tx.clock.now();
  const { events } = await commitChange(
    tx,
    row,
    {},
    [
      {
        type: 'call_logged',
        ...actorColumns({ kind: by ? 'user' : 'system', userId: by }),
        channel: 'phone',
        visibility: 'public',
        bodyText: body,
        data: {
          callId: call.id,
          direction: call.direction,
          number: call.number ?? call.numberRaw,
          startedAt: call.startedAt.toISOString(),
          durationSeconds: call.durationSeconds,
          ...extra,
        },
      },
    ],
    now,
  );
  const eventId = events[0]!.id;
  const updated = await updateCall(tx, call.id, { state: 'logged', caseId: row.c.id, customerId: row.c.customerId, eventId });
  return { call: updated, eventId };
}
