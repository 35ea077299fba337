// "Delete this store?": a dialog that names what will happen and waits for an explicit yes.
// The action runs from here, so a refusal (still in use: 409) is shown where it was asked.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  /** Red for what cannot be undone; another colour for a change that can. */
  color?: string;
  onConfirm: () => Promise<unknown>;
  /** Queries the action makes stale, refreshed before the dialog closes. */
  invalidates?: QueryKey[];
  onDone: () => void;
  onClose: () => void;
}

export function ConfirmDialog({ opened, title, message, confirmLabel, color = 'red', onConfirm, invalidates = [], onDone, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const action = useMutation({
    mutationFn: onConfirm,
    onSuccess: async () => {
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      onDone();
    },
  });
  const close = () => {
    action.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} closeButtonProps={{ 'aria-label': t('admin.form.close') }}>
      <Stack gap="md">
        <Text>{message}</Text>
        {action.isError && <ProblemAlert error={action.error} title={t('admin.confirm.failed')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            {t('admin.form.cancel')}
          </Button>
          <Button color={color} loading={action.isPending} onClick={() => action.mutate()}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface DeleteDialogProps<T> {
  item: T | null;
  name: (item: T) => string;
  onDelete: (item: T) => Promise<unknown>;
  invalidates: QueryKey[];
  onClose: () => void;
}

/** "Delete X?" for the item a list screen is about to delete (nothing shown when there is none). */
export function DeleteDialog<T>({ item, name, onDelete, invalidates, onClose }: DeleteDialogProps<T>) {
  const { t } = useTranslation();
  if (!item) return null;
  return (
    <ConfirmDialog
      opened
      title={t('admin.confirm.deleteTitle', { name: name(item) })}
      message={t('admin.confirm.deleteBody')}
      confirmLabel={t('admin.confirm.delete')}
      onConfirm={() => onDelete(item)}
      invalidates={invalidates}
      onDone={onClose}
      onClose={onClose}
    />
  );
}
