// Customers through the API: the panel's data (identities, cases, merge suggestions), the
// search, identity edits and merges (previewed first). Answers are checked against the
// server's own contracts.
import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { caseSchema } from '../../../src/modules/cases/cases.contract.ts';
import {
  customerDetailSchema,
  customerSchema,
  mergeResultSchema,
  mergeSuggestionSchema,
  type identityInput,
} from '../../../src/modules/customers/customers.contract.ts';
import { api } from '../api/http.ts';
import type { CaseDto, Page } from '../api/contracts.ts';
import { caseKeys } from '../cases/cases.keys.ts';
import { customerKeys } from './customers.keys.ts';

export type CustomerDetail = z.infer<typeof customerDetailSchema>;
export type Customer = z.infer<typeof customerSchema>;
export type Identity = Customer['identities'][number];
export type IdentityInput = z.input<typeof identityInput>;
export type MergeResult = z.infer<typeof mergeResultSchema>;
export type MergeSuggestion = z.infer<typeof mergeSuggestionSchema>;

const customerPage = z.object({ items: z.array(customerSchema), nextCursor: z.string().nullable() });
const casePage = z.object({ items: z.array(caseSchema), nextCursor: z.string().nullable() });

export { customerKeys };

const path = (id: string) => `/api/v1/customers/${encodeURIComponent(id)}`;

/**
 * How the panel stays current: its cases follow the live stream (a case of this customer opened
 * or changed by anyone refetches it at once: customers.live.ts). Identities and merges done by
 * someone else send no event on the stream, and are rare: the panel polls for them every minute.
 */
const CUSTOMER_POLL_MS = 60_000;

export function customerQuery(id: string) {
  return queryOptions({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }): Promise<CustomerDetail> => api(path(id), { signal, parse: (j) => customerDetailSchema.parse(j) }),
    refetchInterval: CUSTOMER_POLL_MS,
  });
}

export function customerSearchQuery(q: string) {
  return queryOptions({
    queryKey: customerKeys.search(q),
    queryFn: ({ signal }): Promise<Customer[]> => api('/api/v1/customers', { query: { q, limit: 25 }, signal, parse: (j) => customerPage.parse(j).items }),
    enabled: q.trim().length > 0,
  });
}

export const CUSTOMER_CASE_PAGE = 50;

/** Every case of the customer, newest first, 50 at a time (the panel's first page comes with the customer). */
export function customerCasesQuery(id: string) {
  return infiniteQueryOptions({
    queryKey: customerKeys.cases(id),
    queryFn: ({ pageParam, signal }): Promise<Page<CaseDto>> =>
      api('/api/v1/cases', { query: { customerId: id, sort: '-createdAt', limit: CUSTOMER_CASE_PAGE, cursor: pageParam }, signal, parse: (j) => casePage.parse(j) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function addIdentity(customerId: string, input: IdentityInput): Promise<Customer> {
  return api(`${path(customerId)}/identities`, { method: 'POST', body: input, parse: (j) => customerSchema.parse(j) });
}

export function removeIdentity(customerId: string, identityId: string): Promise<Customer> {
  return api(`${path(customerId)}/identities/${encodeURIComponent(identityId)}`, { method: 'DELETE', parse: (j) => customerSchema.parse(j) });
}

/** Merges `sourceId` into `survivorId`; with preview, says what would happen and changes nothing. */
export function mergeCustomers(survivorId: string, sourceId: string, preview: boolean): Promise<MergeResult> {
  return api(`${path(survivorId)}/merge`, { method: 'POST', body: { sourceId, preview }, parse: (j) => mergeResultSchema.parse(j) });
}

export function acceptSuggestion(id: string, options: { preview: boolean; survivorId?: string }): Promise<MergeResult> {
  return api(`/api/v1/merge-suggestions/${encodeURIComponent(id)}/accept`, { method: 'POST', body: options, parse: (j) => mergeResultSchema.parse(j) });
}

export function dismissSuggestion(id: string): Promise<MergeSuggestion> {
  return api(`/api/v1/merge-suggestions/${encodeURIComponent(id)}/dismiss`, { method: 'POST', parse: (j) => mergeSuggestionSchema.parse(j) });
}

/** After an identity edit or a merge: every customer view and the cases they name. */
export async function refreshCustomers(queryClient: QueryClient): Promise<void> {
  await Promise.all([queryClient.invalidateQueries({ queryKey: customerKeys.all }), queryClient.invalidateQueries({ queryKey: caseKeys.all })]);
}
