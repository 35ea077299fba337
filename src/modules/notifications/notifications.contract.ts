// The notifications API's shapes (templates, previews, deliveries), shared with the web app.
import { z } from 'zod';

/**
 * acknowledgment: the immediate answer to a new case (number, promise, next steps, link);
 * step_update: the case moved to another SAV step; agent_reply: an agent answered publicly;
 * sla_warning / sla_escalation: internal mail to the assignee or the team lead;
 * chat_transcript: a live chat conversation, sent to the visitor when it ends;
 * closing: the case is solved — thanks, what was done, the product's help, the survey;
 * follow_up: some days after the closing, is everything still fine? (src/modules/surveys/).
 */
export const templateKeys = ['acknowledgment', 'step_update', 'agent_reply', 'sla_warning', 'sla_escalation', 'chat_transcript', 'closing', 'follow_up'] as const;
export type TemplateKey = (typeof templateKeys)[number];

/** ticket: the printed counter ticket (same content as the acknowledgment, for paper); chat: a line in the live chat widget. */
export const templateChannels = ['email', 'sms', 'ticket', 'chat', 'messaging'] as const;
export type TemplateChannel = (typeof templateChannels)[number];

/**
 * The template a message on a channel is written from: the live chat's visitor is in the
 * conversation on the site; a network's private messages (WhatsApp, Messenger, Instagram, an
 * X DM, a marketplace) are read later, elsewhere, and carry the case number and tracking link.
 */
export function templateChannelOf(channel: string): TemplateChannel {
  return channel === 'email' || channel === 'sms' || channel === 'ticket' || channel === 'chat' ? channel : 'messaging';
}

/**
 * queued: waiting to be sent (or for quiet hours to end); sent: the provider accepted it;
 * delivered: the provider confirmed delivery (chat: shown on the visitor's open widget);
 * read: the customer read it (chat: the visitor's widget said so); failed: given up, with the reason;
 * suppressed: deliberately not sent (no address, loop protection), with the reason.
 */
export const deliveryStatuses = ['queued', 'sent', 'delivered', 'read', 'failed', 'suppressed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const deliverySchema = z
  .object({
    channel: z.string(),
    recipient: z.string(),
    status: z.enum(deliveryStatuses),
    attempts: z.number().int(),
    detail: z.string().nullable(),
    sentAt: z.iso.datetime({ offset: true }).nullable(),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Delivery' });
export type DeliveryDto = z.infer<typeof deliverySchema>;

export const templateLanguages = ['fr', 'en'] as const;

/**
 * The channels each template exists on: what the customer hears from us goes by e-mail or SMS
 * (or, while the visitor is connected, the live chat; or the network's private messages)
 * (the acknowledgment is also printed at the counter); SLA mails are internal e-mails.
 */
export const templateSlots: Readonly<Record<TemplateKey, readonly TemplateChannel[]>> = {
  acknowledgment: ['email', 'sms', 'ticket', 'messaging'],
  step_update: ['email', 'sms', 'chat', 'messaging'],
  agent_reply: ['email', 'sms', 'chat', 'messaging'],
  sla_warning: ['email'],
  sla_escalation: ['email'],
  chat_transcript: ['email'],
  closing: ['email', 'sms', 'messaging'],
  follow_up: ['email', 'sms', 'messaging'],
};

const caseVariables = ['case.number', 'case.subject', 'case.product', 'case.openedAt', 'customer.name', 'brand.name', 'store.name', 'tracking.url'] as const;
const internalVariables = ['case.number', 'case.subject', 'customer.name', 'brand.name', 'case.url', 'sla.metric', 'sla.deadline', 'agent.firstName', 'team.name', 'assignee.name'] as const;

/** The {{variables}} each template may use; any other is refused when an admin saves it. */
export const templateVariables: Readonly<Record<TemplateKey, readonly string[]>> = {
  acknowledgment: [...caseVariables, 'promise.text', 'promise.deadline'],
  step_update: [...caseVariables, 'step.label', 'step.text', 'next.step', 'next.text', 'promise.text', 'promise.deadline'],
  agent_reply: [...caseVariables, 'message', 'agent.firstName'],
  sla_warning: internalVariables,
  sla_escalation: internalVariables,
  chat_transcript: [...caseVariables, 'transcript'],
  closing: [...caseVariables, 'closing.summary', 'help.text', 'survey.url', 'reopen.text', 'reopen.until'],
  follow_up: [...caseVariables, 'closing.summary', 'help.text', 'survey.url', 'reopen.text', 'reopen.until'],
};

const language = z.enum(templateLanguages);

export const templateSchema = z
  .object({
    key: z.enum(templateKeys),
    channel: z.enum(templateChannels),
    language,
    subject: z.string().nullable().describe('E-mail only'),
    body: z.string(),
    customised: z.boolean().describe('false: the built-in text applies'),
    variables: z.array(z.string()).describe('The {{variables}} this template may use'),
    updatedAt: z.iso.datetime({ offset: true }).nullable(),
    updatedBy: z.uuid().nullable(),
  })
  .meta({ id: 'MessageTemplate' });
export type TemplateDto = z.infer<typeof templateSchema>;

export const templateParams = z.strictObject({ key: z.enum(templateKeys), channel: z.enum(templateChannels), language });

export const saveTemplateBody = z.strictObject({
  subject: z.string().trim().min(1).max(300).optional().describe('Required for e-mail, refused elsewhere'),
  body: z.string().trim().min(1).max(20_000),
});
export type SaveTemplateInput = z.infer<typeof saveTemplateBody>;

export const previewTemplateBody = z.strictObject({
  key: z.enum(templateKeys),
  channel: z.enum(templateChannels),
  language,
  subject: z.string().trim().min(1).max(300).optional().describe('An unsaved subject to try; default: the current one'),
  body: z.string().trim().min(1).max(20_000).optional().describe('An unsaved body to try; default: the current one'),
  caseId: z.uuid().optional().describe('Render with this case; default: believable sample data'),
});
export type PreviewTemplateInput = z.infer<typeof previewTemplateBody>;

export const renderedMessageSchema = z
  .object({
    key: z.enum(templateKeys),
    channel: z.enum(templateChannels),
    language,
    subject: z.string().nullable(),
    text: z.string(),
    html: z.string().describe('E-mail: the HTML part; ticket: a printable page'),
    sms: z
      .object({ encoding: z.enum(['GSM-7', 'UCS-2']), units: z.number().int(), segments: z.number().int() })
      .nullable()
      .describe('SMS: the segments it costs'),
  })
  .meta({ id: 'RenderedMessage' });
export type RenderedMessageDto = z.infer<typeof renderedMessageSchema>;

export const acknowledgmentQuery = z.strictObject({
  channel: z.enum(templateChannels).optional().describe('Default: the channel the acknowledgment goes by'),
  language: language.optional().describe('Default: the case’s language'),
});
