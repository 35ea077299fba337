// Reading and changing cases through the API, with answers checked against the server's
// own zod contracts: a server that drifts from the contract fails loudly here instead of
// rendering nonsense.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { caseEventSchema, caseSchema } from '../../../src/modules/cases/cases.contract.ts';
import { api, newIdempotencyKey } from '../api/http.ts';
import type { CaseDto, CaseEventDto, CaseListParams, Page, PostMessageInput, UpdateCaseInput } from '../api/contracts.ts';
import { caseKeys } from './cases.keys.ts';

const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
const casePage = pageOf(caseSchema);
const eventPage = pageOf(caseEventSchema);
const postedMessage = z.object({ message: caseEventSchema, caseVersion: z.number().int() });

export const CASE_PAGE_SIZE = 50;
const EVENT_PAGE_SIZE = 200;

export function caseListQuery(params: Omit<CaseListParams, 'cursor' | 'limit'>) {
  return infiniteQueryOptions({
    queryKey: caseKeys.list(params),
    queryFn: ({ pageParam, signal }): Promise<Page<CaseDto>> =>
      api('/api/v1/cases', { query: { ...params, limit: CASE_PAGE_SIZE, cursor: pageParam }, signal, parse: (j) => casePage.parse(j) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function caseQuery(id: string) {
  return queryOptions({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }): Promise<CaseDto> => api(`/api/v1/cases/${encodeURIComponent(id)}`, { signal, parse: (j) => caseSchema.parse(j) }),
  });
}

/** The timeline, oldest first; later pages hold newer events. */
export function caseEventsQuery(id: string) {
  return infiniteQueryOptions({
    queryKey: caseKeys.events(id),
    queryFn: ({ pageParam, signal }): Promise<Page<CaseEventDto>> =>
      api(`/api/v1/cases/${encodeURIComponent(id)}/events`, {
        query: { limit: EVENT_PAGE_SIZE, cursor: pageParam },
        signal,
        parse: (j) => eventPage.parse(j),
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Changes fields of the case the user saw at `version`; 412 if someone changed it since. */
export function updateCase(id: string, version: number, changes: UpdateCaseInput): Promise<CaseDto> {
  return api(`/api/v1/cases/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: changes,
    headers: { 'if-match': `"${version}"` },
    parse: (j) => caseSchema.parse(j),
  });
}

/** A public reply or an internal note; the idempotency key makes a retried click post once. */
export function postMessage(id: string, input: PostMessageInput, idempotencyKey = newIdempotencyKey()) {
  return api(`/api/v1/cases/${encodeURIComponent(id)}/messages`, {
    method: 'POST',
    body: input,
    headers: { 'idempotency-key': idempotencyKey },
    parse: (j) => postedMessage.parse(j),
  });
}
