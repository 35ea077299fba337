// The weekly opening hours: for each day, open or closed, and its intervals (09:00–12:30 and
// 13:30–18:00: a lunch break is two intervals). Every input is named for screen readers
// ("Lundi, plage 1 : ouverture").
import { ActionIcon, Button, Checkbox, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { weekdays, type Interval, type Weekday } from './calendar-draft.ts';

interface WeekHoursEditorProps {
  hours: Record<Weekday, Interval[]>;
  onChange: (hours: Record<Weekday, Interval[]>) => void;
  readOnly: boolean;
  error?: string | undefined;
}

const DEFAULT_DAY: Interval[] = [['09:00', '18:00']];

export function WeekHoursEditor({ hours, onChange, readOnly, error }: WeekHoursEditorProps) {
  const { t } = useTranslation();
  const setDay = (day: Weekday, intervals: Interval[]) => onChange({ ...hours, [day]: intervals });

  return (
    <Fieldset legend={t('admin.calendars.hours.title')} disabled={readOnly}>
      <Stack gap="xs">
        {error && (
          <Text c="red.8" size="sm" role="alert">
            {error}
          </Text>
        )}
        {weekdays.map((day) => {
          const dayName = t(`admin.calendars.days.${day}`);
          const intervals = hours[day];
          return (
            <Group key={day} align="flex-start" gap="sm" wrap="wrap" data-day={day}>
              <Checkbox
                w={130}
                mt={6}
                label={dayName}
                checked={intervals.length > 0}
                onChange={(e) => setDay(day, e.currentTarget.checked ? DEFAULT_DAY : [])}
                aria-label={t('admin.calendars.hours.openOn', { day: dayName })}
              />
              {intervals.length === 0 ? (
                <Text size="sm" c="dimmed" mt={6}>
                  {t('admin.calendars.hours.closed')}
                </Text>
              ) : (
                <Stack gap={4}>
                  {intervals.map(([from, to], i) => {
                    const set = (value: Interval) => setDay(day, intervals.map((iv, j) => (j === i ? value : iv)));
                    return (
                      <Group key={i} gap={6} wrap="nowrap">
                        <TextInput type="time" size="xs" value={from} onChange={(e) => set([e.currentTarget.value, to])} aria-label={t('admin.calendars.hours.from', { day: dayName, n: i + 1 })} />
                        <Text size="sm" aria-hidden>
                          –
                        </Text>
                        <TextInput type="time" size="xs" value={to} onChange={(e) => set([from, e.currentTarget.value])} aria-label={t('admin.calendars.hours.to', { day: dayName, n: i + 1 })} />
                        <ActionIcon variant="subtle" color="gray" onClick={() => setDay(day, intervals.filter((_, j) => j !== i))} aria-label={t('admin.calendars.hours.remove', { day: dayName, n: i + 1 })}>
                          ×
                        </ActionIcon>
                      </Group>
                    );
                  })}
                  {intervals.length < 6 && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setDay(day, [...intervals, ['14:00', '18:00']])} aria-label={t('admin.calendars.hours.addNamed', { day: dayName })} w="fit-content">
                      {t('admin.calendars.hours.add')}
                    </Button>
                  )}
                </Stack>
              )}
            </Group>
          );
        })}
      </Stack>
    </Fieldset>
  );
}
