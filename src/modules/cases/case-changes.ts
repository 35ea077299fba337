// Changing a case: fields (PATCH) and messages (replies, notes). Every change bumps the
// version under a compare-and-set, so two agents never silently overwrite each other, and
// writes its timeline events in the same transaction.
import { and, eq } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, conflict, forbidden, invalid } from '../../platform/errors.ts';
import { caseAccess } from '../access/access.policy.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import type { CaseDto, CaseStatus, Channel, UpdateCaseInput } from './cases.contract.ts';
import { savCase } from './cases.schema.ts';
import { loadVisibleCase, type CaseListRow, type CaseRow } from './cases.read.ts';
import { getCase } from './cases.service.ts';
import { resolveRefs } from './references.ts';
import { loadEvents } from './events.read.ts';
import { actorColumns, appendEvents, type NewEvent } from './timeline.ts';
import type { CaseChange } from '../sla/clock-rules.ts';
import { planClockChanges, saveClocks } from '../sla/clocks.service.ts';
import { macroChanges } from '../automation/macro-actions.ts';
import { notifyMentioned } from '../user-notifications/mentions.ts';
import { linkUploadedFiles } from './reply-attachments.ts';
import { assertReplyChannel } from './reply-channels.ts';
import { refusePersonalDataInPublic } from './public-reply.ts';
import { refuseIfChangedMeanwhile } from '../collab/meanwhile.ts';

export type CaseSet = Partial<typeof savCase.$inferInsert>;

/** Loads a case the actor may work on (full access), checking If-Match. */
export async function loadForWrite(ctx: Ctx, actor: Actor, id: string, ifMatch: number | undefined) {
  requirePermission(actor, 'cases.write');
  const { row, access } = await loadVisibleCase(ctx, actor, id);
  if (access !== 'full') throw forbidden('This case belongs to another store: you can read its history, not change it');
  if (ifMatch !== undefined && ifMatch !== row.c.version) {
    throw new AppError('precondition_failed', `The case changed meanwhile (version ${row.c.version}, you had ${ifMatch}); reload it`, {
      details: { currentVersion: row.c.version },
    });
  }
  return row;
}

/**
 * Writes the new state if nobody changed the case since it was read, then the events, and
 * moves the SLA clocks the change concerns (their events join the change's).
 */
export async function commitChange(ctx: Ctx, before: CaseListRow, set: CaseSet, events: NewEvent[], now: Date, reasonKey = before.reasonKey) {
  const b = before.c;
  const [after] = await ctx.db
    .update(savCase)
    .set({ ...set, version: b.version + 1, updatedAt: now, lastActivityAt: now })
    .where(and(eq(savCase.id, b.id), eq(savCase.version, b.version)))
    .returning();
  if (!after) throw conflict('The case changed while this change was being made; reload it and try again');
  const change: CaseChange = {
    from: b.status,
    to: after.status,
    agentReplied: events.some((e) => e.type === 'message_out' && e.visibility === 'public' && e.actorType === 'user'),
    customerWrote: events.some((e) => e.type === 'message_in'),
    answeredBefore: b.firstAgentReplyAt !== null,
  };
  const facts = { channel: after.channel, priority: after.priority, brandId: after.brandId, storeId: after.storeId, teamId: after.teamId, reason: reasonKey };
  const clocks = await planClockChanges(ctx, b.id, facts, change, now);
  if (clocks.clocks.length) {
    await saveClocks(ctx, b.id, clocks.clocks);
    const moved = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) !== (b?.getTime() ?? null);
    if (moved(clocks.dueAt, after.slaDueAt) || moved(clocks.breachedAt, after.slaBreachedAt)) {
      await ctx.db.update(savCase).set({ slaDueAt: clocks.dueAt, slaBreachedAt: clocks.breachedAt }).where(eq(savCase.id, b.id));
      after.slaDueAt = clocks.dueAt;
      after.slaBreachedAt = clocks.breachedAt;
    }
  }
  return { after, events: await appendEvents(ctx, after, [...events, ...clocks.events], now) };
}

