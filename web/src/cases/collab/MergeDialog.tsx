// Merging from the case page: other open cases of the same customer into this one ("merge
// with…"), or this one into another ("merge into…"). The agent picks among the customer's
// open cases (filtered by number or subject), reads the preview — what is copied, which
// clocks stop, where the links will lead — then confirms. One idempotency key per choice, so a
// double click merges once; when this case was the one merged, the page moves to the survivor.
import { Button, Checkbox, Group, List, Modal, Radio, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notify } from '../../ui/notify.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../../api/contracts.ts';
import { newIdempotencyKey } from '../../api/http.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { RelativeTime } from '../../ui/RelativeTime.tsx';
import { StatusBadge } from '../CaseBadges.tsx';
import { caseKeys } from '../cases.keys.ts';
import { customerOpenCasesQuery, mergeCases, mergePreviewQuery, type MergePreview } from './collab.api.ts';

type Direction = 'here' | 'there';

function CaseChoice({ c }: { c: CaseDto }) {
  return (
    <Group gap="xs" wrap="wrap" component="span">
      <Text span ff="monospace" fw={700} size="sm">
        {c.number}
      </Text>
      <Text span size="sm">
        {c.subject}
      </Text>
      <StatusBadge status={c.status} />
      <Text span size="xs" c="dimmed">
        <RelativeTime iso={c.lastActivityAt} />
      </Text>
    </Group>
  );
}

function PreviewText({ preview }: { preview: MergePreview }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="merge-preview">
      <Text size="sm" fw={700}>
        {t('collab.merge.previewSurvivor', { number: preview.survivor.number, subject: preview.survivor.subject })}
      </Text>
      <List size="sm" spacing={4}>
        {preview.cases.map((m) => (
          <List.Item key={m.case.id}>
            {m.alreadyMerged
              ? t('collab.merge.previewAlready', { number: m.case.number })
              : [
                  t('collab.merge.previewCase', { number: m.case.number, count: m.messages }),
                  t('collab.merge.previewAttachments', { count: m.attachments }),
                  m.clocksStopped.length ? t('collab.merge.previewClocks', { metrics: m.clocksStopped.map((k) => t(`sla.metric.${k}`)).join(', ') }) : null,
                  t('collab.merge.previewClosed', { survivor: preview.survivor.number }),
                ]
                  .filter(Boolean)
                  .join(' ')}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

export function MergeDialog({ c, opened, onClose }: { c: CaseDto; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [direction, setDirection] = useState<Direction>('here');
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [previewing, setPreviewing] = useState(false);
  const candidates = useQuery({ ...customerOpenCasesQuery(c.customer.id), enabled: opened });

  const others = (candidates.data?.items ?? []).filter((x) => x.id !== c.id);
  const needle = filter.trim().toLowerCase();
  const shown = needle ? others.filter((x) => x.number.toLowerCase().includes(needle) || x.subject.toLowerCase().includes(needle)) : others;
  const survivorId = direction === 'here' ? c.id : chosen[0];
  const mergedIds = useMemo(() => (direction === 'here' ? chosen : [c.id]), [direction, chosen, c.id]);
  const preview = useQuery({ ...mergePreviewQuery(survivorId ?? c.id, mergedIds), enabled: opened && previewing && !!survivorId && mergedIds.length > 0 });
  // A new choice, a new key: the same choice sent twice is one merge.
  const key = useMemo(() => newIdempotencyKey(), [survivorId, mergedIds]);

  const reset = () => {
    setChosen([]);
    setPreviewing(false);
    setFilter('');
  };
  const close = () => {
    reset();
    onClose();
  };
  const merge = useMutation({
    mutationFn: () => mergeCases(survivorId!, mergedIds, key),
    onSuccess: (survivor) => {
      notify({ color: 'teal', message: t('collab.merge.done', { number: survivor.number }) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
      close();
      if (survivor.id !== c.id) void navigate({ to: '/cases/$caseId', params: { caseId: survivor.id } });
    },
  });

  return (
    <Modal opened={opened} onClose={close} title={t('collab.merge.title')} size="lg" closeButtonProps={{ 'aria-label': t('collab.merge.close') }}>
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('collab.merge.directionLabel')}
          value={direction}
          onChange={(value) => {
            setDirection(value === 'there' ? 'there' : 'here');
            reset();
          }}
          data={[
            { value: 'here', label: t('collab.merge.here') },
            { value: 'there', label: t('collab.merge.there') },
          ]}
        />
        {previewing ? (
          preview.isPending ? (
            <LoadingState size="sm" label={t('collab.merge.previewLoading')} />
          ) : preview.isError ? (
            <ProblemAlert error={preview.error} title={t('collab.merge.previewFailed')} onRetry={() => void preview.refetch()} />
          ) : (
            <PreviewText preview={preview.data} />
          )
        ) : candidates.isPending ? (
          <LoadingState size="sm" label={t('collab.merge.loading')} />
        ) : candidates.isError ? (
          <ProblemAlert error={candidates.error} title={t('collab.merge.loadFailed')} onRetry={() => void candidates.refetch()} />
        ) : others.length === 0 ? (
          <Text size="sm">{t('collab.merge.none', { customer: c.customer.displayName })}</Text>
        ) : (
          <Stack gap="sm">
            <TextInput label={t('collab.merge.filter')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
            {shown.length === 0 && <Text size="sm">{t('collab.merge.noMatch')}</Text>}
            {direction === 'here' ? (
              <Checkbox.Group label={t('collab.merge.candidatesHere', { customer: c.customer.displayName })} value={chosen} onChange={setChosen}>
                <Stack gap="xs" mt="xs">
                  {shown.map((x) => (
                    <Checkbox key={x.id} value={x.id} label={<CaseChoice c={x} />} />
                  ))}
                </Stack>
              </Checkbox.Group>
            ) : (
              <Radio.Group label={t('collab.merge.candidatesThere', { customer: c.customer.displayName })} value={chosen[0] ?? null} onChange={(v) => setChosen([v])}>
                <Stack gap="xs" mt="xs">
                  {shown.map((x) => (
                    <Radio key={x.id} value={x.id} label={<CaseChoice c={x} />} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
          </Stack>
        )}
        {merge.isError && <ProblemAlert error={merge.error} title={t('collab.merge.failed')} />}
        <Group justify="flex-end" gap="sm">
          {previewing ? (
            <>
              <Button variant="default" onClick={() => setPreviewing(false)}>
                {t('collab.merge.back')}
              </Button>
              <Button color="red.8" onClick={() => merge.mutate()} loading={merge.isPending} disabled={!preview.isSuccess}>
                {t('collab.merge.confirm')}
              </Button>
            </>
          ) : (
            <Button onClick={() => setPreviewing(true)} disabled={!survivorId || mergedIds.length === 0}>
              {t('collab.merge.preview')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
