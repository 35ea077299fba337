// An agent's answer on X, as the delivery job hands it: in public, a reply under the
// customer's latest tweet; in private, a DM to the customer's X user id. What X would refuse
// by its rules (too long, nothing to reply to) is refused here first, in words the agent reads
// on the delivery; what X refuses is mapped by the client. A token X refuses (401: its two
// hours are up) is renewed once through the account's refresh token (x-token.ts) and the
// message sent again with the new one.
import type { Ctx } from '../../context.ts';
import { ProviderError } from '../provider-errors.ts';
import type { SocialOutbound } from '../social/social.types.ts';
import { MAX_TWEET_WEIGHT, tweetWeight } from './tweet-length.ts';
import { XClient, XTokenRefused } from './x-client.ts';
import { savedToken, type XTokens } from './x-token.ts';
import { xSettingsOf } from './x.settings.ts';

export const MAX_DM_LENGTH = 10_000;

/** `tokens`: where the access token comes from; the connector gives the account's, renewed as needed. */
export async function sendOnX(ctx: Pick<Ctx, 'clock'>, out: SocialOutbound, tokens: XTokens = savedToken(out.secrets)): Promise<{ providerId: string }> {
  const settings = xSettingsOf(out.account.settings);
  if (!settings) throw new ProviderError('not_configured', `X account ${out.account.address} has no valid settings (userId, handle)`);
  const message = checkedMessage(out);
  const accessToken = await tokens.current();
  if (!accessToken) throw new ProviderError('auth', `X account @${settings.handle} has no access token: nothing can be sent`);
  const send = (token: string) => {
    const client = new XClient({ apiBaseUrl: settings.apiBaseUrl, accessToken: token, now: () => ctx.clock.now() });
    return message.audience === 'public' ? client.reply(message.text, message.inReplyTo).then((r) => r.tweetId) : client.directMessage(message.participantId, message.text).then((r) => r.dmEventId);
  };
  try {
    return { providerId: await send(accessToken) };
  } catch (error) {
    if (!(error instanceof XTokenRefused) || !tokens.renewable) throw error;
    // Once: a renewed token X refuses too is not mended by renewing again.
    return { providerId: await send(await tokens.renewed(accessToken)) };
  }
}

type CheckedMessage = { audience: 'public'; text: string; inReplyTo: string } | { audience: 'private'; text: string; participantId: string };

/** The message as X will take it, or the reason X would refuse it, before any call. */
function checkedMessage(out: SocialOutbound): CheckedMessage {
  if (out.audience === 'public') {
    if (out.replyTo?.audience !== 'public') {
      throw new ProviderError('rejected', 'A public answer on X is a reply under the customer’s tweet, and this case has no tweet from them to answer: send it as a private message');
    }
    const weight = tweetWeight(out.text);
    if (weight > MAX_TWEET_WEIGHT) {
      throw new ProviderError('rejected', `A public reply on X is at most ${MAX_TWEET_WEIGHT} characters and this one counts ${weight} (links count 23, emoji 2): shorten it or send it as a private message`);
    }
    return { audience: 'public', text: out.text, inReplyTo: out.replyTo.providerId };
  }

  const length = [...out.text].length;
  if (length > MAX_DM_LENGTH) {
    throw new ProviderError('rejected', `A private message on X is at most ${MAX_DM_LENGTH.toLocaleString('en')} characters and this one has ${length.toLocaleString('en')}: shorten it`);
  }
  if (!/^\d{1,20}$/.test(out.recipient)) throw new ProviderError('rejected', `"${out.recipient}" is not an X user id: a private message goes to the customer’s X account`);
  return { audience: 'private', text: out.text, participantId: out.recipient };
}
