// A short confirmation after a save ("Modèle enregistré"), announced by Mantine's
// notifications, with a named close button.
import { notify } from '../../ui/notify.ts';

export function notifySaved(message: string): void {
  notify({ color: 'teal', message });
}
