// Stores (shops, e-shops, marketplaces, dealers) by id, for the pages that name where a case
// belongs: loaded once and shared, like the other reference lists.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { z } from 'zod';
import type { storeSchema } from '../../../src/modules/org/org.contract.ts';
import { api } from '../api/http.ts';

export type Store = z.infer<typeof storeSchema>;

export const storesQuery = queryOptions({
  queryKey: ['reference', 'stores'],
  queryFn: ({ signal }) => api<{ items: Store[] }>('/api/v1/stores', { signal }).then((r) => r.items),
  staleTime: 5 * 60_000,
});

/** The stores, and a store's name by id (null for none, e.g. a case of the web). */
export function useStores() {
  const stores = useQuery(storesQuery);
  return useMemo(() => {
    const byId = new Map((stores.data ?? []).map((s) => [s.id, s]));
    return { stores: stores.data ?? [], name: (id: string | null | undefined) => (id ? (byId.get(id)?.name ?? null) : null) };
  }, [stores.data]);
}
