// The order sources admin API as the screens use it: the list (with each shop's activity), one
// source, its recent webhook deliveries, the connection test and "read now" (PrestaShop).
import { queryOptions } from '@tanstack/react-query';
import type {
  OrderSourceDto,
  OrderSourceListItemDto,
  OrderWebhookDeliveryDto,
  OrderSourceActivityDto,
} from '../../../../src/modules/commerce/order-sources.contract.ts';
import type { ConnectionTestDto } from '../../../../src/channels/accounts/accounts.contract.ts';
import { api } from '../../api/http.ts';

export type OrderSource = OrderSourceDto;
export type OrderSourceListItem = OrderSourceListItemDto;
export type WebhookDelivery = OrderWebhookDeliveryDto;
export type SourceActivity = OrderSourceActivityDto;

const path = '/api/v1/order-sources';
const one = (id: string) => `${path}/${encodeURIComponent(id)}`;

export const orderSources = {
  key: ['admin', 'order-sources'] as const,
  list: queryOptions({
    queryKey: ['admin', 'order-sources'],
    queryFn: ({ signal }) => api<{ items: OrderSourceListItem[] }>(path, { signal }).then((r) => r.items),
    staleTime: 30_000,
  }),
  create: (body: unknown) => api<OrderSource>(path, { method: 'POST', body }),
  update: (id: string, body: unknown) => api<OrderSource>(one(id), { method: 'PATCH', body }),
  test: (id: string) => api<ConnectionTestDto>(`${one(id)}/test`, { method: 'POST' }),
  sync: (id: string) => api<{ queued: boolean }>(`${one(id)}/sync`, { method: 'POST' }),
};

export function sourceQuery(id: string) {
  return queryOptions({
    queryKey: [...orderSources.key, 'one', id],
    queryFn: ({ signal }) => api<OrderSource>(one(id), { signal }),
  });
}

/** The latest deliveries, refreshed every few seconds while the page is open: the admin watches the shop's test webhook arrive. */
export function webhooksQuery(id: string) {
  return queryOptions({
    queryKey: [...orderSources.key, 'webhooks', id],
    queryFn: ({ signal }) => api<{ activity: SourceActivity; items: WebhookDelivery[] }>(`${one(id)}/webhooks`, { signal, query: { limit: 30 } }),
    refetchInterval: 5_000,
  });
}
