// The case's story, oldest first: messages in and out (with their channel), internal notes
// (set apart: never seen by the customer), and every change as a compact line.
import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../api/contracts.ts';
import { LoadingState } from '../ui/LoadingState.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { caseEventsQuery } from './cases.api.ts';
import { TimelineEntry } from './TimelineEntry.tsx';

export function CaseTimeline({ caseId, channel }: { caseId: string; channel: Channel }) {
  const { t } = useTranslation();
  const events = useInfiniteQuery(caseEventsQuery(caseId));
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Paper component="section" withBorder p="md" aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title" mb="md">
        {t('timeline.title')}
      </Title>
      {events.isPending ? (
        <LoadingState size="sm" label={t('timeline.loading')} />
      ) : events.isError && items.length === 0 ? (
        <ProblemAlert error={events.error} title={t('timeline.loadFailed')} onRetry={() => void events.refetch()} />
      ) : (
        <Stack gap="sm">
          {events.isError && <ProblemAlert error={events.error} title={t('timeline.loadFailed')} onRetry={() => void events.refetch()} />}
          {items.length === 0 ? (
            <Text c="dimmed">{t('timeline.empty')}</Text>
          ) : (
            <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('timeline.listLabel')}>
              {items.map((event) => (
                <TimelineEntry key={event.id} event={event} caseChannel={channel} />
              ))}
            </Stack>
          )}
          {events.hasNextPage && (
            <Center>
              <Button variant="default" size="xs" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
                {t('timeline.loadMore')}
              </Button>
            </Center>
          )}
        </Stack>
      )}
    </Paper>
  );
}
