// The notifications API's shapes (templates, previews, deliveries), shared with the web app.
import { z } from 'zod';

/**
 * acknowledgment: the immediate answer to a new case (number, promise, next steps, link);
 * step_update: the case moved to another SAV step; agent_reply: an agent answered publicly;
 * sla_warning / sla_escalation: internal mail to the assignee or the team lead.
 */
export const templateKeys = ['acknowledgment', 'step_update', 'agent_reply', 'sla_warning', 'sla_escalation'] as const;
export type TemplateKey = (typeof templateKeys)[number];

/** ticket: the printed counter ticket (same content as the acknowledgment, for paper). */
export const templateChannels = ['email', 'sms', 'ticket'] as const;
export type TemplateChannel = (typeof templateChannels)[number];

/**
 * queued: waiting to be sent (or for quiet hours to end); sent: the provider accepted it;
 * delivered: the provider confirmed delivery; failed: given up, with the reason;
 * suppressed: deliberately not sent (no address, loop protection), with the reason.
 */
export const deliveryStatuses = ['queued', 'sent', 'delivered', 'failed', 'suppressed'] as const;
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
