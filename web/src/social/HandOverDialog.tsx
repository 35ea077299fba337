// Handing a public message over: to a team's queue, a store (and its team), or a colleague,
// with a word for them. The case keeps its thread; the server writes the change, the internal
// note and the audit line together, and the stream shows where it went.
import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { notify } from '../ui/notify.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { caseKeys } from '../cases/cases.keys.ts';
import { useReferenceNames } from '../reference/reference.api.ts';
import { useStores } from '../reference/stores.api.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { handOver, type SocialMessage } from './social.api.ts';

export function HandOverDialog({ message, onClose }: { message: SocialMessage | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={!!message} onClose={onClose} title={t('social.handOver.title')} size="lg" closeButtonProps={{ 'aria-label': t('social.handOver.close') }}>
      {message && <HandOverForm key={message.eventId} message={message} onClose={onClose} />}
    </Modal>
  );
}

function HandOverForm({ message, onClose }: { message: SocialMessage; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const names = useReferenceNames();
  const { stores } = useStores();
  const [teamId, setTeamId] = useState(message.case.teamId ?? '');
  const [storeId, setStoreId] = useState(message.case.storeId ?? '');
  const [assigneeId, setAssigneeId] = useState(message.case.assigneeId ?? '');
  const [note, setNote] = useState('');

  const changed = {
    ...(teamId !== (message.case.teamId ?? '') ? { teamId: teamId || null } : {}),
    ...(storeId !== (message.case.storeId ?? '') ? { storeId: storeId || null } : {}),
    ...(assigneeId !== (message.case.assigneeId ?? '') ? { assigneeId: assigneeId || null } : {}),
  };
  const move = useMutation({
    mutationFn: () => handOver(message.eventId, { ...changed, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: async (result) => {
      notify({ color: 'teal', message: t('social.handOver.done', { number: result.case.number }) });
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (Object.keys(changed).length > 0) move.mutate();
  };
  // A case stays in its brand: only that brand's stores can take it.
  const storeOptions = stores.filter((s) => s.active && s.brandId === message.case.brandId);
  const agents = names.users.filter((u) => u.active && u.role !== 'viewer');

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm">
          {t('social.handOver.intro', { number: message.case.number, author: message.author.handle ? `@${message.author.handle}` : (message.author.name ?? '') })}
        </Text>
        <NativeSelect
          label={t('social.handOver.store')}
          value={storeId}
          onChange={(e) => setStoreId(e.currentTarget.value)}
          data={[{ value: '', label: t('social.handOver.noStore') }, ...storeOptions.map((s) => ({ value: s.id, label: s.name }))]}
        />
        <NativeSelect
          label={t('social.handOver.team')}
          value={teamId}
          onChange={(e) => setTeamId(e.currentTarget.value)}
          data={[{ value: '', label: t('social.handOver.noTeam') }, ...names.teams.filter((tm) => tm.active).map((tm) => ({ value: tm.id, label: tm.name }))]}
        />
        <NativeSelect
          label={t('social.handOver.assignee')}
          value={assigneeId}
          onChange={(e) => setAssigneeId(e.currentTarget.value)}
          data={[{ value: '', label: t('social.handOver.nobody') }, ...agents.map((u) => ({ value: u.id, label: u.name }))]}
        />
        <Textarea label={t('social.handOver.note')} description={t('social.handOver.noteHelp')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={3} maxLength={5000} />
        {move.isError && <ProblemAlert error={move.error} title={t('social.handOver.failed')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={move.isPending}>
            {t('social.handOver.cancel')}
          </Button>
          <Button type="submit" loading={move.isPending} disabled={Object.keys(changed).length === 0}>
            {t('social.handOver.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
