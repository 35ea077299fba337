// The acknowledgment: within seconds of a case opening, the customer hears back on the channel
// they used, with the case number, the exact date and time of our first answer (the SLA
// clock the system tracks, not a guess), what happens next and the tracking link. It is
// written in the transaction that opens the case (acknowledgeWithCase), so only its delivery
// job stands between the customer and the message: as a job of its own it queued behind a
// burst of new cases (p50 14.7 s for 1,000 at once, measured). Exactly one per case: the case
// row is locked and an earlier acknowledgment looked for before writing, so the fallback job,
// run twice or concurrently, sends one.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { hit } from '../../platform/http/rate-limit.ts';
import { jobType } from '../../platform/jobs/job-types.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { caseEvent } from '../cases/cases.schema.ts';
import { acknowledgmentVariables, factsOfOpened, loadCaseFacts, type CaseFacts } from './case-facts.ts';
import { composeMessage, type ComposedMessage } from './compose.ts';
import { sendAutomaticMessage } from './deliveries.ts';
import { openedCase } from '../cases/opened-case.ts';
import { addressesFrom, addressesOf, addressesOfCase, chooseDestination, type Destination } from './destination.ts';
import { templateChannelOf, type TemplateChannel } from './notifications.contract.ts';
import { effectiveTemplate } from './templates.service.ts';

export const acknowledgeJob = jobType('notifications.acknowledge', z.object({ caseId: z.uuid() }), {
  retry: { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 10 * 60_000 },
  timeoutMs: 60_000,
});

/** Where this case's acknowledgment goes (the same rule as every message to the customer). */
export async function acknowledgmentDestination(ctx: Ctx, f: CaseFacts): Promise<Destination> {
  return chooseDestination(f.c.notifyVia, f.c.channel, await addressesOfCase(ctx, f.c));
}

export async function composeAcknowledgment(ctx: Ctx, f: CaseFacts, channel: TemplateChannel, language: Language): Promise<ComposedMessage> {
  const template = await effectiveTemplate(ctx, { key: 'acknowledgment', channel, language });
  return composeMessage(template, channel, acknowledgmentVariables(ctx, f, language));
}

async function alreadyAcknowledged(ctx: Ctx, caseId: string): Promise<boolean> {
  const [found] = await ctx.db
    .select({ id: caseEvent.id })
    .from(caseEvent)
    .where(and(eq(caseEvent.caseId, caseId), eq(caseEvent.type, 'message_out'), sql`${caseEvent.data} ->> 'kind' = 'acknowledgment'`))
    .limit(1);
  return !!found;
}

export type AcknowledgmentOutcome = 'sent' | 'already_sent' | 'not_needed' | 'no_case';

/**
 * In the transaction opening the case. Whatever goes wrong here (a template an admin broke,
 * say) must not lose the customer's case: the attempt is undone (a savepoint) and the
 * acknowledgment job takes over, with its retries.
 */
export async function acknowledgeWithCase(ctx: Ctx, caseId: string): Promise<void> {
  // Everything that can fail for a reason of ours is done before the first write, so a
  // failure leaves the transaction as it was (no savepoint needed) and the job takes over.
  let composed: { facts: CaseFacts; destination: Destination; message: ComposedMessage } | null;
  try {
    const opened = openedCase(ctx.db, caseId);
    const facts = opened ? factsOfOpened(opened) : await loadCaseFacts(ctx, caseId, { nextStep: false });
    if (!facts) throw new Error(`case ${caseId} is not visible in its own transaction`);
    const addresses = opened?.contact ? addressesFrom(opened.contact) : await addressesOf(ctx, facts.c.customerId);
    // A robot, a list or a bounce gets no answer: the acknowledgment is recorded as not sent.
    let destination: Destination = opened?.noAutoReply
      ? { channel: 'email', recipient: '', suppressed: `no automatic answer: ${opened.noAutoReply}` }
      : chooseDestination(facts.c.notifyVia, facts.c.channel, addresses);
    // Mail that answers mail can loop with a robot we did not recognise: one address gets a
    // few acknowledgments an hour at most.
    if (facts.c.channel === 'email' && !destination.suppressed) {
      const max = ctx.config.email.ackPerSenderPerHour;
      const { count } = await hit(ctx.db, { key: `ack:${destination.recipient}`, max, windowMs: 3_600_000 }, ctx.clock.now());
      if (count > max) destination = { channel: 'email', recipient: '', suppressed: `more than ${max} acknowledgments to ${destination.recipient} within an hour` };
    }
    composed = { facts, destination, message: await composeAcknowledgment(ctx, facts, templateChannelOf(destination.channel), facts.c.language) };
  } catch (error) {
    ctx.log.warn({ err: error, caseId }, 'acknowledgment not written with the case; queued to retry');
    await ctx.jobs.enqueue(ctx.db, acknowledgeJob, { caseId });
    return;
  }
  const { facts, destination, message } = composed;
  await sendAutomaticMessage(ctx, facts.c, { kind: 'acknowledgment', template: 'acknowledgment', destination, message, language: facts.c.language });
}

export async function acknowledgeCase(ctx: Ctx, caseId: string): Promise<AcknowledgmentOutcome> {
  return inTransaction(ctx, async (tx) => {
    const facts = await loadCaseFacts(tx, caseId, { lock: true });
    if (!facts) return 'no_case';
    if (await alreadyAcknowledged(tx, caseId)) return 'already_sent';
    // Answered or closed before this job could run (a worker outage): promising a first
    // answer that was already given would only confuse the customer.
    if (facts.c.firstAgentReplyAt || facts.c.status === 'solved' || facts.c.status === 'closed') {
      tx.log.info({ caseId }, 'acknowledgment not sent: the case was answered or closed first');
      return 'not_needed';
    }
    const destination = await acknowledgmentDestination(tx, facts);
    const language = facts.c.language;
    const message = await composeAcknowledgment(tx, facts, templateChannelOf(destination.channel), language);
    await sendAutomaticMessage(tx, facts.c, { kind: 'acknowledgment', template: 'acknowledgment', destination, message, language });
    return 'sent';
  });
}
