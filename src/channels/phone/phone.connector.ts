// The phone connector: a phone line (the account's address is its number) whose telephony
// system (PBX, CTI, cloud call centre) posts call events to Comptoir's webhook, signed with
// the line's secret. Its events are not customer messages: the connector processes them itself.
import { z } from 'zod';
import type { Connector } from '../connector.ts';
import { processTelephonyEvent } from './telephony.process.ts';

export const phoneSettings = z.strictObject({});
export type PhoneSettings = z.infer<typeof phoneSettings>;

export const phoneSecrets = z.strictObject({
  /** Shared with the telephony system, which signs every webhook with it (HMAC-SHA256). */
  webhookSecret: z.string({ error: 'required' }).min(24, 'at least 24 characters').max(500),
});
export type PhoneSecrets = z.infer<typeof phoneSecrets>;

export const phoneConnector: Connector<PhoneSettings, PhoneSecrets> = {
  channel: 'phone',
  settings: phoneSettings,
  secrets: phoneSecrets,
  process: (ctx, row) => processTelephonyEvent(ctx, row),
};
