// /macros: the answer scripts agents insert into replies, kept by managers and admins.
// The list on one side (name, shared or personal, on or off), the editor on the other.
import { Badge, Button, Grid, Group, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MacroDto } from '../api/contracts.ts';
import { sessionQuery } from '../auth/session.ts';
import { LoadingState } from '../ui/LoadingState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { allMacrosQuery } from './macros.api.ts';
import { MacroEditor } from './MacroEditor.tsx';

type Editing = { macro: MacroDto | null } | null;

export function MacrosPage() {
  const { t } = useTranslation();
  const { data: me } = useQuery(sessionQuery);
  const allowed = !!me?.permissions.includes('macros.manage');
  const macros = useQuery({ ...allMacrosQuery, enabled: allowed });
  const [editing, setEditing] = useState<Editing>(null);

  if (!allowed) {
    return (
      <Stack>
        <PageHeading>{t('workspace.macroAdmin.title')}</PageHeading>
        <Text>{t('workspace.macroAdmin.forbidden')}</Text>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <PageHeading>{t('workspace.macroAdmin.title')}</PageHeading>
        <Button onClick={() => setEditing({ macro: null })}>{t('workspace.macroAdmin.new')}</Button>
      </Group>
      <Text c="dimmed" size="sm">
        {t('workspace.macroAdmin.intro')}
      </Text>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: editing ? 4 : 12 }}>
          <Paper withBorder p="md" component="section" aria-label={t('workspace.macroAdmin.listLabel')}>
            {macros.isPending ? (
              <LoadingState label={t('workspace.macros.loading')} />
            ) : macros.isError ? (
              <ProblemAlert error={macros.error} title={t('workspace.macros.loadFailed')} onRetry={() => void macros.refetch()} />
            ) : macros.data.length === 0 ? (
              <Text c="dimmed">{t('workspace.macroAdmin.empty')}</Text>
            ) : (
              <Table highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('workspace.macroAdmin.name')}</Table.Th>
                    <Table.Th>{t('workspace.macroAdmin.scope')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {macros.data.map((m) => (
                    <Table.Tr key={m.id} aria-current={editing?.macro?.id === m.id ? 'true' : undefined}>
                      <Table.Td>
                        <UnstyledButton onClick={() => setEditing({ macro: m })} fw={600} td="underline">
                          {m.name}
                        </UnstyledButton>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Badge size="sm" variant="light">
                            {m.scope === 'personal' ? t('workspace.macroAdmin.personal') : t('workspace.macroAdmin.shared')}
                          </Badge>
                          {!m.active && (
                            <Badge size="sm" variant="light" color="gray">
                              {t('workspace.macroAdmin.inactive')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </Grid.Col>
        {editing && (
          <Grid.Col span={{ base: 12, md: 8 }}>
            <MacroEditor key={editing.macro?.id ?? 'new'} macro={editing.macro} onDone={(m) => setEditing(m ? { macro: m } : null)} />
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
