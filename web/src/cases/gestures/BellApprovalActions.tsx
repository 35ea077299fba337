// Approve or refuse from the bell, in one click: under a notification of a request waiting, that
// request if the reader may decide it (found in the pending list by the timeline event the
// notification points to; one query for the whole bell), with its two buttons. The decision is taken as on the case or the approvals list.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { approvalsQuery, decideApproval, refreshGestures, type ApprovalDto } from './gestures.api.ts';

export function BellApprovalActions({ eventId }: { eventId: string }) {
  // Asked afresh each time the bell opens: the request may be seconds old.
  const pending = useQuery({ ...approvalsQuery('pending'), staleTime: 0, refetchOnMount: 'always' });
  const mine = (pending.data ?? []).filter((a) => a.eventIds.includes(eventId) && a.canDecide);
  if (mine.length === 0) return null;
  return (
    <Stack gap={4} px="xs" pb="xs">
      {mine.map((a) => (
        <Decide key={a.id} approval={a} />
      ))}
    </Stack>
  );
}

function Decide({ approval }: { approval: ApprovalDto }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const language = i18n.language.startsWith('en') ? 'en' : 'fr';
  const decide = useMutation({ mutationFn: (d: 'approve' | 'refuse') => decideApproval(approval.id, d), onSuccess: () => refreshGestures(queryClient, approval.caseId) });
  return (
    <Stack gap={2} data-bell-approval={approval.id}>
      <Text size="xs">{approval.summary[language]}</Text>
      <Group gap={6}>
        <Button size="compact-xs" color="teal.9" loading={decide.isPending && decide.variables === 'approve'} disabled={decide.isPending} onClick={() => decide.mutate('approve')} aria-label={t('gestures.approval.approveNamed', { what: approval.summary[language] })}>
          {t('gestures.approval.approve')}
        </Button>
        <Button size="compact-xs" color="red.9" variant="outline" loading={decide.isPending && decide.variables === 'refuse'} disabled={decide.isPending} onClick={() => decide.mutate('refuse')} aria-label={t('gestures.approval.refuseNamed', { what: approval.summary[language] })}>
          {t('gestures.approval.refuse')}
        </Button>
      </Group>
      {decide.isError && <ProblemAlert error={decide.error} title={t('gestures.approval.decideFailed')} />}
    </Stack>
  );
}
