// The frame of every administration screen: its heading (which takes the focus after a
// navigation), a sentence saying what the screen is for, its main action, and for readers
// who may not change it, a notice that the screen is read-only.
import { Alert, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../ui/PageHeading.tsx';

interface AdminPageProps {
  title: string;
  intro?: string;
  actions?: ReactNode;
  readOnly?: boolean;
  children: ReactNode;
}

export function AdminPage({ title, intro, actions, readOnly = false, children }: AdminPageProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} maw={720}>
          <PageHeading size="h2">{title}</PageHeading>
          {intro && <Text c="dimmed" size="sm">{intro}</Text>}
        </Stack>
        {!readOnly && actions}
      </Group>
      {readOnly && (
        <Alert variant="light" color="gray" title={t('admin.readOnly.title')}>
          {t('admin.readOnly.body')}
        </Alert>
      )}
      {children}
    </Stack>
  );
}
