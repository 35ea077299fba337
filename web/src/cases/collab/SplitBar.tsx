// Split mode, above the timeline: the agent ticks customer messages on the timeline, names
// the new case and opens it (it gets its own number and acknowledgment, and both cases are
// linked). Escape leaves the mode. Afterwards it says which case was opened, with its link.
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../../api/contracts.ts';
import { newIdempotencyKey } from '../../api/http.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { caseKeys } from '../cases.keys.ts';
import { splitCase } from './collab.api.ts';
import { useCollab } from './CollabContext.tsx';

export function SplitBar({ c }: { c: CaseDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { split } = useCollab();
  const [subject, setSubject] = useState('');
  const [opened, setOpened] = useState<CaseDto | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const eventIds = useMemo(() => [...split.selected].sort(), [split.selected]);
  const key = useMemo(() => newIdempotencyKey(), [eventIds, subject]);

  useEffect(() => {
    if (split.active) {
      setOpened(null);
      heading.current?.focus();
    }
  }, [split.active]);
  useHotkeys([['Escape', () => split.active && split.stop()]]);

  const run = useMutation({
    mutationFn: () => splitCase(c.id, { eventIds, subject: subject.trim() }, key),
    onSuccess: (created) => {
      setOpened(created);
      setSubject('');
      split.stop();
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.events(c.id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
    },
  });

  if (opened && !split.active) {
    return (
      <Alert color="teal" variant="light" role="status" withCloseButton closeButtonLabel={t('collab.split.dismiss')} onClose={() => setOpened(null)}>
        {t('collab.split.done', { number: opened.number })}{' '}
        <RouterAnchor to="/cases/$caseId" params={{ caseId: opened.id }} fw={700}>
          {t('collab.split.open', { number: opened.number })}
        </RouterAnchor>
      </Alert>
    );
  }
  if (!split.active) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (eventIds.length && subject.trim()) run.mutate();
  };
  return (
    <Paper component="section" withBorder p="md" bg="grape.0" aria-labelledby="split-title">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="split-title" ref={heading} tabIndex={-1}>
            {t('collab.split.title')}
          </Title>
          <Text size="sm">{t('collab.split.instructions')}</Text>
          <Text size="sm" fw={700} role="status">
            {t('collab.split.selected', { count: eventIds.length })}
          </Text>
          <TextInput label={t('collab.split.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} required maxLength={300} />
          {run.isError && <ProblemAlert error={run.error} title={t('collab.split.failed')} />}
          <Group gap="sm">
            <Button type="submit" disabled={eventIds.length === 0 || !subject.trim()} loading={run.isPending}>
              {t('collab.split.submit')}
            </Button>
            <Button variant="default" onClick={split.stop}>
              {t('collab.split.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
