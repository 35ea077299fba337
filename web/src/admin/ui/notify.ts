// A short confirmation after a save ("Modèle enregistré"), announced by Mantine's
// notifications, with a named close button.
import { notifications } from '@mantine/notifications';
import { i18n } from '../../i18n/i18n.ts';

export function notifySaved(message: string): void {
  notifications.show({ color: 'teal', message, closeButtonProps: { 'aria-label': i18n.t('admin.form.close') } });
}
