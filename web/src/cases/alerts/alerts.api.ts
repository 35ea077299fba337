// A case's alerts (dispute, customer effort) from the API, checked against the server's
// contract. Keyed under the case's detail, so a live change of the case refreshes them too.
import { queryOptions } from '@tanstack/react-query';
import { caseAlertsSchema, refusalCheckSchema, type CaseAlertsDto, type RefusalCheckDto } from '../../../../src/modules/disputes/disputes.contract.ts';
import { api } from '../../api/http.ts';
import { caseKeys } from '../cases.keys.ts';

export function caseAlertsQuery(caseId: string) {
  return queryOptions({
    queryKey: [...caseKeys.detail(caseId), 'alerts'] as const,
    queryFn: ({ signal }): Promise<CaseAlertsDto> => api(`/api/v1/cases/${encodeURIComponent(caseId)}/alerts`, { signal, parse: (j) => caseAlertsSchema.parse(j) }),
  });
}

/** Does this draft refuse the customer? A query per distinct text (it changes nothing). */
export function refusalCheckQuery(caseId: string, text: string) {
  return queryOptions({
    queryKey: [...caseKeys.detail(caseId), 'refusal-check', text] as const,
    queryFn: ({ signal }): Promise<RefusalCheckDto> =>
      api(`/api/v1/cases/${encodeURIComponent(caseId)}/refusal-check`, { method: 'POST', body: { text }, signal, parse: (j) => refusalCheckSchema.parse(j) }),
    staleTime: Infinity,
  });
}
