// A marketplace account's settings and secrets, as the accounts API checks them. The account
// is one seller's relay (whatever marketplaces it reads); its address names it for admins
// (e.g. "relais-amazon-fnac"). Only zod here: the admin screens use it too.
import { z } from 'zod';

export const marketplaceSettings = z.strictObject({
  /** Refuse requests without X-Comptoir-Timestamp (replay protection for relays that can date them). */
  requireTimestamp: z.boolean().default(false),
  /**
   * Where the relay takes our answers to post them on the marketplace (relay-client.ts); without
   * it, answers to its buyers cannot leave Comptoir (agents answer on the seller portal).
   */
  replyUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
});
export type MarketplaceSettings = z.infer<typeof marketplaceSettings>;

export const marketplaceSecrets = z.strictObject({
  /** Shared with the relay, which signs every message with it (HMAC-SHA256). */
  webhookSecret: z.string({ error: 'required' }).min(24, 'at least 24 characters').max(500),
});
export type MarketplaceSecrets = z.infer<typeof marketplaceSecrets>;

/** The account's settings as stored (checked on save); a row edited by hand is read leniently. */
export function marketplaceSettingsOf(stored: Record<string, unknown>): MarketplaceSettings {
  const parsed = marketplaceSettings.safeParse(stored);
  return parsed.success ? parsed.data : { requireTimestamp: false };
}
