// Opening a case and reading one. Changes to an existing case live in case-changes.ts.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { inSharedTransaction, type Ctx } from '../../context.ts';
import { digest } from '../../platform/crypto/tokens.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { eachCall, preparedEach, rowJson, writtenColumns } from '../../platform/db/prepared.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { caseAccess } from '../access/access.policy.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { loadCustomer } from '../customers/customers.service.ts';
import { presentClock } from '../sla/clocks.read.ts';
import { planNewCaseClocks, saveClocks } from '../sla/clocks.service.ts';
import { lookUpCustomer, settleCustomer, type ResolvedCustomer } from '../customers/customers.resolve.ts';
import type { CaseDto, CreateCaseInput } from './cases.contract.ts';
import { savCase } from './cases.schema.ts';
import { loadVisibleCase, presentCase, presentCases, type CaseListRow, type CaseRow } from './cases.read.ts';
import { caseNumberSql, yearIn } from './numbering.ts';
import { resolveRefs } from './references.ts';
import { leaveOpenedCase } from './opened-case.ts';
import { actorColumns, appendEvents, type NewEvent } from './timeline.ts';

/** 256 random bits: the secret in the customer's tracking link. Only its digest is searchable. */
export function newTrackingToken(): string {
  return randomBytes(32).toString('base64url');
}

// The case row, its number drawn from the year's sequence (never reused, never shared) in the
// same prepared statement: case creation is the hottest write there is. Written for any number
// of concurrent openings (platform/db/coalescing.ts); the rows are matched to their calls by id.
const insertCase = preparedEach<{ row: Record<string, unknown>; prefix: string; year: number }, { number: string; seq: number }>(
  'comptoir_insert_case',
  sql`WITH given AS (SELECT a.call, a.p FROM ${eachCall}),
      inserted AS (
        INSERT INTO sav_case (${writtenColumns(savCase)})
        SELECT ${writtenColumns(savCase, 'r')}
        FROM given, LATERAL (SELECT comptoir_next_case_seq((given.p ->> 'year')::int) AS seq) n,
          LATERAL jsonb_populate_record(NULL::sav_case, (given.p -> 'row')
            || jsonb_build_object('seq', n.seq, 'number', ${caseNumberSql(sql`(given.p ->> 'prefix')`, sql`(given.p ->> 'year')`, sql`n.seq`)})) r
        RETURNING id, number, seq
      )
      SELECT given.call, inserted.number, inserted.seq FROM inserted JOIN given ON (given.p -> 'row' ->> 'id')::uuid = inserted.id`,
);

export async function createCase(ctx: Ctx, actor: Actor, input: CreateCaseInput): Promise<CaseDto> {
  return (await openCase(ctx, actor, input)).case;
}

/** What channels add when they open a case (not part of the public API). */
export interface OpenOptions {
  /** Facts of the channel kept with the first message (the provider's message id, flags…). */
  messageData?: Record<string, unknown>;
  /** Why no automatic answer may go back (RFC 3834 loop protection), when none may. */
  noAutoReply?: string | null;
  /**
   * The customer of `input.customer.id` as the channel resolved it in this same transaction:
   * its name, language and addresses are not read back.
   */
  resolved?: ResolvedCustomer;
}

/** Opens a case; also gives the tracking token, for channels that hand the link over at once (web form, counter). */
export async function openCase(
  ctx: Ctx,
  actor: Actor,
  input: CreateCaseInput,
  options: OpenOptions = {},
): Promise<{ case: CaseDto; trackingToken: string; messageEventId: string | null }> {
  requirePermission(actor, 'cases.write');
  // Openings that arrive together share one transaction and one round trip per statement
  // (platform/db/group-commit.ts): the hottest write there is, at a fraction of its cost.
  return inSharedTransaction(ctx, 'case-opening', (tx) => openCaseIn(tx, actor, input, options));
}

/**
 * Always inside a transaction (the caller's, else a shared one): the case is part of that work,
 * and a savepoint of its own would cost two round trips and undo nothing alone.
 */
