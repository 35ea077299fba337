// The three states every list goes through before it shows anything: loading (announced to
// screen readers), failed (with the problem and a retry), and empty (saying what to do next,
// shared with the inbox and the social inbox: ui/EmptyState.tsx).
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  loading: string;
  failed: string;
  children: (data: T) => ReactNode;
}

export function QueryState<T>({ query, loading, failed, children }: QueryStateProps<T>) {
  if (query.isPending) return <LoadingState label={loading} />;
  if (query.isError) return <ProblemAlert error={query.error} title={failed} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

export { EmptyState } from '../../ui/EmptyState.tsx';
