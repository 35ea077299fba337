// The inbox's calls to the API: saved views, counts per view, bulk changes and merging,
// with answers checked against the server's zod contracts.
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { bulkResultSchema, type BulkAction, type BulkResult } from '../../../src/modules/cases/bulk.contract.ts';
import { caseSchema } from '../../../src/modules/cases/cases.contract.ts';
import { brandSchema, storeSchema } from '../../../src/modules/org/org.contract.ts';
import { viewCountsSchema, viewSchema, type CreateViewInput, type UpdateViewInput, type ViewDto } from '../../../src/modules/views/views.contract.ts';
import { api } from '../api/http.ts';
import type { CaseDto } from '../api/contracts.ts';
import { caseKeys } from '../cases/cases.keys.ts';
import { browserTimeZone } from './inbox-filters.ts';
import { viewKeys } from './inbox.keys.ts';

const viewList = z.object({ items: z.array(viewSchema) });
const storeList = z.object({ items: z.array(storeSchema) });
const brandList = z.object({ items: z.array(brandSchema) });

/** Counts follow the live stream (useLiveUpdates); this only catches SLA states moving with time. */
const COUNTS_REFRESH_MS = 60_000;

export const viewsQuery = queryOptions({
  queryKey: viewKeys.list(),
  queryFn: ({ signal }) => api('/api/v1/views', { signal, parse: (j) => viewList.parse(j).items }),
});

export const countsQuery = queryOptions({
  queryKey: viewKeys.counts(),
  // Saved views with a period ("the last 7 days") count the days of the browser's zone, as the list does.
  queryFn: ({ signal }) => api(`/api/v1/views/counts?timeZone=${encodeURIComponent(browserTimeZone())}`, { signal, parse: (j) => viewCountsSchema.parse(j) }),
  refetchInterval: COUNTS_REFRESH_MS,
  staleTime: 10_000,
});

export const storesQuery = queryOptions({
  queryKey: ['reference', 'stores'],
  queryFn: ({ signal }) => api('/api/v1/stores', { signal, parse: (j) => storeList.parse(j).items }),
  staleTime: 5 * 60_000,
});

export const brandsQuery = queryOptions({
  queryKey: ['reference', 'brands'],
  queryFn: ({ signal }) => api('/api/v1/brands', { signal, parse: (j) => brandList.parse(j).items }),
  staleTime: 5 * 60_000,
});

export const createView = (input: CreateViewInput): Promise<ViewDto> =>
  api('/api/v1/views', { method: 'POST', body: input, parse: (j) => viewSchema.parse(j) });

export const updateView = (id: string, changes: UpdateViewInput): Promise<ViewDto> =>
  api(`/api/v1/views/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes, parse: (j) => viewSchema.parse(j) });

export const deleteView = (id: string): Promise<void> => api(`/api/v1/views/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const bulkChange = (caseIds: string[], action: BulkAction): Promise<BulkResult> =>
  api('/api/v1/cases/bulk', { method: 'POST', body: { caseIds, action }, parse: (j) => bulkResultSchema.parse(j) });

/** Merges `caseIds` into the survivor (the collaboration part's endpoint); answers the survivor. */
export const mergeCases = (survivorId: string, caseIds: string[]): Promise<CaseDto> =>
  api(`/api/v1/cases/${encodeURIComponent(survivorId)}/merge`, { method: 'POST', body: { caseIds }, parse: (j) => caseSchema.parse(j) });

/** After a change made here: the lists, the counts and the changed cases, at once. */
export function useRefreshAfterChange() {
  const queryClient = useQueryClient();
  return (caseIds: string[] = []) => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: viewKeys.counts() });
    for (const id of caseIds) void queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) });
  };
}
