// The inbox's filter bar: search, the common filters, and the others behind "more filters".
// Every change goes to the URL (the list reads it back), so a filtered list can be
// bookmarked, shared, saved as a view, and survives a reload.
import { Button, Collapse, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { FormEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { caseSortOrders, caseStatuses, channels, priorities, slaStates } from '../../../src/modules/cases/cases.contract.ts';
import type { CaseListSearch } from '../cases/case-list-search.ts';
import { referenceLabel, useReferenceNames } from '../reference/reference.api.ts';
import { brandsQuery, storesQuery } from './inbox.api.ts';
import { filterKeys } from './inbox-filters.ts';
import { PeriodFilter } from './PeriodFilter.tsx';
import { useTypedFilter } from './useTypedFilter.ts';

interface Option {
  value: string;
  label: string;
}

interface SelectFilterProps {
  label: string;
  value: string | undefined;
  options: Option[];
  onChange: (value: string | undefined) => void;
  /** The value meaning "no filter" (its option comes first). */
  any?: Option;
}

/** A select; a value it has no option for (several values from a saved view) gets one, named by its parts. */
function SelectFilter({ label, value, options, onChange, any }: SelectFilterProps) {
  const { t } = useTranslation();
  const all = any ? [any, ...options] : options;
  const current = value ?? any?.value ?? '';
  const named = (v: string) => all.find((o) => o.value === v)?.label ?? v;
  const data = all.some((o) => o.value === current) ? all : [...all, { value: current, label: t('inbox.filters.several', { list: current.split(',').map(named).join(', ') }) }];
  return <NativeSelect label={label} value={current} data={data} onChange={(e) => onChange(e.currentTarget.value === any?.value ? undefined : e.currentTarget.value)} />;
}

interface FilterBarProps {
  search: CaseListSearch;
  onChange: (changes: Partial<CaseListSearch>) => void;
  onReset: () => void;
  onSave: () => void;
  searchRef?: Ref<HTMLInputElement>;
}

export function FilterBar({ search, onChange, onReset, onSave, searchRef }: FilterBarProps) {
  const { t, i18n } = useTranslation();
  const names = useReferenceNames();
  const stores = useQuery(storesQuery);
  const brands = useQuery(brandsQuery);
  const advanced = ['sla', 'step', 'reason', 'store', 'brand', 'tag', 'lang', 'createdPeriod', 'createdFrom', 'createdTo', 'activityPeriod', 'activityFrom', 'activityTo'] as const;
  const [more, toggleMore] = useDisclosure(advanced.some((k) => search[k] !== undefined));
  const q = useTypedFilter(search.q, (value) => onChange({ q: value }));
  const tags = useTypedFilter(search.tag, (value) => onChange({ tag: value?.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean).join(',') || undefined }));
  const set = (key: keyof CaseListSearch) => (value: string | undefined) => onChange({ [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    q.flush();
    tags.flush();
  };
  const anyOf = (label: string) => ({ value: '', label });
  /** A select on one filter of the URL; its first option (by default "any") sets none. */
  const select = (key: keyof CaseListSearch, label: string, options: Option[], any: Option = anyOf(t('list.filters.any'))) => (
    <SelectFilter label={label} value={search[key]} onChange={set(key)} any={any} options={options} />
  );
  const filtered = filterKeys.some((k) => search[k] !== undefined) || search.sort !== undefined || search.q !== undefined;
  /** Opening or last activity: a relative period, or two days. */
  const period = (on: 'created' | 'activity') => (
    <PeriodFilter
      label={t(`inbox.period.${on}`)}
      fromLabel={t(`inbox.filters.${on}From`)}
      toLabel={t(`inbox.filters.${on}To`)}
      value={{ period: search[`${on}Period`], from: search[`${on}From`], to: search[`${on}To`] }}
      onChange={(v) => onChange({ [`${on}Period`]: v.period, [`${on}From`]: v.from, [`${on}To`]: v.to })}
    />
  );

  return (
    <div role="search">
      <form onSubmit={submit} aria-label={t('list.filters.label')}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            ref={searchRef}
            type="search"
            label={t('list.filters.search')}
            description={t('list.filters.searchHint')}
            value={q.value}
            onChange={(e) => q.onChange(e.currentTarget.value)}
            w={{ base: '100%', sm: 260 }}
          />
          <SelectFilter
            label={t('list.filters.status')}
            value={search.status ?? 'open_all'}
            onChange={(v) => set('status')(v === 'open_all' ? undefined : v)}
            options={[
              { value: 'open_all', label: t('case.status.open_all') },
              { value: 'all', label: t('case.status.all') },
              ...caseStatuses.map((s) => ({ value: s, label: t(`case.status.${s}`) })),
            ]}
          />
          {select(
            'assignee',
            t('list.filters.assignee'),
            [
              { value: 'me', label: t('list.filters.me') },
              { value: 'none', label: t('list.filters.unassigned') },
              ...names.users.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })),
            ],
            anyOf(t('list.filters.anyone')),
          )}
          {select(
            'team',
            t('list.filters.team'),
            [{ value: 'mine', label: t('inbox.filters.myTeams') }, { value: 'none', label: t('list.filters.noTeam') }, ...names.teams.map((team) => ({ value: team.id, label: team.name }))],
            anyOf(t('list.filters.anyTeam')),
          )}
          {select('channel', t('list.filters.channel'), channels.map((c) => ({ value: c, label: t(`case.channel.${c}`) })))}
          {select('priority', t('list.filters.priority'), priorities.map((p) => ({ value: p, label: t(`case.priority.${p}`) })))}
          {select(
            'sort',
            t('list.filters.sort'),
            caseSortOrders.filter((s) => s !== '-lastActivityAt').map((s) => ({ value: s, label: s === 'slaDueAt' ? t('inbox.filters.sortUrgency') : t(`list.sort.${s}`) })),
            { value: '-lastActivityAt', label: t('list.sort.-lastActivityAt') },
          )}
          <Button variant="default" onClick={toggleMore.toggle} aria-expanded={more} aria-controls="inbox-more-filters">
            {t(more ? 'inbox.filters.less' : 'inbox.filters.more')}
          </Button>
          {filtered && (
            <Button variant="subtle" onClick={onReset}>
              {t('list.filters.reset')}
            </Button>
          )}
          <Button variant="light" onClick={onSave}>
            {t('inbox.filters.saveView')}
          </Button>
        </Group>
        <Collapse expanded={more} id="inbox-more-filters">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mt="sm">
            {select('sla', t('inbox.filters.sla'), [{ value: 'breached,due_soon', label: t('inbox.sla.atRisk') }, ...slaStates.map((s) => ({ value: s, label: t(`inbox.sla.${s}`) }))])}
            {select('step', t('case.fields.step'), names.steps.map((s) => ({ value: s.key, label: referenceLabel(s, i18n.language) })))}
            {select('reason', t('case.fields.reason'), names.reasons.map((r) => ({ value: r.key, label: referenceLabel(r, i18n.language) })))}
            {select(
              'store',
              t('inbox.filters.store'),
              [{ value: 'none', label: t('inbox.view.noStore') }, ...(stores.data ?? []).map((s) => ({ value: s.id, label: s.name }))],
              anyOf(t('inbox.filters.anyStore')),
            )}
            {(brands.data?.length ?? 0) > 1 && select('brand', t('inbox.filters.brand'), brands.data!.map((b) => ({ value: b.id, label: b.name })))}
            <TextInput label={t('inbox.filters.tags')} description={t('inbox.filters.tagsHint')} value={tags.value} onChange={(e) => tags.onChange(e.currentTarget.value)} />
            {select('lang', t('inbox.filters.language'), (['fr', 'en'] as const).map((l) => ({ value: l, label: t(`inbox.language.${l}`) })))}
            {period('created')}
            {period('activity')}
          </SimpleGrid>
        </Collapse>
      </form>
    </div>
  );
}
