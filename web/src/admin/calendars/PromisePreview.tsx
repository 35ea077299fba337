// The promise preview: what a customer would read for a case opened now (or at a chosen
// moment, on the calendar's wall clock) with the calendar as saved, and with the admin's
// unsaved changes, side by side and live. It asks the server (POST /sla/preview), whose
// deadline function is the one the SLA clocks keep, so the preview cannot disagree with them.
import { Group, NativeSelect, NumberInput, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { useNow } from '../../ui/RelativeTime.tsx';
import { ToneBadge } from '../ui/ToneBadge.tsx';
import { zonedToIso, type CalendarSpec } from './calendar-draft.ts';
import { previewQuery, type Preview, type Target } from './calendars.api.ts';

const targetKinds = ['businessHours', 'businessDays', 'calendarHours'] as const;
type TargetKind = (typeof targetKinds)[number];

interface PromisePreviewProps {
  saved: CalendarSpec;
  draft: CalendarSpec;
  /** False while the draft breaks the contract (the editor shows why): no preview for it then. */
  draftValid: boolean;
}

function PromiseLine({ label, query, testId, changed }: { label: string; query: UseQueryResult<Preview>; testId: string; changed?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={2} data-testid={testId}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        {changed && (
          <ToneBadge tone="warning" size="sm">
            {t('admin.calendars.preview.changed')}
          </ToneBadge>
        )}
      </Group>
      {query.isError ? (
        <ProblemAlert error={query.error} title={t('admin.calendars.preview.failed')} />
      ) : query.data ? (
        <Text size="lg" fw={500} data-promise>
          {i18n.language === 'en' ? query.data.text.en : query.data.text.fr}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('admin.calendars.preview.computing')}
        </Text>
      )}
    </Stack>
  );
}

export function PromisePreview({ saved, draft, draftValid }: PromisePreviewProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TargetKind>('businessDays');
  const [amount, setAmount] = useState<number | string>(2);
  const [moment, setMoment] = useState<'now' | 'at'>('now');
  const [at, setAt] = useState('');
  const now = useNow();
  // Typing in the editor sends one preview when the admin pauses, not one per keystroke.
  const [debouncedDraft] = useDebouncedValue(draft, 250);

  const value = Number(amount);
  const target = (value > 0 ? { [kind]: kind === 'businessDays' ? Math.round(value) : value } : { businessDays: 2 }) as Target;
  const start = moment === 'at' ? zonedToIso(at, draft.timezone) : new Date(Math.floor(now / 60_000) * 60_000).toISOString();
  const ready = start !== null;
  const savedPreview = useQuery({ ...previewQuery(saved, start ?? '', target), enabled: ready });
  const draftPreview = useQuery({ ...previewQuery(debouncedDraft, start ?? '', target), enabled: ready && draftValid });
  const differs = !!savedPreview.data && !!draftPreview.data && savedPreview.data.deadline !== draftPreview.data.deadline;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="promise-preview-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="promise-preview-title">
          {t('admin.calendars.preview.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('admin.calendars.preview.intro')}
        </Text>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NumberInput label={t('admin.calendars.preview.amount')} value={amount} onChange={setAmount} min={1} max={kind === 'businessDays' ? 365 : 10_000} w={110} allowDecimal={kind !== 'businessDays'} />
          <NativeSelect label={t('admin.calendars.preview.unit')} value={kind} onChange={(e) => setKind(e.currentTarget.value as TargetKind)} data={targetKinds.map((k) => ({ value: k, label: t(`admin.sla.units.${k}`) }))} />
        </Group>
        <Radio.Group label={t('admin.calendars.preview.when')} value={moment} onChange={(v) => setMoment(v as 'now' | 'at')}>
          <Stack gap={6} mt={4}>
            <Radio value="now" label={t('admin.calendars.preview.now')} />
            <Radio value="at" label={t('admin.calendars.preview.at', { zone: draft.timezone })} />
          </Stack>
        </Radio.Group>
        {moment === 'at' && <TextInput type="datetime-local" label={t('admin.calendars.preview.moment', { zone: draft.timezone })} value={at} onChange={(e) => setAt(e.currentTarget.value)} />}
        <Stack gap="sm" aria-live="polite">
          {!ready ? (
            <Text size="sm" c="dimmed">
              {t('admin.calendars.preview.chooseMoment')}
            </Text>
          ) : (
            <>
              {draftValid ? (
                <PromiseLine label={t('admin.calendars.preview.draft')} query={draftPreview} testId="promise-draft" changed={differs} />
              ) : (
                <Text size="sm" c="red.8">
                  {t('admin.calendars.preview.invalid')}
                </Text>
              )}
              <PromiseLine label={t('admin.calendars.preview.saved')} query={savedPreview} testId="promise-saved" />
            </>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
