// The rulebook's verdict on a case, as the console and the counter show it: the same endpoint
// (GET /api/v1/cases/{id}/policy-verdict) the tracking page's verdict comes from, so the agent,
// the store employee and the customer read the same answer. Checked against the server's contract.
import { queryOptions } from '@tanstack/react-query';
import { caseVerdictSchema, type CaseVerdictDto } from '../../../src/modules/policies/policies.contract.ts';
import type { PolicyRequestKind } from '../../../src/modules/policies/law/verdict.ts';
import { api } from '../api/http.ts';

export type { CaseVerdictDto, PolicyRequestKind };
export const policyRequestKinds = ['defect', 'withdrawal', 'late_delivery'] as const satisfies readonly PolicyRequestKind[];

/** Under the case's keys: refreshing the case (a purchase linked, the reason changed) refreshes it. */
export const verdictKey = (caseId: string, request: PolicyRequestKind | null) => ['cases', 'policy-verdict', caseId, request ?? 'default'] as const;

/** `request` null: what the case's contact reason asks. */
export function caseVerdictQuery(caseId: string, request: PolicyRequestKind | null) {
  return queryOptions({
    queryKey: verdictKey(caseId, request),
    queryFn: ({ signal }): Promise<CaseVerdictDto> =>
      api(`/api/v1/cases/${encodeURIComponent(caseId)}/policy-verdict`, { query: request ? { request } : {}, signal, parse: (j) => caseVerdictSchema.parse(j) }),
    retry: false,
  });
}
