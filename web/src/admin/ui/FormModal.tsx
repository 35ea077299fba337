// A create or edit form in a dialog: the title names what is edited, focus is trapped inside
// and comes back where it was on close, a refused save is said above the fields, and the
// buttons are always at the bottom. Read-only users never get one (the screens show them data).
import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';

interface FormModalProps {
  opened: boolean;
  title: string;
  onClose: () => void;
  onSubmit: (event: FormEvent) => void;
  formRef?: RefObject<HTMLFormElement | null>;
  saving: boolean;
  error: unknown;
  /** A new thing: the button says "Create". */
  isNew?: boolean;
  size?: string;
  children: ReactNode;
}

export function FormModal({ opened, title, onClose, onSubmit, formRef, saving, error, isNew = false, size = 'lg', children }: FormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} closeButtonProps={{ 'aria-label': t('admin.form.close') }}>
      <form onSubmit={onSubmit} noValidate ref={formRef}>
        <Stack gap="sm">
          {error ? <ProblemAlert error={error} title={t('admin.form.saveFailed')} /> : null}
          {children}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('admin.form.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {isNew ? t('admin.form.create') : t('admin.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
