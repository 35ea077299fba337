// The settings card of something Comptoir connects to (a channel account, an online shop): why
// it is failing when it is, and its form with the fields of its kind and the save button.
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import type { useSchemaForm } from './useSchemaForm.ts';

interface Props {
  form: Pick<ReturnType<typeof useSchemaForm>, 'onSubmit' | 'formRef' | 'error' | 'saving'>;
  /** The form's accessible name. */
  label: string;
  /** When failing: the title, the reason the server gave, and what to do. */
  failing: { title: string; detail: string | null; help: string } | null;
  canSave: boolean;
  /** The fields. */
  children: ReactNode;
}

export function ConnectionSettings({ form, label, failing, canSave, children }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {failing && (
        <Alert color="red" variant="light" title={failing.title}>
          <Stack gap="xs">
            <Text size="sm">{failing.detail}</Text>
            <Text size="sm">{failing.help}</Text>
          </Stack>
        </Alert>
      )}
      <Paper withBorder p="md">
        <form onSubmit={form.onSubmit} noValidate ref={form.formRef} aria-label={label}>
          <Stack gap="sm">
            {form.error ? <ProblemAlert error={form.error} title={t('admin.form.saveFailed')} /> : null}
            {children}
            {canSave && (
              <Group>
                <Button type="submit" loading={form.saving}>
                  {t('admin.form.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Paper>
    </>
  );
}
