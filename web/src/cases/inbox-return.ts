// Where "back to the inbox" goes: the inbox as the agent last left it (its view, filters and
// sort are in its address), remembered for this tab whenever the router shows the inbox.
import type { AnyRouter } from '@tanstack/react-router';
import { parseCaseListSearch, type CaseListSearch } from './case-list-search.ts';

const KEY = 'comptoir.inbox';

export function rememberInboxLocation(router: AnyRouter): void {
  router.subscribe('onResolved', ({ toLocation }) => {
    if (toLocation.pathname !== '/cases') return;
    try {
      sessionStorage.setItem(KEY, toLocation.searchStr);
    } catch {
      // Storage refused (private mode): back goes to the plain inbox.
    }
  });
}

/** The inbox's search as last seen in this tab ({} the first time). */
export function inboxSearch(): CaseListSearch {
  try {
    return parseCaseListSearch(Object.fromEntries(new URLSearchParams(sessionStorage.getItem(KEY) ?? '')));
  } catch {
    return {};
  }
}
