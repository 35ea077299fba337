// A list with nothing in it says so, and what to do next.
import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState({ title, body, action }: { title: string; body?: string; action?: ReactNode }) {
  return (
    <Paper withBorder p="xl">
      <Stack align="center" gap="xs">
        <Text fw={600}>{title}</Text>
        {body && (
          <Text size="sm" c="dimmed" ta="center">
            {body}
          </Text>
        )}
        {action}
      </Stack>
    </Paper>
  );
}
