// A case at the counter: what it is, where it stands and what was promised; record what the
// customer says or brings (a visit, on the counter channel — even on a case opened online),
// add an internal note on the store's own cases, print the ticket, and hand over: the visit
// is done and the screen is ready for the next customer.
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/contracts.ts';
import { caseQuery, postMessage } from '../cases/cases.api.ts';
import { caseKeys } from '../cases/cases.keys.ts';
import { StatusBadge } from '../cases/CaseBadges.tsx';
import { useStores } from '../reference/stores.api.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { recordVisit, ticketUrl } from './counter.api.ts';

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
  const [visit, setVisit] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string[]>(justOpened ? [t('counterMode.case.justOpened', { number: initial.number })] : []);
  useEffect(() => heading.current?.focus(), [initial.id]);

  const saved = (updated: CaseDto, message: string) => {
    queryClient.setQueryData(caseKeys.detail(updated.id), updated);
    void queryClient.invalidateQueries({ queryKey: caseKeys.events(updated.id) });
    // The customer's cases as the counter lists them (status, last activity) changed too.
    void queryClient.invalidateQueries({ queryKey: ['counter'] });
    setDone((d) => [...d, message]);
  };
  const addVisit = useMutation({
    mutationFn: () => recordVisit(c.id, { message: visit, ...(storeId ? { storeId } : {}) }),
    onSuccess: (updated) => {
      setVisit('');
      saved(updated, t('counterMode.case.visitSaved'));
    },
  });
  const addNote = useMutation({
    mutationFn: () => postMessage(c.id, { kind: 'note', body: note }),
    onSuccess: () => {
      setNote('');
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.events(c.id) });
      setDone((d) => [...d, t('counterMode.case.noteSaved')]);
    },
  });
  const promise = c.clocks.find((k) => k.state === 'active' || k.state === 'paused')?.promise;
  const submit = (mutation: { mutate: () => void }, text: string) => (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) mutation.mutate();
  };

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

      <Paper withBorder p="md" radius="md" component="form" onSubmit={submit(addVisit, visit)} aria-labelledby="counter-visit-title">
        <Stack gap="sm">
          <Title order={3} size="h4" id="counter-visit-title">
            {t('counterMode.visit.title')}
          </Title>
          <Textarea size="lg" label={t('counterMode.visit.label')} description={t('counterMode.visit.hint')} autosize minRows={3} value={visit} onChange={(e) => setVisit(e.currentTarget.value)} />
          {addVisit.isError && <ProblemAlert error={addVisit.error} title={t('counterMode.visit.failed')} />}
          <Button type="submit" size="xl" loading={addVisit.isPending} disabled={!visit.trim()}>
            {t('counterMode.visit.submit')}
          </Button>
        </Stack>
      </Paper>

      {c.access === 'full' && (
        <Paper withBorder p="md" radius="md" component="form" onSubmit={submit(addNote, note)} aria-labelledby="counter-note-title">
          <Stack gap="sm">
            <Title order={3} size="h4" id="counter-note-title">
              {t('counterMode.note.title')}
            </Title>
            <Textarea size="lg" label={t('counterMode.note.label')} description={t('counterMode.note.hint')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            {addNote.isError && <ProblemAlert error={addNote.error} title={t('counterMode.note.failed')} />}
            <Button type="submit" size="lg" variant="outline" loading={addNote.isPending} disabled={!note.trim()}>
              {t('counterMode.note.submit')}
            </Button>
          </Stack>
        </Paper>
      )}

      <Button size="xl" color="teal.9" onClick={onHandOver} data-testid="hand-over">
        {t('counterMode.handOver')}
      </Button>
    </Stack>
  );
}
