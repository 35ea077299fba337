// How fast we answer on each account (/social/response-times): over a period (four weeks by
// default), the messages received, the response rate, the median and 90th-percentile first
// response; and a day × hour heatmap in the account's time zone, nights and week-ends
// included. The heatmap is a real table (a header per day and per hour), each cell saying its
// figures in words; the shade only repeats them.
import { Group, NativeSelect, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../i18n/duration.ts';
import { LoadingState } from '../ui/LoadingState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { liveResponseQuery, responseTimesReportQuery, type ResponseTimes, type ResponseTimesParams } from './social.api.ts';
import { dayStart } from './social-params.ts';
import type { ResponseTimesSearch } from './social-search.ts';
import { SocialTabs } from './SocialTabs.tsx';

const route = getRouteApi('/signed-in/social/response-times');
const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

type AccountTimes = ResponseTimes['accounts'][number];

const audiences = ['public', 'private', 'all'] as const;

/** The zones the browser knows (the server checks the same names), or a few common ones. */
function zones(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.length ? ['UTC', ...known.filter((z) => z !== 'UTC')] : ['UTC', 'Europe/Paris', 'Europe/London', 'America/Montreal', 'America/New_York'];
}

function paramsOf(search: ResponseTimesSearch): ResponseTimesParams {
  const params: ResponseTimesParams = { audience: audiences.find((a) => a === search.audience) ?? 'public' };
  if (search.account) params.accountId = search.account;
  const from = search.from ? dayStart(search.from) : undefined;
  const to = search.to ? dayStart(search.to, 1) : undefined;
  if (from) params.from = from;
  if (to) params.to = to;
  if (search.zone) params.zone = search.zone;
  return params;
}

/** Lighter for quick answers, darker for slow ones, against the account's own 90th percentile. */
function shade(cell: AccountTimes['grid'][number] | undefined, worst: number): string | undefined {
  if (!cell) return undefined;
  if (cell.medianMs === null) return 'var(--mantine-color-red-1)';
  const ratio = worst > 0 ? Math.min(1, cell.medianMs / worst) : 0;
  return `color-mix(in srgb, var(--mantine-color-orange-4) ${Math.round(ratio * 100)}%, var(--mantine-color-teal-0))`;
}

function Heatmap({ account }: { account: AccountTimes }) {
  const { t, i18n } = useTranslation();
  const cells = new Map(account.grid.map((c) => [`${c.day}:${c.hour}`, c]));
  const worst = Math.max(0, ...account.grid.map((c) => c.medianMs ?? 0));
  const duration = (ms: number | null) => (ms === null ? '—' : formatDuration(ms, i18n.language));
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={4} fz="xs" data-testid="response-heatmap" style={{ tableLayout: 'fixed' }}>
        <caption style={{ captionSide: 'top', textAlign: 'left', paddingBottom: 8 }}>{t('social.times.caption', { zone: account.zone })}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={96}>
              {t('social.times.day')}
            </Table.Th>
            {HOURS.map((h) => (
              <Table.Th key={h} scope="col" ta="center">
                {t('social.times.hour', { hour: h })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {DAYS.map((d) => (
            <Table.Tr key={d}>
              <Table.Th scope="row">{t(`social.times.days.${d}`)}</Table.Th>
              {HOURS.map((h) => {
                const cell = cells.get(`${d}:${h}`);
                return (
                  <Table.Td key={h} ta="center" style={{ background: shade(cell, worst) }}>
                    {cell ? (
                      <>
                        {cell.medianMs === null ? t('social.times.noAnswer') : duration(cell.medianMs)}
                        <VisuallyHidden>{` — ${t('social.times.cell', { received: cell.received, answered: cell.answered })}`}</VisuallyHidden>
                      </>
                    ) : (
                      <VisuallyHidden>{t('social.times.emptyCell')}</VisuallyHidden>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" fw={800} fz="xl" m={0}>
        {value}
      </Text>
    </div>
  );
}

function AccountReport({ account }: { account: AccountTimes }) {
  const { t, i18n } = useTranslation();
  const duration = (ms: number | null) => (ms === null ? '—' : formatDuration(ms, i18n.language));
  const rate = account.responseRate === null ? '—' : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(account.responseRate);
  const headingId = `times-${account.account.id}`;
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          {account.account.name}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} component="dl" m={0}>
          <Stat label={t('social.times.received')} value={String(account.received)} />
          <Stat label={t('social.times.answered')} value={String(account.answered)} />
          <Stat label={t('social.times.rate')} value={rate} />
          <Stat label={t('social.times.median')} value={duration(account.medianMs)} />
          <Stat label={t('social.times.p90')} value={duration(account.p90Ms)} />
          <Stat label={t('social.times.unanswered')} value={String(account.unanswered)} />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('social.times.definition')}
        </Text>
        <Heatmap account={account} />
      </Stack>
    </Paper>
  );
}

export function ResponseTimesPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const report = useQuery(responseTimesReportQuery(paramsOf(search)));
  const live = useQuery(liveResponseQuery);
  const change = (changes: Partial<ResponseTimesSearch>) => {
    const next = Object.fromEntries(Object.entries({ ...search, ...changes }).filter(([, v]) => v !== undefined && v !== '')) as ResponseTimesSearch;
    void navigate({ search: next, replace: true });
  };
  const set = (key: keyof ResponseTimesSearch) => (e: { currentTarget: { value: string } }) => change({ [key]: e.currentTarget.value || undefined });

  return (
    <Stack gap="md">
      <PageHeading>{t('social.times.title')}</PageHeading>
      <SocialTabs />
      <Paper withBorder p="md">
        <Group gap="md" align="flex-end">
          <NativeSelect
            label={t('social.filters.account')}
            value={search.account ?? ''}
            onChange={set('account')}
            data={[{ value: '', label: t('social.times.allAccounts') }, ...(live.data?.accounts ?? []).map((a) => ({ value: a.account.id, label: a.account.name }))]}
          />
          <TextInput type="date" label={t('social.filters.from')} value={search.from ?? ''} onChange={set('from')} />
          <TextInput type="date" label={t('social.filters.to')} value={search.to ?? ''} onChange={set('to')} />
          <div>
            <Text size="sm" fw={500} id="times-audience-label" mb={4}>
              {t('social.times.audience')}
            </Text>
            <SegmentedControl
              aria-labelledby="times-audience-label"
              value={search.audience ?? 'public'}
              onChange={(value) => change({ audience: value === 'public' ? undefined : value })}
              data={audiences.map((value) => ({ value, label: t(`social.times.audiences.${value}`) }))}
            />
          </div>
          <NativeSelect
            label={t('social.times.zone')}
            value={search.zone ?? ''}
            onChange={set('zone')}
            data={[{ value: '', label: t('social.times.accountZone') }, ...zones().map((z) => ({ value: z, label: z }))]}
          />
        </Group>
        <Text size="sm" c="dimmed" mt="xs">
          {t('social.times.periodHelp')}
        </Text>
      </Paper>
      {report.isPending ? (
        <LoadingState label={t('social.times.loading')} />
      ) : report.isError ? (
        <ProblemAlert error={report.error} title={t('social.times.loadFailed')} onRetry={() => void report.refetch()} />
      ) : report.data.accounts.length === 0 ? (
        <Paper withBorder p="xl">
          <Text ta="center">{t('social.times.none')}</Text>
        </Paper>
      ) : (
        report.data.accounts.map((a) => <AccountReport key={a.account.id} account={a} />)
      )}
    </Stack>
  );
}
