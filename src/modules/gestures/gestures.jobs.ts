// The gestures module's background work: pushing a voucher to the customer's Shopify shop as a
// discount code, queued in the transaction that granted it (transactional outbox).
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { jobType } from '../../platform/jobs/job-types.ts';
import type { JobRegistry } from '../../platform/jobs/registry.ts';
import { pushVoucher } from './voucher-push.ts';

export const voucherPushJob = jobType('gestures.voucher-push', z.object({ gestureId: z.uuid() }), {
  retry: { maxAttempts: 8, baseDelayMs: 10_000, maxDelayMs: 30 * 60_000 },
  timeoutMs: 60_000,
});

export function handleGestureJobs(registry: JobRegistry<Ctx>): JobRegistry<Ctx> {
  return registry.handle(voucherPushJob, (p, ctx, run) => pushVoucher(ctx, p.gestureId, run));
}
