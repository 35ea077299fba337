// The shapes of what an agent's reply leans on (the channels it may go by), shared with the web app.
import { z } from 'zod';
import { channels } from './cases.contract.ts';

export const replyChannelSchema = z
  .object({
    channel: z.enum(channels),
    recipient: z.string().nullable().describe('The address the reply goes to; null when the delivery chooses (e-mail or SMS)'),
    caseChannel: z.boolean().describe('The channel the case came by (the default)'),
    audiences: z
      .array(z.enum(['public', 'private']))
      .describe('On X and Facebook: public (under the customer’s post) and/or private; the first is the default. Other channels: private'),
  })
  .meta({ id: 'ReplyChannel' });
export type ReplyChannelDto = z.infer<typeof replyChannelSchema>;
