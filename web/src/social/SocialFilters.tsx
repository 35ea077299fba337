// The stream's filters and sort order, kept in the URL: answered or not, account, network,
// urgency, signal, the case's team and store, the period. Native selects: every one has its
// label, and the keyboard and screen readers know them.
import { Button, Group, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useReferenceNames } from '../reference/reference.api.ts';
import { useStores } from '../reference/stores.api.ts';
import { liveResponseQuery, socialChannels, socialSignals, socialSortOrders } from './social.api.ts';
import type { SocialSearch } from './social-search.ts';

interface Props {
  search: SocialSearch;
  onChange: (changes: Partial<SocialSearch>) => void;
  onReset: () => void;
}

export function SocialFilters({ search, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const { stores } = useStores();
  const live = useQuery(liveResponseQuery);
  const any = { value: '', label: t('social.filters.any') };
  const set = (key: keyof SocialSearch) => (e: { currentTarget: { value: string } }) => onChange({ [key]: e.currentTarget.value || undefined });

  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-end">
        <div>
          <Text size="sm" fw={500} id="social-answered-label" mb={4}>
            {t('social.filters.answered')}
          </Text>
          <SegmentedControl
            aria-labelledby="social-answered-label"
            value={search.answered ?? 'unanswered'}
            onChange={(value) => onChange({ answered: value === 'unanswered' ? undefined : value })}
            data={(['unanswered', 'answered', 'all'] as const).map((value) => ({ value, label: t(`social.filters.answeredOptions.${value}`) }))}
          />
        </div>
        <NativeSelect
          label={t('social.filters.sort')}
          value={search.sort ?? 'urgency'}
          onChange={(e) => onChange({ sort: e.currentTarget.value === 'urgency' ? undefined : e.currentTarget.value })}
          data={socialSortOrders.map((s) => ({ value: s, label: t(`social.sort.${s}`) }))}
        />
        <NativeSelect
          label={t('social.filters.minUrgency')}
          value={search.minUrgency ?? ''}
          onChange={set('minUrgency')}
          data={[any, { value: '40', label: t('social.filters.urgencyAtLeast', { value: 40 }) }, { value: '70', label: t('social.filters.urgencyAtLeast', { value: 70 }) }]}
        />
        <NativeSelect
          label={t('social.filters.signal')}
          value={search.signal ?? ''}
          onChange={set('signal')}
          data={[any, ...socialSignals.map((s) => ({ value: s, label: t(`social.signal.${s}`) }))]}
        />
      </Group>
      <Group gap="md" align="flex-end">
        <NativeSelect
          label={t('social.filters.account')}
          value={search.account ?? ''}
          onChange={set('account')}
          data={[any, ...(live.data?.accounts ?? []).map((a) => ({ value: a.account.id, label: a.account.name }))]}
        />
        <NativeSelect
          label={t('social.filters.channel')}
          value={search.channel ?? ''}
          onChange={set('channel')}
          data={[any, ...socialChannels.map((c) => ({ value: c, label: t(`case.channel.${c}`) }))]}
        />
        <NativeSelect
          label={t('social.filters.team')}
          value={search.team ?? ''}
          onChange={set('team')}
          data={[
            any,
            { value: 'mine', label: t('social.filters.myTeams') },
            { value: 'none', label: t('social.filters.noTeam') },
            ...names.teams.filter((tm) => tm.active).map((tm) => ({ value: tm.id, label: tm.name })),
          ]}
        />
        <NativeSelect
          label={t('social.filters.store')}
          value={search.store ?? ''}
          onChange={set('store')}
          data={[any, { value: 'none', label: t('social.filters.noStore') }, ...stores.filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))]}
        />
        <TextInput type="date" label={t('social.filters.from')} value={search.from ?? ''} onChange={set('from')} />
        <TextInput type="date" label={t('social.filters.to')} value={search.to ?? ''} onChange={set('to')} />
        <Button variant="subtle" onClick={onReset}>
          {t('social.filters.reset')}
        </Button>
      </Group>
    </Stack>
  );
}
