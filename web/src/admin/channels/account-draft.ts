// A channel account as its form holds it, per connector (e-mail: an IMAP mailbox; chat: the
// sites allowed to embed the widget and its greetings; phone: the webhook secret; SMS: only
// its number; Meta: the Page, Instagram and WhatsApp ids and the WhatsApp template catalogue),
// the body the API takes, and the zod check of that body: the accounts contract
// with the connector's own settings and secrets schemas, so the browser refuses what the
// server would. Secrets are write-only: an empty secret field keeps the saved one.
import { z } from 'zod';
import { createAccountBody, updateAccountBody } from '../../../../src/channels/accounts/accounts.contract.ts';
import { chatSecrets, chatSettings } from '../../../../src/channels/chat/chat.settings.ts';
import { emailSecrets, emailSettings } from '../../../../src/channels/email/email.settings.ts';
import { metaSecrets, metaSettings, type WhatsappTemplate } from '../../../../src/channels/meta/meta.settings.ts';
import { phoneSecrets, phoneSettings } from '../../../../src/channels/phone/phone.settings.ts';
import { smsSecrets, smsSettings } from '../../../../src/channels/sms/sms.settings.ts';
import type { ChannelAccount } from '../admin.api.ts';

export const accountChannels = ['email', 'sms', 'chat', 'phone', 'meta'] as const;
export type AccountChannel = (typeof accountChannels)[number];

/** An account's channel as admins read it: a case channel's name, or Meta (whose accounts carry four). */
export const accountChannelKey = (channel: string) => (channel === 'meta' ? 'admin.channels.meta.channel' : (`case.channel.${channel as 'email'}` as const));

const connectorSchemas: Record<AccountChannel, { settings: z.ZodType; secrets: z.ZodType; newSecrets: z.ZodType }> = {
  email: { settings: emailSettings, secrets: emailSecrets, newSecrets: emailSecrets },
  sms: { settings: smsSettings, secrets: smsSecrets, newSecrets: smsSecrets },
  chat: { settings: chatSettings, secrets: chatSecrets, newSecrets: chatSecrets },
  // A new phone line needs its secret; a change may leave the saved one.
  phone: { settings: phoneSettings, secrets: phoneSecrets.partial(), newSecrets: phoneSecrets },
  meta: { settings: metaSettings, secrets: metaSecrets.partial(), newSecrets: metaSecrets },
};

/** The Meta account's secrets, each write-only. */
export const metaSecretNames = ['appSecret', 'verifyToken', 'pageAccessToken', 'whatsappToken'] as const;
type MetaSecretName = (typeof metaSecretNames)[number];

export interface AccountValues {
  channel: AccountChannel;
  name: string;
  address: string;
  brandId: string;
  storeId: string;
  teamId: string;
  imap: boolean;
  imapHost: string;
  imapPort: number | string;
  imapSecure: boolean;
  imapUser: string;
  imapFolder: string;
  imapPassword: string;
  allowedOrigins: string;
  greetingFr: string;
  greetingEn: string;
  webhookSecret: string;
  pageId: string;
  instagramId: string;
  whatsappPhoneNumberId: string;
  wabaId: string;
  graphVersion: string;
  /** Kept as saved: only tests point it elsewhere. */
  apiBaseUrl: string;
  templates: WhatsappTemplate[];
  metaSecrets: Record<MetaSecretName, string>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function accountValues(a: ChannelAccount | null, channel: AccountChannel = 'email'): AccountValues {
  const settings = (a?.settings ?? {}) as Record<string, unknown>;
  const imap = (settings.imap ?? null) as Record<string, unknown> | null;
  const greeting = (settings.greeting ?? {}) as Record<string, unknown>;
  return {
    channel: (a?.channel as AccountChannel | undefined) ?? channel,
    name: a?.name ?? '',
    address: a?.address ?? '',
    brandId: a?.brandId ?? '',
    storeId: a?.storeId ?? '',
    teamId: a?.teamId ?? '',
    imap: !!imap,
    imapHost: str(imap?.host),
    imapPort: typeof imap?.port === 'number' ? imap.port : 993,
    imapSecure: imap?.secure !== false,
    imapUser: str(imap?.user),
    imapFolder: str(imap?.folder) || 'INBOX',
    imapPassword: '',
    allowedOrigins: Array.isArray(settings.allowedOrigins) ? settings.allowedOrigins.join('\n') : '',
    greetingFr: str(greeting.fr),
    greetingEn: str(greeting.en),
    webhookSecret: '',
    pageId: str(settings.pageId),
    instagramId: str(settings.instagramId),
    whatsappPhoneNumberId: str(settings.whatsappPhoneNumberId),
    wabaId: str(settings.wabaId),
    graphVersion: str(settings.graphVersion) || 'v23.0',
    apiBaseUrl: str(settings.apiBaseUrl),
    templates: Array.isArray(settings.templates) ? (settings.templates as WhatsappTemplate[]) : [],
    metaSecrets: { appSecret: '', verifyToken: '', pageAccessToken: '', whatsappToken: '' },
  };
}

function settingsOf(v: AccountValues): Record<string, unknown> {
  switch (v.channel) {
    case 'email':
      return v.imap ? { imap: { host: v.imapHost.trim(), port: v.imapPort === '' ? undefined : Number(v.imapPort), secure: v.imapSecure, user: v.imapUser.trim(), folder: v.imapFolder.trim() } } : {};
    case 'chat': {
      const greeting = { ...(v.greetingFr.trim() ? { fr: v.greetingFr.trim() } : {}), ...(v.greetingEn.trim() ? { en: v.greetingEn.trim() } : {}) };
      return { allowedOrigins: v.allowedOrigins.split(/\s+/).filter(Boolean), greeting };
    }
    case 'meta': {
      const id = (value: string) => value.trim() || undefined;
      return {
        pageId: v.pageId.trim(),
        instagramId: id(v.instagramId),
        whatsappPhoneNumberId: id(v.whatsappPhoneNumberId),
        wabaId: id(v.wabaId),
        graphVersion: v.graphVersion.trim() || undefined,
        apiBaseUrl: v.apiBaseUrl || undefined,
        templates: v.templates,
      };
    }
    default:
      return {};
  }
}

function secretsOf(v: AccountValues): Record<string, string> {
  if (v.channel === 'email' && v.imap && v.imapPassword) return { imapPassword: v.imapPassword };
  if (v.channel === 'phone' && v.webhookSecret) return { webhookSecret: v.webhookSecret };
  if (v.channel === 'meta') return Object.fromEntries(Object.entries(v.metaSecrets).filter(([, value]) => value.trim()));
  return {};
}

export function accountBody(v: AccountValues, existing: ChannelAccount | null) {
  const common = { name: v.name, address: v.address.trim(), brandId: v.brandId || null, storeId: v.storeId || null, teamId: v.teamId || null, settings: settingsOf(v) };
  const secrets = secretsOf(v);
  if (existing) return { ...common, ...(Object.keys(secrets).length ? { secrets } : {}) };
  return { channel: v.channel, ...common, secrets };
}

/** The contract check for this channel's account, new or changed. */
export function accountSchema(channel: AccountChannel, isNew: boolean): z.ZodType {
  const c = connectorSchemas[channel];
  return isNew
    ? createAccountBody.extend({ settings: c.settings, secrets: c.newSecrets })
    : z.intersection(updateAccountBody, z.object({ settings: c.settings.optional(), secrets: c.secrets.optional() }));
}

/** 24 random bytes, base64url: a webhook secret for a telephony system (32 characters). */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}
