// The inbox's left column: every view with its number of cases — the built-in ones, by
// channel and by store (those with open cases), the user's saved views and the shared ones.
// Each is a link to `/cases?view=…`, so the URL holds the choice. Counts refresh live.
import { Badge, Loader, NavLink, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { channels } from '../../../src/modules/cases/cases.contract.ts';
import { builtinViewIds, channelViewId, storeViewId, type ViewCounts, type ViewDto } from '../../../src/modules/views/views.contract.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { countsQuery, storesQuery, viewsQuery } from './inbox.api.ts';
import { SavedViewMenu } from './SavedViewMenu.tsx';

function NavLinkAnchor(props: Omit<ComponentPropsWithRef<'a'>, 'onChange' | 'color'> & { label: ReactNode; rightSection?: ReactNode; active?: boolean; variant?: string; color?: string }) {
  return <NavLink component="a" {...props} />;
}
const ViewLink = createLink(NavLinkAnchor);

interface ViewEntryProps {
  id: string;
  name: string;
  counts: ViewCounts | undefined;
  selected: boolean;
  menu?: ReactNode;
}

function ViewEntry({ id, name, counts, selected, menu }: ViewEntryProps) {
  const { t, i18n } = useTranslation();
  const count = counts?.counts[id];
  const capped = counts?.capped.includes(id) ?? false;
  return (
    <li style={{ display: 'flex', alignItems: 'center' }} data-view={id}>
      <ViewLink
        to="/cases"
        search={{ view: id }}
        label={name}
        aria-current={selected ? 'page' : undefined}
        active={selected}
        variant="filled"
        color="indigo.8"
        style={{ flex: 1, borderRadius: 'var(--mantine-radius-sm)' }}
        rightSection={
          count !== undefined ? (
            <Badge size="sm" variant={selected ? 'white' : 'filled'} color={selected ? 'indigo.8' : 'gray.2'} autoContrast tt="none" data-count={count}>
              {count.toLocaleString(i18n.language)}
              {capped ? '+' : ''}
              <VisuallyHidden> {capped ? t('inbox.sidebar.casesOrMore') : t('inbox.sidebar.cases', { count })}</VisuallyHidden>
            </Badge>
          ) : null
        }
      />
      {menu}
    </li>
  );
}

function ViewGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Title order={2} size="xs" tt="uppercase" c="gray.7" fw={700} mb={4} px="xs">
        {title}
      </Title>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>{children}</ul>
    </section>
  );
}

export function ViewSidebar({ selected }: { selected: string | null }) {
  const { t } = useTranslation();
  const counts = useQuery(countsQuery);
  const views = useQuery(viewsQuery);
  const stores = useQuery(storesQuery);
  const storeName = (id: string) => (id === 'none' ? t('inbox.view.noStore') : (stores.data?.find((s) => s.id === id)?.name ?? t('inbox.view.unknownStore')));
  const c = counts.data;
  const entry = (id: string, name: string, menu?: ReactNode) => <ViewEntry key={id} id={id} name={name} counts={c} selected={selected === id} menu={menu} />;
  const byChannel = channels.filter((ch) => (c?.counts[channelViewId(ch)] ?? 0) > 0);
  const byStore = Object.keys(c?.counts ?? {})
    .filter((k) => k.startsWith('store:'))
    .map((k) => k.slice('store:'.length))
    .sort((a, b) => (a === 'none' ? 1 : b === 'none' ? -1 : storeName(a).localeCompare(storeName(b))));
  const mine = views.data?.filter((v) => !v.shared) ?? [];
  const shared = views.data?.filter((v) => v.shared) ?? [];
  const savedEntry = (v: ViewDto, group: ViewDto[]) => entry(v.id, v.name, v.editable ? <SavedViewMenu view={v} group={group} /> : undefined);

  return (
    <nav aria-label={t('inbox.sidebar.label')}>
      <Stack gap="md">
        <ViewGroup title={t('inbox.sidebar.views')}>{builtinViewIds.map((id) => entry(id, t(`inbox.view.${id}`)))}</ViewGroup>
        {counts.isPending && <Loader size="xs" aria-label={t('inbox.sidebar.countsLoading')} />}
        {counts.isError && <ProblemAlert error={counts.error} title={t('inbox.sidebar.countsFailed')} onRetry={() => void counts.refetch()} />}
        {byChannel.length > 0 && <ViewGroup title={t('inbox.sidebar.byChannel')}>{byChannel.map((ch) => entry(channelViewId(ch), t(`case.channel.${ch}`)))}</ViewGroup>}
        {byStore.length > 0 && <ViewGroup title={t('inbox.sidebar.byStore')}>{byStore.map((id) => entry(storeViewId(id === 'none' ? null : id), storeName(id)))}</ViewGroup>}
        {views.isError ? (
          <ProblemAlert error={views.error} title={t('inbox.sidebar.viewsFailed')} onRetry={() => void views.refetch()} />
        ) : (
          <>
            <ViewGroup title={t('inbox.sidebar.mine')}>
              {mine.map((v) => savedEntry(v, mine))}
              {views.isSuccess && mine.length === 0 && (
                <li>
                  <Text size="xs" c="dimmed" px="xs">
                    {t('inbox.sidebar.noSaved')}
                  </Text>
                </li>
              )}
            </ViewGroup>
            {shared.length > 0 && <ViewGroup title={t('inbox.sidebar.shared')}>{shared.map((v) => savedEntry(v, shared))}</ViewGroup>}
          </>
        )}
      </Stack>
    </nav>
  );
}