async function openCaseIn(
  ctx: Ctx,
  actor: Actor,
  input: CreateCaseInput,
  options: OpenOptions,
): Promise<{ case: CaseDto; trackingToken: string; messageEventId: string | null }> {
  const now = ctx.clock.now();
  // The references and the customer are read together (one round trip); the customer is only
  // written once the references hold.
  const [refsRead, customerRead] = await Promise.allSettled([
    resolveRefs(ctx, {
      brandId: input.brandId,
      storeId: input.storeId,
      teamId: input.teamId,
      assigneeId: input.assigneeId,
      reason: input.reason,
    }),
    'id' in input.customer
      ? options.resolved?.id === input.customer.id
        ? options.resolved
        : loadCustomer(ctx, input.customer.id).then((c) => ({ id: c.id, displayName: c.displayName, language: c.language, contact: null }))
      : lookUpCustomer(ctx, { ...input.customer, seenOn: input.channel }),
  ]);
  if (refsRead.status === 'rejected') throw refsRead.reason;
  const refs = refsRead.value;
  const brandId = input.brandId ?? refs.storeBrandId ?? refs.onlyBrandId;
  if (!brandId) {
    throw new AppError('validation_failed', 'brandId: required when there are several brands and no store', {
      errors: [{ field: 'brandId', message: 'required' }],
    });
  }
  if (input.storeId && refs.storeBrandId !== brandId) {
    throw new AppError('validation_failed', 'storeId: the store belongs to another brand', {
      errors: [{ field: 'storeId', message: 'belongs to another brand' }],
    });
  }
  const storeId = input.storeId ?? null;
  if (caseAccess(actor.scope, { brandId, storeId }) !== 'full') {
    throw forbidden('You can only open cases for your own brands and stores');
  }
  if (customerRead.status === 'rejected') throw customerRead.reason;

  const token = newTrackingToken();
  const clocks = await planNewCaseClocks(
    ctx,
    { channel: input.channel, priority: input.priority, brandId, storeId, teamId: input.teamId ?? null, reason: refs.reason?.key ?? null },
    now,
    !!input.message,
  );
  const found = customerRead.value;
  const who: Pick<ResolvedCustomer, 'id' | 'displayName' | 'language'> & { contact: ResolvedCustomer['contact'] | null } =
    'identities' in found ? await settleCustomer(ctx, found) : found;
  const year = yearIn(ctx.config.defaults.timezone, now);
  const draft: Omit<CaseRow, 'number' | 'seq'> = {
    id: uuidv7(now.getTime()),
    year,
    customerId: who.id,
    brandId,
    storeId,
    channel: input.channel,
    reasonId: refs.reason?.id ?? null,
    priority: input.priority,
    status: 'new',
    stepId: refs.initialStep?.id ?? null,
    teamId: input.teamId ?? null,
    assigneeId: input.assigneeId ?? null,
    tags: [...new Set(input.tags)],
    language: input.language ?? who.language,
    subject: input.subject,
    orderRef: input.orderRef ?? null,
    product: input.product ?? null,
    notifyVia: input.notifyVia ?? null,
    holder: null,
    slaDueAt: clocks.dueAt,
    slaBreachedAt: null,
    trackingTokenHash: digest(token),
    trackingTokenSealed: ctx.secrets.seal(token),
    lastActivityAt: now,
    lastCustomerMessageAt: input.message ? now : null,
    firstAgentReplyAt: null,
    lastAgentReplyAt: null,
    solvedAt: null,
    closedAt: null,
    customerMessageCount: input.message ? 1 : 0,
    agentMessageCount: 0,
    mergedIntoId: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const [drawn] = await insertCase.rows(ctx.db, { row: rowJson(savCase, draft), prefix: ctx.config.defaults.casePrefix, year });
  const row: CaseRow = { ...draft, number: drawn!.number, seq: Number(drawn!.seq) };
  const number = row.number;

  const events: NewEvent[] = [
    {
      // Ids drawn in the timeline's order: the message's is needed before it is written.
      id: uuidv7(now.getTime()),
      type: 'case_created',
      ...actorColumns(actor),
      channel: input.channel,
      visibility: 'public',
      data: { number, subject: input.subject, channel: input.channel },
    },
  ];
  const firstMessage = input.message
    ? {
        eventId: uuidv7(now.getTime()),
        bodyText: input.message,
        data: { subject: input.subject, ...(actor.userId ? { recordedBy: actor.userId } : {}), ...options.messageData, ...(options.noAutoReply ? { noAutoReply: options.noAutoReply } : {}) },
      }
    : null;
  if (firstMessage) {
    events.push({
      id: firstMessage.eventId,
      type: 'message_in',
      actorType: 'customer',
      actorCustomerId: who.id,
      channel: input.channel,
      visibility: 'public',
      bodyText: firstMessage.bodyText,
      data: firstMessage.data,
    });
  }
  const presentedClocks = clocks.clocks.map((c) => presentClock(c, now));
  const named = 'id' in input.customer ? null : input.customer;
  // Left before the events are written: their in-transaction subscribers read it.
  leaveOpenedCase(ctx.db, {
    row,
    customer: { firstName: named?.firstName ?? null, lastName: named?.lastName ?? null, displayName: who.displayName },
    contact: who.contact,
    brandName: refs.brandName ?? '',
    storeName: refs.storeName,
    step: refs.initialStep ? { key: refs.initialStep.key, labelFr: refs.initialStep.label_fr, labelEn: refs.initialStep.label_en } : null,
    clocks: presentedClocks,
    noAutoReply: options.noAutoReply ?? null,
    firstMessage,
  });
  // The events and the clocks go in one round trip.
  await Promise.all([appendEvents(ctx, row, [...events, ...clocks.events], now), saveClocks(ctx, row.id, clocks.clocks)]);
  await ctx.events.emit(ctx.db, {
    type: 'case.created',
    caseId: row.id,
    number,
    channel: row.channel,
    customerId: who.id,
    brandId,
    storeId,
    teamId: row.teamId,
    at: now.toISOString(),
  });
  const listed: CaseListRow = {
    c: row,
    customerName: who.displayName,
    reasonKey: refs.reason?.key ?? null,
    reasonFr: refs.reason?.label_fr ?? null,
    reasonEn: refs.reason?.label_en ?? null,
    stepKey: refs.initialStep?.key ?? null,
    stepFr: refs.initialStep?.label_fr ?? null,
    stepEn: refs.initialStep?.label_en ?? null,
    stepHolder: refs.initialStep?.holder ?? null,
  };
  return {
    case: presentCase(listed, 'full', actor.language, presentedClocks),
    trackingToken: token,
    messageEventId: firstMessage?.eventId ?? null,
  };
}

export async function getCase(ctx: Ctx, actor: Actor, id: string): Promise<CaseDto> {
  requirePermission(actor, 'cases.read');
  const { row, access } = await loadVisibleCase(ctx, actor, id);
  const [presented] = await presentCases(ctx, [row], () => access, actor.language);
  return presented!;
}
