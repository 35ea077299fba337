// A running job, polled every second until it ends: a progress bar (lines done of the
// estimated total), then what was written and the bad rows.
import { Progress, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../ui/QueryState.tsx';
import { ToneBadge, type Tone } from '../ui/ToneBadge.tsx';
import { importKeys, importListQuery, importQuery, type ImportSummary } from './imports.api.ts';
import { isFinished, progressPercent } from './import-draft.ts';
import { BadRows, Counts, FileProblemAlert } from './ImportReport.tsx';

const tones: Record<ImportSummary['state'], Tone> = { queued: 'neutral', running: 'info', done: 'positive', failed: 'negative' };

export function ImportStateBadge({ state }: { state: ImportSummary['state'] }) {
  const { t } = useTranslation();
  return <ToneBadge tone={tones[state]}>{t(`admin.imports.states.${state}`)}</ToneBadge>;
}

export function ImportProgress({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const query = useQuery(importQuery(id));
  const client = useQueryClient();
  const finished = !!query.data && isFinished(query.data);
  useEffect(() => {
    // The latest imports list shows the end too (and the source's mapping is saved by then).
    if (finished) void client.invalidateQueries({ queryKey: importListQuery.queryKey });
    if (finished) void client.invalidateQueries({ queryKey: importKeys.sources });
  }, [finished, client]);
  return (
    <QueryState query={query} loading={t('admin.imports.progress.loading')} failed={t('admin.imports.progress.loadFailed')}>
      {(i) => {
        const percent = progressPercent(i);
        const n = (v: number) => v.toLocaleString(i18n.language);
        return (
          <Stack gap="sm" aria-live="polite">
            <ImportStateBadge state={i.state} />
            <Progress.Root size="lg">
              <Progress.Section
                value={percent ?? 0}
                animated={i.state === 'running'}
                color={i.state === 'failed' ? 'red.8' : 'teal.8'}
                aria-label={t('admin.imports.progress.label')}
              />
            </Progress.Root>
            <Text size="sm">
              {i.linesTotal === null || isFinished(i) ? t('admin.imports.progress.linesNoTotal', { done: n(i.linesDone) }) : t('admin.imports.progress.lines', { done: n(i.linesDone), total: n(i.linesTotal) })}
            </Text>
            {i.problem && <FileProblemAlert problem={i.problem} />}
            <Counts
              items={[
                [t('admin.imports.counts.ordersCreated'), i.ordersCreated],
                [t('admin.imports.counts.ordersUpdated'), i.ordersUpdated],
                [t('admin.imports.counts.linesCreated'), i.linesCreated],
                [t('admin.imports.counts.customersCreated'), i.customersCreated],
                [t('admin.imports.counts.productsCreated'), i.productsCreated],
                [t('admin.imports.counts.badRows'), i.badRowCount],
              ]}
            />
            {i.state === 'done' && <BadRows rows={i.badRows} count={i.badRowCount} />}
          </Stack>
        );
      }}
    </QueryState>
  );
}
