// The rulebook's document as admins see and change it: the version in force, the history,
// saving a new version (PUT, refused with 412 when another was saved meanwhile).
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PolicyVersionDto, policyVersionSummarySchema } from '../../../../src/modules/policies/policies.contract.ts';
import { api } from '../../api/http.ts';
import type { Page } from '../../api/contracts.ts';

export type { PolicyVersionDto };
export type PolicyVersionSummary = z.infer<typeof policyVersionSummarySchema>;

export const policyKeys = { all: ['admin', 'policies'] as const };

export const currentPolicyQuery = queryOptions({
  queryKey: [...policyKeys.all, 'current'],
  queryFn: ({ signal }) => api<PolicyVersionDto>('/api/v1/policies/current', { signal }),
});

export const policyHistoryQuery = queryOptions({
  queryKey: [...policyKeys.all, 'versions'],
  queryFn: ({ signal }) => api<Page<PolicyVersionSummary>>('/api/v1/policies/versions', { query: { limit: 50 }, signal }).then((p) => p.items),
});

export const policyVersion = (version: number) => api<PolicyVersionDto>(`/api/v1/policies/versions/${version}`);

export const savePolicy = (body: { document: unknown; comment: string | null; basedOnVersion: number }) =>
  api<PolicyVersionDto>('/api/v1/policies/current', { method: 'PUT', body });
