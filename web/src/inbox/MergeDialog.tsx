// Merging the selected cases: the agent picks the case that stays (the oldest by default);
// the others are merged into it (POST /api/v1/cases/{survivorId}/merge).
import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/contracts.ts';
import { formatDateTime } from '../i18n/relative-time.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { mergeCases, useRefreshAfterChange } from './inbox.api.ts';
import { InboxDialog } from './InboxDialog.tsx';
import { notify } from '../ui/notify.ts';

interface MergeDialogProps {
  cases: CaseDto[];
  onClose: () => void;
  onMerged: () => void;
}

export function MergeDialog({ cases, onClose, onMerged }: MergeDialogProps) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshAfterChange();
  const oldest = [...cases].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))[0];
  const [survivorId, setSurvivorId] = useState(oldest?.id ?? '');
  const merge = useMutation({
    mutationFn: () => mergeCases(survivorId, cases.filter((c) => c.id !== survivorId).map((c) => c.id)),
    onSuccess: (survivor) => {
      refresh(cases.map((c) => c.id));
      notify({ color: 'teal', message: t('inbox.merge.done', { count: cases.length - 1, number: survivor.number }) });
      onMerged();
    },
  });
  return (
    <InboxDialog opened onClose={onClose} title={t('inbox.merge.title', { count: cases.length })} size="lg">
      <Stack gap="sm">
        <Radio.Group label={t('inbox.merge.survivor')} description={t('inbox.merge.hint')} value={survivorId} onChange={setSurvivorId}>
          <Stack gap="xs" mt="xs">
            {cases.map((c) => (
              <Radio
                key={c.id}
                value={c.id}
                label={`${c.number} · ${c.subject}`}
                description={t('inbox.merge.caseFacts', { customer: c.customer.displayName, at: formatDateTime(c.createdAt, i18n.language), status: t(`case.status.${c.status}`) })}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Text size="sm">{t('inbox.merge.warning')}</Text>
        {merge.isError && <ProblemAlert error={merge.error} title={t('inbox.merge.failed')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('inbox.cancel')}
          </Button>
          <Button onClick={() => merge.mutate()} loading={merge.isPending} disabled={!survivorId}>
            {t('inbox.merge.submit')}
          </Button>
        </Group>
      </Stack>
    </InboxDialog>
  );
}
