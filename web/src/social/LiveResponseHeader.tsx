// The inbox header's figure per account, now: how fast we answered over the last 24 hours
// (median), how many public messages still wait and since when the oldest does. A short
// description list per account, refreshed by the live stream and every minute.
import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../i18n/duration.ts';
import { useNow } from '../ui/RelativeTime.tsx';
import { liveResponseQuery } from './social.api.ts';

function Figure({ label, value, alert = false }: { label: string; value: string; alert?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap" component="div">
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" fw={700} c={alert ? 'red.9' : undefined} m={0}>
        {value}
      </Text>
    </Group>
  );
}

export function LiveResponseHeader() {
  const { t, i18n } = useTranslation();
  const live = useQuery(liveResponseQuery);
  const now = useNow();
  if (!live.data || live.data.accounts.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" component="section" aria-label={t('social.live.label')}>
      {live.data.accounts.map((a) => (
        <Paper key={a.account.id} withBorder p="sm" data-testid="live-account">
          <Text fw={700} size="sm" component="h2" mb={4}>
            {a.account.name}
          </Text>
          <dl style={{ margin: 0 }}>
            <Figure label={t('social.live.median')} value={a.medianMs24h === null ? t('social.live.none') : formatDuration(a.medianMs24h, i18n.language)} />
            <Figure label={t('social.live.unanswered')} value={String(a.unanswered)} alert={a.unanswered > 0} />
            {a.oldestUnansweredAt && (
              <Figure label={t('social.live.oldest')} value={formatDuration(now - new Date(a.oldestUnansweredAt).getTime(), i18n.language)} alert />
            )}
          </dl>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
