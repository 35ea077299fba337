// An X account's settings and secrets, as the accounts API checks them. The account (channel
// `x`, address = the handle) is the brand's own X user: its id is what tells our own tweets and
// DMs from the customers' (X sends both back), the handle is shown to admins and agents. Only
// zod here: the admin screens validate the same shapes before sending them.
import { z } from 'zod';

export const X_API_URL = 'https://api.x.com';

/** Where X posts this account's events (and sends its CRC): the Account Activity webhook to register. */
export const xWebhookPath = (accountId: string) => `/api/v1/channels/x/${accountId}/webhook`;

/** X user ids are 64-bit integers, always handled as strings (`id_str`): they overflow a JS number. */
export const xUserId = z.string({ error: 'required' }).trim().regex(/^\d{1,20}$/, 'the numeric X user id (id_str), not the handle');

export const xSettings = z.strictObject({
  userId: xUserId,
  /** The screen name, without @ (1–15 letters, digits or _). */
  handle: z
    .string({ error: 'required' })
    .trim()
    .transform((h) => h.replace(/^@/, ''))
    .pipe(z.string().regex(/^\w{1,15}$/, 'an X handle: 1 to 15 letters, digits or _, with or without @')),
  /** Where the X API v2 answers; only tests point it elsewhere (at a local fake). */
  apiBaseUrl: z
    .url({ protocol: /^https?$/ })
    .transform((u) => u.replace(/\/+$/, ''))
    .default(X_API_URL),
});
export type XSettings = z.infer<typeof xSettings>;

export const xSecrets = z
  .strictObject({
    /** The X app's API secret (consumer secret): it answers the CRC and checks every delivery's signature. */
    consumerSecret: z.string({ error: 'required' }).min(20, 'at least 20 characters').max(200),
    /** The brand account's user-context access token (OAuth 2.0, scopes tweet.write dm.write users.read): replies and DMs are sent with it. */
    accessToken: z.string({ error: 'required' }).min(20, 'at least 20 characters').max(2000),
    /**
     * The refresh token X gave with the access token (scope offline.access): X's access tokens
     * last two hours, and this renews them. Each renewal rotates it; Comptoir saves the new one.
     */
    refreshToken: z.string().min(20, 'at least 20 characters').max(2000).optional(),
    /** The app's OAuth 2.0 Client ID, which the renewal names. */
    clientId: z.string().trim().min(10, 'at least 10 characters').max(200).optional(),
    /** The app's OAuth 2.0 Client Secret, for a confidential client (a public client has none). */
    clientSecret: z.string().min(20, 'at least 20 characters').max(200).optional(),
  })
  .superRefine((secrets, issue) => {
    // A refresh token alone renews nothing: X wants the client it was issued to.
    if (secrets.refreshToken && !secrets.clientId) issue.addIssue({ code: 'custom', path: ['clientId'], message: 'required with a refresh token: the app’s OAuth 2.0 Client ID' });
    if (secrets.clientSecret && !secrets.clientId) issue.addIssue({ code: 'custom', path: ['clientId'], message: 'required with a client secret: the app’s OAuth 2.0 Client ID' });
  });
export type XSecrets = z.infer<typeof xSecrets>;

/** The account's settings as stored (checked on save); a row edited by hand is read leniently. */
export function xSettingsOf(stored: Record<string, unknown>): XSettings | null {
  const parsed = xSettings.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