/** Status rules: a closed case stays closed; solving and reopening stamp the case. */
export function statusChange(from: CaseStatus, to: CaseStatus, now: Date, c: Pick<CaseRow, 'solvedAt'>): CaseSet {
  if (from === to) return {};
  if (from === 'closed') throw conflict('A closed case cannot be reopened; open a new case and link it');
  if (to === 'solved') return { status: to, solvedAt: now };
  if (to === 'closed') return { status: to, closedAt: now, solvedAt: c.solvedAt ?? now };
  return { status: to, solvedAt: null };
}

export async function updateCase(ctx: Ctx, actor: Actor, id: string, input: UpdateCaseInput, ifMatch?: number): Promise<CaseDto> {
  const row = await loadForWrite(ctx, actor, id, ifMatch);
  const c = row.c;
  const now = ctx.clock.now();
  const refs = await resolveRefs(ctx, {
    teamId: input.teamId,
    assigneeId: input.assigneeId,
    storeId: input.storeId,
    reason: input.reason,
    step: input.step,
  });
  const set: CaseSet = {};
  const events: NewEvent[] = [];
  const by = actorColumns(actor);
  const event = (type: NewEvent['type'], data: Record<string, unknown>) =>
    events.push({ type, ...by, visibility: 'public', data });

  if (input.status !== undefined && input.status !== c.status) {
    Object.assign(set, statusChange(c.status, input.status, now, c));
    event('status_changed', { from: c.status, to: input.status });
  }
  if (input.step !== undefined && (refs.step?.id ?? null) !== c.stepId) {
    set.stepId = refs.step?.id ?? null;
    event('step_changed', { from: row.stepKey, to: refs.step?.key ?? null });
  }
  if (input.reason !== undefined && (refs.reason?.id ?? null) !== c.reasonId) {
    set.reasonId = refs.reason?.id ?? null;
    event('reason_changed', { from: row.reasonKey, to: refs.reason?.key ?? null });
  }
  if (input.priority !== undefined && input.priority !== c.priority) {
    set.priority = input.priority;
    event('priority_changed', { from: c.priority, to: input.priority });
  }
  const assignment: Record<string, unknown> = {};
  if (input.teamId !== undefined && input.teamId !== c.teamId) {
    set.teamId = input.teamId;
    assignment.team = { from: c.teamId, to: input.teamId };
  }
  if (input.assigneeId !== undefined && input.assigneeId !== c.assigneeId) {
    set.assigneeId = input.assigneeId;
    assignment.assignee = { from: c.assigneeId, to: input.assigneeId };
  }
  if (Object.keys(assignment).length) events.push({ type: 'assignment_changed', ...by, visibility: 'internal', data: assignment });
  if (input.tags !== undefined) {
    const next = [...new Set(input.tags)];
    const added = next.filter((t) => !c.tags.includes(t));
    const removed = c.tags.filter((t) => !next.includes(t));
    if (added.length || removed.length) {
      set.tags = next;
      events.push({ type: 'tags_changed', ...by, visibility: 'internal', data: { added, removed } });
    }
  }
  const fields: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of ['subject', 'language', 'orderRef', 'storeId', 'product', 'holder', 'notifyVia'] as const) {
    if (input[key] !== undefined && input[key] !== c[key]) {
      fields[key] = { from: c[key], to: input[key] };
      (set as Record<string, unknown>)[key] = input[key];
    }
  }
  if (input.storeId !== undefined && input.storeId !== null && refs.storeBrandId !== c.brandId) {
    throw new AppError('validation_failed', 'storeId: the store belongs to another brand', { errors: [{ field: 'storeId', message: 'belongs to another brand' }] });
  }
  if (fields.storeId && caseAccess(actor.scope, { brandId: c.brandId, storeId: input.storeId ?? null }) !== 'full') {
    throw forbidden('You can only move a case to one of your stores');
  }
  if (Object.keys(fields).length) events.push({ type: 'fields_changed', ...by, visibility: 'internal', data: fields });

  if (events.length) await inTransaction(ctx, (tx) => commitChange(tx, row, set, events, now, input.reason !== undefined ? (refs.reason?.key ?? null) : row.reasonKey));
  return getCase(ctx, actor, c.id);
}

