// One approval request as a manager decides it: what is asked and why it needed asking, the
// customer's value and the rulebook's verdict at the time, and approve / refuse in one click
// (with an optional comment). The requester may withdraw it while it waits.
import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ToneBadge } from '../../admin/ui/ToneBadge.tsx';
import { formatMoney } from '../../customers/orders.api.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { RelativeTime } from '../../ui/RelativeTime.tsx';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { cancelApproval, decideApproval, refreshGestures, type ApprovalDto } from './gestures.api.ts';
import { reasonsText } from './gesture-words.ts';

const statusTone = { pending: 'warning', approved: 'positive', refused: 'negative', cancelled: 'neutral' } as const;

export function ApprovalCard({ approval, showCase = false, myUserId }: { approval: ApprovalDto; showCase?: boolean; myUserId: string | null }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const language = i18n.language.startsWith('en') ? 'en' : 'fr';
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'refuse') => decideApproval(approval.id, decision, comment.trim() || undefined),
    onSuccess: () => refreshGestures(queryClient, approval.caseId),
  });
  const cancel = useMutation({ mutationFn: () => cancelApproval(approval.id), onSuccess: () => refreshGestures(queryClient, approval.caseId) });
  const value = approval.customerValue;
  const verdict = approval.policyVerdict as { eligible?: boolean; explanation?: { fr: string; en: string } } | null;
  const titleId = `approval-${approval.id}`;
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={titleId} data-approval={approval.id} data-status={approval.status}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={700} id={titleId}>
            {approval.summary[language]}
          </Text>
          <ToneBadge tone={statusTone[approval.status]}>
            {approval.escalated && approval.status === 'pending' ? t('gestures.approval.escalated') : t(`gestures.approval.status.${approval.status}`)}
          </ToneBadge>
        </Group>
        {showCase && (
          <RouterAnchor to="/cases/$caseId" params={{ caseId: approval.caseId }} size="sm">
            {t('gestures.approval.case', { number: approval.caseNumber })}
          </RouterAnchor>
        )}
        <Text size="xs" c="dimmed">
          {t('gestures.approval.asked', { name: approval.requestedBy.name })} <RelativeTime iso={approval.requestedAt} />
        </Text>
        {approval.reasons.length > 0 && <Text size="xs">{t('gestures.approval.why', { reasons: reasonsText(approval.reasons, t) })}</Text>}
        {value && (
          <Text size="xs">
            {t('gestures.approval.value', {
              value: value.lifetimeValue.map((v) => formatMoney(v.amount, v.currency, i18n.language)).join(', ') || formatMoney(0, approval.amount?.currency ?? 'EUR', i18n.language),
              orders: value.orderCount,
              incidents: value.incidentCount,
            })}
          </Text>
        )}
        <Text size="xs">{verdict?.explanation ? t('gestures.approval.verdict', { text: verdict.explanation[language] }) : t('gestures.approval.noVerdict')}</Text>
        {approval.decidedBy && approval.status !== 'pending' && (
          <Text size="xs" c="dimmed">
            {t(`gestures.approval.decided.${approval.status as 'approved'}`, { name: approval.decidedBy.name })}
            {approval.comment ? ` — ${approval.comment}` : ''}
          </Text>
        )}
        {approval.canDecide && (
          <Group align="flex-end" gap="xs">
            <TextInput size="xs" label={t('gestures.approval.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={2000} style={{ flex: 1 }} />
            <Button size="xs" color="teal.9" loading={decide.isPending && decide.variables === 'approve'} disabled={decide.isPending} onClick={() => decide.mutate('approve')}>
              {t('gestures.approval.approve')}
            </Button>
            <Button size="xs" color="red.9" variant="outline" loading={decide.isPending && decide.variables === 'refuse'} disabled={decide.isPending} onClick={() => decide.mutate('refuse')}>
              {t('gestures.approval.refuse')}
            </Button>
          </Group>
        )}
        {approval.status === 'pending' && approval.requestedBy.id === myUserId && (
          <Group>
            <Button size="compact-xs" variant="subtle" color="gray" loading={cancel.isPending} onClick={() => cancel.mutate()}>
              {t('gestures.approval.cancel')}
            </Button>
          </Group>
        )}
        {decide.isError && <ProblemAlert error={decide.error} title={t('gestures.approval.decideFailed')} />}
        {cancel.isError && <ProblemAlert error={cancel.error} title={t('gestures.approval.cancelFailed')} />}
      </Stack>
    </Paper>
  );
}
