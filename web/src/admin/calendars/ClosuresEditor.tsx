// What closes or opens a calendar on given dates: public holidays from rules (France, with
// Alsace-Moselle, Belgium, Québec), extra closed days (an inventory day, an overseas holiday),
// and exceptional openings (a Sunday before Christmas).
import { Button, Fieldset, Group, List, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from './format-day.ts';
import { regionsOf, withClosure, type CalendarDraft, type HolidayCountry, type Interval } from './calendar-draft.ts';

interface ClosuresEditorProps {
  draft: CalendarDraft;
  onChange: (changes: Partial<CalendarDraft>) => void;
  readOnly: boolean;
}

function DayList({ label, days, readOnly, onRemove }: { label: string; days: { date: string; text: string }[]; readOnly: boolean; onRemove: (date: string) => void }) {
  const { t } = useTranslation();
  return (
    <List spacing={4} size="sm" aria-label={label}>
      {days.map((day) => (
        <List.Item key={day.date}>
          <Group gap="xs">
            <span>{day.text}</span>
            {!readOnly && (
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => onRemove(day.date)} aria-label={t('admin.calendars.closures.removeNamed', { day: day.text })}>
                {t('admin.calendars.closures.remove')}
              </Button>
            )}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

export function ClosuresEditor({ draft, onChange, readOnly }: ClosuresEditorProps) {
  const { t, i18n } = useTranslation();
  const [closure, setClosure] = useState('');
  const [opening, setOpening] = useState({ date: '', from: '10:00', to: '18:00' });
  const country = draft.country;

  return (
    <Stack gap="md">
      <Fieldset legend={t('admin.calendars.holidays.title')} disabled={readOnly}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('admin.calendars.holidays.country')}
            value={country}
            onChange={(e) => {
              const next = e.currentTarget.value as HolidayCountry | '';
              onChange({ country: next, region: next ? (regionsOf[next][0] ?? '') : '' });
            }}
            data={[{ value: '', label: t('admin.calendars.holidays.noCountry') }, ...(['FR', 'BE', 'CA'] as const).map((c) => ({ value: c, label: t(`admin.calendars.holidays.countries.${c}`) }))]}
          />
          {country && regionsOf[country].length > 1 && (
            <NativeSelect
              label={t('admin.calendars.holidays.region')}
              value={draft.region}
              onChange={(e) => onChange({ region: e.currentTarget.value })}
              data={regionsOf[country].map((r) => ({ value: r, label: r ? t(`admin.calendars.holidays.regions.${r}` as 'admin.calendars.holidays.regions.QC') : t('admin.calendars.holidays.wholeCountry') }))}
            />
          )}
          {country === 'CA' && (
            <NativeSelect
              label={t('admin.calendars.holidays.quebecEaster')}
              value={draft.quebecEaster}
              onChange={(e) => onChange({ quebecEaster: e.currentTarget.value as CalendarDraft['quebecEaster'] })}
              data={[
                { value: 'good_friday', label: t('admin.calendars.holidays.goodFriday') },
                { value: 'easter_monday', label: t('admin.calendars.holidays.easterMonday') },
              ]}
            />
          )}
        </Group>
      </Fieldset>

      <Fieldset legend={t('admin.calendars.closures.title')} disabled={readOnly}>
        <Stack gap="xs">
          {draft.closures.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('admin.calendars.closures.none')}
            </Text>
          ) : (
            <DayList label={t('admin.calendars.closures.title')} days={draft.closures.map((date) => ({ date, text: formatDay(date, i18n.language) }))} readOnly={readOnly} onRemove={(date) => onChange({ closures: draft.closures.filter((d) => d !== date) })} />
          )}
          <Group gap="sm" align="flex-end">
            <TextInput type="date" label={t('admin.calendars.closures.date')} value={closure} onChange={(e) => setClosure(e.currentTarget.value)} />
            <Button
              variant="default"
              disabled={!/^\d{4}-\d{2}-\d{2}$/.test(closure)}
              onClick={() => {
                onChange({ closures: withClosure(draft.closures, closure) });
                setClosure('');
              }}
            >
              {t('admin.calendars.closures.add')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('admin.calendars.openings.title')} disabled={readOnly}>
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('admin.calendars.openings.help')}
          </Text>
          {draft.openings.length > 0 && (
            <DayList
              label={t('admin.calendars.openings.title')}
              days={draft.openings.map((o) => ({ date: o.date, text: `${formatDay(o.date, i18n.language)} : ${o.hours.map(([a, b]) => `${a}–${b}`).join(', ')}` }))}
              readOnly={readOnly}
              onRemove={(date) => onChange({ openings: draft.openings.filter((x) => x.date !== date) })}
            />
          )}
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput type="date" label={t('admin.calendars.openings.date')} value={opening.date} onChange={(e) => setOpening({ ...opening, date: e.currentTarget.value })} />
            <TextInput type="time" label={t('admin.calendars.openings.from')} value={opening.from} onChange={(e) => setOpening({ ...opening, from: e.currentTarget.value })} />
            <TextInput type="time" label={t('admin.calendars.openings.to')} value={opening.to} onChange={(e) => setOpening({ ...opening, to: e.currentTarget.value })} />
            <Button
              variant="default"
              disabled={!/^\d{4}-\d{2}-\d{2}$/.test(opening.date)}
              onClick={() => {
                const others = draft.openings.filter((o) => o.date !== opening.date);
                onChange({ openings: [...others, { date: opening.date, hours: [[opening.from, opening.to] as Interval] }].sort((a, b) => a.date.localeCompare(b.date)) });
                setOpening({ ...opening, date: '' });
              }}
            >
              {t('admin.calendars.openings.add')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </Stack>
  );
}
