// A stored telephony event, processed by the inbound job (inside its transaction, the row
// locked): `call.started` records the call as ringing and pops it on the agents' screens;
// `call.ended` fills its end and duration, then puts it on the customer's most recently
// active open case, or leaves it pending for the agent to complete with a summary. Each
// event is stored once (deduplicated on call id + event), so a retried webhook changes nothing.
import type { Ctx } from '../../context.ts';
import type { InboundOutcome, StoredInbound } from '../connector.ts';
import { telephonyEvent, type TelephonyEvent } from './phone.contract.ts';
import { callNumber, insertCall, lockCall, putCallOnCase, updateCall, type CallRow } from './calls.record.ts';
import { agentNamed, CALL_UPDATED_EVENT, customerByNumber, openCasesOf, RINGING_EVENT, signalCall } from './screen-pop.ts';

function parse(raw: Buffer): TelephonyEvent | string {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return 'not JSON';
  }
  const parsed = telephonyEvent.safeParse(json);
  return parsed.success ? parsed.data : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

/** The customer's side of the call: who called in, or whom we called. */
const customerSide = (e: TelephonyEvent) => (e.direction === 'out' ? (e.to ?? e.from) : e.from);

async function newCall(tx: Ctx, row: StoredInbound, e: TelephonyEvent, at: Date): Promise<CallRow> {
  const raw = customerSide(e);
  const number = callNumber(tx, raw);
  return insertCall(tx, {
    accountId: row.account.id,
    providerCallId: e.callId,
    direction: e.direction,
    number,
    numberRaw: raw,
    state: 'ringing',
    customerId: number ? ((await customerByNumber(tx, number))?.id ?? null) : null,
    caseId: null,
    eventId: null,
    agentUserId: await agentNamed(tx, e.agent),
    teamId: row.account.teamId,
    startedAt: e.event === 'call.ended' && e.durationSeconds !== undefined ? new Date(at.getTime() - e.durationSeconds * 1000) : at,
    endedAt: null,
    durationSeconds: null,
    summary: null,
  });
}

export async function processTelephonyEvent(tx: Ctx, row: StoredInbound): Promise<InboundOutcome> {
  const e = parse(row.raw);
  if (typeof e === 'string') return { state: 'failed', detail: `not a telephony event: ${e}` };
  const at = e.at ? new Date(e.at) : row.receivedAt;
  const known = await lockCall(tx, { accountId: row.account.id, providerCallId: e.callId });

  if (e.event === 'call.started') {
    if (known) return { state: 'ignored', detail: 'call already known (its end came first)' };
    const call = await newCall(tx, row, e, at);
    const shown = await signalCall(tx, call, RINGING_EVENT);
    return { state: 'processed', caseId: null, eventId: null, detail: `ringing: shown to ${shown} agent(s)` };
  }

  let call = known ?? (await newCall(tx, row, e, at));
  // An agent who picks up after the call started is named on its end.
  const agent = call.agentUserId ?? (await agentNamed(tx, e.agent));
  const duration = e.durationSeconds ?? Math.max(0, Math.round((at.getTime() - call.startedAt.getTime()) / 1000));
  call = await updateCall(tx, call.id, { endedAt: at, durationSeconds: duration, agentUserId: agent });
  if (call.state === 'logged') {
    await signalCall(tx, call, CALL_UPDATED_EVENT);
    return { state: 'processed', caseId: call.caseId, eventId: null, detail: 'ended; already logged by the agent' };
  }
  const [open] = call.customerId ? await openCasesOf(tx, call.customerId, row.account.brandId) : [];
  if (!open) {
    call = await updateCall(tx, call.id, { state: 'pending' });
    await signalCall(tx, call, CALL_UPDATED_EVENT);
    return { state: 'processed', caseId: null, eventId: null, detail: 'ended on no open case: pending, for the agent to complete' };
  }
  const logged = await putCallOnCase(tx, open, call, agent, null);
  await signalCall(tx, logged.call, CALL_UPDATED_EVENT);
  return { state: 'processed', caseId: open.c.id, eventId: logged.eventId, detail: `ended; logged on ${open.c.number}` };
}
