// The inbox's state lives in the URL (shareable, kept on reload and Back): the selected view
// and the filters. This parses them leniently: unknown values are dropped by the inbox page,
// which knows the contract's enums; this module stays small because the router (first
// screen) needs it. Lists are comma-separated (`channel=email,chat`); dates are days
// (`createdFrom=2026-03-01`) or periods relative to today (`createdPeriod=last_7_days`).

export interface CaseListSearch {
  /** A built-in view (`mine`, `channel:email`, `store:…`) or a saved view's id; its filters apply. */
  view?: string;
  /** A status, several (comma-separated), `open_all` (every open status: the default), or `all`. */
  status?: string;
  priority?: string;
  channel?: string;
  /** `me`, `none` or a user id. */
  assignee?: string;
  /** `mine`, `none` or a team id. */
  team?: string;
  store?: string;
  brand?: string;
  reason?: string;
  step?: string;
  /** Cases carrying every one of these tags. */
  tag?: string;
  /** SLA states: breached, due_soon, on_time, none. */
  sla?: string;
  lang?: string;
  createdFrom?: string;
  createdTo?: string;
  activityFrom?: string;
  activityTo?: string;
  /** A period relative to today (`last_7_days`, `this_month`, `older_than_30_days`). */
  createdPeriod?: string;
  activityPeriod?: string;
  q?: string;
  sort?: string;
}

// The router reads `q=123` as the number 123: it is still the text typed.
const text = (value: unknown, max = 200): string | undefined => {
  const s = typeof value === 'number' ? String(value) : value;
  return typeof s === 'string' && s.trim() !== '' ? s.trim().slice(0, max) : undefined;
};

const limits: Record<keyof CaseListSearch, number> = {
  view: 60,
  status: 200,
  priority: 100,
  channel: 300,
  assignee: 40,
  team: 40,
  store: 2000,
  brand: 2000,
  reason: 600,
  step: 600,
  tag: 600,
  sla: 60,
  lang: 2,
  createdFrom: 10,
  createdTo: 10,
  activityFrom: 10,
  activityTo: 10,
  createdPeriod: 30,
  activityPeriod: 30,
  q: 200,
  sort: 20,
};

export const caseListSearchKeys = Object.keys(limits) as (keyof CaseListSearch)[];

export function parseCaseListSearch(raw: Record<string, unknown>): CaseListSearch {
  const search: CaseListSearch = {};
  for (const key of caseListSearchKeys) {
    const value = text(raw[key], limits[key]);
    if (value) search[key] = value;
  }
  return search;
}
