// The signed-in user's notifications (mentions in notes): the list with its unread count,
// and marking them read. Answers are checked against the server's contract.
import { queryOptions } from '@tanstack/react-query';
import { userNotificationPage } from '../../../src/modules/user-notifications/user-notifications.contract.ts';
import { api } from '../api/http.ts';
import { userNotificationKeys } from './user-notifications.keys.ts';

export const userNotificationsQuery = queryOptions({
  queryKey: userNotificationKeys.all,
  queryFn: ({ signal }) => api('/api/v1/me/notifications', { query: { limit: 20 }, signal, parse: (j) => userNotificationPage.parse(j) }),
  // The live stream says when a new one arrives; this is only the fallback.
  refetchInterval: 120_000,
});

export const markRead = (id: string) => api<void>(`/api/v1/me/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
export const markAllRead = () => api<{ updated: number }>('/api/v1/me/notifications/read-all', { method: 'POST' });
