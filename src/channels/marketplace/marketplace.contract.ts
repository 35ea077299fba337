// What a seller's relay posts to Comptoir for each buyer message it reads on a marketplace
// (Amazon, Cdiscount, Fnac, ManoMano, Rakuten, Back Market…): one message per request, in
// the shape below whatever the marketplace, signed with the account's webhook secret
// (webhook-signature.ts). Documented in docs/channels/marketplace.md.
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

export const marketplaceAttachment = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000).describe('Where the file can be fetched (the relay’s or the marketplace’s address)'),
  filename: z.string().trim().max(255).nullable().default(null),
  contentType: z.string().trim().max(100).nullable().default(null),
});

export const marketplaceMessage = z
  .object({
    marketplace: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/, 'a short name: letters, digits, dot, dash, underscore (amazon, cdiscount, fnac, manomano…)')
      .describe('The marketplace the buyer wrote on: amazon, cdiscount, fnac, manomano…'),
    messageId: text(200).describe('The marketplace’s id of this message: the same message sent again is stored once'),
    conversationId: text(200).describe('The marketplace’s thread (Amazon’s conversation, Cdiscount’s discussion): later messages of the thread join the same case'),
    orderReference: text(100).nullable().default(null).describe('The order the conversation is about, as the marketplace numbers it'),
    buyer: z.object({
      id: text(200).describe('The buyer’s id on that marketplace: how the customer is recognised next time'),
      name: z.string().trim().max(200).nullable().default(null),
      email: z.email().max(320).nullable().default(null).describe('The address the marketplace gives (often its own relay address): kept on the customer'),
    }),
    subject: z.string().trim().max(300).nullable().default(null),
    text: z.string().max(20_000).describe('The message as the buyer wrote it, in plain text'),
    sentAt: z.iso.datetime({ offset: true }).describe('When the buyer sent it'),
    attachments: z.array(marketplaceAttachment).max(20).default([]),
  })
  .refine((m) => m.text.trim() !== '' || m.attachments.length > 0, { message: 'a message has a text or attachments', path: ['text'] })
  .meta({ id: 'MarketplaceMessage' });
export type MarketplaceMessage = z.infer<typeof marketplaceMessage>;

export const marketplaceWebhookAnswer = z.object({ received: z.literal(true), duplicate: z.boolean() }).meta({ id: 'MarketplaceWebhookAnswer' });
