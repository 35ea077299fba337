// Which customer screens a live case event concerns. A new case names its customer; a change to
// a case (status, assignment, a message) names only the case, so the panels whose data lists
// that case are the ones refetched. Reads the query cache only: no request, no customer code.
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { CaseDto, Page } from '../api/contracts.ts';
import type { CustomerDetail } from './customers.api.ts';
import { customerKeys } from './customers.keys.ts';

export function refreshCustomersOfCases(queryClient: QueryClient, customerIds: ReadonlySet<string>, caseIds: ReadonlySet<string>): void {
  const stale: (readonly unknown[])[] = [...customerIds].flatMap((id) => [customerKeys.detail(id), customerKeys.cases(id)]);
  if (caseIds.size > 0) {
    for (const [key, detail] of queryClient.getQueriesData<CustomerDetail>({ queryKey: customerKeys.details() })) {
      if (detail?.cases.some((c) => caseIds.has(c.id))) stale.push(key);
    }
    for (const [key, pages] of queryClient.getQueriesData<InfiniteData<Page<CaseDto>>>({ queryKey: customerKeys.allCases() })) {
      if (pages?.pages.some((p) => p.items.some((c) => caseIds.has(c.id)))) stale.push(key);
    }
  }
  for (const queryKey of stale) void queryClient.invalidateQueries({ queryKey, exact: true });
}
