// The three states every list goes through before it shows anything: loading (announced to
// screen readers), failed (with the problem and a retry), and empty (saying what to do next).
import { Paper, Stack, Text } from '@mantine/core';
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

export function EmptyState({ title, body, action }: { title: string; body?: string; action?: ReactNode }) {
  return (
    <Paper withBorder p="xl">
      <Stack align="center" gap="xs">
        <Text fw={600}>{title}</Text>
        {body && (
          <Text size="sm" c="dimmed" ta="center">
            {body}
          </Text>
        )}
        {action}
      </Stack>
    </Paper>
  );
}
