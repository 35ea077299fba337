// The inbox's notifications: Mantine's, with a named close button (its × alone says nothing
// to a screen reader). Notifications are alerts: screen readers read them out.
import { notifications, type NotificationData } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

export function useNotify() {
  const { t } = useTranslation();
  return (data: NotificationData) => notifications.show({ closeButtonProps: { 'aria-label': t('inbox.close') }, ...data });
}
