// What agents do with calls: log one on a case, or open a case from one (the caller's number
// finds or creates the customer). A call the telephony system reported (the screen pop, a
// pending call) is completed by naming it (callId): its record gets the summary and the case.
import { eq } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { requirePermission, type Actor } from '../../modules/access/actor.ts';
import { loadForWrite } from '../../modules/cases/case-changes.ts';
import { loadCaseRow } from '../../modules/cases/cases.read.ts';
import { savCase } from '../../modules/cases/cases.schema.ts';
import { getCase, openCase } from '../../modules/cases/cases.service.ts';
import type { CaseDto } from '../../modules/cases/cases.contract.ts';
import { appendEvents, actorColumns } from '../../modules/cases/timeline.ts';
import { claimIdentities, refreshSearchText } from '../../modules/customers/customers.service.ts';
import { channelAccount } from '../accounts/accounts.schema.ts';
import type { CallDto, LogCallInput, OpenFromCallInput } from './phone.contract.ts';
import { insertCall, lockCall, presentCall, putCallOnCase, requiredCallNumber, updateCall, type CallRow } from './calls.record.ts';

/** The record this call is written on: the reported one named, else a new one. */
async function callRecord(tx: Ctx, actor: Actor, input: LogCallInput, number: string): Promise<CallRow> {
  const now = tx.clock.now();
  if (input.callId) {
    const reported = await lockCall(tx, { id: input.callId });
    if (!reported) throw notFound('call', input.callId);
    return reported;
  }
  const duration = input.durationSeconds ?? null;
  const startedAt = input.startedAt ? new Date(input.startedAt) : new Date(now.getTime() - (duration ?? 0) * 1000);
  return insertCall(tx, {
    accountId: null,
    providerCallId: null,
    direction: input.direction,
    number,
    numberRaw: input.number,
    state: 'pending',
    customerId: null,
    caseId: null,
    eventId: null,
    agentUserId: actor.userId,
    teamId: null,
    startedAt,
    endedAt: duration !== null ? new Date(startedAt.getTime() + duration * 1000) : null,
    durationSeconds: duration,
    summary: null,
  });
}

/** The agent's facts completing a reported call (what the telephony system knew stays). */
function completed(call: CallRow, actor: Actor, input: LogCallInput, number: string): Partial<CallRow> {
  return {
    summary: input.summary,
    agentUserId: call.agentUserId ?? actor.userId,
    number: call.number ?? number,
    durationSeconds: call.durationSeconds ?? input.durationSeconds ?? null,
    ...(call.accountId ? {} : { direction: input.direction }),
  };
}

/** Logs a call on a case the agent works; the number becomes the customer's if nobody has it. */
export async function logCallOnCase(ctx: Ctx, actor: Actor, caseId: string, input: LogCallInput): Promise<CallDto> {
  const number = requiredCallNumber(ctx, input.number);
  await loadForWrite(ctx, actor, caseId, undefined);
  return inTransaction(ctx, async (tx) => {
    const call = await callRecord(tx, actor, input, number);
    // Read again inside the transaction, after the call's lock: the version commitChange compares.
    const row = (await loadCaseRow(tx, eq(savCase.id, caseId)))!;
    if (call.state === 'logged') {
      // The call ended on this case before the agent wrote: the summary joins it as a note.
      if (call.caseId !== caseId) throw conflict(`This call is already logged on another case`, { caseId: call.caseId });
      await appendEvents(tx, row.c, [{ type: 'note', ...actorColumns(actor), visibility: 'internal', bodyText: input.summary, data: { callId: call.id } }], tx.clock.now());
      return presentCall(await updateCall(tx, call.id, { summary: input.summary }));
    }
    const ready = await updateCall(tx, call.id, completed(call, actor, input, number));
    const taken = await claimIdentities(tx, row.c.customerId, [{ kind: 'phone', system: '', value: ready.number!, displayValue: input.number }]);
    if (taken.length === 0) await refreshSearchText(tx, row.c.customerId);
    return presentCall((await putCallOnCase(tx, row, ready, actor.userId, input.summary)).call);
  });
}

/**
 * Opens a case from a call: the number (and the e-mail, if given) finds or creates the
 * customer, the summary is the customer's request as the agent took it down, and the case
 * is acknowledged by e-mail or SMS like every new case (notifications, `case.created`).
 */
export async function openCaseFromCall(ctx: Ctx, actor: Actor, input: OpenFromCallInput): Promise<{ case: CaseDto; call: CallDto }> {
  requirePermission(actor, 'cases.write');
  const number = requiredCallNumber(ctx, input.number);
  const done = await inTransaction(ctx, async (tx) => {
    const call = await callRecord(tx, actor, input, number);
    if (call.state === 'logged') throw conflict('This call is already logged on a case', { caseId: call.caseId });
    const [line] = call.accountId ? await tx.db.select().from(channelAccount).where(eq(channelAccount.id, call.accountId)) : [];
    const opened = await openCase(
      tx,
      actor,
      {
        customer: { ...input.customer, phone: number },
        subject: input.subject,
        message: input.summary,
        channel: 'phone',
        brandId: input.brandId ?? line?.brandId ?? undefined,
        storeId: input.storeId ?? line?.storeId ?? undefined,
        teamId: input.teamId ?? line?.teamId ?? call.teamId ?? undefined,
        reason: input.reason,
        priority: 'normal',
        tags: [],
        orderRef: input.orderRef,
        product: input.product,
      },
      { messageData: { callId: call.id } },
    );
    const ready = await updateCall(tx, call.id, completed(call, actor, input, number));
    const row = (await loadCaseRow(tx, eq(savCase.id, opened.case.id)))!;
    const logged = await putCallOnCase(tx, row, ready, actor.userId, null, { requestEventId: opened.messageEventId });
    return { caseId: opened.case.id, call: presentCall(logged.call) };
  });
  return { case: await getCase(ctx, actor, done.caseId), call: done.call };
}
