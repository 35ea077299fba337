// Social messages for tests: a channel account (written directly, no network's connector
// needed), and messages handed to the shared social pipeline as a connector hands them, so
// the cases, timelines and triaged social_message rows are the ones production writes.
import { sql } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../src/context.ts';
import { channelAccount } from '../../src/channels/accounts/accounts.schema.ts';
import type { StoredInbound } from '../../src/channels/connector.ts';
import { processSocialEvent } from '../../src/channels/social/social.process.ts';
import type { SocialMessage } from '../../src/channels/social/social.types.ts';
import { queryRows } from '../../src/platform/db/database.ts';
import { uuidv7 } from '../../src/platform/ids.ts';
import { systemActor } from '../../src/modules/access/actor.ts';
import { updateCase } from '../../src/modules/cases/case-changes.ts';
import type { Channel } from '../../src/modules/cases/cases.contract.ts';

let n = 0;

export async function buildSocialAccount(
  ctx: Ctx,
  over: { name?: string; channel?: string; brandId?: string | null; storeId?: string | null; teamId?: string | null; settings?: Record<string, unknown> } = {},
): Promise<string> {
  n++;
  const id = uuidv7();
  const now = ctx.clock.now();
  await ctx.db.insert(channelAccount).values({
    id,
    channel: over.channel ?? 'x',
    name: over.name ?? `Compte social ${n}`,
    address: `social-${n}-${id.slice(-8)}`,
    brandId: over.brandId ?? null,
    storeId: over.storeId ?? null,
    teamId: over.teamId ?? null,
    settings: over.settings ?? {},
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

export interface SocialMessageFixture {
  accountId: string;
  channel?: Channel;
  audience?: 'public' | 'private';
  text: string;
  /** The public handle; default one made up on X and Instagram, none elsewhere (Facebook shows names). */
  handle?: string | null;
  name?: string;
  followers?: number | null;
  verified?: boolean;
  media?: { kind: 'photo' | 'video' | 'audio' | 'file'; url?: string | null; contentType?: string | null }[];
  postedAt: Date;
  /** When we first answered: what the delivery job stamps once a reply went out. */
  respondedAt?: Date | null;
  /** Where the case is moved once opened (as an agent would), when not where the account puts it. */
  storeId?: string;
  teamId?: string;
}

/**
 * One message through the shared social pipeline, as a connector hands it over: stored as the
 * webhook stores it, then processed in a transaction as the inbound job does (customer, case,
 * timeline, triage, social_message row).
 */
export async function buildSocialMessage(ctx: Ctx, f: SocialMessageFixture): Promise<{ eventId: string; caseId: string; number: string; urgency: number; signals: string[] }> {
  n++;
  const account = await ctx.accounts.account(ctx.db, f.accountId);
  if (!account) throw new Error(`no channel account ${f.accountId}`);
  const channel = f.channel ?? 'x';
  const handle = f.handle !== undefined ? f.handle : channel === 'x' || channel === 'instagram' ? `client_${n}` : null;
  const providerId = `${Date.now()}${String(n).padStart(4, '0')}`;
  const event: SocialMessage = {
    kind: 'message',
    channel,
    providerId,
    audience: f.audience ?? 'public',
    own: false,
    text: f.text,
    media: (f.media ?? []).map((m) => ({ kind: m.kind, url: m.url ?? null, contentType: m.contentType ?? null })),
    refs: [],
    url: channel === 'x' ? `https://x.com/${handle}/status/${providerId}` : `https://www.facebook.com/${providerId}`,
    sentAt: f.postedAt,
    data: {},
    author: { identity: { kind: channel === 'x' ? 'x' : 'facebook', value: `${handle ?? 'fb'}${n}` }, handle, displayName: f.name ?? null, followers: f.followers ?? null, verified: f.verified ?? false },
  };
  const raw = Buffer.from(JSON.stringify(event));
  const id = uuidv7();
  await ctx.db.execute(sql`INSERT INTO inbound_message (id, account_id, channel, provider_id, received_at, raw, size, summary, state)
    VALUES (${id}, ${account.id}, ${account.channel}, ${providerId}, ${f.postedAt.toISOString()}::timestamptz, ${raw}, ${raw.length}, '{}'::jsonb, 'received')`);
  const row: StoredInbound = { id, raw, receivedAt: f.postedAt, account };
  const outcome = await inTransaction(ctx, (tx) => processSocialEvent(tx, row, event));
  if (outcome.state !== 'processed' || !outcome.eventId || !outcome.caseId) throw new Error(`the pipeline did not take the message: ${JSON.stringify(outcome)}`);
  const { eventId, caseId } = outcome;
  if (f.storeId || f.teamId) await updateCase(ctx, systemActor('test'), caseId, { ...(f.storeId ? { storeId: f.storeId } : {}), ...(f.teamId ? { teamId: f.teamId } : {}) });
  if (f.respondedAt) await ctx.db.execute(sql`UPDATE social_message SET responded_at = ${f.respondedAt.toISOString()}::timestamptz WHERE event_id = ${eventId}`);
  const [written] = await queryRows<{ urgency: number; signals: string[]; number: string }>(
    ctx.db,
    sql`SELECT m.urgency, m.signals, c.number FROM social_message m JOIN sav_case c ON c.id = m.case_id WHERE m.event_id = ${eventId}`,
  );
  return { eventId, caseId, number: written!.number, urgency: written!.urgency, signals: written!.signals };
}
