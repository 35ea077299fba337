// The promise as agents see it: each SLA clock of a case with its deadline and the time left
// (or overdue), counting down live; and the one-badge summary the case list shows.
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { slaDueSoonMs } from '../../../src/modules/cases/cases.contract.ts';
import type { ClockDto } from '../api/contracts.ts';
import { formatDuration } from '../i18n/duration.ts';
import { formatDateTime } from '../i18n/relative-time.ts';
import { useNow } from '../ui/RelativeTime.tsx';

const running = (c: ClockDto) => c.state === 'active' || (c.state === 'breached' && c.achievedAt === null);

/** Time left now: counts down while running, stands still while paused. */
function remaining(c: ClockDto, now: number): number | null {
  if (c.state === 'paused' && c.pausedAt) return Date.parse(c.deadline) - Date.parse(c.pausedAt);
  return running(c) ? Date.parse(c.deadline) - now : null;
}

/**
 * Red when overdue, orange when due soon (within slaDueSoonMs: the inbox's "breaching soon"),
 * blue otherwise; filled badges with
 * autoContrast text keep AA contrast (the words always say it too, never colour alone).
 */
function tone(left: number | null, c: ClockDto): string {
  if (c.state === 'achieved') return 'teal.9';
  if (c.state === 'cancelled' || c.state === 'paused') return 'gray.2';
  if (left !== null && left < 0) return 'red.9';
  if (left !== null && left < slaDueSoonMs) return 'orange.3';
  return 'blue.9';
}

function useClockText() {
  const { t, i18n } = useTranslation();
  return (c: ClockDto, now: number) => {
    const left = remaining(c, now);
    if (c.state === 'achieved') return t('sla.achieved');
    if (c.state === 'cancelled') return t('sla.cancelled');
    if (c.state === 'breached' && c.achievedAt) return t('sla.answeredLate');
    if (left === null) return '';
    const duration = formatDuration(left, i18n.language);
    if (c.state === 'paused') return t('sla.paused', { duration });
    return left < 0 ? t('sla.overdue', { duration }) : t('sla.left', { duration });
  };
}

/** The earliest running clock of a case, for the list. */
export function ClockBadge({ clocks }: { clocks: ClockDto[] }) {
  const { t } = useTranslation();
  const now = useNow();
  const text = useClockText();
  const next = clocks.filter((c) => running(c) || c.state === 'paused').sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline))[0];
  if (!next) return <Text span c="dimmed" size="sm">{t('case.none')}</Text>;
  return (
    <Badge variant="filled" autoContrast color={tone(remaining(next, now), next)} radius="sm" tt="none" title={t(`sla.metric.${next.metric}`)}>
      {text(next, now)}
    </Badge>
  );
}

export function CaseClocks({ clocks }: { clocks: ClockDto[] }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const text = useClockText();
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="case-clocks-title">
      <Title order={2} size="h4" id="case-clocks-title" mb="sm">
        {t('sla.title')}
      </Title>
      {clocks.length === 0 ? (
        <Text size="sm" c="dimmed">{t('sla.none')}</Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {clocks.map((c) => (
            <li key={c.metric} data-metric={c.metric} data-state={c.state}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={600}>{t(`sla.metric.${c.metric}`)}</Text>
                <Badge variant="filled" autoContrast color={tone(remaining(c, now), c)} radius="sm" tt="none">{text(c, now)}</Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {t('sla.deadline', { at: formatDateTime(c.deadline, i18n.language), policy: c.policy })}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
