// Reading a case through its tracking link: what the customer may see of it, in plain
// words. The link's token is the only credential; an unknown or replaced one is a plain
// 404 that says nothing about whether a case exists. Internal notes and internal events
// are never loaded here, and staff appear by first name only.
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Ctx } from '../../context.ts';
import { digest } from '../../platform/crypto/tokens.ts';
import { AppError } from '../../platform/errors.ts';
import { limitPublicRead } from '../../platform/http/public-limits.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { appUser } from '../access/access.schema.ts';
import { acceptedTypes } from '../cases/attachment-types.ts';
import type { AttachmentRow } from '../cases/attachments.read.ts';
import { openPublicAttachment } from '../cases/attachments.service.ts';
import type { NotifyChannel } from '../cases/cases.contract.ts';
import { holderOf, loadCaseRow, type CaseListRow } from '../cases/cases.read.ts';
import { survivorOf } from '../cases/merged-cases.ts';
import { caseAttachment, caseEvent, caseStep, savCase } from '../cases/cases.schema.ts';
import { customerIdentity } from '../customers/customers.schema.ts';
import { brand, store } from '../org/org.schema.ts';
import { verdictOfTrackedCase } from '../policies/evaluate-case.ts';
import { plannedNextStep } from '../workflows/workflow.next-step.ts';
import { clocksOf } from '../sla/clocks.read.ts';
import type { ClockDto } from '../sla/sla.contract.ts';
import type { TrackedAttachment, TrackedCase } from './tracking.contract.ts';
import { journey, type StepChange } from './tracking.steps.ts';
import { holderWords, metricWords, notifyWords, statusWords } from './tracking.words.ts';
import { trackedWorkflowOf } from '../workflows/workflow.tracking.ts';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const unknownLink = () => new AppError('not_found', 'This tracking link does not lead to a case');

/** The case behind a tracking token (the survivor, for a merged case's link), or a plain 404. */
export async function findTrackedCase(ctx: Ctx, token: string): Promise<CaseListRow> {
  if (!TOKEN.test(token)) throw unknownLink();
  const row = await loadCaseRow(ctx, eq(savCase.trackingTokenHash, digest(token)));
  if (!row) throw unknownLink();
  return survivorOf(ctx, row);
}

export interface Visitor {
  ip: string;
}

/** The tracking view of a case (counted against the visitor's and the link's read limits). */
export async function getTracking(ctx: Ctx, token: string, visitor: Visitor, lang?: Language): Promise<TrackedCase> {
  await limitPublicRead(ctx, visitor.ip, `track:${token}`);
  const row = await findTrackedCase(ctx, token);
  return presentTracking(ctx, row, token, lang ?? row.c.language);
}

const firstName = (name: string | null) => name?.trim().split(/\s+/)[0] ?? null;

