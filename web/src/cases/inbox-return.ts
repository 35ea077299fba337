// Where "back to the inbox" goes: the inbox as the agent last left it (its view, filters and
// sort are in its address), remembered for this tab whenever the router shows the inbox.
import type { AnyRouter } from '@tanstack/react-router';

const KEY = 'comptoir.inbox';

export function rememberInboxLocation(router: AnyRouter): void {
  router.subscribe('onResolved', ({ toLocation }) => {
    if (toLocation.pathname !== '/cases') return;
    try {
      sessionStorage.setItem(KEY, toLocation.href);
    } catch {
      // Storage refused (private mode): back goes to the plain inbox.
    }
  });
}

export function inboxHref(): string {
  try {
    const href = sessionStorage.getItem(KEY);
    return href?.startsWith('/cases') ? href : '/cases';
  } catch {
    return '/cases';
  }
}
