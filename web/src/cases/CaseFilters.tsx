// The inbox filters and search box. Every change goes to the URL (the list reads it back),
// so a filtered view can be bookmarked, shared and survives a reload.
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { caseSortOrders, caseStatuses, channels, priorities } from '../../../src/modules/cases/cases.contract.ts';
import { useReferenceNames } from '../reference/reference.api.ts';
import type { CaseListSearch } from './case-list-search.ts';

const SEARCH_DEBOUNCE_MS = 350;

interface CaseFiltersProps {
  search: CaseListSearch;
  onChange: (changes: Partial<CaseListSearch>) => void;
  onReset: () => void;
}

export function CaseFilters({ search, onChange, onReset }: CaseFiltersProps) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const [text, setText] = useState(search.q ?? '');

  // Back/Forward or "reset" change the URL: the box follows.
  useEffect(() => setText(search.q ?? ''), [search.q]);

  const applyText = useDebouncedCallback((value: string) => onChange({ q: value.trim() || undefined }), SEARCH_DEBOUNCE_MS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    applyText.cancel();
    onChange({ q: text.trim() || undefined });
  };
  const any = (label: string) => ({ value: '', label });
  const filtered = Object.keys(search).some((k) => k !== 'sort');

  return (
    <div role="search">
      <form onSubmit={submit} aria-label={t('list.filters.label')}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            type="search"
            label={t('list.filters.search')}
            description={t('list.filters.searchHint')}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              applyText(e.currentTarget.value);
            }}
            w={{ base: '100%', sm: 280 }}
          />
          <NativeSelect
            label={t('list.filters.status')}
            value={search.status ?? 'open_all'}
            onChange={(e) => onChange({ status: e.currentTarget.value === 'open_all' ? undefined : e.currentTarget.value })}
            data={[
              { value: 'open_all', label: t('case.status.open_all') },
              { value: 'all', label: t('case.status.all') },
              ...caseStatuses.map((s) => ({ value: s, label: t(`case.status.${s}`) })),
            ]}
          />
          <NativeSelect
            label={t('list.filters.priority')}
            value={search.priority ?? ''}
            onChange={(e) => onChange({ priority: e.currentTarget.value || undefined })}
            data={[any(t('list.filters.any')), ...priorities.map((p) => ({ value: p, label: t(`case.priority.${p}`) }))]}
          />
          <NativeSelect
            label={t('list.filters.channel')}
            value={search.channel ?? ''}
            onChange={(e) => onChange({ channel: e.currentTarget.value || undefined })}
            data={[any(t('list.filters.any')), ...channels.map((c) => ({ value: c, label: t(`case.channel.${c}`) }))]}
          />
          <NativeSelect
            label={t('list.filters.assignee')}
            value={search.assignee ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              onChange({ assignee: value === 'me' || value === 'none' ? value : undefined });
            }}
            data={[any(t('list.filters.anyone')), { value: 'me', label: t('list.filters.me') }, { value: 'none', label: t('list.filters.unassigned') }]}
          />
          <NativeSelect
            label={t('list.filters.team')}
            value={search.team ?? ''}
            onChange={(e) => onChange({ team: e.currentTarget.value || undefined })}
            data={[
              any(t('list.filters.anyTeam')),
              { value: 'none', label: t('list.filters.noTeam') },
              ...names.teams.map((team) => ({ value: team.id, label: team.name })),
            ]}
          />
          <NativeSelect
            label={t('list.filters.sort')}
            value={search.sort ?? '-lastActivityAt'}
            onChange={(e) => onChange({ sort: e.currentTarget.value === '-lastActivityAt' ? undefined : e.currentTarget.value })}
            data={caseSortOrders.map((s) => ({ value: s, label: t(`list.sort.${s}`) }))}
          />
          {filtered && (
            <Button variant="subtle" onClick={onReset}>
              {t('list.filters.reset')}
            </Button>
          )}
        </Group>
      </form>
    </div>
  );
}
