// Above the timeline, what the agent must know before writing: the case is a dispute (what
// the customer wrote, in their words, and who has it now), and the back-and-forth has reached
// the effort threshold. Seed 004's seller would have seen both long before the 37th e-mail.
import { Alert, Blockquote, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../../api/contracts.ts';
import { caseAlertsQuery } from './alerts.api.ts';
import { disputeKindsText } from './care-events.ts';

export function CaseAlerts({ c }: { c: CaseDto }) {
  const { t } = useTranslation();
  const alerts = useQuery({ ...caseAlertsQuery(c.id), enabled: c.access === 'full' });
  if (!alerts.data) return null;
  const { dispute, effort } = alerts.data;
  const effortWarned = effort.level > 0;
  if (!dispute && !effortWarned) return null;
  const quote = dispute?.signals[0]?.quote;
  return (
    <Stack gap="xs" component="section" aria-label={t('disputes.banner.label')}>
      {dispute && (
        <Alert color="red" variant="light" title={t('disputes.banner.disputeTitle')} data-testid="dispute-banner">
          <Text size="sm">
            {t('disputes.banner.dispute', { kinds: disputeKindsText(dispute.kinds, t) })}
            {dispute.routedTo && ` ${t('disputes.banner.routed', { team: dispute.routedTo.teamName })}`}
          </Text>
          {quote && (
            <Blockquote color="red" p="xs" mt="xs" fz="sm">
              {quote}
            </Blockquote>
          )}
        </Alert>
      )}
      {effortWarned && (
        <Alert color="orange" variant="light" title={t('disputes.banner.effortTitle')} data-testid="effort-banner">
          <Text size="sm">{t('disputes.banner.effort', { exchanges: effort.exchanges, threshold: effort.threshold })}</Text>
        </Alert>
      )}
    </Stack>
  );
}
