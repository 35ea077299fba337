// The manager views (/manager): the team's workload at a glance — open, unassigned, breached
// and soon due, breaches today — then per team, by age and SLA state, per agent; and moving
// cases to another agent or team in one action. Managers and admins (workload.manage); a
// manager limited to brands or stores sees theirs. Refreshed every half minute.
import { Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/http.ts';
import { useReferenceNames } from '../reference/reference.api.ts';
import { LoadingState } from '../ui/LoadingState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { RouterAnchor } from '../ui/RouterAnchor.tsx';
import { ReassignDialog, type Selection } from './ReassignDialog.tsx';
import { workloadQuery, type Workload } from './workload.api.ts';
import { AgentTable, BacklogTable, TeamTable } from './WorkloadTables.tsx';

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Text size="sm" fw={600} c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={800} fz={32}>
        {value}
      </Text>
    </Paper>
  );
}

function BreachesToday({ w }: { w: Workload }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  return (
    <Paper component="section" withBorder aria-labelledby="manager-breaches">
      <Title order={2} size="h4" id="manager-breaches" px="md" pt="md" pb="xs">
        {t('manager.breaches.title', { count: w.breachesToday.count })}
      </Title>
      {w.breachesToday.items.length === 0 ? (
        <Text px="md" pb="md" c="dimmed">
          {t('manager.breaches.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" data-testid="breaches-today">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('case.fields.number')}</Table.Th>
                <Table.Th scope="col">{t('case.fields.subject')}</Table.Th>
                <Table.Th scope="col">{t('manager.breaches.metric')}</Table.Th>
                <Table.Th scope="col">{t('manager.breaches.at')}</Table.Th>
                <Table.Th scope="col">{t('case.fields.assignee')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {w.breachesToday.items.map((b) => (
                <Table.Tr key={`${b.caseId}:${b.metric}`}>
                  <Table.Td>
                    <RouterAnchor to="/cases/$caseId" params={{ caseId: b.caseId }} fw={600} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {b.number}
                    </RouterAnchor>
                  </Table.Td>
                  <Table.Td>{b.subject}</Table.Td>
                  <Table.Td>{t(`sla.metric.${b.metric}`)}</Table.Td>
                  <Table.Td>
                    <RelativeTime iso={b.breachedAt} />
                  </Table.Td>
                  <Table.Td>{b.assigneeId ? (names.user(b.assigneeId) ?? t('case.unknownUser')) : t('case.unassigned')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

export function ManagerPage() {
  const { t } = useTranslation();
  const workload = useQuery(workloadQuery);
  const [selection, setSelection] = useState<Selection | null>(null);

  const heading = (
    <Group justify="space-between" align="baseline">
      <PageHeading>{t('manager.title')}</PageHeading>
      <Group gap="sm">
        {workload.isFetching && !workload.isPending && <Loader size="xs" aria-hidden />}
        <RouterAnchor to="/manager/approvals" fw={600}>
          {t('gestures.approvals.link')}
        </RouterAnchor>
      </Group>
    </Group>
  );
  if (workload.isPending) {
    return (
      <Stack>
        {heading}
        <LoadingState label={t('manager.loading')} />
      </Stack>
    );
  }
  if (workload.isError && !workload.data) {
    return (
      <Stack>
        {heading}
        <ProblemAlert
          error={workload.error}
          title={isApiError(workload.error, 403) ? t('manager.forbidden') : t('manager.loadFailed')}
          onRetry={isApiError(workload.error, 403) ? undefined : () => void workload.refetch()}
        />
      </Stack>
    );
  }
  const w = workload.data;
  return (
    <Stack gap="md">
      {heading}
      {workload.isError && <ProblemAlert error={workload.error} title={t('manager.refreshFailed')} onRetry={() => void workload.refetch()} />}
      <Text size="sm" c="dimmed">
        {t('manager.asOf')} <RelativeTime iso={w.at} />
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        <Stat label={t('manager.totals.open')} value={w.totals.open} testId="total-open" />
        <Stat label={t('manager.totals.unassigned')} value={w.totals.unassigned} testId="total-unassigned" />
        <Stat label={t('manager.totals.breached')} value={w.totals.breached} testId="total-breached" />
        <Stat label={t('manager.totals.dueSoon')} value={w.totals.dueSoon} testId="total-due-soon" />
        <Stat label={t('manager.totals.breachesToday')} value={w.breachesToday.count} testId="breaches-today-count" />
      </SimpleGrid>
      <AgentTable w={w} onChoose={setSelection} />
      <TeamTable w={w} onChoose={setSelection} />
      <BacklogTable w={w} onChoose={setSelection} />
      <BreachesToday w={w} />
      <ReassignDialog selection={selection} onClose={() => setSelection(null)} />
    </Stack>
  );
}
