// The inbox's notifications (ui/notify.ts), as a hook for its components.
import { notify } from '../ui/notify.ts';

export function useNotify() {
  return notify;
}
