// Pushing a granted voucher to the customer's Shopify shop as a single-use discount code. The
// gesture says how it went (pending, pushed with the discount's gid, failed with the reason).
// A code the shop already has is drawn again and the gesture takes the new one; a temporary
// failure (network, Shopify down, throttled) is retried by the job; refused credentials fail
// the push at once, and the source is marked failing for an admin to see.
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { asProviderError, decideAfterFailure } from '../../channels/provider-errors.ts';
import { PermanentJobError, RetryJobLater } from '../../platform/jobs/job-types.ts';
import type { JobRun } from '../../platform/jobs/registry.ts';
import { currencyDigits } from '../commerce/money.ts';
import { loadSource, markSourceFailing } from '../commerce/order-sources.service.ts';
import { shopifyClientFor } from '../commerce/shopify/shopify.backfill.ts';
import { createDiscountCode, shopCustomerByEmail } from '../commerce/shopify/shopify.discounts.ts';
import { customerIdentity } from '../customers/customers.schema.ts';
import { savCase } from '../cases/cases.schema.ts';
import { gesture } from './gestures.schema.ts';
import { newVoucherCode } from './voucher-code.ts';

/** How many fresh codes to try when the shop says each is taken. */
const MAX_CODES = 5;
/** A voucher is valid for a year from its grant. */
const VALID_MS = 365 * 24 * 3600_000;

type Push = Partial<Pick<typeof gesture.$inferSelect, 'pushState' | 'pushDetail' | 'discountId' | 'voucherCode'>>;

export async function pushVoucher(ctx: Ctx, gestureId: string, run: Pick<JobRun, 'attempt' | 'maxAttempts'>): Promise<void> {
  const [g] = await ctx.db.select({ g: gesture, number: savCase.number, customerId: savCase.customerId }).from(gesture).innerJoin(savCase, eq(savCase.id, gesture.caseId)).where(eq(gesture.id, gestureId));
  if (!g || g.g.pushState !== 'pending' || !g.g.pushSourceId || !g.g.voucherCode) return;
  const update = (set: Push) => ctx.db.update(gesture).set(set).where(eq(gesture.id, gestureId));
  const source = await loadSource(ctx, g.g.pushSourceId);
  const client = shopifyClientFor(ctx, source);
  if (!client) {
    await update({ pushState: 'failed', pushDetail: 'not_configured: the Shopify source has no Admin API access token' });
    return;
  }
  try {
    const [email] = await ctx.db
      .select({ value: customerIdentity.value })
      .from(customerIdentity)
      .where(and(eq(customerIdentity.customerId, g.customerId), eq(customerIdentity.kind, 'email')))
      .limit(1);
    const customerGid = email ? await shopCustomerByEmail(client, email.value) : null;
    let code = g.g.voucherCode;
    for (let i = 0; i < MAX_CODES; i++) {
      const outcome = await createDiscountCode(client, {
        title: `${g.number} – ${code}`,
        code,
        amount: g.g.costAmount,
        currencyDigits: currencyDigits(g.g.currency),
        startsAt: g.g.grantedAt,
        endsAt: new Date(g.g.grantedAt.getTime() + VALID_MS),
        customerGid,
      });
      if (outcome.state === 'created') {
        await update({ pushState: 'pushed', pushDetail: customerGid ? null : 'for whoever holds the code: the shop has no customer with this e-mail', discountId: outcome.discountId, voucherCode: code });
        return;
      }
      code = newVoucherCode();
    }
    await update({ pushState: 'failed', pushDetail: `rejected: the shop already had ${MAX_CODES} codes drawn in a row` });
  } catch (error) {
    const failure = asProviderError(error);
    const decision = decideAfterFailure(failure, run.attempt, run.maxAttempts);
    if (decision.action === 'fail') {
      await update({ pushState: 'failed', pushDetail: decision.detail });
      if (failure.code === 'auth') await markSourceFailing(ctx, source.id, `Shopify refuses the access token: ${failure.message}`);
      throw new PermanentJobError(decision.detail, { cause: failure });
    }
    await update({ pushDetail: decision.detail });
    if (decision.action === 'retry_at') throw new RetryJobLater(decision.at, decision.detail);
    throw failure;
  }
}
