// The actions on a saved view the user may change: rename, move up or down in its group,
// share or stop sharing (managers and admins), delete (after a confirmation).
import { ActionIcon, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateViewInput, ViewDto } from '../../../src/modules/views/views.contract.ts';
import { sessionQuery } from '../auth/session.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { deleteView, updateView } from './inbox.api.ts';
import { viewKeys } from './inbox.keys.ts';
import { canShareViews, SaveViewDialog } from './SaveViewDialog.tsx';
import { InboxDialog } from './InboxDialog.tsx';
import { notify } from '../ui/notify.ts';

const route = getRouteApi('/signed-in/cases');

export function SavedViewMenu({ view, group }: { view: ViewDto; group: ViewDto[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = route.useNavigate();
  const search = route.useSearch();
  const { data: me } = useQuery(sessionQuery);
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: viewKeys.all });
  const failed = (error: unknown) => notify({ color: 'red', title: t('inbox.viewMenu.failed'), message: <ProblemAlert error={error} /> });
  const change = useMutation({ mutationFn: (changes: UpdateViewInput) => updateView(view.id, changes), onSuccess: refresh, onError: failed });
  const remove = useMutation({
    mutationFn: () => deleteView(view.id),
    onSuccess: () => {
      refresh();
      setDialog(null);
      notify({ color: 'teal', message: t('inbox.viewMenu.deleted', { name: view.name }) });
      if (search.view === view.id) void navigate({ search: {}, replace: true });
    },
  });
  const index = group.findIndex((v) => v.id === view.id);

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray.8" aria-label={t('inbox.viewMenu.label', { name: view.name })}>
            <span aria-hidden>⋯</span>
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setDialog('rename')}>{t('inbox.viewMenu.rename')}</Menu.Item>
          <Menu.Item disabled={index <= 0} onClick={() => change.mutate({ position: index - 1 })}>
            {t('inbox.viewMenu.up')}
          </Menu.Item>
          <Menu.Item disabled={index >= group.length - 1} onClick={() => change.mutate({ position: index + 1 })}>
            {t('inbox.viewMenu.down')}
          </Menu.Item>
          {canShareViews(me?.role) && (
            <Menu.Item onClick={() => change.mutate({ shared: !view.shared })}>{t(view.shared ? 'inbox.viewMenu.unshare' : 'inbox.viewMenu.share')}</Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Item color="red.9" onClick={() => setDialog('delete')}>
            {t('inbox.viewMenu.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {dialog === 'rename' && <SaveViewDialog renaming={view} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && (
        <InboxDialog opened onClose={() => setDialog(null)} title={t('inbox.viewMenu.deleteTitle')}>
          <Stack gap="sm">
            <Text size="sm">{t(view.shared ? 'inbox.viewMenu.deleteSharedBody' : 'inbox.viewMenu.deleteBody', { name: view.name })}</Text>
            {remove.isError && <ProblemAlert error={remove.error} title={t('inbox.viewMenu.failed')} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)} data-autofocus>
                {t('inbox.cancel')}
              </Button>
              <Button color="red.9" onClick={() => remove.mutate()} loading={remove.isPending}>
                {t('inbox.viewMenu.delete')}
              </Button>
            </Group>
          </Stack>
        </InboxDialog>
      )}
    </>
  );
}
