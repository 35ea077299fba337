// Working together on a case through the API (src/modules/collab/collab.routes.ts): presence
// heartbeats, merge preview and merge, split, related-case links; answers checked against
// the server's zod contracts. Links live under the case's detail key, so every live update of
// the case (which refreshes its detail) refreshes them too.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { linkListSchema, linkSchema, mergePreviewSchema, presenceListSchema } from '../../../../src/modules/collab/collab.contract.ts';
import type { LinkInput, PresenceInput } from '../../../../src/modules/collab/collab.contract.ts';
import { caseSchema } from '../../../../src/modules/cases/cases.contract.ts';
import { api, newIdempotencyKey } from '../../api/http.ts';
import type { CaseDto, Page } from '../../api/contracts.ts';
import { caseKeys } from '../cases.keys.ts';

export type { CaseSummary, LinkDto, LinkRelation, MergePreview, PresenceDto, PresenceList, PresenceSignal } from '../../../../src/modules/collab/collab.contract.ts';

const path = (caseId: string, rest: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/${rest}`;
const casePage = z.object({ items: z.array(caseSchema), nextCursor: z.string().nullable() });

export const collabKeys = {
  links: (caseId: string) => [...caseKeys.detail(caseId), 'links'] as const,
  preview: (caseId: string, caseIds: string[]) => [...caseKeys.detail(caseId), 'merge-preview', caseIds] as const,
  customerCases: (customerId: string) => [...caseKeys.lists(), 'customer', customerId] as const,
};

export function sendPresence(caseId: string, body: PresenceInput, options: { keepalive?: boolean } = {}) {
  return api(path(caseId, 'presence'), { method: 'PUT', body, parse: (j) => presenceListSchema.parse(j), ...options });
}

export function linksQuery(caseId: string) {
  return queryOptions({
    queryKey: collabKeys.links(caseId),
    queryFn: ({ signal }) => api(path(caseId, 'links'), { signal, parse: (j) => linkListSchema.parse(j).items }),
  });
}

export function addLink(caseId: string, input: LinkInput) {
  return api(path(caseId, 'links'), { method: 'POST', body: input, parse: (j) => linkSchema.parse(j) });
}

export function removeLink(caseId: string, linkId: string) {
  return api<void>(path(caseId, `links/${encodeURIComponent(linkId)}`), { method: 'DELETE' });
}

/** The customer's open cases (the inbox's own list, filtered), for merging. */
export function customerOpenCasesQuery(customerId: string) {
  return queryOptions({
    queryKey: collabKeys.customerCases(customerId),
    queryFn: ({ signal }): Promise<Page<CaseDto>> =>
      api('/api/v1/cases', { query: { customerId, status: 'open_all', limit: 100 }, signal, parse: (j) => casePage.parse(j) }),
  });
}

/** Cases matching a number or words (the inbox's search), to link one. */
export function searchCases(q: string, signal?: AbortSignal): Promise<Page<CaseDto>> {
  return api('/api/v1/cases', { query: { q, status: 'open_all,solved,closed', limit: 10 }, signal, parse: (j) => casePage.parse(j) });
}

export function mergePreviewQuery(survivorId: string, caseIds: string[]) {
  return queryOptions({
    queryKey: collabKeys.preview(survivorId, caseIds),
    queryFn: ({ signal }) => api(path(survivorId, 'merge-preview'), { query: { caseIds: caseIds.join(',') }, signal, parse: (j) => mergePreviewSchema.parse(j) }),
    staleTime: 0,
  });
}

/** The same contract as the inbox's bulk merge: POST /cases/{survivorId}/merge {caseIds}. */
export function mergeCases(survivorId: string, caseIds: string[], idempotencyKey = newIdempotencyKey()) {
  return api(path(survivorId, 'merge'), { method: 'POST', body: { caseIds }, headers: { 'idempotency-key': idempotencyKey }, parse: (j) => caseSchema.parse(j) });
}

export function splitCase(caseId: string, input: { eventIds: string[]; subject: string }, idempotencyKey = newIdempotencyKey()) {
  return api(path(caseId, 'split'), { method: 'POST', body: input, headers: { 'idempotency-key': idempotencyKey }, parse: (j) => caseSchema.parse(j) });
}
