// The managers' approvals (/manager/approvals): what agents asked beyond their authority, on the
// cases the reader fully sees, newest first — each approved or refused in one click, with the
// customer's value and the rulebook's verdict beside it; then what was decided lately.
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalStatus } from '../../../src/modules/gestures/gestures.contract.ts';
import { sessionQuery } from '../auth/session.ts';
import { ApprovalCard } from '../cases/gestures/ApprovalCard.tsx';
import { approvalKeys, approvalsQuery } from '../cases/gestures/gestures.api.ts';
import { userNotificationsQuery } from '../user-notifications/user-notifications.api.ts';
import { LoadingState } from '../ui/LoadingState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { RouterAnchor } from '../ui/RouterAnchor.tsx';

const shown: ApprovalStatus[] = ['pending', 'approved', 'refused', 'cancelled'];

export function ApprovalsPage() {
  const { t } = useTranslation();
  const { data: me } = useQuery(sessionQuery);
  const [status, setStatus] = useState<ApprovalStatus>('pending');
  const list = useQuery({ ...approvalsQuery(status), refetchInterval: 30_000 });
  // The bell is told live of each new request or decision: the list follows it.
  const bell = useQuery(userNotificationsQuery);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (bell.dataUpdatedAt) void queryClient.invalidateQueries({ queryKey: approvalKeys.all });
  }, [bell.dataUpdatedAt, queryClient]);
  return (
    <Stack gap="md" maw={900}>
      <RouterAnchor to="/manager" size="sm">
        ← {t('manager.title')}
      </RouterAnchor>
      <PageHeading>{t('gestures.approvals.title')}</PageHeading>
      <Text size="sm" c="dimmed">
        {t('gestures.approvals.intro')}
      </Text>
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v as ApprovalStatus)}
        data={shown.map((s) => ({ value: s, label: t(`gestures.approval.status.${s}`) }))}
        aria-label={t('gestures.approvals.filter')}
        w="fit-content"
      />
      {list.isPending && <LoadingState label={t('gestures.approvals.loading')} />}
      {list.isError && <ProblemAlert error={list.error} title={t('gestures.approvals.loadFailed')} onRetry={() => void list.refetch()} />}
      {list.isSuccess && list.data.length === 0 && <Text c="dimmed">{t(status === 'pending' ? 'gestures.approvals.nonePending' : 'gestures.approvals.none')}</Text>}
      {list.isSuccess && (
        <Stack gap="sm" component="section" aria-label={t('gestures.approvals.title')} data-testid="approvals-list">
          {list.data.map((a) => (
            <ApprovalCard key={a.id} approval={a} showCase myUserId={me?.id ?? null} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
