// Quiet hours: no SMS wakes a customer at night. A message due inside the window waits for
// its end, in the business's time zone; e-mail is never held (it waits in the inbox anyway).
import { instantOf, localDayOf, localMinuteOf } from '../sla/zone.ts';

/** Minutes after local midnight: 21:00–08:00 is { from: 1260, to: 480 } and crosses midnight. */
export interface QuietWindow {
  from: number;
  to: number;
}

/** The instant the window ends if `at` falls inside it, else null (send now). */
export function quietUntil(at: Date, timezone: string, window: QuietWindow | null): Date | null {
  if (!window || window.from === window.to) return null;
  const instant = at.getTime();
  const minute = localMinuteOf(timezone, instant);
  const day = localDayOf(timezone, instant);
  const crossesMidnight = window.from > window.to;
  if (crossesMidnight) {
    if (minute >= window.from) return new Date(instantOf(timezone, day + 1, window.to));
    if (minute < window.to) return new Date(instantOf(timezone, day, window.to));
    return null;
  }
  if (minute >= window.from && minute < window.to) return new Date(instantOf(timezone, day, window.to));
  return null;
}
