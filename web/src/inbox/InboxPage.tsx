// The inbox: the views with their counts on the left, the selected view's cases on the right
// (filtered and sorted from the URL, 50 at a time with "load more"), bulk actions on the
// selected cases, keyboard shortcuts, and live updates that keep the focus and the selection.
import { Button, Center, Grid, Group, Loader, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkAction } from '../../../src/modules/cases/bulk.contract.ts';
import type { CaseListSearch } from '../cases/case-list-search.ts';
import { caseListQuery } from '../cases/cases.api.ts';
import { LoadingState } from '../ui/LoadingState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { BulkToolbar } from './BulkToolbar.tsx';
import { FilterBar } from './FilterBar.tsx';
import { storesQuery, viewsQuery } from './inbox.api.ts';
import { listParamsOf, resolveView, viewOfSearch } from './inbox-filters.ts';
import { InboxTable } from './InboxTable.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { SaveViewDialog } from './SaveViewDialog.tsx';
import { ShortcutSheet } from './ShortcutSheet.tsx';
import { useBulkAction } from './useBulkAction.tsx';
import { useInboxKeys } from './useInboxKeys.ts';
import { useSelection } from './useSelection.ts';
import { ViewSidebar } from './ViewSidebar.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';

const route = getRouteApi('/signed-in/cases');

const defined = (search: CaseListSearch): CaseListSearch =>
  Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined && v !== '')) as CaseListSearch;

