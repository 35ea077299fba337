// Hourly clean-up of what expires: rate-limit windows, idempotency keys (kept 24 h), ended
// sessions (kept 30 days for the audit trail), files uploaded for a reply never sent (a day),
// failed jobs (kept 30 days for diagnosis), and the presence of case pages closed without a word.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from './context.ts';
import { purgeIdempotencyKeys } from './platform/http/idempotency.ts';
import { purgeExpired } from './platform/http/rate-limit.ts';
import { jobType } from './platform/jobs/job-types.ts';
import { purgeExpiredSessions } from './modules/access/sessions.service.ts';
import { purgeUnsentUploads } from './modules/cases/reply-attachments.ts';
import { PRESENCE_TTL_MS, purgeExpiredPresence } from './modules/collab/presence.service.ts';

const DAY = 86_400_000;

export const housekeepingJob = jobType('platform.housekeeping', z.object({}), { retry: { maxAttempts: 3 } });

export async function runHousekeeping(ctx: Ctx): Promise<void> {
  const now = ctx.clock.now().getTime();
  await purgeExpired(ctx.db, new Date(now - DAY));
  await purgeIdempotencyKeys(ctx.db, new Date(now - DAY));
  await purgeExpiredSessions(ctx, new Date(now - 30 * DAY));
  await purgeUnsentUploads(ctx, new Date(now - DAY));
  await purgeExpiredPresence(ctx, new Date(now - PRESENCE_TTL_MS));
  await ctx.db.execute(sql`DELETE FROM job WHERE state = 'failed' AND finished_at < ${new Date(now - 30 * DAY).toISOString()}`);
}
