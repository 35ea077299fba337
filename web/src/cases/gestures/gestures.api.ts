// A case's goodwill gestures and the approval requests, from the API, checked against the
// server's contract. The panel is keyed under the case's detail, so a live change of the case
// (a gesture granted, a decision taken: both are timeline events) refreshes it.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  approvalSchema,
  gesturePanelSchema,
  grantResultSchema,
  type ApprovalDto,
  type ApprovalStatus,
  type GesturePanelDto,
  type grantBody,
} from '../../../../src/modules/gestures/gestures.contract.ts';
import { api, newIdempotencyKey } from '../../api/http.ts';
import type { Page } from '../../api/contracts.ts';
import { caseKeys } from '../cases.keys.ts';

export type { ApprovalDto, GesturePanelDto };
export type GrantInput = z.input<typeof grantBody>;
export type GrantResult = z.infer<typeof grantResultSchema>;

export const approvalKeys = { all: ['approvals'] as const, list: (status: ApprovalStatus) => ['approvals', status] as const };

export function gesturePanelQuery(caseId: string) {
  return queryOptions({
    queryKey: [...caseKeys.detail(caseId), 'gestures'] as const,
    queryFn: ({ signal }): Promise<GesturePanelDto> => api(`/api/v1/cases/${encodeURIComponent(caseId)}/gestures`, { signal, parse: (j) => gesturePanelSchema.parse(j) }),
  });
}

export function approvalsQuery(status: ApprovalStatus) {
  return queryOptions({
    queryKey: approvalKeys.list(status),
    queryFn: ({ signal }): Promise<ApprovalDto[]> =>
      api<Page<unknown>>('/api/v1/approvals', { query: { status, limit: 100 }, signal }).then((p) => p.items.map((a) => approvalSchema.parse(a))),
  });
}

/** One grant, sent once however often it is retried (the key is made per grant). */
export const grantGesture = (caseId: string, body: GrantInput, idempotencyKey = newIdempotencyKey()): Promise<GrantResult> =>
  api(`/api/v1/cases/${encodeURIComponent(caseId)}/gestures`, { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey }, parse: (j) => grantResultSchema.parse(j) });

export const setSeverity = (caseId: string, severity: string) => api<void>(`/api/v1/cases/${encodeURIComponent(caseId)}/gestures/severity`, { method: 'PUT', body: { severity } });

export const decideApproval = (id: string, decision: 'approve' | 'refuse', comment?: string): Promise<ApprovalDto> =>
  api(`/api/v1/approvals/${encodeURIComponent(id)}/decision`, { method: 'POST', body: { decision, ...(comment ? { comment } : {}) }, parse: (j) => approvalSchema.parse(j) });

export const cancelApproval = (id: string): Promise<ApprovalDto> => api(`/api/v1/approvals/${encodeURIComponent(id)}/cancel`, { method: 'POST', parse: (j) => approvalSchema.parse(j) });

/** After a grant or a decision: the case's panel and timeline, and every approvals list. */
export async function refreshGestures(queryClient: QueryClient, caseId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
    queryClient.invalidateQueries({ queryKey: caseKeys.events(caseId) }),
    queryClient.invalidateQueries({ queryKey: approvalKeys.all }),
  ]);
}
