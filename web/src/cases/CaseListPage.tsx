// The inbox: every case the user may work, filtered and sorted from the URL, 50 at a time
// with "load more", refreshed live when cases are created or change.
import { Button, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { caseSortOrders, caseStatuses, channels, priorities } from '../../../src/modules/cases/cases.contract.ts';
import type { CaseListParams } from '../api/contracts.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { LoadingState } from '../ui/LoadingState.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import type { CaseListSearch } from './case-list-search.ts';
import { caseListQuery } from './cases.api.ts';
import { CaseFilters } from './CaseFilters.tsx';
import { CaseTable } from './CaseTable.tsx';

const route = getRouteApi('/signed-in/cases');

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/** The API query for the filters in the URL; values the API would refuse are ignored. */
export function listParamsOf(search: CaseListSearch): Omit<CaseListParams, 'cursor' | 'limit'> {
  const status = search.status === 'all' ? undefined : (oneOf([...caseStatuses, 'open_all'], search.status) ?? 'open_all');
  const uuid = /^[0-9a-f-]{36}$/i;
  return {
    status,
    priority: oneOf(priorities, search.priority),
    channel: oneOf(channels, search.channel),
    assigneeId: search.assignee,
    teamId: search.team === 'none' || (search.team && uuid.test(search.team)) ? search.team : undefined,
    q: search.q,
    sort: oneOf(caseSortOrders, search.sort) ?? '-lastActivityAt',
  };
}

export function CaseListPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = listParamsOf(search);
  const list = useInfiniteQuery({ ...caseListQuery(params), placeholderData: keepPreviousData });

  const cases = list.data?.pages.flatMap((p) => p.items) ?? [];
  const change = (changes: Partial<CaseListSearch>) => void navigate({ search: (prev) => ({ ...prev, ...changes }), replace: true });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <PageHeading>{t('list.title')}</PageHeading>
        {list.isFetching && !list.isFetchingNextPage && (
          <Group gap="xs" aria-hidden>
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('list.refreshing')}
            </Text>
          </Group>
        )}
      </Group>
      <Paper withBorder p="md">
        <CaseFilters search={search} onChange={change} onReset={() => void navigate({ search: {}, replace: true })} />
      </Paper>

      {list.isPending ? (
        <LoadingState label={t('list.loading')} />
      ) : list.isError && cases.length === 0 ? (
        <ProblemAlert error={list.error} title={t('list.loadFailed')} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {list.isError && <ProblemAlert error={list.error} title={t('list.loadFailed')} onRetry={() => void list.refetch()} />}
          <Text size="sm" c="dimmed" role="status">
            {list.hasNextPage ? t('list.countMore', { count: cases.length }) : t('list.count', { count: cases.length })}
          </Text>
          {cases.length === 0 ? (
            <Paper withBorder p="xl">
              <Stack align="center" gap="xs">
                <Text fw={600}>{t('list.empty.title')}</Text>
                <Text size="sm" c="dimmed">
                  {t('list.empty.body')}
                </Text>
              </Stack>
            </Paper>
          ) : (
            <CaseTable cases={cases} />
          )}
          {list.hasNextPage && (
            <Center>
              <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('list.loadMore')}
              </Button>
            </Center>
          )}
        </>
      )}
    </Stack>
  );
}
