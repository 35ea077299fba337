// Reassigning in one action: the cases of an agent (all, or those ticked) or a whole bucket
// of the workload (a team's queue, "over 7 days and breached"…) go to another agent or team.
// The server changes each case as a single change would and says what happened to each; the
// dialog shows it: how many moved, and why any could not.
import { Alert, Button, Checkbox, Group, List, Modal, NativeSelect, Radio, ScrollArea, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/http.ts';
import type { CaseDto, Page } from '../api/contracts.ts';
import { caseKeys } from '../cases/cases.keys.ts';
import { referenceQueries } from '../reference/reference.api.ts';
import { LoadingState } from '../ui/LoadingState.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { REASSIGN_MAX, reassign, workloadKey, type CaseBucket, type ReassignInput, type ReassignResult } from './workload.api.ts';

export type Selection =
  | { kind: 'agent'; userId: string; name: string }
  | { kind: 'bucket'; bucket: CaseBucket; label: string; count: number };

/** The agent's open cases, oldest first: the ones the manager ticks. */
function useAgentCases(userId: string | null) {
  return useQuery({
    queryKey: [...caseKeys.lists(), 'reassign', userId],
    queryFn: ({ signal }) =>
      api<Page<CaseDto>>('/api/v1/cases', { query: { assigneeId: userId, status: 'open_all', sort: 'createdAt', limit: REASSIGN_MAX }, signal }).then((p) => p.items),
    enabled: !!userId,
  });
}

export function ReassignDialog({ selection, onClose }: { selection: Selection | null; onClose: () => void }) {
  const { t } = useTranslation();
  const title = selection?.kind === 'agent' ? t('manager.reassign.titleAgent', { name: selection.name }) : t('manager.reassign.titleBucket');
  return (
    <Modal opened={!!selection} onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('manager.reassign.close') }}>
      {selection && <ReassignForm key={JSON.stringify(selection)} selection={selection} onClose={onClose} />}
    </Modal>
  );
}

function ReassignForm({ selection, onClose }: { selection: Selection; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useQuery(referenceQueries.users);
  const teams = useQuery(referenceQueries.teams);
  const agentCases = useAgentCases(selection.kind === 'agent' ? selection.userId : null);
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [targetKind, setTargetKind] = useState<'agent' | 'team'>('agent');
  const [target, setTarget] = useState('');

  const cases = agentCases.data ?? [];
  const ticked = cases.filter((c) => !unticked.has(c.id));
  const count = selection.kind === 'agent' ? ticked.length : Math.min(selection.count, REASSIGN_MAX);
  const agents = (users.data ?? []).filter((u) => u.active && u.role !== 'viewer' && !(selection.kind === 'agent' && u.id === selection.userId));

  const move = useMutation({
    mutationFn: () => {
      // To a team: into its queue, nobody's yet. To an agent: the team stays.
      const to: ReassignInput['to'] = targetKind === 'team' ? { teamId: target, assigneeId: null } : { assigneeId: target };
      return reassign(selection.kind === 'agent' ? { caseIds: ticked.map((c) => c.id), to } : { bucket: selection.bucket, to });
    },
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: workloadKey }), queryClient.invalidateQueries({ queryKey: caseKeys.all })]);
    },
  });

  if (move.data) return <ReassignOutcome result={move.data} onClose={onClose} />;
  const toggle = (id: string) =>
    setUnticked((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (target && count > 0) move.mutate();
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        {selection.kind === 'bucket' ? (
          <Text>
            {t('manager.reassign.bucket', { count: selection.count, label: selection.label })}
            {selection.count > REASSIGN_MAX && ` ${t('manager.reassign.bucketLimit', { max: REASSIGN_MAX })}`}
          </Text>
        ) : agentCases.isPending ? (
          <LoadingState label={t('manager.reassign.loadingCases')} />
        ) : agentCases.isError ? (
          <ProblemAlert error={agentCases.error} title={t('manager.reassign.casesFailed')} onRetry={() => void agentCases.refetch()} />
        ) : (
          <Stack gap="xs">
            <Checkbox
              label={t('manager.reassign.all', { count: cases.length })}
              checked={unticked.size === 0 && cases.length > 0}
              indeterminate={unticked.size > 0 && unticked.size < cases.length}
              onChange={() => setUnticked(unticked.size === 0 ? new Set(cases.map((c) => c.id)) : new Set())}
            />
            <ScrollArea.Autosize mah={260} type="auto">
              <Stack gap={6} pl="md" role="group" aria-label={t('manager.reassign.casesLabel')}>
                {cases.map((c) => (
                  <Checkbox key={c.id} checked={!unticked.has(c.id)} onChange={() => toggle(c.id)} label={`${c.number} · ${c.subject}`} />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Stack>
        )}
        <Radio.Group label={t('manager.reassign.to')} value={targetKind} onChange={(v) => { setTargetKind(v as 'agent' | 'team'); setTarget(''); }}>
          <Group mt={4}>
            <Radio value="agent" label={t('manager.reassign.toAgent')} />
            <Radio value="team" label={t('manager.reassign.toTeam')} />
          </Group>
        </Radio.Group>
        <NativeSelect
          label={targetKind === 'agent' ? t('manager.reassign.agent') : t('manager.reassign.team')}
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
          required
          data={[
            { value: '', label: t('manager.reassign.choose'), disabled: true },
            ...(targetKind === 'agent' ? agents.map((u) => ({ value: u.id, label: u.name })) : (teams.data ?? []).filter((tm) => tm.active).map((tm) => ({ value: tm.id, label: tm.name }))),
          ]}
        />
        {move.isError && <ProblemAlert error={move.error} title={t('manager.reassign.failed')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={move.isPending}>
            {t('manager.reassign.cancel')}
          </Button>
          <Button type="submit" loading={move.isPending} disabled={!target || count === 0}>
            {t('manager.reassign.submit', { count })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReassignOutcome({ result, onClose }: { result: ReassignResult; onClose: () => void }) {
  const { t } = useTranslation();
  const failed = result.results.filter((r) => r.outcome === 'failed');
  return (
    <Stack gap="md">
      <Alert color={failed.length ? 'orange' : 'teal'} variant="light" title={t('manager.reassign.done')}>
        <Text role="status">{t('manager.reassign.summary', { moved: result.moved, unchanged: result.unchanged, failed: result.failed })}</Text>
        {result.more && <Text mt="xs">{t('manager.reassign.more')}</Text>}
      </Alert>
      {failed.length > 0 && (
        <List size="sm" spacing={4} aria-label={t('manager.reassign.failures')}>
          {failed.map((r) => (
            <List.Item key={r.caseId}>
              <Text span fw={600} ff="monospace">
                {r.number ?? r.caseId.slice(0, 8)}
              </Text>{' '}
              — {r.problem?.detail}
            </List.Item>
          ))}
        </List>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose} data-autofocus>
          {t('manager.reassign.close')}
        </Button>
      </Group>
    </Stack>
  );
}
