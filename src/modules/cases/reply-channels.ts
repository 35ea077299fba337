// Which channels an agent may answer a case on: the case's own, and each other channel the
// customer has an address for (e-mail, a mobile for SMS). A reply by e-mail or SMS to a
// customer without that address is refused before anything is written.
import type { Ctx } from '../../context.ts';
import { invalid } from '../../platform/errors.ts';
import { addressesOfCase, isSocialChannel } from '../notifications/destination.ts';
import type { Channel } from './cases.contract.ts';

export interface ReplyChannel {
  channel: Channel;
  /** Where it goes (the address the delivery will use); null when the delivery chooses (the case's own channel on a form, a call, the counter…). */
  recipient: string | null;
  /** The channel the case came by: the default. */
  caseChannel: boolean;
  /** On a network: whether the answer can go in public (under the customer's post), in private, or both; the first is the default. */
  audiences: ('public' | 'private')[];
}

/** A network where the customer only posted in public is answered in public; private messages can always be answered privately. */
function audiencesOn(channel: Channel, wrotePrivately: boolean): ReplyChannel['audiences'] {
  if (channel === 'x' || channel === 'facebook') return wrotePrivately ? ['private', 'public'] : ['public', 'private'];
  return ['private'];
}

export async function replyChannelsOf(ctx: Ctx, c: { id: string; customerId: string; channel: Channel }): Promise<ReplyChannel[]> {
  const a = await addressesOfCase(ctx, c);
  const recipientOn = (channel: Channel): string | null =>
    channel === 'email'
      ? (a.emails[0] ?? null)
      : channel === 'sms'
        ? (a.mobiles[0] ?? null)
        : channel === 'chat'
          ? (a.chat ?? null)
          : isSocialChannel(channel)
            ? (a.social?.[channel]?.recipient ?? null)
            : null;
  const audiences = (channel: Channel) => (isSocialChannel(channel) ? audiencesOn(channel, a.social?.[channel]?.private ?? false) : ['private' as const]);
  const list: ReplyChannel[] = [{ channel: c.channel, recipient: recipientOn(c.channel), caseChannel: true, audiences: audiences(c.channel) }];
  const others = [...(Object.keys(a.social ?? {}) as Channel[]), 'email' as const, 'sms' as const];
  for (const channel of others) {
    const recipient = recipientOn(channel);
    if (channel !== c.channel && recipient) list.push({ channel, recipient, caseChannel: false, audiences: audiences(channel) });
  }
  return list;
}

/**
 * Refuses (422) a reply on e-mail or SMS when the customer has no address there: the agent
 * chose it on purpose, so it must not go elsewhere unnoticed. Other channels (a social
 * network's private messages, the phone) are recorded as they were given; their delivery
 * goes the usual way (destination.ts).
 */
export async function assertReplyChannel(ctx: Ctx, c: { id: string; customerId: string; channel: Channel }, channel: Channel): Promise<void> {
  if (channel === c.channel || (channel !== 'email' && channel !== 'sms')) return;
  const offered = await replyChannelsOf(ctx, c);
  if (!offered.some((o) => o.channel === channel)) {
    throw invalid('channel', `the customer cannot be reached on ${channel}; answer on ${offered.map((o) => o.channel).join(' or ')}`);
  }
}
