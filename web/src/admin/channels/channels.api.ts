// One channel account and its connection test (POST /channel-accounts/{id}/test: the
// connector checks it for real; the answers come in the interface language).
import { queryOptions } from '@tanstack/react-query';
import type { ConnectionTestDto } from '../../../../src/channels/accounts/accounts.contract.ts';
import { api } from '../../api/http.ts';
import { channelAccounts, type ChannelAccount } from '../admin.api.ts';

export type { ConnectionTestDto };

export function accountQuery(id: string) {
  return queryOptions({
    queryKey: [...channelAccounts.key, 'one', id],
    queryFn: ({ signal }) => api<ChannelAccount>(`/api/v1/channel-accounts/${encodeURIComponent(id)}`, { signal }),
  });
}

export const testConnection = (id: string) => api<ConnectionTestDto>(`/api/v1/channel-accounts/${encodeURIComponent(id)}/test`, { method: 'POST' });
