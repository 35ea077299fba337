// The SMS connector: an account names the number (or alphanumeric sender id) customers get
// their SMS from. Sending goes through the server's Twilio account (twilio-client.ts, built
// from COMPTOIR_TWILIO_*), delivery statuses come back on sms.routes.ts; the account is what
// admins see, route and test. Inbound SMS are not read yet: nothing is stored for it.
import type { Connector } from '../connector.ts';
import { checkSmsAccount } from './sms.check.ts';
import { smsSecrets, smsSettings, type SmsSettings } from './sms.settings.ts';

export const smsConnector: Connector<SmsSettings, Record<string, never>> = {
  channel: 'sms',
  settings: smsSettings,
  secrets: smsSecrets,
  checkConnection: (ctx, account, _secrets, lang) => checkSmsAccount(ctx, account, lang),
};