export interface MessageInput {
  kind: 'reply' | 'note';
  body: string;
  channel?: Channel | undefined;
  status?: CaseStatus | undefined;
  attachmentIds?: string[] | undefined;
  mentions?: string[] | undefined;
  macroId?: string | undefined;
  audience?: 'public' | 'private' | undefined;
  allowPersonalData?: boolean | undefined;
  template?: { name: string; language: string; variables: string[] } | undefined;
  /** The latest event the writer had seen: a message by someone else since refuses the post (collab/meanwhile.ts). */
  seenEventId?: string | undefined;
}

/** An agent's public reply or internal note; a reply to a new case opens it. */
export async function postMessage(ctx: Ctx, actor: Actor, caseId: string, input: MessageInput, ifMatch?: number) {
  const row: CaseListRow = await loadForWrite(ctx, actor, caseId, ifMatch);
  const c = row.c;
  if (input.kind === 'reply' && c.status === 'closed') throw conflict('This case is closed: open a new case to write to the customer');
  if (input.kind === 'reply' && input.mentions?.length) throw invalid('mentions', 'only internal notes mention colleagues');
  if (input.kind === 'note' && input.macroId) throw invalid('macroId', 'macros answer the customer: use them in a reply');
  if (input.kind === 'reply' && input.channel) await assertReplyChannel(ctx, c, input.channel);
  if (input.kind === 'reply' && input.audience === 'public' && !input.allowPersonalData) refusePersonalDataInPublic(ctx, input.body);
  if (input.seenEventId) await refuseIfChangedMeanwhile(ctx, actor, c.id, input.seenEventId);
  const now = ctx.clock.now();
  const by = actorColumns(actor);
  const macro = input.macroId ? await macroChanges(ctx, actor, row, input.macroId, by) : null;
  const set: CaseSet = { ...macro?.set };
  const events: NewEvent[] = [];
  if (input.kind === 'reply') {
    // A channel the agent chose (not the case's) is where the reply goes, whatever the customer's usual choice.
    const data = {
      ...(input.channel && input.channel !== c.channel ? { replyOn: input.channel } : {}),
      ...(input.macroId ? { macroId: input.macroId } : {}),
      ...(input.audience ? { audience: input.audience } : {}),
      ...(input.template ? { template: input.template } : {}),
    };
    events.push({ type: 'message_out', ...by, channel: input.channel ?? c.channel, visibility: 'public', bodyText: input.body, data });
    set.agentMessageCount = c.agentMessageCount + 1;
    set.lastAgentReplyAt = now;
    if (!c.firstAgentReplyAt) set.firstAgentReplyAt = now;
  } else {
    events.push({ type: 'note', ...by, visibility: 'internal', bodyText: input.body, data: input.mentions?.length ? { mentions: [...new Set(input.mentions)] } : {} });
  }
  const nextStatus = input.status ?? macro?.status ?? (input.kind === 'reply' && c.status === 'new' ? 'open' : c.status);
  if (nextStatus !== c.status) {
    Object.assign(set, statusChange(c.status, nextStatus, now, c));
    events.push({ type: 'status_changed', ...by, visibility: 'public', data: { from: c.status, to: nextStatus } });
  }
  events.push(...(macro?.events ?? []));
  const { after, events: written } = await inTransaction(ctx, async (tx) => {
    const done = await commitChange(tx, row, set, events, now);
    const message = { caseId: c.id, eventId: done.events[0]!.id, visibility: events[0]!.visibility };
    if (input.kind === 'note') await notifyMentioned(tx, actor, c, message.eventId, input.mentions ?? []);
    await linkUploadedFiles(tx, message, input.attachmentIds ?? []);
    return done;
  });
  const [message] = await loadEvents(ctx, [written[0]!.id]);
  return { message: message!, caseVersion: after.version };
}
