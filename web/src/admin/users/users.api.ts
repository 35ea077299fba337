// Users and their API tokens, as the administration reads and changes them. The list is the
// API's (filtered, cursor-paginated); a change also refreshes the user names every other page
// shows (reference.api.ts).
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { apiTokenSchema, createdTokenSchema, CreateUserInput, UpdateUserInput, userListQuery } from '../../../../src/modules/access/access.contract.ts';
import { api } from '../../api/http.ts';
import type { Page, User } from '../../api/contracts.ts';
import { referenceQueries } from '../../reference/reference.api.ts';

export type ApiToken = z.infer<typeof apiTokenSchema>;
export type CreatedToken = z.infer<typeof createdTokenSchema>;
export type UserFilters = Pick<z.input<typeof userListQuery>, 'q' | 'role' | 'active'>;

const PAGE = 50;
export const userKeys = { all: ['admin', 'users'] as const, tokens: (userId: string) => ['admin', 'tokens', userId] as const };
/** What a user change makes stale: the admin list and everyone's name lookups. */
export const userChanged = [userKeys.all, referenceQueries.users.queryKey];

export function userListQueryOptions(filters: UserFilters) {
  return infiniteQueryOptions({
    queryKey: [...userKeys.all, filters],
    queryFn: ({ pageParam, signal }) => api<Page<User>>('/api/v1/users', { query: { ...filters, limit: PAGE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const createUser = (body: CreateUserInput) => api<User>('/api/v1/users', { method: 'POST', body });
export const updateUser = (id: string, body: UpdateUserInput) => api<User>(`/api/v1/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });
/** Deactivates: the user keeps their history and can no longer sign in. */
export const deactivateUser = (id: string) => api<void>(`/api/v1/users/${encodeURIComponent(id)}`, { method: 'DELETE' });

export function tokensQuery(userId: string) {
  return queryOptions({
    queryKey: userKeys.tokens(userId),
    queryFn: ({ signal }) => api<{ items: ApiToken[] }>('/api/v1/tokens', { query: { userId }, signal }).then((r) => r.items),
  });
}
export const createToken = (body: { name: string; expiresInDays?: number; userId?: string }) => api<CreatedToken>('/api/v1/tokens', { method: 'POST', body });
export const revokeToken = (id: string) => api<void>(`/api/v1/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
