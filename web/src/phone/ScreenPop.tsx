// The screen pop: a call rings for this agent (the live stream's phone.ringing), and a dialog
// shows who calls, the customer behind the number and their open cases (links to each), with
// a form to log the call on one of them or to open a case from it.
import { Alert, Badge, Button, Group, Modal, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { caseKeys } from '../cases/cases.keys.ts';
import { LoadingState } from '../ui/LoadingState.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { RouterAnchor } from '../ui/RouterAnchor.tsx';
import { logCallOnCase, openCaseFromCall, phoneKeys, screenPopQuery, type ScreenPop as Pop } from './phone.api.ts';

const NEW_CASE = 'new';

function LogCallForm({ pop, onSaved }: { pop: Pop; onSaved: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const workable = pop.openCases.filter((c) => c.access === 'full');
  // A call that ended on a case already (the telephony system logged it) is completed there.
  const [target, setTarget] = useState(pop.call.caseId ?? workable[0]?.id ?? NEW_CASE);
  const [summary, setSummary] = useState('');
  const [subject, setSubject] = useState('');
  const number = pop.call.number ?? pop.call.numberRaw;
  const save = useMutation({
    mutationFn: () =>
      target === NEW_CASE
        ? openCaseFromCall({ callId: pop.call.id, number, direction: pop.call.direction, summary, subject }).then((r) => r.call)
        : logCallOnCase(target, { callId: pop.call.id, number, direction: pop.call.direction, summary }),
    onSuccess: (call) => {
      onSaved();
      void queryClient.invalidateQueries({ queryKey: phoneKeys.pop(pop.call.id) });
      if (call.caseId) void queryClient.invalidateQueries({ queryKey: caseKeys.events(call.caseId) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Stack component="form" onSubmit={submit} gap="sm" aria-label={t('phone.logTitle')}>
      <Radio.Group label={t('phone.logTitle')} value={target} onChange={setTarget}>
        <Stack gap={4} mt={4}>
          {workable.map((c) => (
              <Radio key={c.id} value={c.id} label={t('phone.onCase') + ` ${c.number} · ${c.subject}`} />
            ))}
          <Radio value={NEW_CASE} label={t('phone.newCase')} />
        </Stack>
      </Radio.Group>
      {target === NEW_CASE && <TextInput label={t('phone.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} required maxLength={300} />}
      <Textarea label={t('phone.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} required autosize minRows={3} maxLength={20000} />
      {save.isError && <ProblemAlert error={save.error} />}
      <Group justify="flex-end">
        <Button type="submit" loading={save.isPending}>
          {t('phone.save')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ScreenPop({ callId, onClose }: { callId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const pop = useQuery(screenPopQuery(callId));
  const [saved, setSaved] = useState(false);
  return (
    <Modal opened onClose={onClose} title={t('phone.title')} size="lg" closeButtonProps={{ 'aria-label': t('phone.close') }}>
      {pop.isPending ? (
        <LoadingState label={t('phone.loading')} />
      ) : pop.isError ? (
        <ProblemAlert error={pop.error} title={t('phone.loadFailed')} onRetry={() => void pop.refetch()} />
      ) : (
        <Stack gap="md" data-testid="screen-pop">
          <Group justify="space-between">
            <div>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                {t('phone.caller')}
              </Text>
              <Text fw={700} size="lg" ff="monospace">
                {pop.data.call.number ?? pop.data.call.numberRaw}
              </Text>
              <Text>{pop.data.customer ? pop.data.customer.displayName : t('phone.unknownCustomer')}</Text>
            </div>
            <Badge variant="light">{t(`phone.state.${pop.data.call.state}`)}</Badge>
          </Group>
          <div>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
              {t('phone.openCases')}
            </Text>
            {pop.data.openCases.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('phone.noOpenCases')}
              </Text>
            ) : (
              <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {pop.data.openCases.map((c) => (
                  <li key={c.id}>
                    <RouterAnchor to="/cases/$caseId" params={{ caseId: c.id }} onClick={onClose}>
                      {c.number} · {c.subject}
                    </RouterAnchor>{' '}
                    <Text span size="xs" c="dimmed">
                      {t(`case.status.${c.status}`)} · {t(`case.channel.${c.channel}`)}
                    </Text>
                  </li>
                ))}
              </Stack>
            )}
          </div>
          {saved || pop.data.call.summary ? (
            <Alert color="teal" role="status">
              {t('phone.saved')}
            </Alert>
          ) : (
            <LogCallForm pop={pop.data} onSaved={() => setSaved(true)} />
          )}
        </Stack>
      )}
    </Modal>
  );
}
