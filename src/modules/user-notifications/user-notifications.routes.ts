// HTTP routes of a user's notifications (the bell) and of who may be mentioned on a case.
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { principalOf } from '../access/access.http.ts';
import { mentionableUsers } from './mentions.ts';
import { mentionableUserSchema, userNotificationListQuery, userNotificationPage } from './user-notifications.contract.ts';
import { listUserNotifications, markAllNotificationsRead, markNotificationRead } from './user-notifications.service.ts';

const tags = ['notifications'];

export function registerUserNotificationRoutes(app: Api): void {
  app.get(
    '/api/v1/me/notifications',
    {
      schema: {
        tags,
        summary: 'Your notifications (mentions in internal notes): unread first, then newest first, with the unread count',
        querystring: userNotificationListQuery,
        response: { 200: userNotificationPage, ...problems(400, 401, 403) },
      },
    },
    async (req) => listUserNotifications(req.ctx, principalOf(req), req.query),
  );

  app.post(
    '/api/v1/me/notifications/:id/read',
    { schema: { tags, summary: 'Mark one of your notifications read', params: idParams, response: { 204: z.null(), ...problems(401, 403, 404) } } },
    async (req, reply) => {
      await markNotificationRead(req.ctx, principalOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/me/notifications/read-all',
    { schema: { tags, summary: 'Mark all your notifications read', response: { 200: z.object({ updated: z.number().int() }), ...problems(401, 403) } } },
    async (req) => markAllNotificationsRead(req.ctx, principalOf(req)),
  );

  app.get(
    '/api/v1/cases/:id/mentionable-users',
    {
      schema: {
        tags: ['cases'],
        summary: 'Colleagues you may @mention in an internal note on this case (active users who see its notes)',
        params: idParams,
        response: { 200: z.object({ items: z.array(mentionableUserSchema) }), ...problems(401, 403, 404) },
      },
    },
    async (req) => ({ items: await mentionableUsers(req.ctx, principalOf(req), req.params.id) }),
  );
}
