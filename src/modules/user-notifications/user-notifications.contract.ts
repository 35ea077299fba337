// The shapes of a user's notifications inside the console (the bell), shared with the web app.
import { z } from 'zod';

/**
 * mention: a colleague named you in an internal note; effort: a case of your team reached the
 * customer-effort threshold; dispute: a case was flagged as a dispute and routed to your team;
 * approval_requested: a gesture or remedy beyond someone's authority waits for your decision;
 * approval_decided: your request was approved or refused.
 */
export const userNotificationKinds = ['mention', 'effort', 'dispute', 'workflow', 'approval_requested', 'approval_decided'] as const;

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });

export const userNotificationSchema = z
  .object({
    id,
    kind: z.enum(userNotificationKinds),
    case: z.object({ id, number: z.string(), subject: z.string() }),
    eventId: id.describe('The note, or the warning on the timeline'),
    actor: z.object({ id: id.nullable(), name: z.string().nullable() }).describe('Who mentioned you (none for warnings)'),
    excerpt: z.string().describe('The start of the note (warnings: what was found)'),
    createdAt: instant,
    readAt: instant.nullable(),
  })
  .meta({ id: 'UserNotification' });
export type UserNotificationDto = z.infer<typeof userNotificationSchema>;

export const userNotificationPage = z.object({
  items: z.array(userNotificationSchema),
  unreadCount: z.number().int(),
  nextCursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page'),
});

export const userNotificationListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

export const mentionableUserSchema = z.object({ id, name: z.string(), email: z.string() }).meta({ id: 'MentionableUser' });

/** The SSE event sent to a user told about something (on their general stream, live only). */
export const USER_NOTIFICATION_SIGNAL = 'notification.created';
