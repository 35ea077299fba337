// The administration's data: one small description per resource of the API (its list query
// and its writes), so every screen reads and writes the same way and refreshes the same keys.
// Lists other pages share (teams, users, reasons, steps) keep the keys of reference.api.ts, so
// a change here shows everywhere at once.
import { queryOptions, type QueryKey } from '@tanstack/react-query';
import type { z } from 'zod';
import type { brandSchema, storeSchema } from '../../../src/modules/org/org.contract.ts';
import type { calendarSchema, slaPolicySchema } from '../../../src/modules/sla/sla.contract.ts';
import type { channelAccountSchema } from '../../../src/channels/accounts/accounts.contract.ts';
import { api, type QueryValue } from '../api/http.ts';
import type { ReferenceItem, Team } from '../api/contracts.ts';
import { referenceQueries } from '../reference/reference.api.ts';

export type Brand = z.infer<typeof brandSchema>;
export type Store = z.infer<typeof storeSchema>;
export type Calendar = z.infer<typeof calendarSchema>;
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
export type ChannelAccount = z.infer<typeof channelAccountSchema>;

const STALE_MS = 60_000;

export interface Resource<T> {
  path: string;
  key: QueryKey;
  list: ReturnType<typeof listQuery<T>>;
  create: (body: unknown) => Promise<T>;
  update: (id: string, body: unknown) => Promise<T>;
  remove: (id: string) => Promise<void>;
}

function listQuery<T>(key: QueryKey, path: string, query?: Record<string, QueryValue>) {
  return queryOptions({
    queryKey: query ? [...key, query] : key,
    queryFn: ({ signal }) => api<{ items: T[] }>(path, { signal, ...(query ? { query } : {}) }).then((r) => r.items),
    staleTime: STALE_MS,
  });
}

function resource<T>(path: string, key: QueryKey, list = listQuery<T>(key, path)): Resource<T> {
  const one = (id: string) => `${path}/${encodeURIComponent(id)}`;
  return {
    path,
    key,
    list,
    create: (body) => api<T>(path, { method: 'POST', body }),
    update: (id, body) => api<T>(one(id), { method: 'PATCH', body }),
    remove: (id) => api<void>(one(id), { method: 'DELETE' }),
  };
}

export const brands = resource<Brand>('/api/v1/brands', ['admin', 'brands']);
export const stores = resource<Store>('/api/v1/stores', ['admin', 'stores']);
export const teams = resource<Team>('/api/v1/teams', referenceQueries.teams.queryKey, referenceQueries.teams as ReturnType<typeof listQuery<Team>>);
export const calendars = resource<Calendar>('/api/v1/calendars', ['admin', 'calendars']);
export const slaPolicies = resource<SlaPolicy>('/api/v1/sla-policies', ['admin', 'sla-policies']);
export const channelAccounts = resource<ChannelAccount>('/api/v1/channel-accounts', ['admin', 'channel-accounts']);
export const reasons = resource<ReferenceItem>('/api/v1/reasons', referenceQueries.reasons.queryKey, referenceQueries.reasons as ReturnType<typeof listQuery<ReferenceItem>>);
export const steps = resource<ReferenceItem>('/api/v1/steps', referenceQueries.steps.queryKey, referenceQueries.steps as ReturnType<typeof listQuery<ReferenceItem>>);

/** The same list, filtered by the API (stores of a brand, of a kind). */
export function filteredList<T>(r: Resource<T>, query: Record<string, QueryValue>) {
  return listQuery<T>(r.key, r.path, query);
}

/** Names by id, for tables that show what an id refers to. */
export function namesById<T extends { id: string }>(items: readonly T[] | undefined, name: (item: T) => string): (id: string | null | undefined) => string | null {
  const map = new Map((items ?? []).map((i) => [i.id, name(i)]));
  return (id) => (id ? (map.get(id) ?? null) : null);
}
