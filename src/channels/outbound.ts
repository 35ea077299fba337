// The outbound clients, one per channel that can carry a message to a customer, built once
// from the configuration and handed to services in the context (ctx.channels). A channel with
// no provider configured is null: its deliveries fail and say so.
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { createEmailSender, type EmailSender } from './email/email-sender.ts';
import { TwilioClient, type SmsSender } from './sms/twilio-client.ts';

export interface OutboundChannels {
  email: EmailSender;
  sms: SmsSender | null;
}

export function createOutboundChannels(config: Config, clock: Clock): OutboundChannels {
  const { mail, sms } = config.outbound;
  return {
    email: createEmailSender(mail),
    sms: sms.twilio ? new TwilioClient(sms.twilio, () => clock.now()) : null,
  };
}
