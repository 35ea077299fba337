// A live chat account's settings, checked by the accounts API like every connector's: the
// sites allowed to embed the widget (CORS and the Origin every visitor request carries) and
// the greetings. The brand and the team come from the account itself (brandId, teamId): the
// team's calendar gives the opening hours and its members are the agents who answer.
import { z } from 'zod';

/** An origin exactly as browsers send it: scheme, host and port, nothing after. */
const origin = z
  .string()
  .trim()
  .max(200)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'must be an origin such as https://www.example.fr (no path, no trailing slash)');

const greeting = z.string().trim().min(1).max(500);

export const chatSettings = z.strictObject({
  allowedOrigins: z.array(origin).min(1, 'name at least one site that embeds the widget').max(20),
  greeting: z.strictObject({ fr: greeting.optional(), en: greeting.optional() }).default({}),
});
export type ChatSettings = z.infer<typeof chatSettings>;

export const chatSecrets = z.strictObject({});

/** The account's settings as stored (checked on save); a row edited by hand is read leniently. */
export function settingsOf(stored: Record<string, unknown>): ChatSettings {
  const parsed = chatSettings.safeParse(stored);
  return parsed.success ? parsed.data : { allowedOrigins: [], greeting: {} };
}
