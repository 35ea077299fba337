// The case list's filters live in the URL (shareable, kept on reload and Back). This parses
// them leniently: unknown values are dropped by the list page, which knows the contract's
// enums; this module stays small because the router (first screen) needs it.

export interface CaseListSearch {
  /** A status, `open_all` (every open status: the default), or `all`. */
  status?: string;
  priority?: string;
  channel?: string;
  assignee?: 'me' | 'none';
  team?: string;
  q?: string;
  sort?: string;
}

const text = (value: unknown, max = 200): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined;

export function parseCaseListSearch(raw: Record<string, unknown>): CaseListSearch {
  const search: CaseListSearch = {};
  const status = text(raw.status, 40);
  const priority = text(raw.priority, 20);
  const channel = text(raw.channel, 20);
  const team = text(raw.team, 40);
  const q = text(raw.q);
  const sort = text(raw.sort, 20);
  if (status) search.status = status;
  if (priority) search.priority = priority;
  if (channel) search.channel = channel;
  if (raw.assignee === 'me' || raw.assignee === 'none') search.assignee = raw.assignee;
  if (team) search.team = team;
  if (q) search.q = q;
  if (sort) search.sort = sort;
  return search;
}
