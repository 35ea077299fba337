// An SMS account's settings and secrets, as the accounts API checks them: none of its own. The
// account names the number (or sender id) customers receive SMS from; SMS leave through the
// server's Twilio account (COMPTOIR_TWILIO_*). Only zod here: the admin screens use it too.
import { z } from 'zod';

export const smsSettings = z.strictObject({});
export type SmsSettings = z.infer<typeof smsSettings>;

export const smsSecrets = z.strictObject({});
