// "Test the connection": the account's connector checks it for real (logs in to the mailbox and
// the relay, asks Twilio, looks at the widget's sites…) and each check is listed with what was
// found, in words, so the admin knows what to fix.
import { Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { testConnection, type ConnectionTestDto } from './channels.api.ts';

interface ConnectionTestProps {
  accountId: string;
  enabled: boolean;
  /** Another thing's test with the same answer (an order source's); a channel account's by default. */
  run?: (id: string) => Promise<ConnectionTestDto>;
  /** What is checked, when it is not a channel account. */
  help?: string;
}

export function ConnectionTest({ accountId, enabled, run = testConnection, help }: ConnectionTestProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const test = useMutation({
    mutationFn: () => run(accountId),
    // The test is in the audit log.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] }),
  });
  const result = test.data;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="connection-test-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="connection-test-title">
            {t('admin.channels.test.title')}
          </Title>
          {enabled && (
            <Button onClick={() => test.mutate()} loading={test.isPending} variant="light">
              {result ? t('admin.channels.test.again') : t('admin.channels.test.run')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {help ?? t('admin.channels.test.help')}
        </Text>
        <div aria-live="polite">
          {test.isError && <ProblemAlert error={test.error} title={t('admin.channels.test.failed')} />}
          {result && (
            <Stack gap="sm" data-testid="connection-result">
              <Text fw={700} c={result.ok ? 'teal.9' : 'red.9'}>
                {result.ok ? `✓ ${t('admin.channels.test.ok')}` : `✗ ${t('admin.channels.test.notOk')}`}
              </Text>
              <List spacing="sm" listStyleType="none" aria-label={t('admin.channels.test.checks')}>
                {result.checks.map((check) => (
                  <List.Item
                    key={check.name}
                    data-check={check.name}
                    icon={
                      <ThemeIcon size="sm" radius="xl" color={check.ok ? 'teal' : 'red'} aria-hidden>
                        {check.ok ? '✓' : '✗'}
                      </ThemeIcon>
                    }
                  >
                    <Text size="sm" fw={600}>
                      {check.label} — {check.ok ? t('admin.channels.test.passed') : t('admin.channels.test.problem')}
                    </Text>
                    <Text size="sm">{check.detail}</Text>
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
