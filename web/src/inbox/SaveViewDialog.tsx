// Saving the inbox's current filters and sort as a named view, or renaming a saved view.
// Managers and admins may share a new view with everyone.
import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewDefinition, ViewDto } from '../../../src/modules/views/views.contract.ts';
import { sessionQuery } from '../auth/session.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { createView, updateView } from './inbox.api.ts';
import { viewKeys } from './inbox.keys.ts';
import { InboxDialog } from './InboxDialog.tsx';
import { notify } from '../ui/notify.ts';

export const canShareViews = (role: string | undefined) => role === 'admin' || role === 'manager';

interface SaveViewDialogProps {
  /** Save these filters as a new view… */
  definition?: ViewDefinition;
  /** …or rename this one. */
  renaming?: ViewDto;
  onClose: () => void;
  onSaved?: (view: ViewDto) => void;
}

export function SaveViewDialog({ definition, renaming, onClose, onSaved }: SaveViewDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useQuery(sessionQuery);
  const [name, setName] = useState(renaming?.name ?? '');
  const [shared, setShared] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      renaming ? updateView(renaming.id, { name: name.trim() }) : createView({ name: name.trim(), filters: definition!.filters, sort: definition!.sort, shared }),
    onSuccess: (view) => {
      void queryClient.invalidateQueries({ queryKey: viewKeys.all });
      notify({ color: 'teal', message: t(renaming ? 'inbox.save.renamed' : 'inbox.save.saved', { name: view.name }) });
      onSaved?.(view);
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) save.mutate();
  };
  return (
    <InboxDialog opened onClose={onClose} title={t(renaming ? 'inbox.save.renameTitle' : 'inbox.save.title')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {!renaming && (
            <Text size="sm" c="dimmed">
              {t('inbox.save.intro')}
            </Text>
          )}
          <TextInput label={t('inbox.save.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={80} data-autofocus />
          {!renaming && canShareViews(me?.role) && (
            <Checkbox label={t('inbox.save.shared')} description={t('inbox.save.sharedHint')} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />
          )}
          {save.isError && <ProblemAlert error={save.error} title={t('inbox.save.failed')} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('inbox.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
              {t(renaming ? 'inbox.save.rename' : 'inbox.save.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </InboxDialog>
  );
}
