// What the live chat stores in the inbound store, exactly as the visitor sent it: a message in
// a conversation, or the offline form (no agent online). JSON, read back by chat.process.ts.
import { z } from 'zod';

export const rawChatMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message'), conversationId: z.uuid(), clientId: z.string(), text: z.string() }),
  z.object({
    kind: z.literal('offline'),
    clientId: z.string(),
    name: z.string(),
    email: z.string(),
    text: z.string(),
    language: z.enum(['fr', 'en']),
  }),
]);
export type RawChatMessage = z.infer<typeof rawChatMessage>;

export const encodeRaw = (m: RawChatMessage) => Buffer.from(JSON.stringify(m), 'utf8');
