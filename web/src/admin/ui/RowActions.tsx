// The buttons at the end of a row: edit and delete, each named with the row's item for screen
// readers ("Modifier Grigny"), shown only to those who may use them.
import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface RowActionsProps {
  name: string;
  onEdit?: (() => void) | undefined;
  onDelete?: (() => void) | undefined;
  children?: ReactNode;
}

export function RowActions({ name, onEdit, onDelete, children }: RowActionsProps) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {onEdit && (
        <Button size="xs" variant="subtle" onClick={onEdit} aria-label={t('admin.form.editNamed', { name })}>
          {t('admin.form.edit')}
        </Button>
      )}
      {children}
      {onDelete && (
        <Button size="xs" variant="subtle" color="red" onClick={onDelete} aria-label={t('admin.form.deleteNamed', { name })}>
          {t('admin.form.delete')}
        </Button>
      )}
    </Group>
  );
}
