// An agent's answer on X, as the delivery job hands it: in public, a reply under the
// customer's latest tweet; in private, a DM to the customer's X user id. What X would refuse
// by its rules (too long, nothing to reply to) is refused here first, in words the agent reads
// on the delivery; what X refuses is mapped by the client.
import type { Ctx } from '../../context.ts';
import { ProviderError } from '../provider-errors.ts';
import type { SocialOutbound } from '../social/social.types.ts';
import { MAX_TWEET_WEIGHT, tweetWeight } from './tweet-length.ts';
import { XClient } from './x-client.ts';
import { xSettingsOf } from './x.settings.ts';

export const MAX_DM_LENGTH = 10_000;

export async function sendOnX(ctx: Pick<Ctx, 'clock'>, out: SocialOutbound): Promise<{ providerId: string }> {
  const settings = xSettingsOf(out.account.settings);
  if (!settings) throw new ProviderError('not_configured', `X account ${out.account.address} has no valid settings (userId, handle)`);
  const accessToken = out.secrets.accessToken;
  if (!accessToken) throw new ProviderError('auth', `X account @${settings.handle} has no access token: nothing can be sent`);
  const client = new XClient({ apiBaseUrl: settings.apiBaseUrl, accessToken, now: () => ctx.clock.now() });

  if (out.audience === 'public') {
    if (out.replyTo?.audience !== 'public') {
      throw new ProviderError('rejected', 'A public answer on X is a reply under the customer’s tweet, and this case has no tweet from them to answer: send it as a private message');
    }
    const weight = tweetWeight(out.text);
    if (weight > MAX_TWEET_WEIGHT) {
      throw new ProviderError('rejected', `A public reply on X is at most ${MAX_TWEET_WEIGHT} characters and this one counts ${weight} (links count 23, emoji 2): shorten it or send it as a private message`);
    }
    return { providerId: (await client.reply(out.text, out.replyTo.providerId)).tweetId };
  }

  const length = [...out.text].length;
  if (length > MAX_DM_LENGTH) {
    throw new ProviderError('rejected', `A private message on X is at most ${MAX_DM_LENGTH.toLocaleString('en')} characters and this one has ${length.toLocaleString('en')}: shorten it`);
  }
  if (!/^\d{1,20}$/.test(out.recipient)) throw new ProviderError('rejected', `"${out.recipient}" is not an X user id: a private message goes to the customer’s X account`);
  return { providerId: (await client.directMessage(out.recipient, out.text)).dmEventId };
}
