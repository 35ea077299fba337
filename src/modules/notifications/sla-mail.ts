// Internal SLA mails: a warning to the case's assignee before a promised deadline passes, and
// an escalation to the lead of the case's team when it has passed (if the policy says so).
// They link to the case in the agent app. No customer timeline event (the sweep already wrote
// the clock's); a job with retries sends them, and a mail that cannot go is logged.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { messageIdDomain } from '../../channels/email/email-sender.ts';
import { asProviderError, decideAfterFailure } from '../../channels/provider-errors.ts';
import type { DomainEvent } from '../../domain-events.ts';
import { jobType, PermanentJobError } from '../../platform/jobs/job-types.ts';
import type { JobRun } from '../../platform/jobs/registry.ts';
import { appUser } from '../access/access.schema.ts';
import { team } from '../org/org.schema.ts';
import { clockMetrics } from '../sla/sla.contract.ts';
import { formatDateTime } from '../sla/deadline-text.ts';
import { customerName, loadCaseFacts, type CaseFacts } from './case-facts.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { composeMessage, htmlOf } from './compose.ts';
import { metricLabel, nobody } from './notifications.catalog.ts';
import { effectiveTemplate } from './templates.service.ts';

export const slaMailJob = jobType(
  'notifications.sla-mail',
  z.object({
    kind: z.enum(['warning', 'escalation']),
    caseId: z.uuid(),
    metric: z.enum(clockMetrics),
    deadline: z.iso.datetime({ offset: true }),
    teamId: z.uuid().nullable(),
    assigneeId: z.uuid().nullable(),
  }),
  { retry: { maxAttempts: 6, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000 }, timeoutMs: 5 * 60_000 },
);
export type SlaMail = z.infer<typeof slaMailJob.schema>;

type SlaEvent = Extract<DomainEvent, { type: 'sla.warned' | 'sla.breached' }>;

export function slaMailOf(e: SlaEvent): SlaMail {
  return { kind: e.type === 'sla.warned' ? 'warning' : 'escalation', caseId: e.caseId, metric: e.metric, deadline: e.deadline, teamId: e.teamId, assigneeId: e.assigneeId };
}

export interface SlaFacts {
  metric: SlaMail['metric'];
  deadline: string;
  recipientName: string;
  teamName: string;
  assigneeName: string | null;
}

/** The variables of the SLA mails (an agent reads them: times in the business's zone). */
export function slaVariables(ctx: Pick<Ctx, 'config'>, facts: CaseFacts, language: Language, s: SlaFacts): Record<string, string> {
  return {
    'case.number': facts.c.number,
    'case.subject': facts.c.subject,
    'customer.name': customerName(facts.customer),
    'brand.name': facts.brandName,
    'case.url': `${ctx.config.http.publicUrl}/cases/${facts.c.id}`,
    'sla.metric': metricLabel(language, s.metric),
    'sla.deadline': formatDateTime(Date.parse(s.deadline), ctx.config.defaults.timezone, language),
    'agent.firstName': s.recipientName.split(/\s+/)[0] ?? '',
    'team.name': s.teamName,
    'assignee.name': s.assigneeName ?? nobody(language),
  };
}

async function userById(ctx: Ctx, id: string | null) {
  if (!id) return undefined;
  const [u] = await ctx.db.select({ email: appUser.email, name: appUser.name, language: appUser.language, active: appUser.active }).from(appUser).where(eq(appUser.id, id));
  return u?.active ? u : undefined;
}

export async function sendSlaMail(ctx: Ctx, p: SlaMail, run: JobRun): Promise<void> {
  const [t] = p.teamId ? await ctx.db.select({ name: team.name, leadUserId: team.leadUserId }).from(team).where(eq(team.id, p.teamId)) : [];
  const assignee = await userById(ctx, p.assigneeId);
  const recipient = p.kind === 'warning' ? assignee : await userById(ctx, t?.leadUserId ?? null);
  const facts = await loadCaseFacts(ctx, p.caseId);
  if (!recipient || !facts) {
    ctx.log.info({ caseId: p.caseId, kind: p.kind }, 'SLA mail not sent: nobody to send it to');
    return;
  }
  const language = recipient.language;
  const key = p.kind === 'warning' ? 'sla_warning' : 'sla_escalation';
  const template = await effectiveTemplate(ctx, { key, channel: 'email', language });
  const message = composeMessage(
    template,
    'email',
    slaVariables(ctx, facts, language, { metric: p.metric, deadline: p.deadline, recipientName: recipient.name, teamName: t?.name ?? '', assigneeName: assignee?.name ?? null }),
  );
  try {
    await ctx.channels.email.send({
      to: recipient.email,
      subject: message.subject ?? '',
      text: message.text,
      html: htmlOf(message, 'email', language),
      // The same id on every try: a relay that got it once can tell the repeat.
      messageId: `sla-${p.kind}-${p.metric}-${Date.parse(p.deadline)}-${p.caseId}@${messageIdDomain(ctx.config.outbound.mail.from)}`,
      automatic: true,
    });
  } catch (error) {
    const failure = asProviderError(error);
    const decision = decideAfterFailure(failure, run.attempt, run.maxAttempts);
    const where = { caseId: p.caseId, kind: p.kind, to: recipient.email, err: failure };
    if (decision.action === 'fail') {
      ctx.log.error(where, `SLA mail failed: ${decision.detail}`);
      throw new PermanentJobError(decision.detail, { cause: failure });
    }
    ctx.log.warn(where, `SLA mail will be retried: ${decision.detail}`);
    throw failure;
  }
}
