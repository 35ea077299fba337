// Who the search found: each customer with how they were found and their open cases, to
// pick the right person (two "Martin" at the same counter) before going on.
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CounterMatch } from './counter.api.ts';

export function CounterResults({ matches, onChoose }: { matches: CounterMatch[]; onChoose: (match: CounterMatch) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="section" aria-labelledby="counter-results-title">
      <Title order={2} size="h3" id="counter-results-title">
        {t('counterMode.results.title', { count: matches.length })}
      </Title>
      {matches.map((m) => (
        <Paper key={m.customer.id} withBorder p="md" radius="md">
          <Stack gap="xs">
            <Text size="xl" fw={700}>
              {m.customer.displayName}
            </Text>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {m.customer.identities.map((i) => i.displayValue).join(' · ') || t('counterMode.customer.noContact')}
            </Text>
            <Text size="sm">{t('counterMode.results.openCases', { count: m.openCases.length })}</Text>
            <Button size="lg" onClick={() => onChoose(m)} aria-label={t('counterMode.results.chooseNamed', { name: m.customer.displayName })}>
              {t('counterMode.results.choose')}
            </Button>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
