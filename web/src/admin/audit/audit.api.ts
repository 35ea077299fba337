// The audit log, newest first, 50 entries at a time, with the API's filters.
import { infiniteQueryOptions } from '@tanstack/react-query';
import type { AuditQueryInput } from '../../../../src/modules/audit/audit.contract.ts';
import { api } from '../../api/http.ts';
import type { Page } from '../../api/contracts.ts';
import type { AuditEntryDto } from './audit-words.ts';

export type AuditFilters = Omit<AuditQueryInput, 'limit' | 'cursor'>;

const PAGE = 50;

export function auditQuery(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: ['admin', 'audit', filters],
    queryFn: ({ pageParam, signal }) => api<Page<AuditEntryDto>>('/api/v1/audit', { query: { ...filters, limit: PAGE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
