// The SMS connector: an account names the number (or alphanumeric sender id) customers get
// their SMS from and write to. Sending goes through the server's Twilio account
// (twilio-client.ts, built from COMPTOIR_TWILIO_*), delivery statuses and incoming SMS come
// back on sms.routes.ts, and the connector processes its stored rows itself (sms.process.ts:
// STOP/START, then the shared social pipeline); the account is what admins see, route and test.
import type { Connector } from '../connector.ts';
import { checkSmsAccount } from './sms.check.ts';
import { processInboundSms } from './sms.process.ts';
import { smsSecrets, smsSettings, type SmsSettings } from './sms.settings.ts';

export const smsConnector: Connector<SmsSettings, Record<string, never>> = {
  channel: 'sms',
  settings: smsSettings,
  secrets: smsSecrets,
  process: (ctx, row) => processInboundSms(ctx, row),
  checkConnection: (ctx, account, _secrets, lang) => checkSmsAccount(ctx, account, lang),
};
