// The channel accounts API's shapes, shared with the web app. Settings and secrets are
// checked by the account's connector (its own zod schemas, src/channels/registry.ts).
import { z } from 'zod';

/** active: working; failing: its credentials or provider fail (admins are told); disabled: stopped by an admin. */
export const accountStates = ['active', 'failing', 'disabled'] as const;
export type AccountState = (typeof accountStates)[number];

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });

export const channelAccountSchema = z
  .object({
    id,
    channel: z.string(),
    name: z.string(),
    address: z.string(),
    brandId: id.nullable(),
    storeId: id.nullable(),
    teamId: id.nullable(),
    settings: z.record(z.string(), z.unknown()),
    /** Which secrets are set; their values never leave the server. */
    secretsSet: z.array(z.string()),
    state: z.enum(accountStates),
    stateDetail: z.string().nullable(),
    stateChangedAt: instant.nullable(),
    lastInboundAt: instant.nullable().describe('When its last message arrived'),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'ChannelAccount' });
export type ChannelAccountDto = z.infer<typeof channelAccountSchema>;

export const createAccountBody = z.strictObject({
  channel: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().min(1).max(320).describe('The mailbox address, widget key, phone number… the channel knows it by'),
  brandId: id.nullable().default(null),
  storeId: id.nullable().default(null),
  teamId: id.nullable().default(null),
  settings: z.record(z.string(), z.unknown()).default({}),
  secrets: z.record(z.string(), z.string().max(10_000)).default({}).describe('Passwords and tokens: stored encrypted, never returned'),
});
export const updateAccountBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    address: z.string().trim().min(1).max(320).optional(),
    brandId: id.nullable().optional(),
    storeId: id.nullable().optional(),
    teamId: id.nullable().optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
    secrets: z.record(z.string(), z.string().max(10_000)).optional().describe('Replaces the secrets it names; the others are kept'),
    state: z.enum(['active', 'disabled']).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

export const connectionCheckSchema = z.object({
  name: z.string().describe('Stable: imap, smtp_relay, smtp_inbound, twilio_account, chat_origins…'),
  label: z.string().describe('What was checked, in the Accept-Language'),
  ok: z.boolean(),
  detail: z.string().describe('What was found, in the Accept-Language'),
});
export const connectionTestSchema = z
  .object({ ok: z.boolean().describe('Every check passed'), checks: z.array(connectionCheckSchema) })
  .meta({ id: 'ChannelAccountTest' });
export type ConnectionTestDto = z.infer<typeof connectionTestSchema>;
