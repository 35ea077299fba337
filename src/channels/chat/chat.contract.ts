// The live chat API's shapes: what the widget (or any page) sends and gets back.
import { z } from 'zod';
import { acknowledgmentSchema } from '../webform/webform.contract.ts';

const lang = z.enum(['fr', 'en']);
const optionalText = (max: number) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max, 'too long').optional());
/** The widget's own id for what it sends: the same id again is the same message (a retried POST). */
const clientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'invalid').describe('Made by the widget, unique per message; a retry sends the same');

export const accountKeyParams = z.strictObject({ key: z.string().min(1).max(320).describe('The account’s public key (its address), as in data-account') });
export const conversationParams = z.strictObject({ id: z.uuid() });
export const langQuery = z.strictObject({ lang: lang.optional() });

export const chatStatusSchema = z
  .object({
    open: z.boolean().describe('The team’s hours are open and an agent is there'),
    reason: z.enum(['outside_hours', 'no_agent']).nullable(),
    brand: z.string(),
    language: lang,
    greeting: z.string().nullable(),
  })
  .meta({ id: 'ChatStatus' });

export const startConversationBody = z.strictObject({
  name: optionalText(100),
  email: optionalText(320),
  lang: lang.optional(),
});
export const conversationStartedSchema = z
  .object({ conversationId: z.uuid(), token: z.string().describe('Send it back as X-Chat-Token (and ?token= on the stream)'), language: lang })
  .meta({ id: 'ChatConversation' });

export const chatMessageBody = z.strictObject({ clientId, text: z.string().trim().min(1, 'required').max(5000, 'too long') });
export const chatMessageSentSchema = z
  .object({
    eventId: z.uuid().describe('The message on the case’s timeline'),
    caseNumber: z.string(),
    acknowledgment: acknowledgmentSchema.nullable().describe('The first message of a conversation: its case’s number, promise and tracking link'),
  })
  .meta({ id: 'ChatMessageSent' });

export const typingBody = z.strictObject({ typing: z.boolean() });
export const readBody = z.strictObject({ eventId: z.uuid().describe('The last agent message shown') });
export const endBody = z.strictObject({
  transcript: z.boolean().default(false).describe('Send the conversation by e-mail'),
  email: optionalText(320).describe('Where to send it, when the visitor gave none before'),
});
export const endedSchema = z.object({ transcript: z.enum(['queued', 'no_email', 'not_asked', 'already_sent']) }).meta({ id: 'ChatEnded' });

export const offlineBody = z.strictObject({
  clientId,
  name: z.string().trim().min(1, 'required').max(100, 'too long'),
  email: z.string().trim().min(1, 'required').max(320, 'too long'),
  message: z.string().trim().min(1, 'required').max(5000, 'too long'),
  lang: lang.optional(),
});
