// A Meta account's settings and secrets, as the accounts API checks them. One account is one
// brand's connection through its Meta app: the Facebook Page (comments and Messenger), the
// Instagram professional account linked to it, and a WhatsApp Business number, each optional
// but the Page. Only zod here: the admin screens validate the same shapes before sending them.
import { z } from 'zod';

/** Meta's object ids are decimal strings (too long for a JavaScript number). */
const graphId = z.string().trim().regex(/^\d{1,30}$/, 'a numeric Meta id, such as 104592315782640');

export const templateCategories = ['UTILITY', 'MARKETING', 'AUTHENTICATION'] as const;

/**
 * An approved WhatsApp template, as Meta holds it: outside the 24-hour window it is the only
 * thing a business may send. `variables` counts its body's positional {{1}}…{{n}} parameters.
 */
export const whatsappTemplate = z.strictObject({
  name: z.string().trim().regex(/^[a-z0-9_]{1,512}$/, 'lowercase letters, digits and underscores, as in Meta’s template manager'),
  /** Meta's language code: fr, en, en_US, pt_BR… */
  language: z.string().trim().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a language code such as fr, en or en_US'),
  category: z.enum(templateCategories).default('UTILITY'),
  /** Its text with {{1}}…: what the agent sees when choosing it. */
  body: z.string().trim().min(1).max(1024),
  variables: z.int().min(0).max(100),
});
export type WhatsappTemplate = z.infer<typeof whatsappTemplate>;

/** The highest {{n}} of a template body: how many values it takes. */
export function variablesIn(body: string): number {
  return Math.max(0, ...[...body.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => Number(m[1])));
}

export const metaSettings = z.strictObject({
  pageId: graphId,
  /** The Instagram professional account linked to the Page (its IG user id). */
  instagramId: graphId.optional(),
  /** The WhatsApp Business number's id (not the number itself), and its business account. */
  whatsappPhoneNumberId: graphId.optional(),
  wabaId: graphId.optional(),
  apiBaseUrl: z.url({ protocol: /^https?$/ }).default('https://graph.facebook.com'),
  graphVersion: z.string().trim().regex(/^v\d{1,3}\.\d{1,2}$/, 'a Graph API version such as v23.0').default('v23.0'),
  templates: z
    .array(whatsappTemplate)
    .max(500)
    .default([])
    .superRefine((list, check) => {
      const seen = new Set<string>();
      list.forEach((tpl, i) => {
        const key = `${tpl.name}:${tpl.language}`;
        if (seen.has(key)) check.addIssue({ code: 'custom', path: [i, 'name'], message: `the template ${tpl.name} (${tpl.language}) is listed twice` });
        seen.add(key);
        if (variablesIn(tpl.body) > tpl.variables) check.addIssue({ code: 'custom', path: [i, 'variables'], message: `the body uses {{${variablesIn(tpl.body)}}}` });
      });
    }),
});
export type MetaSettings = z.infer<typeof metaSettings>;

const secret = (min: number, hint: string) => z.string({ error: 'required' }).trim().min(min, hint).max(2000);

export const metaSecrets = z.strictObject({
  /** The app's secret: Meta signs every webhook delivery with it (X-Hub-Signature-256). */
  appSecret: secret(16, 'the app secret from the Meta app’s basic settings'),
  /** Chosen by the admin and typed into the app's webhook settings: Meta sends it back to verify the URL. */
  verifyToken: secret(8, 'at least 8 characters'),
  /** A long-lived Page access token (pages_messaging, pages_manage_engagement…). */
  pageAccessToken: secret(20, 'the Page access token'),
  /** The WhatsApp Cloud API token (a system user's), when a number is connected. */
  whatsappToken: secret(20, 'the WhatsApp Cloud API token').optional(),
});
export type MetaSecrets = z.infer<typeof metaSecrets>;

/** The account's settings as stored (checked on save); a row edited by hand still reads. */
export function metaSettingsOf(stored: Record<string, unknown>): MetaSettings {
  const parsed = metaSettings.safeParse(stored);
  if (parsed.success) return parsed.data;
  return { pageId: String(stored.pageId ?? ''), apiBaseUrl: 'https://graph.facebook.com', graphVersion: 'v23.0', templates: [] };
}
