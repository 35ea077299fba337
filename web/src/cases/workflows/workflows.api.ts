// A case's returns, exchanges, repairs and refunds through the API: the list, a start (with an
// Idempotency-Key, so a retried click starts one), an event for the waiting step, a cancel.
// Answers are checked against the server's own contracts. The list is keyed under the case's
// detail, so the live stream's "this case changed" refreshes it like the rest of the case.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { workflowListSchema, workflowSchema, type WorkflowDto, type WorkflowEventInput, type WorkflowStartInput } from '../../../../src/modules/workflows/workflows.contract.ts';
import { z } from 'zod';
import { approvalSchema, type ApprovalDto } from '../../../../src/modules/gestures/gestures.contract.ts';
import { api } from '../../api/http.ts';
import { approvalKeys } from '../gestures/gestures.api.ts';
import { caseKeys } from '../cases.keys.ts';

export type { WorkflowDto, WorkflowEventInput, WorkflowStartInput };

export const workflowKeys = {
  ofCase: (caseId: string) => [...caseKeys.detail(caseId), 'workflows'] as const,
};

const workflowPath = (id: string) => `/api/v1/workflows/${encodeURIComponent(id)}`;

export function caseWorkflowsQuery(caseId: string) {
  return queryOptions({
    queryKey: workflowKeys.ofCase(caseId),
    queryFn: ({ signal }): Promise<WorkflowDto[]> =>
      api(`/api/v1/cases/${encodeURIComponent(caseId)}/workflows`, { signal, parse: (j) => workflowListSchema.parse(j).items }),
  });
}

/** Started at once (201), or sent to a manager because its refund or exchange is beyond the agent's authority (202). */
export type StartOutcome = { outcome: 'started'; workflow: WorkflowDto } | { outcome: 'approval_requested'; approval: ApprovalDto };
const approvalRequested = z.object({ outcome: z.literal('approval_requested'), approval: approvalSchema });

/** `idempotencyKey`: one per form submission, so a retry after a lost answer does not start a second workflow. */
export function startWorkflow(caseId: string, body: WorkflowStartInput, idempotencyKey: string): Promise<StartOutcome> {
  return api(`/api/v1/cases/${encodeURIComponent(caseId)}/workflows`, {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
    parse: (j) => ((j as { outcome?: unknown }).outcome === 'approval_requested' ? approvalRequested.parse(j) : { outcome: 'started' as const, workflow: workflowSchema.parse(j) }),
  });
}

export function postWorkflowEvent(workflowId: string, event: WorkflowEventInput, idempotencyKey: string): Promise<WorkflowDto> {
  return api(`${workflowPath(workflowId)}/events`, { method: 'POST', body: event, headers: { 'idempotency-key': idempotencyKey }, parse: (j) => workflowSchema.parse(j) });
}

export function cancelWorkflow(workflowId: string, reason?: string): Promise<WorkflowDto> {
  return api(`${workflowPath(workflowId)}/cancel`, { method: 'POST', body: reason ? { reason } : {}, parse: (j) => workflowSchema.parse(j) });
}

/** A document of the workflow in the reader's language (the API's links carry no language). */
export function documentHref(url: string, language: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}lang=${language.startsWith('en') ? 'en' : 'fr'}`;
}

/**
 * After a start, an event or a cancel: the whole case (its header's step, its timeline, the
 * workflows themselves are under its detail key) and the lists it shows in.
 */
export async function refreshCaseWorkflows(queryClient: QueryClient, caseId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
    queryClient.invalidateQueries({ queryKey: caseKeys.events(caseId) }),
    queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: approvalKeys.all }),
  ]);
}
