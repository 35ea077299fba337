// An order source (a connected shop) as its form holds it, per kind — Shopify: the
// myshopify.com domain, the Admin API version, the app's client secret (it signs the webhooks)
// and the Admin API token; WooCommerce: the site and the webhooks' secret; PrestaShop: the shop's
// address, the day to read from and the webservice key — the body the API takes, and the zod
// check of that body: the order sources contract with the kind's own schemas, so the browser
// refuses what the server would. Secrets are write-only: an empty secret field keeps the saved one.
import { z } from 'zod';
import { createOrderSourceBody, updateOrderSourceBody } from '../../../../src/modules/commerce/order-sources.contract.ts';
import { connectedKinds, sourceKinds, type ConnectedKind } from '../../../../src/modules/commerce/order-sources.kinds.ts';
import type { OrderSource } from './order-sources.api.ts';

export { connectedKinds, type ConnectedKind };

/** Each kind's secrets, in the order the form shows them. */
export const secretNames: Record<ConnectedKind, readonly string[]> = {
  shopify: ['webhookSecret', 'accessToken'],
  woocommerce: ['webhookSecret'],
  prestashop: ['webserviceKey'],
};

export interface SourceValues {
  kind: ConnectedKind;
  name: string;
  brandId: string;
  storeId: string;
  salesChannel: 'online' | 'store' | 'marketplace';
  /** Shopify */
  shopDomain: string;
  apiVersion: string;
  /** Kept as saved: only tests point it elsewhere. */
  apiBaseUrl: string;
  /** WooCommerce */
  siteUrl: string;
  /** PrestaShop */
  shopUrl: string;
  since: string;
  timeZone: string;
  secrets: Record<string, string>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function sourceValues(s: OrderSource | null, kind: ConnectedKind = 'shopify'): SourceValues {
  const settings = (s?.settings ?? {}) as Record<string, unknown>;
  const sourceKind = (s?.kind as ConnectedKind | undefined) ?? kind;
  return {
    kind: sourceKind,
    name: s?.name ?? '',
    brandId: s?.brandId ?? '',
    storeId: s?.storeId ?? '',
    salesChannel: (s?.salesChannel as SourceValues['salesChannel'] | undefined) ?? 'online',
    shopDomain: str(settings.shopDomain),
    apiVersion: str(settings.apiVersion) || '2025-07',
    apiBaseUrl: str(settings.apiBaseUrl),
    siteUrl: str(settings.siteUrl),
    shopUrl: str(settings.shopUrl),
    since: str(settings.since),
    timeZone: str(settings.timeZone),
    secrets: Object.fromEntries(secretNames[sourceKind].map((name) => [name, ''])),
  };
}

function settingsOf(v: SourceValues): Record<string, unknown> {
  const optional = (value: string) => value.trim() || undefined;
  const timeZone = optional(v.timeZone);
  switch (v.kind) {
    case 'shopify':
      return { shopDomain: v.shopDomain.trim(), apiVersion: v.apiVersion.trim() || undefined, apiBaseUrl: optional(v.apiBaseUrl), timeZone };
    case 'woocommerce':
      return { siteUrl: optional(v.siteUrl), timeZone };
    case 'prestashop':
      return { shopUrl: v.shopUrl.trim(), since: optional(v.since), timeZone };
  }
}

/** Only the secrets typed in: an empty field keeps what is saved. */
function secretsOf(v: SourceValues): Record<string, string> {
  return Object.fromEntries(secretNames[v.kind].map((name) => [name, v.secrets[name]?.trim() ?? '']).filter(([, value]) => value));
}

/** JSON drops undefined: the settings compared and sent are the ones that say something. */
const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined));

export function sourceBody(v: SourceValues, existing: OrderSource | null) {
  const common = { name: v.name.trim(), brandId: v.brandId || null, storeId: v.storeId || null, salesChannel: v.salesChannel, settings: defined(settingsOf(v)) };
  const secrets = secretsOf(v);
  if (existing) return { ...common, ...(Object.keys(secrets).length ? { secrets } : {}) };
  return { kind: v.kind, ...common, secrets };
}

/** The contract check for this kind's source, new or changed (a change may leave every secret as saved). */
export function sourceSchema(kind: ConnectedKind, isNew: boolean): z.ZodType {
  const rules = sourceKinds[kind];
  return isNew
    ? createOrderSourceBody.extend({ settings: rules.settings, secrets: rules.secrets })
    : z.intersection(updateOrderSourceBody, z.object({ settings: rules.settings.optional(), secrets: (rules.secrets as unknown as z.ZodObject).partial().optional() }));
}