export function InboxPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const views = useQuery(viewsQuery);
  const stores = useQuery(storesQuery);
  // Saved views that cannot be loaded: a link to one falls back to the default list.
  const resolved = resolveView(search, views.data ?? (views.isError ? [] : undefined));
  const definition = viewOfSearch(resolved.search);
  const params = listParamsOf(definition, resolved.search.q);
  const list = useInfiniteQuery({ ...caseListQuery(params), placeholderData: keepPreviousData, enabled: !resolved.pending });
  const cases = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const selection = useSelection(cases);
  const [dialog, setDialog] = useState<'save' | 'merge' | 'sheet' | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);

  // The focused row (j / k): kept by id across refreshes; when its case leaves the list, the
  // row now at its place takes over, and the keyboard focus with it.
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const lastIndex = useRef(0);
  const rows = useRef(new Map<string, HTMLTableRowElement>());
  const rowRef = useCallback(
    (id: string) => (node: HTMLTableRowElement | null) => {
      if (node) rows.current.set(id, node);
      else rows.current.delete(id);
    },
    [],
  );
  const focusRow = (id: string) => {
    const row = rows.current.get(id);
    row?.focus({ preventScroll: true });
    row?.scrollIntoView({ block: 'nearest' });
  };
  useEffect(() => {
    const index = cases.findIndex((c) => c.id === focusedId);
    if (index >= 0) {
      lastIndex.current = index;
      return;
    }
    if (!focusedId) return;
    const next = cases[Math.min(lastIndex.current, cases.length - 1)];
    const lostFocus = document.activeElement === document.body;
    setFocusedId(next?.id ?? null);
    if (next && lostFocus) requestAnimationFrame(() => focusRow(next.id));
  }, [cases, focusedId]);

  // Another view or other filters: a new list, read from its top, nothing selected. (A live
  // refresh of the same list keeps both.)
  const listKey = JSON.stringify(params);
  useEffect(() => {
    setFocusedId(null);
    lastIndex.current = 0;
    selection.clear();
  }, [listKey]);

  const storeName = (id: string) => (id === 'none' ? t('inbox.view.noStore') : (stores.data?.find((s) => s.id === id)?.name ?? t('inbox.view.unknownStore')));
  const viewName = (id: string | null): string => {
    if (!id) return t('inbox.customFilters');
    if (id.startsWith('channel:')) return t(`case.channel.${id.slice(8)}` as 'case.channel.email');
    if (id.startsWith('store:')) return storeName(id.slice(6));
    return views.data?.find((v) => v.id === id)?.name ?? t(`inbox.view.${id}` as 'inbox.view.open');
  };

  const change = (changes: Partial<CaseListSearch>) => void navigate({ search: defined({ ...resolved.search, ...changes }), replace: true });
  const bulk = useBulkAction((result) => selection.unselect(result.results.filter((r) => r.ok).map((r) => r.caseId)));
  const focused = cases.find((c) => c.id === focusedId) ?? null;
  /** What e and a act on: the selected cases, else the focused one. */
  const targets = () => (selection.selected.length ? selection.selected : focused ? [focused] : []);
  const run = (action: BulkAction, on = targets()) => {
    if (on.length) bulk.mutate({ cases: on, action });
  };

  const moveFocus = (step: 1 | -1) => {
    if (cases.length === 0) return;
    const index = cases.findIndex((c) => c.id === focusedId);
    const nextIndex = index < 0 ? 0 : Math.max(0, Math.min(cases.length - 1, index + step));
    if (index === cases.length - 1 && step === 1 && list.hasNextPage) void list.fetchNextPage();
    const next = cases[nextIndex]!;
    setFocusedId(next.id);
    focusRow(next.id);
    setAnnouncement(
      t('inbox.focus.announce', {
        number: next.number,
        subject: next.subject,
        position: nextIndex + 1,
        total: cases.length,
        selected: selection.ids.has(next.id) ? t('inbox.focus.selected') : '',
      }),
    );
  };

  useInboxKeys({
    move: moveFocus,
    open: () => focused && void navigate({ to: '/cases/$caseId', params: { caseId: focused.id } }),
    toggle: () => focused && selection.toggle(focused.id, false),
    solve: () => run({ type: 'status', status: 'solved' }),
    assignToMe: () => run({ type: 'assign', assigneeId: 'me' }),
    // The case page opens its reply box when asked by ?compose=reply.
    reply: () => focused && void navigate({ href: `/cases/${encodeURIComponent(focused.id)}?compose=reply` }),
    focusSearch: () => searchRef.current?.focus(),
    clear: selection.clear,
    showSheet: () => setDialog('sheet'),
  });

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 3, xl: 2 }}>
        <Paper withBorder p="xs">
          <ViewSidebar selected={resolved.viewId} />
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9, xl: 10 }}>
        <Stack gap="md">
          <Group justify="space-between" align="baseline">
            <div>
              <PageHeading>{t('list.title')}</PageHeading>
              <Text size="sm" c="dimmed" data-testid="inbox-view-name">
                {resolved.pending ? t('inbox.viewLoading') : viewName(resolved.viewId)}
              </Text>
            </div>
            <Group gap="sm">
              {list.isFetching && !list.isFetchingNextPage && (
                <Group gap="xs" aria-hidden>
                  <Loader size="xs" />
                  <Text size="sm" c="dimmed">
                    {t('list.refreshing')}
                  </Text>
                </Group>
              )}
              <Button variant="subtle" size="xs" onClick={() => setDialog('sheet')} aria-keyshortcuts="?">
                {t('inbox.shortcuts.open')}
              </Button>
            </Group>
          </Group>
          <Paper withBorder p="md">
            <FilterBar search={resolved.search} onChange={change} onReset={() => void navigate({ search: {}, replace: true })} onSave={() => setDialog('save')} searchRef={searchRef} />
          </Paper>
          {selection.selected.length > 0 && (
            <BulkToolbar selected={selection.selected} busy={bulk.isPending} onAction={(action) => run(action, selection.selected)} onMerge={() => setDialog('merge')} onClear={selection.clear} />
          )}
          <VisuallyHidden role="status" aria-live="polite">
            {announcement}
          </VisuallyHidden>

          {list.isPending || resolved.pending ? (
            <LoadingState label={t('list.loading')} />
          ) : list.isError && cases.length === 0 ? (
            <ProblemAlert error={list.error} title={t('list.loadFailed')} onRetry={() => void list.refetch()} />
          ) : (
            <>
              {list.isError && <ProblemAlert error={list.error} title={t('list.loadFailed')} onRetry={() => void list.refetch()} />}
              <Text size="sm" c="dimmed" role="status">
                {list.hasNextPage ? t('list.countMore', { count: cases.length }) : t('list.count', { count: cases.length })}
              </Text>
              {cases.length === 0 ? (
                <EmptyState title={t('list.empty.title')} body={t('list.empty.body')} />
              ) : (
                <InboxTable
                  cases={cases}
                  selected={selection.ids}
                  focusedId={focusedId}
                  onToggle={selection.toggle}
                  onToggleAll={selection.setAll}
                  onFocusRow={setFocusedId}
                  rowRef={rowRef}
                />
              )}
              {list.hasNextPage && (
                <Center>
                  <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                    {t('list.loadMore')}
                  </Button>
                </Center>
              )}
            </>
          )}
        </Stack>
      </Grid.Col>
      {dialog === 'save' && <SaveViewDialog definition={definition} onClose={() => setDialog(null)} onSaved={(view) => void navigate({ search: { view: view.id } })} />}
      {dialog === 'merge' && (
        <MergeDialog
          cases={selection.selected}
          onClose={() => setDialog(null)}
          onMerged={() => {
            setDialog(null);
            selection.clear();
          }}
        />
      )}
      {dialog === 'sheet' && <ShortcutSheet onClose={() => setDialog(null)} />}
    </Grid>
  );
}
