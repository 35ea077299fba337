// Sending a delivery on a social or messaging network: the account the customer wrote us by,
// the message of theirs it answers (a public reply goes under it; its time opens Meta's and
// WhatsApp's 24-hour windows), the audience the agent chose, then the connector's `send`.
// What was sent is recorded as an outbound social_message with its network id, so that the
// customer's answer to it finds the case (message_ref), and the social inbox shows it.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { accountSecrets } from '../accounts/accounts.service.ts';
import { ProviderError } from '../provider-errors.ts';
import { connectorFor } from '../registry.ts';
import type { Channel } from '../../modules/cases/cases.contract.ts';
import type { SocialOutbound } from './social.types.ts';

export interface NetworkDelivery {
  id: string;
  eventId: string;
  caseId: string;
  channel: string;
  recipient: string;
}

interface Target {
  audience: 'public' | 'private' | null;
  template: SocialOutbound['template'];
  account_id: string | null;
  provider_id: string | null;
  in_audience: 'public' | 'private' | null;
  data: Record<string, unknown> | null;
  posted_at: Date | string | null;
}

/**
 * One statement: the reply's own choices and the customer's latest message on this network for
 * the case — of the audience the reply goes to when there is one (a public answer goes under
 * their latest tweet even when a DM came since; an automatic message answers their private ones).
 */
async function targetOf(ctx: Ctx, d: NetworkDelivery, automatic: boolean): Promise<Target | undefined> {
  const [t] = await queryRows<Target>(
    ctx.db,
    sql`SELECT e.data ->> 'audience' AS audience, e.data -> 'template' AS template,
          m.account_id, m.provider_id, m.audience AS in_audience, m.data, m.posted_at
        FROM case_event e
        LEFT JOIN LATERAL (
          SELECT account_id, provider_id, audience, data, posted_at FROM social_message
          WHERE case_id = e.case_id AND channel = ${d.channel} AND direction = 'in'
          ORDER BY (audience = COALESCE(${automatic ? 'private' : null}::text, e.data ->> 'audience', audience)) DESC, posted_at DESC LIMIT 1
        ) m ON true
        WHERE e.id = ${d.eventId}`,
  );
  return t;
}

/**
 * Sends through the network's connector and records what went; returns the network's id.
 * `automatic`: written by the system, which never posts in public.
 */
export async function sendOnNetwork(ctx: Ctx, d: NetworkDelivery, text: string, automatic: boolean): Promise<string> {
  const t = await targetOf(ctx, d, automatic);
  if (!t?.account_id) throw new ProviderError('rejected', `the customer has not written on ${d.channel} for this case: there is no conversation to answer`);
  const account = await ctx.accounts.account(ctx.db, t.account_id);
  const connector = account ? connectorFor(account.channel) : undefined;
  if (!account || !connector?.send) throw new ProviderError('not_configured', `no connector sends ${d.channel} messages for this account`);
  if (account.state !== 'active') throw new ProviderError('not_configured', `the ${account.name} account is ${account.state}`);
  const audience = automatic ? 'private' : (t.audience ?? t.in_audience ?? 'private');
  const now = ctx.clock.now();
  const out: SocialOutbound = {
    account,
    secrets: accountSecrets(ctx, account),
    channel: d.channel as Channel,
    recipient: d.recipient,
    audience,
    text,
    replyTo: t.provider_id ? { providerId: t.provider_id, audience: t.in_audience ?? 'private', data: t.data ?? {}, sentAt: new Date(t.posted_at!) } : null,
    template: t.template ?? null,
    now,
  };
  const sent = await connector.send(ctx, out);
  await recordSent(ctx, d, account.id, audience, sent.providerId, now);
  return sent.providerId;
}

/** The outbound row and the reference answers to it will name, in one statement. */
async function recordSent(ctx: Ctx, d: NetworkDelivery, accountId: string, audience: 'public' | 'private', providerId: string, now: Date): Promise<void> {
  await ctx.db.execute(sql`
    WITH ref AS (
      INSERT INTO message_ref (channel, ref, case_id, event_id, created_at)
      VALUES (${d.channel}, ${providerId}, ${d.caseId}, ${d.eventId}, ${now.toISOString()}) ON CONFLICT DO NOTHING
    )
    INSERT INTO social_message (event_id, case_id, account_id, channel, direction, audience, provider_id, author_id, posted_at)
    VALUES (${d.eventId}, ${d.caseId}, ${accountId}, ${d.channel}, 'out', ${audience}, ${providerId}, ${d.recipient}, ${now.toISOString()})
    ON CONFLICT (event_id) DO UPDATE SET provider_id = EXCLUDED.provider_id, posted_at = EXCLUDED.posted_at`);
}
