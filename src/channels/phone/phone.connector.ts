// The phone connector: a phone line (the account's address is its number) whose telephony
// system (PBX, CTI, cloud call centre) posts call events to Comptoir's webhook, signed with
// the line's secret. Its events are not customer messages: the connector processes them itself.
import type { Connector } from '../connector.ts';
import { checkPhoneLine } from './phone.check.ts';
import { phoneSecrets, phoneSettings, type PhoneSecrets, type PhoneSettings } from './phone.settings.ts';
import { processTelephonyEvent } from './telephony.process.ts';

export { phoneSecrets, phoneSettings, type PhoneSecrets, type PhoneSettings };

export const phoneConnector: Connector<PhoneSettings, PhoneSecrets> = {
  channel: 'phone',
  settings: phoneSettings,
  secrets: phoneSecrets,
  process: (ctx, row) => processTelephonyEvent(ctx, row),
  checkConnection: (ctx, account, secrets, lang) => checkPhoneLine(ctx, account, secrets, lang),
};