async function presentTracking(ctx: Ctx, row: CaseListRow, token: string, lang: Language): Promise<TrackedCase> {
  const c = row.c;
  const events = await ctx.db
    .select({ id: caseEvent.id, type: caseEvent.type, at: caseEvent.at, actorType: caseEvent.actorType, body: caseEvent.bodyText, data: caseEvent.data, userName: appUser.name })
    .from(caseEvent)
    .leftJoin(appUser, eq(appUser.id, caseEvent.actorUserId))
    .where(
      and(
        eq(caseEvent.caseId, c.id),
        eq(caseEvent.visibility, 'public'),
        or(inArray(caseEvent.type, ['message_in', 'message_out']), eq(caseEvent.type, 'step_changed')),
      ),
    )
    .orderBy(asc(caseEvent.id));
  const messages = events.filter((e) => e.type !== 'step_changed');
  const changes: StepChange[] = events
    .filter((e) => e.type === 'step_changed')
    .map((e) => ({ at: e.at, from: (e.data.from as string | null) ?? null, to: (e.data.to as string | null) ?? null }));

  const attachments = messages.length
    ? await ctx.db
        .select()
        .from(caseAttachment)
        .where(and(inArray(caseAttachment.eventId, messages.map((m) => m.id)), eq(caseAttachment.visibility, 'public')))
        .orderBy(asc(caseAttachment.id))
    : [];
  const steps = await ctx.db.select().from(caseStep).where(eq(caseStep.active, true));
  const clocks = (await clocksOf(ctx, [c.id])).get(c.id) ?? [];
  const holder = holderOf(row);
  const [where] = holder === 'store' && c.storeId ? await ctx.db.select({ name: store.name, kind: store.kind }).from(store).where(eq(store.id, c.storeId)) : [];
  const identities = await reachableIdentities(ctx, c.customerId);
  const [brandRow] = await ctx.db.select({ name: brand.name }).from(brand).where(eq(brand.id, c.brandId));

  const judged = await verdictOfTrackedCase(ctx, row);
  const running = nextPromiseOf(clocks);
  const options = notifyOptions(identities, lang);
  const chosen = c.notifyVia !== null && options.some((o) => o.channel === c.notifyVia);
  return {
    brand: brandRow?.name ?? '',
    number: c.number,
    subject: c.subject,
    product: c.product,
    orderRef: c.orderRef,
    language: lang,
    status: { key: c.status, label: statusWords(lang, c.status) },
    steps: journey({
      steps: steps.map((s) => ({ key: s.key, label: { fr: s.labelFr, en: s.labelEn }, position: s.position, final: s.final })),
      currentKey: row.stepKey,
      status: c.status,
      createdAt: c.createdAt,
      closedAt: c.closedAt,
      changes,
      plannedNext: await plannedNextStep(ctx, c.id, row.stepKey),
    }).map((s) => ({ key: s.key, label: s.label[lang], state: s.state, at: s.at?.toISOString() ?? null })),
    holder: { kind: holder, label: holderWords(lang, holder, where ?? null) },
    nextDeadline: running ? { metric: running.metric, label: metricWords(lang, running.metric), deadline: running.deadline, promise: running.promise[lang] } : null,
    messages: messages.map((m) => ({
      id: m.id,
      at: m.at.toISOString(),
      from: m.type === 'message_in' ? ('customer' as const) : ('agent' as const),
      author: m.type === 'message_out' && m.actorType === 'user' ? firstName(m.userName) : null,
      body: m.body,
      attachments: attachments.filter((a) => a.eventId === m.id).map((a) => presentTrackedAttachment(a, token)),
    })),
    rights: judged && {
      request: judged.request.request,
      product: judged.product,
      eligible: judged.verdict.eligible,
      explanation: judged.verdict.explanation[lang],
      policyVersion: judged.verdict.policyVersion,
    },
    notifications: {
      channel: chosen ? c.notifyVia : defaultNotifyChannel(c.channel, options.map((o) => o.channel)),
      chosen,
      options,
    },
    canReply: c.status !== 'closed',
    workflow: await trackedWorkflowOf(ctx, c.id, token, lang),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** A public attachment as the tracking link shows it: downloaded with the token, no login. */
export function presentTrackedAttachment(a: AttachmentRow, token: string): TrackedAttachment {
  return {
    id: a.id,
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
    inline: acceptedTypes.find((t) => t.contentType === a.contentType)?.inline ?? false,
    url: `/api/v1/track/${token}/attachments/${a.id}`,
  };
}

/** A public attachment of the case behind the link (counted as a read). */
export async function openTrackedAttachment(ctx: Ctx, token: string, visitor: Visitor, id: string) {
  await limitPublicRead(ctx, visitor.ip, `track:${token}`);
  const row = await findTrackedCase(ctx, token);
  return openPublicAttachment(ctx, row.c.id, id);
}

/** The customer's e-mail addresses and phone numbers, oldest first. */
export function reachableIdentities(ctx: Ctx, customerId: string) {
  return ctx.db
    .select({ kind: customerIdentity.kind, value: customerIdentity.value })
    .from(customerIdentity)
    .where(and(eq(customerIdentity.customerId, customerId), inArray(customerIdentity.kind, ['email', 'phone']), eq(customerIdentity.system, '')))
    .orderBy(asc(customerIdentity.createdAt));
}

/** The promise that falls due first among the clocks still running (paused ones wait for the customer). */
export function nextPromiseOf(clocks: ClockDto[]): ClockDto | undefined {
  return clocks.filter((k) => k.state === 'active').sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline))[0];
}

/** The channels the customer can be reached on (an e-mail, a phone), each shown masked. */
export function notifyOptions(identities: { kind: string; value: string }[], lang: Language): TrackedCase['notifications']['options'] {
  const email = identities.find((i) => i.kind === 'email');
  const phone = identities.find((i) => i.kind === 'phone');
  return [
    ...(email ? [{ channel: 'email' as const, label: notifyWords(lang, 'email'), destination: maskEmail(email.value) }] : []),
    ...(phone ? [{ channel: 'sms' as const, label: notifyWords(lang, 'sms'), destination: maskPhone(phone.value) }] : []),
  ];
}

/** Without a choice: the case's own channel when it can carry news, else e-mail, else SMS. */
export function defaultNotifyChannel(caseChannel: string, available: NotifyChannel[]): NotifyChannel | null {
  if ((caseChannel === 'email' || caseChannel === 'sms') && available.includes(caseChannel)) return caseChannel;
  return available.includes('email') ? 'email' : available.includes('sms') ? 'sms' : null;
}

/** "marc.petit@exemple.fr" → "m•••@exemple.fr": enough to recognise, not to copy. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}

/** "+33612345678" → "•• •• •• 56 78". */
export function maskPhone(e164: string): string {
  const national = parsePhoneNumberFromString(e164)?.formatNational() ?? e164;
  const digits = national.replace(/\D/g, '').length;
  let seen = 0;
  return national.replace(/\d/g, (d) => (++seen > digits - 4 ? d : '•'));
}
