// The Meta connector's API shapes, shared with the web app.
import { z } from 'zod';
import { whatsappTemplate } from './meta.settings.ts';

/** Where Meta posts an account's deliveries (the callback URL typed into the Meta app). */
export const metaWebhookPath = (accountId: string) => `/api/v1/channels/meta/${accountId}/webhook`;

export const webhookQuery = z.object({
  'hub.mode': z.string().max(40).optional(),
  'hub.verify_token': z.string().max(2000).optional(),
  'hub.challenge': z.string().max(200).optional(),
});

/** A delivery: checked only for its outline here; each event is read when processed. */
export const deliveryBody = z.looseObject({ object: z.string().max(100), entry: z.array(z.looseObject({})).max(5000).default([]) });

export const deliveryAnswer = z.object({ events: z.int().describe('Events in the delivery'), stored: z.int().describe('Of which new (the others were already stored)') });

export const templateSyncSchema = z
  .object({
    templates: z.array(whatsappTemplate).describe('The catalogue now saved on the account'),
    added: z.array(z.string()).describe('“name (language)” of the templates that joined it'),
    removed: z.array(z.string()).describe('Those no longer approved, or no longer at Meta'),
    skipped: z.array(z.object({ name: z.string(), language: z.string(), reason: z.string() })).describe('Listed by Meta but not sendable from Comptoir, with why'),
  })
  .meta({ id: 'WhatsappTemplateSync' });
export type TemplateSyncDto = z.infer<typeof templateSyncSchema>;
