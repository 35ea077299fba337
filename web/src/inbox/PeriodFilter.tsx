// A date filter of the inbox (opening, last activity): a period relative to today, or two dates.
// A period stays words in the URL and in a saved view (`last_7_days`), so a view "opened in the
// last 7 days" still says so tomorrow; the server counts its days in the browser's time zone.
import { Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lastDaysPeriod, MAX_PERIOD_DAYS, namedPeriods, olderThanPeriod, parseRelativePeriod } from '../../../src/modules/cases/relative-periods.contract.ts';
import { useTypedFilter } from './useTypedFilter.ts';

export interface PeriodValue {
  period?: string | undefined;
  /** Days (`2026-03-01`), both included. */
  from?: string | undefined;
  to?: string | undefined;
}

const presets = [...namedPeriods, lastDaysPeriod(7), lastDaysPeriod(30), lastDaysPeriod(90), olderThanPeriod(7), olderThanPeriod(30), olderThanPeriod(90)];
/** The choices that open a field of their own: a number of days, or two dates. */
const OLDER = 'older_than';
const DATES = 'dates';

/** The words of a period as the agent reads them ("Ces 7 derniers jours"). */
export function usePeriodLabel() {
  const { t } = useTranslation();
  return (words: string): string => {
    const period = parseRelativePeriod(words);
    if (!period) return words;
    if (period.kind === 'last_days') return t('inbox.period.lastDays', { count: period.days });
    if (period.kind === 'older_than') return t('inbox.period.olderThan', { count: period.days });
    return t(`inbox.period.${period.kind}`);
  };
}

function modeOf(value: PeriodValue): string {
  if (value.period) return presets.includes(value.period) || parseRelativePeriod(value.period)?.kind !== 'older_than' ? value.period : OLDER;
  return value.from || value.to ? DATES : '';
}

interface PeriodFilterProps {
  label: string;
  value: PeriodValue;
  onChange: (value: PeriodValue) => void;
  fromLabel: string;
  toLabel: string;
}

export function PeriodFilter({ label, value, onChange, fromLabel, toLabel }: PeriodFilterProps) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  // "More than … days" and "between two dates" show their fields before they filter anything.
  const [chosen, setChosen] = useState<string | null>(null);
  const ownChange = useRef(false);
  const apply = (next: PeriodValue) => {
    if (next.from !== undefined || next.to !== undefined) setChosen(DATES);
    if (next.period === value.period && next.from === value.from && next.to === value.to) return;
    ownChange.current = true;
    onChange(next);
  };
  // A change from elsewhere (Back, a view, reset) shows what the URL now says.
  useEffect(() => {
    if (ownChange.current) ownChange.current = false;
    else setChosen(null);
  }, [value.period, value.from, value.to]);

  const mode = chosen ?? modeOf(value);
  const older = parseRelativePeriod(value.period ?? '');
  const days = useTypedFilter(older?.kind === 'older_than' ? String(older.days) : undefined, (typed) => {
    const n = Number(typed);
    apply({ period: Number.isInteger(n) && n >= 1 && n <= MAX_PERIOD_DAYS ? olderThanPeriod(n) : undefined });
  });

  const options = [
    { value: '', label: t('inbox.period.any') },
    ...presets.map((p) => ({ value: p, label: periodLabel(p) })),
    // A period no preset names (from a saved view or a link) keeps its own option.
    ...(value.period && !presets.includes(value.period) && mode !== OLDER ? [{ value: value.period, label: periodLabel(value.period) }] : []),
    { value: OLDER, label: t('inbox.period.olderCustom') },
    { value: DATES, label: t('inbox.period.dates') },
  ];
  const choose = (next: string) => {
    if (next === OLDER || next === DATES) {
      setChosen(next);
      apply({});
    } else {
      setChosen(null);
      apply({ period: next || undefined });
    }
  };

  return (
    <Stack gap={4}>
      <NativeSelect label={label} value={mode} data={options} onChange={(e) => choose(e.currentTarget.value)} />
      {mode === OLDER && (
        <TextInput
          type="number"
          min={1}
          max={MAX_PERIOD_DAYS}
          label={t('inbox.period.days')}
          description={t('inbox.period.daysHint')}
          value={days.value}
          onChange={(e) => {
            setChosen(OLDER);
            days.onChange(e.currentTarget.value);
          }}
        />
      )}
      {mode === DATES && (
        <Group grow gap="xs" align="flex-start">
          <TextInput type="date" label={fromLabel} value={value.from ?? ''} onChange={(e) => apply({ from: e.currentTarget.value || undefined, to: value.to })} />
          <TextInput type="date" label={toLabel} value={value.to ?? ''} onChange={(e) => apply({ from: value.from, to: e.currentTarget.value || undefined })} />
        </Group>
      )}
    </Stack>
  );
}
