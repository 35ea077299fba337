// A case at the counter: what it is, where it stands and what was promised; record what the
// customer says or brings (a visit, on the counter channel — even on a case opened online),
// add an internal note on the store's own cases, print the ticket, and hand over: the visit
// is done and the screen is ready for the next customer.
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/contracts.ts';
import { caseQuery, postMessage } from '../cases/cases.api.ts';
import { caseKeys } from '../cases/cases.keys.ts';
import { StatusBadge } from '../cases/CaseBadges.tsx';
import { useStores } from '../reference/stores.api.ts';
import { PolicyVerdictPanel } from '../policies/PolicyVerdictPanel.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { recordVisit, ticketUrl } from './counter.api.ts';
import { CounterTextForm } from './CounterTextForm.tsx';

interface Props {
  c: CaseDto;
  /** The store to name on a visit (when the staff work at several). */
  storeId: string | undefined;
  /** Just opened at this counter: said once at the top. */
  justOpened: boolean;
  onHandOver: () => void;
}

export function CounterCase({ c: initial, storeId, justOpened, onHandOver }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const stores = useStores();
  const heading = useRef<HTMLHeadingElement>(null);
  // The case as it is now (a visit reopens a solved case, moves its clocks).
  const c = useQuery({ ...caseQuery(initial.id), initialData: initial }).data;
  const [done, setDone] = useState<string[]>(justOpened ? [t('counterMode.case.justOpened', { number: initial.number })] : []);
  useEffect(() => heading.current?.focus(), [initial.id]);

  const saveVisit = async (message: string) => {
    const updated = await recordVisit(c.id, { message, ...(storeId ? { storeId } : {}) });
    queryClient.setQueryData(caseKeys.detail(updated.id), updated);
    setDone((d) => [...d, t('counterMode.case.visitSaved')]);
    refresh();
  };
  const saveNote = async (body: string) => {
    await postMessage(c.id, { kind: 'note', body });
    setDone((d) => [...d, t('counterMode.case.noteSaved')]);
    refresh();
  };
  // The timeline, and the customer's cases as the counter lists them (status, last activity).
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
    void queryClient.invalidateQueries({ queryKey: caseKeys.events(c.id) });
    void queryClient.invalidateQueries({ queryKey: ['counter'] });
  };
  const promise = c.clocks.find((k) => k.state === 'active' || k.state === 'paused')?.promise;
  return (
    <Stack gap="md" component="section" aria-labelledby="counter-case-title">
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Text fw={700} ff="monospace" size="lg">
            {c.number}
          </Text>
          <Title order={2} size="h2" id="counter-case-title" ref={heading} tabIndex={-1} style={{ overflowWrap: 'anywhere' }}>
            {c.subject}
          </Title>
          <Group gap="xs">
            <StatusBadge status={c.status} />
            <Badge variant="outline" color="gray.7" radius="sm" tt="none" size="lg">
              {t('counterMode.case.channel', { channel: t(`case.channel.${c.channel}`) })}
            </Badge>
          </Group>
          <Text size="md">
            {c.customer.displayName} · {stores.name(c.storeId) ?? t('counterMode.case.online')} · {t('counterMode.case.opened')} <RelativeTime iso={c.createdAt} />
          </Text>
          {promise && <Text size="md">{t('counterMode.case.promise', { promise: i18n.language === 'en' ? promise.en : promise.fr })}</Text>}
          {c.access !== 'full' && (
            <Text size="sm" fw={500} c="dark.7" pl="xs" style={{ borderLeft: '3px solid var(--mantine-color-orange-7)' }}>
              {t('counterMode.case.elsewhere')}
            </Text>
          )}
        </Stack>
      </Paper>

      <div role="status" aria-live="polite">
        {done.map((message, i) => (
          <Alert key={i} color="teal" variant="light" mb="xs" p="sm">
            <Text fw={600}>{message}</Text>
          </Alert>
        ))}
      </div>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="counter-ticket-title">
        <Stack gap="sm">
          <Title order={3} size="h4" id="counter-ticket-title">
            {t('case.ticket.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {(['receipt', 'a4'] as const).map((format) => (
              <Button key={format} component="a" href={ticketUrl(c.id, format, i18n.language)} target="_blank" rel="noopener" size="xl" variant={format === 'receipt' ? 'filled' : 'outline'} data-ticket={format}>
                {t(`case.ticket.${format}`)}
              </Button>
            ))}
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('counterMode.ticket.hint')}
          </Text>
        </Stack>
      </Paper>

      {c.access === 'full' && <PolicyVerdictPanel caseId={c.id} size="md" framed />}

      <CounterTextForm part="visit" primary save={saveVisit} />
      {c.access === 'full' && <CounterTextForm part="note" primary={false} save={saveNote} />}

      <Button size="xl" color="teal.9" onClick={onHandOver} data-testid="hand-over">
        {t('counterMode.handOver')}
      </Button>
    </Stack>
  );
}
