// One workflow of the case: its kind and number (RMA, credit note), where it stands, its steps
// as a vertical list with their state and dates, the documents to download, the buttons for
// what the current step waits for, and cancel. An action that undoes the workflow (a refused
// inspection, a cancelled handover, cancel itself) asks for a confirmation first.
import { Anchor, Button, Group, List, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/http.ts';
import { ToneBadge, type Tone } from '../../admin/ui/ToneBadge.tsx';
import { formatDay, formatMoney } from '../../customers/orders.api.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { actionsOf, currencyOf, eventWith, kindContext, shownState, stepMoment, type EventAction, type ShownState, type Step } from './workflow-draft.ts';
import { cancelWorkflow, documentHref, postWorkflowEvent, refreshCaseWorkflows, type WorkflowDto } from './workflows.api.ts';

const stepTone: Record<ShownState, Tone> = { done: 'positive', running: 'info', waiting: 'warning', failed: 'negative', undone: 'neutral', pending: 'neutral', skipped: 'neutral' };
const workflowTone: Record<WorkflowDto['state'], Tone> = { running: 'info', completed: 'positive', failed: 'negative', cancelled: 'neutral' };

interface WorkflowCardProps {
  wf: WorkflowDto;
  writable: boolean;
  /** Says in the panel's live region what was just done. */
  announce: (text: string) => void;
}

export function WorkflowCard({ wf, writable, announce }: WorkflowCardProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [asking, setAsking] = useState<EventAction | null>(null);
  const [value, setValue] = useState('');
  const [confirming, setConfirming] = useState<EventAction | 'cancel' | null>(null);
  // Why it is cancelled or refused, in the agent's words: kept on the workflow and the timeline.
  const [why, setWhy] = useState('');
  const currency = currencyOf(wf);
  const title = t(`workflows.kind.${wf.kind}`);
  const number = wf.rma?.number ?? wf.refund?.number ?? null;
  const titleId = `workflow-${wf.id}`;

  const done = async (text: string) => {
    await refreshCaseWorkflows(queryClient, wf.caseId);
    setAsking(null);
    setConfirming(null);
    setValue('');
    setWhy('');
    announce(text);
    // The buttons just pressed may be gone: the workflow's heading keeps the focus in the card.
    headingRef.current?.focus();
  };
  const send = useMutation({
    mutationFn: ({ event, key }: { action: EventAction; event: NonNullable<ReturnType<typeof eventWith>>; key: string }) => postWorkflowEvent(wf.id, event, key),
    onSuccess: (_wf, { action }) => done(t('workflowPanel.panel.recorded', { action: t(`workflowPanel.action.${action.id}`), workflow: title })),
  });
  const cancel = useMutation({
    mutationFn: () => cancelWorkflow(wf.id, why.trim() || undefined),
    onSuccess: () => done(t('workflowPanel.panel.cancelled', { workflow: title, ...kindContext(wf.kind) })),
  });
  const run = (action: EventAction, given = '', note = '') => {
    const withValue = eventWith(action, given, currency);
    if (!withValue) return;
    const event = note.trim() ? { ...withValue, note: note.trim() } : withValue;
    // One key per press: a replay of a lost answer is taken once (and the server takes the same event twice once).
    send.mutate({ action, event, key: newIdempotencyKey() });
  };
  const press = (action: EventAction) => {
    send.reset();
    if (action.asks) {
      setAsking(action);
      setValue('');
    } else if (action.undoes) setConfirming(action);
    else run(action);
  };
  const actions = writable ? actionsOf(wf) : [];
  const amountMissing = asking?.asks === 'amount' && eventWith(asking, value, currency) === null;

  return (
    <Paper component="article" withBorder p="sm" aria-labelledby={titleId} data-workflow={wf.id} data-workflow-state={wf.state}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Title order={3} size="h5" id={titleId} ref={headingRef} tabIndex={-1}>
            {number ? t('workflowPanel.panel.titleNumber', { kind: title, number }) : title}
          </Title>
          <ToneBadge tone={workflowTone[wf.state]}>{t(`workflows.state.${wf.state === 'running' ? 'current' : wf.state}`)}</ToneBadge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('workflowPanel.panel.startedOn', { date: formatDay(wf.createdAt, i18n.language) })}
          {wf.rma?.mode === 'drop_off' && wf.rma.storeName && ` · ${t('workflowPanel.panel.dropOffAt', { store: wf.rma.storeName })}`}
        </Text>
        {wf.failure && (
          <Text size="sm" c={wf.state === 'failed' ? 'red' : 'dimmed'}>
            {t(wf.state === 'cancelled' ? 'workflowPanel.panel.cancelReason' : 'workflowPanel.panel.failure', { reason: wf.failure })}
          </Text>
        )}
        <List component="ol" listStyleType="none" spacing={4} aria-label={t('workflowPanel.panel.steps', { workflow: title })}>
          {wf.steps.map((s) => (
            <StepItem key={s.position} step={s} />
          ))}
        </List>
        {wf.refund && (
          <Text size="sm" data-testid="workflow-refund">
            {t(`workflowPanel.refund.${wf.refund.kind}`, { amount: formatMoney(wf.refund.amount, wf.refund.currency, i18n.language), number: wf.refund.number ?? '' })}
            {' — '}
            {t(`workflowPanel.refundState.${wf.refund.state}`)}
            {wf.refund.dueBy && ` · ${t('workflowPanel.refund.dueBy', { date: formatDay(wf.refund.dueBy, i18n.language) })}`}
          </Text>
        )}
        {(wf.rma?.labelUrl || wf.refund?.creditNoteUrl) && (
          <Group gap="md">
            {wf.rma?.labelUrl && (
              <Anchor size="sm" href={documentHref(wf.rma.labelUrl, i18n.language)} download>
                {t('workflowPanel.panel.label', { number: wf.rma.number })}
              </Anchor>
            )}
            {wf.refund?.creditNoteUrl && (
              <Anchor size="sm" href={documentHref(wf.refund.creditNoteUrl, i18n.language)} download>
                {t('workflowPanel.panel.creditNote', { number: wf.refund.number ?? '' })}
              </Anchor>
            )}
          </Group>
        )}
        {asking ? (
          <Stack
            component="form"
            gap="xs"
            aria-label={t(`workflowPanel.action.${asking.id}`)}
            onSubmit={(e) => {
              e.preventDefault();
              if (!amountMissing) run(asking, value);
            }}
          >
            <TextInput
              label={asking.asks === 'amount' ? t('workflowPanel.form.amount', { currency }) : t('workflowPanel.panel.trackingNumber')}
              inputMode={asking.asks === 'amount' ? 'decimal' : undefined}
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              error={asking.asks === 'amount' && value.trim() && amountMissing ? t('workflowPanel.form.error.amountInvalid') : undefined}
              data-autofocus
              autoFocus
            />
            <Group gap="xs" justify="flex-end">
              <Button size="xs" variant="default" onClick={() => setAsking(null)}>
                {t('workflowPanel.form.close')}
              </Button>
              <Button size="xs" type="submit" disabled={amountMissing} loading={send.isPending}>
                {t(`workflowPanel.action.${asking.id}`)}
              </Button>
            </Group>
          </Stack>
        ) : (
          (actions.length > 0 || (writable && wf.state === 'running')) && (
            <Group gap="xs">
              {actions.map((a) => (
                <Button key={a.id} size="xs" variant={a.undoes ? 'outline' : 'filled'} color={a.undoes ? 'red' : undefined} loading={send.isPending && send.variables?.action.id === a.id} onClick={() => press(a)}>
                  {t(`workflowPanel.action.${a.id}`)}
                </Button>
              ))}
              {writable && wf.state === 'running' && (
                <Button size="xs" variant="subtle" color="red" onClick={() => setConfirming('cancel')}>
                  {t('workflowPanel.panel.cancel')}
                </Button>
              )}
            </Group>
          )
        )}
        {send.isError && <ProblemAlert error={send.error} title={t('workflowPanel.panel.actionFailed')} />}
      </Stack>
      <Modal
        opened={confirming !== null}
        onClose={() => {
          cancel.reset();
          setConfirming(null);
          setWhy('');
        }}
        title={confirming === 'cancel' ? t('workflowPanel.confirm.cancelTitle', { workflow: number ?? title }) : confirming ? t(`workflowPanel.action.${confirming.id}`) : ''}
        closeButtonProps={{ 'aria-label': t('workflowPanel.form.close') }}
      >
        <Stack gap="md">
          <Text>{t('workflowPanel.confirm.body')}</Text>
          <TextInput label={t('workflowPanel.confirm.why')} value={why} maxLength={2000} onChange={(e) => setWhy(e.currentTarget.value)} />
          {cancel.isError && <ProblemAlert error={cancel.error} title={t('workflowPanel.panel.actionFailed')} />}
          {send.isError && confirming !== 'cancel' && <ProblemAlert error={send.error} title={t('workflowPanel.panel.actionFailed')} />}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setConfirming(null);
                setWhy('');
              }}
              data-autofocus
            >
              {t('workflowPanel.confirm.keep')}
            </Button>
            <Button
              color="red"
              loading={confirming === 'cancel' ? cancel.isPending : send.isPending}
              onClick={() => (confirming === 'cancel' ? cancel.mutate() : confirming && run(confirming, '', why))}
            >
              {confirming === 'cancel' ? t('workflowPanel.confirm.cancel') : confirming ? t(`workflowPanel.action.${confirming.id}`) : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function StepItem({ step }: { step: Step }) {
  const { t, i18n } = useTranslation();
  const shown = shownState(step);
  const moment = stepMoment(step);
  const when = moment && new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(moment.at));
  return (
    <List.Item data-step={step.key} data-step-state={shown} aria-current={step.state === 'current' ? 'step' : undefined}>
      <Group gap="xs" wrap="nowrap" align="baseline">
        <ToneBadge size="sm" tone={stepTone[shown]}>
          {t(`workflowPanel.shown.${shown}`)}
        </ToneBadge>
        <Stack gap={0}>
          <Text size="sm" td={shown === 'undone' || shown === 'skipped' ? 'line-through' : undefined}>
            {t(`workflows.step.${step.key as 'refund'}`)}
          </Text>
          {(when || (shown === 'waiting' && step.waitsFor.length > 0)) && (
            <Text size="xs" c="dimmed">
              {when && t(`workflowPanel.moment.${moment.what}`, { when })}
              {when && shown === 'waiting' && ' · '}
              {shown === 'waiting' && t('workflowPanel.panel.waitsFor', { events: step.waitsFor.map((e) => t(`workflowPanel.event.${e}`)).join(t('workflowPanel.panel.or')) })}
            </Text>
          )}
          {step.detail && (shown === 'failed' || shown === 'undone') && (
            <Text size="xs" c="dimmed">
              {step.detail}
            </Text>
          )}
        </Stack>
      </Group>
    </List.Item>
  );
}
