// What each kind of connected shop needs: its settings (not secret: where the shop is, its
// time zone) and its secrets (sealed, never returned), checked on create and update. Shops
// are reached at their real address unless `apiBaseUrl` (Shopify) says otherwise — tests point
// it at a local fake.
import { z } from 'zod';

export const connectedKinds = ['shopify', 'woocommerce', 'prestashop'] as const;
export type ConnectedKind = (typeof connectedKinds)[number];

const timeZone = z
  .string()
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone, e.g. Europe/Paris')
  .optional()
  .describe("The shop's time zone: the calendar days of purchases and deliveries (the server's by default)");

export const shopifySettings = z.strictObject({
  shopDomain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, 'the shop’s myshopify.com domain, e.g. garden-world.myshopify.com'),
  apiVersion: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'an Admin API version, e.g. 2025-07')
    .default('2025-07'),
  apiBaseUrl: z.url().optional().describe('Where the Admin API is (https://{shopDomain} by default)'),
  timeZone,
});
export type ShopifySettings = z.infer<typeof shopifySettings>;

export const shopifySecrets = z.strictObject({
  webhookSecret: z.string().min(1).describe("The app's client secret: Shopify signs webhooks with it"),
  accessToken: z.string().min(1).optional().describe('Admin API access token (read_orders, read_customers): to look up a customer’s orders'),
});
export type ShopifySecrets = z.infer<typeof shopifySecrets>;

export const woocommerceSettings = z.strictObject({
  siteUrl: z.url().optional().describe('The shop’s address, shown to admins'),
  timeZone,
});

export const woocommerceSecrets = z.strictObject({
  webhookSecret: z.string().min(1).describe('The secret given to the webhooks in WooCommerce → Settings → Advanced → Webhooks'),
});

export const prestashopSettings = z.strictObject({
  shopUrl: z.url().describe('The shop’s address; its webservice answers at {shopUrl}/api/'),
  timeZone,
  since: z.iso.date().optional().describe('Read orders changed since this day on the first poll (all of them by default)'),
  /** Order states meaning "delivered" (PrestaShop's default "Delivered" is 5). */
  deliveredStates: z.array(z.int().positive()).default([5]),
});
export type PrestashopSettings = z.infer<typeof prestashopSettings>;

export const prestashopSecrets = z.strictObject({
  webserviceKey: z.string().min(16).describe('A webservice key with GET on orders, customers, addresses and currencies'),
});
export type PrestashopSecrets = z.infer<typeof prestashopSecrets>;

export const sourceKinds: Record<ConnectedKind, { settings: z.ZodType<Record<string, unknown>>; secrets: z.ZodType<Record<string, string>> }> = {
  shopify: { settings: shopifySettings, secrets: shopifySecrets as z.ZodType<Record<string, string>> },
  woocommerce: { settings: woocommerceSettings, secrets: woocommerceSecrets },
  prestashop: { settings: prestashopSettings, secrets: prestashopSecrets },
};

/** The shop's time zone, or the server's. */
export function sourceTimeZone(settings: Record<string, unknown>, fallback: string): string {
  return typeof settings.timeZone === 'string' && settings.timeZone ? settings.timeZone : fallback;
}
