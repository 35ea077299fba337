// The inbox's filters in their three forms: the URL (CaseListSearch: strings, days), a view
// (ViewFilters: what a saved view holds), and the API query (CaseListParams). Every value goes
// through the server's own contract, so what the inbox lists, saves and counts is the same.
import { caseSortOrders, type CaseSortOrder } from '../../../src/modules/cases/cases.contract.ts';
import { builtinView, viewFilters, type ViewDefinition, type ViewDto, type ViewFilters } from '../../../src/modules/views/views.contract.ts';
import type { CaseListParams } from '../api/contracts.ts';
import type { CaseListSearch } from '../cases/case-list-search.ts';

/** URL names of the filters (view, q and sort are not filters). */
export const filterKeys = ['status', 'priority', 'channel', 'assignee', 'team', 'store', 'brand', 'reason', 'step', 'tag', 'sla', 'lang', 'createdFrom', 'createdTo', 'activityFrom', 'activityTo', 'createdPeriod', 'activityPeriod'] as const;
type FilterKey = (typeof filterKeys)[number];

const listKeys = { status: 'status', priority: 'priority', channel: 'channel', store: 'storeId', brand: 'brandId', reason: 'reason', step: 'step', tag: 'tag', sla: 'sla' } as const;
// Periods relative to today stay words, in the URL as in a saved view: the server resolves them.
const singleKeys = { assignee: 'assigneeId', team: 'teamId', lang: 'language', createdPeriod: 'createdPeriod', activityPeriod: 'activityPeriod' } as const;
const dayKeys = { createdFrom: 'createdFrom', createdTo: 'createdTo', activityFrom: 'activityFrom', activityTo: 'activityTo' } as const;

const pad = (n: number) => String(n).padStart(2, '0');
/** The local day of an instant, as a date input shows it. */
const dayOf = (instant: Date) => `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
/** Local midnight of a day (`2026-03-01`), `plusDays` later. */
function midnight(day: string, plusDays = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const at = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** The view the URL's filters make (to list them, count them or save them); what the API would refuse is dropped. */
export function viewOfSearch(search: CaseListSearch): ViewDefinition {
  const raw: Record<string, unknown> = {};
  const status = search.status ?? 'open_all';
  for (const [from, to] of Object.entries(listKeys)) {
    const value = from === 'status' ? (status === 'all' ? undefined : status) : search[from as FilterKey];
    if (value) raw[to] = value.split(',').map((s) => s.trim()).filter(Boolean);
  }
  for (const [from, to] of Object.entries(singleKeys)) if (search[from as FilterKey]) raw[to] = search[from as FilterKey];
  for (const [from, to] of Object.entries(dayKeys)) {
    const day = search[from as FilterKey];
    // "Until" a day includes that day: the API's bound is the next midnight, excluded.
    if (day) raw[to] = midnight(day, from.endsWith('To') ? 1 : 0);
  }
  const filters: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const parsed = viewFilters.shape[key as keyof ViewFilters].safeParse(value);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
  }
  const sort = (caseSortOrders as readonly string[]).includes(search.sort ?? '') ? (search.sort as CaseSortOrder) : '-lastActivityAt';
  return { filters: filters as ViewFilters, sort };
}

/** The URL's filters for a view (the inbox's default, every open case, is left out). */
export function searchOfView(view: ViewDefinition): CaseListSearch {
  const f = view.filters;
  const search: CaseListSearch = {};
  for (const [to, from] of Object.entries(listKeys)) {
    const value = f[from];
    if (value?.length) search[to as FilterKey] = value.join(',');
  }
  if (search.status === 'open_all') delete search.status;
  else if (!f.status) search.status = 'all';
  for (const [to, from] of Object.entries(singleKeys)) if (f[from]) search[to as FilterKey] = f[from];
  for (const [to, from] of Object.entries(dayKeys)) {
    const instant = f[from];
    if (instant) search[to as FilterKey] = dayOf(new Date(Date.parse(instant) - (to.endsWith('To') ? 1 : 0)));
  }
  if (view.sort !== '-lastActivityAt') search.sort = view.sort;
  return search;
}

/** The browser's time zone: where the inbox's days (dates typed, relative periods) begin and end. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The API query of a view, plus the search text; with the browser's time zone when a period needs one. */
export function listParamsOf(view: ViewDefinition, q: string | undefined, timeZone = browserTimeZone()): Omit<CaseListParams, 'cursor' | 'limit'> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(view.filters)) params[key] = Array.isArray(value) ? value.join(',') : String(value);
  if (view.filters.createdPeriod || view.filters.activityPeriod) params.timeZone = timeZone;
  return { ...params, ...(q ? { q } : {}), sort: view.sort };
}

export const hasFilters = (search: CaseListSearch) => filterKeys.some((k) => search[k] !== undefined) || search.sort !== undefined;

export interface ResolvedView {
  /** The view shown as selected in the sidebar (`open` for the default list), or null for filters of one's own. */
  viewId: string | null;
  /** The filters in force, as the filter bar shows them. */
  search: CaseListSearch;
  /** The saved view named in the URL is still loading. */
  pending: boolean;
}

/** What the URL asks for: a view's filters (with the search text typed) or its own filters. */
export function resolveView(search: CaseListSearch, saved: ViewDto[] | undefined): ResolvedView {
  const q = search.q ? { q: search.q } : {};
  if (!search.view) return { viewId: hasFilters(search) ? null : 'open', search, pending: false };
  const definition = builtinView(search.view) ?? saved?.find((v) => v.id === search.view);
  if (definition) return { viewId: search.view, search: { ...searchOfView(definition), ...q }, pending: false };
  // A saved view still loading, or one deleted since the link was made (then: the default list).
  return saved ? { viewId: 'open', search: q, pending: false } : { viewId: search.view, search: q, pending: true };
}
