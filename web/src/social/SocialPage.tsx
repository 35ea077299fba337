// The social inbox (/social): one stream of the public mentions and comments of every
// account, the angriest first, filtered and sorted from the URL, 50 at a time with "load
// more"; the live response figure per account above it; handing a message over to a team or
// a store. The live connection refreshes it as it refreshes the cases. j / k move between
// messages and Enter opens the focused one's case, as in the inbox.
import { Button, Center, Group, Loader, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../ui/LoadingState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { HandOverDialog } from './HandOverDialog.tsx';
import { LiveResponseHeader } from './LiveResponseHeader.tsx';
import { socialStreamQuery, type SocialMessage } from './social.api.ts';
import { socialParamsOf } from './social-params.ts';
import type { SocialSearch } from './social-search.ts';
import { SocialFilters } from './SocialFilters.tsx';
import { SocialMessageCard } from './SocialMessageCard.tsx';
import { SocialTabs } from './SocialTabs.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';

const route = getRouteApi('/signed-in/social');

/** A dialog or a menu has the keyboard (useHotkeys already leaves keys typed in fields alone). */
const overlayOpen = () => document.querySelector('[aria-modal="true"], [role="menu"]') !== null;

/** Enter is the focused message's only on the message itself or nowhere in particular: on a link or a button it keeps its meaning. */
const enterIsOurs = (event: KeyboardEvent) => {
  const target = event.target as HTMLElement | null;
  return !target || target === document.body || target.tagName === 'ARTICLE' || target.id === 'main';
};

export function SocialPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = socialParamsOf(search);
  const list = useInfiniteQuery({ ...socialStreamQuery(params), placeholderData: keepPreviousData });
  const messages = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const [handingOver, setHandingOver] = useState<SocialMessage | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const cards = useRef(new Map<string, HTMLElement>());
  const cardRef = useCallback(
    (id: string) => (node: HTMLElement | null) => {
      if (node) cards.current.set(id, node);
      else cards.current.delete(id);
    },
    [],
  );

  const change = (changes: Partial<SocialSearch>) => {
    const next = Object.fromEntries(Object.entries({ ...search, ...changes }).filter(([, v]) => v !== undefined && v !== '')) as SocialSearch;
    void navigate({ search: next, replace: true });
  };

  const move = (step: 1 | -1) => {
    if (messages.length === 0) return;
    const index = messages.findIndex((m) => m.eventId === focusedId);
    const nextIndex = index < 0 ? 0 : Math.max(0, Math.min(messages.length - 1, index + step));
    if (index === messages.length - 1 && step === 1 && list.hasNextPage) void list.fetchNextPage();
    const next = messages[nextIndex]!;
    setFocusedId(next.eventId);
    const card = cards.current.get(next.eventId);
    card?.focus({ preventScroll: true });
    card?.scrollIntoView({ block: 'nearest' });
    setAnnouncement(t('social.focus.announce', { author: next.author.handle ? `@${next.author.handle}` : (next.author.name ?? ''), urgency: next.urgency, position: nextIndex + 1, total: messages.length }));
  };
  const focused = messages.find((m) => m.eventId === focusedId) ?? null;
  const when = (run: () => void) => (event: KeyboardEvent) => {
    if (overlayOpen() || event.defaultPrevented) return;
    event.preventDefault();
    run();
  };
  const open = when(() => focused && void navigate({ to: '/cases/$caseId', params: { caseId: focused.case.id } }));
  useHotkeys([
    ['j', when(() => move(1)), { preventDefault: false }],
    ['k', when(() => move(-1)), { preventDefault: false }],
    ['Enter', (event) => enterIsOurs(event) && open(event), { preventDefault: false }],
  ]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <PageHeading>{t('social.title')}</PageHeading>
        {list.isFetching && !list.isFetchingNextPage && !list.isPending && <Loader size="xs" aria-hidden />}
      </Group>
      <SocialTabs />
      <LiveResponseHeader />
      <Paper withBorder p="md">
        <SocialFilters search={search} onChange={change} onReset={() => void navigate({ search: {}, replace: true })} />
      </Paper>
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      {list.isPending ? (
        <LoadingState label={t('social.loading')} />
      ) : list.isError && messages.length === 0 ? (
        <ProblemAlert error={list.error} title={t('social.loadFailed')} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {list.isError && <ProblemAlert error={list.error} title={t('social.loadFailed')} onRetry={() => void list.refetch()} />}
          <Text size="sm" c="dimmed" role="status">
            {list.hasNextPage ? t('social.countMore', { count: messages.length }) : t('social.count', { count: messages.length })}
            {' · '}
            {t('social.keysHint')}
          </Text>
          {messages.length === 0 ? (
            <EmptyState title={t('social.empty.title')} body={t('social.empty.body')} />
          ) : (
            <Stack gap="sm" data-testid="social-stream">
              {messages.map((m) => (
                <SocialMessageCard
                  key={m.eventId}
                  message={m}
                  focused={m.eventId === focusedId}
                  cardRef={cardRef(m.eventId)}
                  onFocus={() => setFocusedId(m.eventId)}
                  onHandOver={() => setHandingOver(m)}
                />
              ))}
            </Stack>
          )}
          {list.hasNextPage && (
            <Center>
              <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('social.loadMore')}
              </Button>
            </Center>
          )}
        </>
      )}
      <HandOverDialog message={handingOver} onClose={() => setHandingOver(null)} />
    </Stack>
  );
}
