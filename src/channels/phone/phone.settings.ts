// A phone line's settings and secrets, as the accounts API checks them. Only zod here: the
// admin screens validate the same shapes before sending them.
import { z } from 'zod';

export const phoneSettings = z.strictObject({});
export type PhoneSettings = z.infer<typeof phoneSettings>;

export const phoneSecrets = z.strictObject({
  /** Shared with the telephony system, which signs every webhook with it (HMAC-SHA256). */
  webhookSecret: z.string({ error: 'required' }).min(24, 'at least 24 characters').max(500),
});
export type PhoneSecrets = z.infer<typeof phoneSecrets>;
