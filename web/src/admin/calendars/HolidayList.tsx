// The public holidays the calendar's rules give for a year, as the SLA clocks will skip them,
// with the extra closed days the admin added.
import { Group, List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import type { CalendarDraft } from './calendar-draft.ts';
import { holidaysQuery } from './calendars.api.ts';
import { formatDay } from './format-day.ts';

export function HolidayList({ draft }: { draft: CalendarDraft }) {
  const { t, i18n } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const country = draft.country;
  const holidays = useQuery({ ...holidaysQuery(country || 'FR', draft.region, year, draft.quebecEaster), enabled: !!country });
  const extra = draft.closures.filter((d) => d.startsWith(`${year}-`));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="holiday-list-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4" id="holiday-list-title">
            {t('admin.calendars.holidayList.title')}
          </Title>
          <NativeSelect
            size="xs"
            label={t('admin.calendars.holidayList.year')}
            value={String(year)}
            onChange={(e) => setYear(Number(e.currentTarget.value))}
            data={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => String(y))}
          />
        </Group>
        {!country ? (
          <Text size="sm" c="dimmed">
            {t('admin.calendars.holidayList.noRules')}
          </Text>
        ) : holidays.isPending ? (
          <LoadingState label={t('admin.calendars.holidayList.loading')} size="sm" />
        ) : holidays.isError ? (
          <ProblemAlert error={holidays.error} title={t('admin.calendars.holidayList.failed')} onRetry={() => void holidays.refetch()} />
        ) : (
          <List size="sm" spacing={2} aria-label={t('admin.calendars.holidayList.title')}>
            {holidays.data.map((h) => (
              <List.Item key={h.date}>
                {formatDay(h.date, i18n.language)} — {h.name}
              </List.Item>
            ))}
          </List>
        )}
        {extra.length > 0 && (
          <Text size="sm">
            {t('admin.calendars.holidayList.extra', { count: extra.length, days: extra.map((d) => formatDay(d, i18n.language)).join(', ') })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
