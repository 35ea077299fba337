// Counter mode (/counter): the after-sales desk's tablet screen. One customer at a time: find
// them (what they say, or the ticket they hold, scanned), see their open cases — those opened
// online too —, continue one or open one, print the ticket, hand over. Handing over forgets
// the customer (nothing of theirs stays on screen or in memory for the next one) and puts the
// cursor back in the search box.
import { Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/contracts.ts';
import { LoadingState } from '../ui/LoadingState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { counterLookupQuery, type CounterMatch } from './counter.api.ts';
import { CounterCase } from './CounterCase.tsx';
import { CounterCustomer } from './CounterCustomer.tsx';
import { CounterResults } from './CounterResults.tsx';
import { CounterSearch, type CounterSearchHandle } from './CounterSearch.tsx';
import { NewCounterCase } from './NewCounterCase.tsx';
import { useCounterStore } from './useCounterStore.ts';

type Screen =
  | { kind: 'search' }
  | { kind: 'customer'; customerId: string }
  | { kind: 'new'; customer: CounterMatch['customer'] | null; back: Screen }
  | { kind: 'case'; c: CaseDto; justOpened: boolean; back: Screen };

/** A scanned ticket or a case number names one case: straight to it. */
function firstScreen(matches: CounterMatch[]): Screen | null {
  if (matches.length !== 1) return null;
  const [match] = matches as [CounterMatch];
  const named = match.matchedCases;
  const customer: Screen = { kind: 'customer', customerId: match.customer.id };
  if (named.length === 1 && (match.matchedBy === 'tracking_link' || match.matchedBy === 'case_number')) return { kind: 'case', c: named[0]!, justOpened: false, back: customer };
  return customer;
}

export function CounterPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const search = useRef<CounterSearchHandle>(null);
  const store = useCounterStore();
  const [q, setQ] = useState('');
  const [screen, setScreen] = useState<Screen>({ kind: 'search' });
  const lookup = useQuery(counterLookupQuery(q));

  // A new answer to a new search decides the first screen.
  const decided = useRef<string | null>(null);
  useEffect(() => {
    if (!lookup.data || decided.current === q) return;
    decided.current = q;
    setScreen(firstScreen(lookup.data) ?? { kind: 'search' });
  }, [lookup.data, q]);

  const find = (text: string) => {
    decided.current = null;
    setScreen({ kind: 'search' });
    setQ(text);
    // The same text again (the customer's details changed meanwhile) asks the server again.
    if (text === q) void lookup.refetch();
  };
  const handOver = () => {
    queryClient.removeQueries({ queryKey: ['counter'] });
    setQ('');
    decided.current = null;
    setScreen({ kind: 'search' });
    search.current?.clear();
    search.current?.focus();
  };
  const back = (s: Screen) => setScreen('back' in s ? s.back : { kind: 'search' });
  // Read from the lookup's answer, which a visit refreshes: the customer screen is never stale.
  const shown = screen.kind === 'customer' ? lookup.data?.find((m) => m.customer.id === screen.customerId) : undefined;

  return (
    <Stack gap="md" maw={960} mx="auto" w="100%">
      <Group justify="space-between" align="center" gap="sm">
        <PageHeading>{t('counterMode.title')}</PageHeading>
        {store.needsChoice ? (
          <NativeSelect
            size="md"
            label={t('counterMode.store.label')}
            value={store.storeId ?? ''}
            onChange={(e) => store.choose(e.currentTarget.value)}
            data={[{ value: '', label: t('counterMode.store.choose'), disabled: true }, ...store.choices.map((s) => ({ value: s.id, label: s.name }))]}
          />
        ) : (
          store.storeName && (
            <Text size="md" fw={600} c="dimmed">
              {store.storeName}
            </Text>
          )
        )}
      </Group>
      <Paper withBorder p="md" radius="md">
        <CounterSearch ref={search} onSearch={find} searching={lookup.isFetching} />
      </Paper>

      {screen.kind !== 'search' && (
        <Button variant="subtle" size="lg" onClick={() => back(screen)} style={{ alignSelf: 'flex-start' }}>
          ← {t('counterMode.back')}
        </Button>
      )}
      {screen.kind === 'search' && q && (
        <>
          {lookup.isPending && <LoadingState label={t('counterMode.results.loading')} size="lg" />}
          {lookup.isError && <ProblemAlert error={lookup.error} title={t('counterMode.results.failed')} onRetry={() => void lookup.refetch()} />}
          {lookup.data && lookup.data.length === 0 && (
            <Paper withBorder p="lg" radius="md">
              <Stack gap="sm">
                <Text size="lg" fw={600} role="status">
                  {t('counterMode.results.none', { q })}
                </Text>
                <Button size="xl" variant="outline" onClick={() => setScreen({ kind: 'new', customer: null, back: { kind: 'search' } })}>
                  {t('counterMode.customer.newCustomerCase')}
                </Button>
              </Stack>
            </Paper>
          )}
          {lookup.data && lookup.data.length > 0 && <CounterResults matches={lookup.data} onChoose={(match) => setScreen({ kind: 'customer', customerId: match.customer.id })} />}
        </>
      )}
      {screen.kind === 'search' && !q && (
        <Stack gap="sm" align="flex-start">
          <Text size="lg" c="dimmed">
            {t('counterMode.welcome')}
          </Text>
          <Button size="xl" variant="outline" onClick={() => setScreen({ kind: 'new', customer: null, back: { kind: 'search' } })}>
            {t('counterMode.customer.newCustomerCase')}
          </Button>
        </Stack>
      )}
      {screen.kind === 'customer' && shown && (
        <CounterCustomer
          match={shown}
          onOpenCase={(c) => setScreen({ kind: 'case', c, justOpened: false, back: screen })}
          onNewCase={() => setScreen({ kind: 'new', customer: shown.customer, back: screen })}
        />
      )}
      {screen.kind === 'customer' && !shown && lookup.isPending && <LoadingState label={t('counterMode.results.loading')} size="lg" />}
      {screen.kind === 'new' && (
        <NewCounterCase
          customer={screen.customer}
          storeId={store.storeId}
          onCancel={() => back(screen)}
          onOpened={(c) => setScreen({ kind: 'case', c, justOpened: true, back: screen.back })}
        />
      )}
      {screen.kind === 'case' && <CounterCase key={screen.c.id} c={screen.c} storeId={store.storeId} justOpened={screen.justOpened} onHandOver={handOver} />}
    </Stack>
  );
}
