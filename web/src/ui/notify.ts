// Every notification of the console: Mantine's, with a named close button (its × alone says
// nothing to a screen reader). Notifications are alerts: screen readers read them out.
import { notifications, type NotificationData } from '@mantine/notifications';
import { i18n } from '../i18n/i18n.ts';

export function notify(data: NotificationData): void {
  notifications.show({ closeButtonProps: { 'aria-label': i18n.t('app.close') }, ...data });
}
