// The commerce module's background work: processing the shops' stored webhook deliveries, and
// reading PrestaShop shops on a schedule (a sweep every few minutes enqueues one poll per active
// shop, at most one waiting or running per shop, so a slow shop never delays the others).
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { jobType } from '../../platform/jobs/job-types.ts';
import type { JobRegistry } from '../../platform/jobs/registry.ts';
import type { Schedule } from '../../platform/jobs/scheduler.ts';
import { orderSource } from './commerce.schema.ts';
import { processOrderWebhook } from './order-webhooks.process.ts';
import { processOrderWebhookJob } from './order-webhooks.store.ts';
import { pollPrestashop } from './prestashop/prestashop.poll.ts';

export const prestashopSweepJob = jobType('commerce.prestashop.sweep', z.object({}), { retry: { maxAttempts: 1 } });

export const prestashopPollJob = jobType('commerce.prestashop.poll', z.object({ sourceId: z.uuid() }), {
  retry: { maxAttempts: 5, baseDelayMs: 30_000 },
  timeoutMs: 10 * 60_000,
});

/** Enqueues a poll for every active PrestaShop source. */
export async function sweepPrestashopSources(ctx: Ctx): Promise<number> {
  const sources = await ctx.db
    .select({ id: orderSource.id })
    .from(orderSource)
    .where(and(eq(orderSource.kind, 'prestashop'), eq(orderSource.state, 'active')));
  let enqueued = 0;
  for (const s of sources) {
    if (await ctx.jobs.enqueue(ctx.db, prestashopPollJob, { sourceId: s.id }, { singletonKey: s.id })) enqueued++;
  }
  return enqueued;
}

export function handleCommerceJobs(registry: JobRegistry<Ctx>): JobRegistry<Ctx> {
  return registry
    .handle(processOrderWebhookJob, async (p, ctx, run) => void (await processOrderWebhook(ctx, p.id, run)))
    .handle(prestashopSweepJob, async (_p, ctx) => void (await sweepPrestashopSources(ctx)))
    .handle(prestashopPollJob, async (p, ctx) => void (await pollPrestashop(ctx, p.sourceId)));
}

export function commerceSchedules(timezone: string): Schedule[] {
  return [{ name: 'prestashop-poll', cron: '*/5 * * * *', timezone, job: prestashopSweepJob, payload: {} } as Schedule];
}
