// Social messages for tests, built the way the social pipeline records them: a channel account,
// then for each message a case opened through the case service (the message on its timeline,
// its files in the event's data), and its social_message row triaged by the real triage.
// Until a connector's end-to-end path is in a test, this is how the social inbox gets data.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../src/context.ts';
import { channelAccount } from '../../src/channels/accounts/accounts.schema.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { uuidv7 } from '../../src/platform/ids.ts';
import { systemActor } from '../../src/modules/access/actor.ts';
import type { Channel } from '../../src/modules/cases/cases.contract.ts';
import { openCase } from '../../src/modules/cases/cases.service.ts';
import { triageMessage } from '../../src/modules/social/triage.ts';

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
  brandId: string;
  channel?: Channel;
  audience?: 'public' | 'private';
  text: string;
  /** The public handle; default one made up on X and Instagram, none elsewhere (Facebook shows names). */
  handle?: string | null;
  name?: string;
  followers?: number | null;
  verified?: boolean;
  media?: { kind: 'photo' | 'video' | 'audio' | 'file'; url?: string | null; contentType?: string | null }[];
  priorComplaints?: number;
  postedAt: Date;
  respondedAt?: Date | null;
  storeId?: string;
  teamId?: string;
}

export async function buildSocialMessage(ctx: Ctx, f: SocialMessageFixture): Promise<{ eventId: string; caseId: string; number: string; urgency: number; signals: string[] }> {
  n++;
  const channel = f.channel ?? 'x';
  const handle = f.handle !== undefined ? f.handle : channel === 'x' || channel === 'instagram' ? `client_${n}` : null;
  const authorId = `id-${handle ?? n}`;
  const media = (f.media ?? []).map((m) => ({ kind: m.kind, url: m.url ?? null, contentType: m.contentType ?? null }));
  const triage = triageMessage({ text: f.text, language: null, media, followers: f.followers ?? null, verified: f.verified ?? false, priorComplaints: f.priorComplaints ?? 0 });
  const at = { ...ctx, clock: fixedClock(f.postedAt) };
  const opened = await openCase(
    at,
    systemActor(`channel:${channel}`),
    {
      customer: { displayName: f.name ?? `@${handle ?? authorId}` },
      subject: `${handle ? `@${handle}` : (f.name ?? authorId)} : ${f.text.slice(0, 60)}`,
      message: f.text,
      channel,
      brandId: f.brandId,
      ...(f.storeId ? { storeId: f.storeId } : {}),
      ...(f.teamId ? { teamId: f.teamId } : {}),
      priority: 'normal',
      tags: [],
    },
    { messageData: { audience: f.audience ?? 'public', ...(media.length ? { media } : {}) }, noAutoReply: 'a public message' },
  );
  const eventId = opened.messageEventId!;
  const providerId = `${n}${Date.now()}`;
  await ctx.db.execute(sql`
    INSERT INTO social_message (event_id, case_id, account_id, channel, direction, audience, provider_id, author_id, author_handle, author_name,
      followers, urgency, signals, url, data, posted_at, responded_at)
    VALUES (${eventId}, ${opened.case.id}, ${f.accountId}, ${channel}, 'in', ${f.audience ?? 'public'}, ${providerId}, ${authorId},
      ${handle}, ${f.name ?? null}, ${f.followers ?? null}, ${triage.urgency}, ${sql.param(triage.signals)}::text[],
      ${channel === 'x' ? `https://x.com/${handle}/status/${providerId}` : `https://www.facebook.com/${providerId}`}, '{}'::jsonb, ${f.postedAt.toISOString()}::timestamptz, ${f.respondedAt?.toISOString() ?? null}::timestamptz)`);
  return { eventId, caseId: opened.case.id, number: opened.case.number, urgency: triage.urgency, signals: triage.signals };
}
