// "Retour, échange, réparation" on the case workspace: the case's workflows (latest first) and,
// for whoever may change the case, the form that starts one. A live region says what was just
// done; the list refreshes after each action and whenever the case's live stream says it
// changed (the list is keyed under the case's detail).
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../../api/contracts.ts';
import { caseOrderLinesQuery } from '../../customers/orders.api.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { StartWorkflowForm } from './StartWorkflowForm.tsx';
import { kindContext } from './workflow-draft.ts';
import { WorkflowCard } from './WorkflowCard.tsx';
import { caseWorkflowsQuery } from './workflows.api.ts';
import './workflows.i18n.ts';

export function CaseWorkflows({ c }: { c: CaseDto }) {
  const { t, i18n } = useTranslation();
  const workflows = useQuery(caseWorkflowsQuery(c.id));
  const lines = useQuery(caseOrderLinesQuery(c.id));
  const [starting, setStarting] = useState(false);
  const [status, setStatus] = useState('');
  const startButton = useRef<HTMLButtonElement>(null);
  // The workflow just started: its heading takes the focus once its card is on screen.
  const [focusAfterStart, setFocusAfterStart] = useState<string | null>(null);
  const writable = c.access === 'full' && c.status !== 'closed';
  const running = workflows.data?.some((w) => w.state === 'running') ?? false;
  const titleId = `workflows-${c.id}`;

  useEffect(() => {
    if (!focusAfterStart || !workflows.data?.some((w) => w.id === focusAfterStart)) return;
    setFocusAfterStart(null);
    document.getElementById(`workflow-${focusAfterStart}`)?.focus();
  }, [workflows.data, focusAfterStart]);

  return (
    <Paper component="section" withBorder p="md" aria-labelledby={titleId} data-testid="case-workflows">
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {t('workflowPanel.panel.title')}
        </Title>
        <Text role="status" size="sm" c="dimmed" aria-live="polite" data-testid="workflows-status">
          {status}
        </Text>
        {workflows.isError && <ProblemAlert error={workflows.error} title={t('workflowPanel.panel.loadFailed')} onRetry={() => void workflows.refetch()} />}
        {writable && !starting && (
          <Button ref={startButton} variant="light" size="xs" disabled={running || workflows.isPending} onClick={() => setStarting(true)}>
            {t('workflowPanel.panel.start')}
          </Button>
        )}
        {writable && running && !starting && (
          <Text size="xs" c="dimmed">
            {t('workflowPanel.panel.oneAtATime')}
          </Text>
        )}
        {starting && (
          <StartWorkflowForm
            c={c}
            lines={lines.data ?? []}
            onCancel={() => {
              setStarting(false);
              requestAnimationFrame(() => startButton.current?.focus());
            }}
            onStarted={(started) => {
              setStarting(false);
              if (started.outcome === 'approval_requested') {
                // Nothing started yet: a manager decides (the gesture panel and the bell show the request).
                setStatus(t('workflowPanel.panel.approvalRequested', { what: started.approval.summary[i18n.language === 'en' ? 'en' : 'fr'] }));
                requestAnimationFrame(() => startButton.current?.focus());
                return;
              }
              setFocusAfterStart(started.workflow.id);
              setStatus(t('workflowPanel.panel.started', { workflow: t(`workflows.kind.${started.workflow.kind}`), ...kindContext(started.workflow.kind) }));
            }}
          />
        )}
        {workflows.isSuccess && workflows.data.length === 0 && !starting && (
          <Text size="sm" c="dimmed">
            {t('workflowPanel.panel.none')}
          </Text>
        )}
        {workflows.isSuccess && workflows.data.map((wf) => <WorkflowCard key={wf.id} wf={wf} writable={writable} announce={setStatus} />)}
      </Stack>
    </Paper>
  );
}
