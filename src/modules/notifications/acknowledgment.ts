// The acknowledgment: within seconds of a case opening, the customer hears back on the channel
// they used, with the case number, the exact date and time of our first answer (the SLA
// clock the system tracks, not a guess), what happens next and the tracking link. Exactly
// one per case: the job takes the case row's lock and looks for an earlier acknowledgment
// before writing, so a job run twice — or concurrently — sends one.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { jobType } from '../../platform/jobs/job-types.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { caseEvent } from '../cases/cases.schema.ts';
import { acknowledgmentVariables, loadCaseFacts, type CaseFacts } from './case-facts.ts';
import { composeMessage, type ComposedMessage } from './compose.ts';
import { sendAutomaticMessage } from './deliveries.ts';
import { addressesOf, chooseDestination, type Destination } from './destination.ts';
import type { TemplateChannel } from './notifications.contract.ts';
import { effectiveTemplate } from './templates.service.ts';

export const acknowledgeJob = jobType('notifications.acknowledge', z.object({ caseId: z.uuid() }), {
  retry: { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 10 * 60_000 },
  timeoutMs: 60_000,
});

/** Where this case's acknowledgment goes (the same rule as every message to the customer). */
export async function acknowledgmentDestination(ctx: Ctx, f: CaseFacts): Promise<Destination> {
  return chooseDestination(f.c.notifyVia, f.c.channel, await addressesOf(ctx, f.c.customerId));
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
    const message = await composeAcknowledgment(tx, facts, destination.channel, language);
    await sendAutomaticMessage(tx, facts.c, { kind: 'acknowledgment', template: 'acknowledgment', destination, message, language });
    return 'sent';
  });
}
