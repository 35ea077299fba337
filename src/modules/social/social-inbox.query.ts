// The social inbox: every public mention and comment that came in on any of the accounts,
// across networks, with its case and its triage, the angriest first. A reader sees the
// messages of the cases they fully work (their brands and stores, as in the cases list);
// the case's team and store filters are the inbox's own (cases/case-filters.ts).
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { channelAccount } from '../../channels/accounts/accounts.schema.ts';
import { socialMessage } from '../../channels/social/social.schema.ts';
import { decodeCursor, paginate, type CursorValue } from '../../platform/http/pagination.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { filterConditions, scopeConditions } from '../cases/case-filters.ts';
import { caseEvent, savCase } from '../cases/cases.schema.ts';
import type { SocialInboxQuery, SocialMessageDto, SocialSortOrder } from './social.contract.ts';

const m = socialMessage;

const columns = {
  eventId: m.eventId,
  channel: m.channel,
  accountId: m.accountId,
  accountName: channelAccount.name,
  authorId: m.authorId,
  authorHandle: m.authorHandle,
  authorName: m.authorName,
  followers: m.followers,
  text: caseEvent.bodyText,
  eventData: caseEvent.data,
  url: m.url,
  urgency: m.urgency,
  signals: m.signals,
  postedAt: m.postedAt,
  respondedAt: m.respondedAt,
  caseId: savCase.id,
  number: savCase.number,
  subject: savCase.subject,
  status: savCase.status,
  brandId: savCase.brandId,
  teamId: savCase.teamId,
  storeId: savCase.storeId,
  assigneeId: savCase.assigneeId,
};

function selectMessages(ctx: Ctx) {
  return ctx.db
    .select(columns)
    .from(m)
    .innerJoin(savCase, eq(savCase.id, m.caseId))
    .innerJoin(caseEvent, eq(caseEvent.id, m.eventId))
    .innerJoin(channelAccount, eq(channelAccount.id, m.accountId));
}
type Row = Awaited<ReturnType<ReturnType<typeof selectMessages>['execute']>>[number];

interface Sort {
  by: SQL[];
  key: (r: Row) => CursorValue[];
  after: (cursor: CursorValue[]) => SQL;
}

const at = (v: CursorValue) => sql`${v}::timestamptz`;
const audience = sql`coalesce(${m.followers}, -1)`;

function sortOf(sort: SocialSortOrder): Sort {
  switch (sort) {
    // The angriest first; among equals, the one waiting longest.
    case 'urgency':
      return {
        by: [sql`${m.urgency} DESC`, sql`${m.postedAt} ASC`, sql`${m.eventId} ASC`],
        key: (r) => [r.urgency, r.postedAt.toISOString(), r.eventId],
        after: ([u, t, id]) => sql`(-${m.urgency}, ${m.postedAt}, ${m.eventId}) > (-${u}::int, ${at(t!)}, ${id}::uuid)`,
      };
    case 'newest':
      return {
        by: [sql`${m.postedAt} DESC`, sql`${m.eventId} DESC`],
        key: (r) => [r.postedAt.toISOString(), r.eventId],
        after: ([t, id]) => sql`(${m.postedAt}, ${m.eventId}) < (${at(t!)}, ${id}::uuid)`,
      };
    case 'oldest':
      return {
        by: [sql`${m.postedAt} ASC`, sql`${m.eventId} ASC`],
        key: (r) => [r.postedAt.toISOString(), r.eventId],
        after: ([t, id]) => sql`(${m.postedAt}, ${m.eventId}) > (${at(t!)}, ${id}::uuid)`,
      };
    // The loudest authors first (unknown audiences last); among equals, the one waiting longest.
    case 'audience':
      return {
        by: [sql`${audience} DESC`, sql`${m.postedAt} ASC`, sql`${m.eventId} ASC`],
        key: (r) => [r.followers ?? -1, r.postedAt.toISOString(), r.eventId],
        after: ([f, t, id]) => sql`(-${audience}, ${m.postedAt}, ${m.eventId}) > (-${f}::int, ${at(t!)}, ${id}::uuid)`,
      };
  }
}

const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

function messageConditions(q: SocialInboxQuery): SQL[] {
  const where: SQL[] = [sql`${m.direction} = 'in'`, sql`${m.audience} = 'public'`];
  if (q.accountId?.length) where.push(sql`${m.accountId} = ANY(${uuids(q.accountId)})`);
  if (q.channel?.length) where.push(sql`${m.channel} = ANY(${`{${q.channel.join(',')}}`}::text[])`);
  if (q.answered === 'true') where.push(sql`${m.respondedAt} IS NOT NULL`);
  if (q.answered === 'false') where.push(sql`${m.respondedAt} IS NULL`);
  if (q.minUrgency !== undefined) where.push(sql`${m.urgency} >= ${q.minUrgency}`);
  if (q.signal?.length) where.push(sql`${m.signals} @> ${`{${q.signal.join(',')}}`}::text[]`);
  if (q.from) where.push(sql`${m.postedAt} >= ${q.from}::timestamptz`);
  if (q.to) where.push(sql`${m.postedAt} < ${q.to}::timestamptz`);
  return where;
}

/** What connectors record of a message's files, as the timeline event keeps it (data.media). */
function mediaOf(data: Record<string, unknown>): SocialMessageDto['media'] {
  const media = Array.isArray(data.media) ? (data.media as Record<string, unknown>[]) : [];
  return media
    .filter((x) => x && ['photo', 'video', 'audio', 'file'].includes(x.kind as string))
    .map((x) => ({
      kind: x.kind as SocialMessageDto['media'][number]['kind'],
      url: typeof x.url === 'string' ? x.url : null,
      contentType: typeof x.contentType === 'string' ? x.contentType : null,
    }));
}

function present(r: Row): SocialMessageDto {
  return {
    eventId: r.eventId,
    channel: r.channel as SocialMessageDto['channel'],
    account: { id: r.accountId, name: r.accountName },
    author: { id: r.authorId, handle: r.authorHandle, name: r.authorName, followers: r.followers },
    text: r.text ?? '',
    url: r.url,
    media: mediaOf(r.eventData),
    urgency: r.urgency,
    signals: r.signals,
    postedAt: r.postedAt.toISOString(),
    respondedAt: r.respondedAt?.toISOString() ?? null,
    case: {
      id: r.caseId,
      number: r.number,
      subject: r.subject,
      status: r.status,
      brandId: r.brandId,
      teamId: r.teamId,
      storeId: r.storeId,
      assigneeId: r.assigneeId,
    },
  };
}

export async function listSocialInbox(ctx: Ctx, actor: Actor, q: SocialInboxQuery) {
  requirePermission(actor, 'cases.read');
  const order = sortOf(q.sort);
  const where = [
    ...messageConditions(q),
    ...scopeConditions(actor.scope),
    ...filterConditions({ teamId: q.teamId, storeId: q.storeId }, { userId: actor.userId, now: ctx.clock.now(), timeZone: ctx.config.defaults.timezone }),
  ];
  if (q.cursor) where.push(order.after(decodeCursor(q.cursor, order.by.length)));
  const rows = await selectMessages(ctx)
    .where(and(...where))
    .orderBy(...order.by)
    .limit(q.limit + 1);
  const page = paginate(rows, q.limit, order.key);
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}
