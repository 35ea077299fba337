// The customer at the counter: their contact details and every open case they have, the
// ones opened online or at another store included, the case their ticket or number named
// first. Continue one of them, or open a new one.
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/contracts.ts';
import type { CounterMatch } from './counter.api.ts';
import { CounterCaseCard } from './CounterCaseCard.tsx';

interface Props {
  match: CounterMatch;
  onOpenCase: (c: CaseDto) => void;
  onNewCase: () => void;
}

export function CounterCustomer({ match, onOpenCase, onNewCase }: Props) {
  const { t } = useTranslation();
  const named = match.matchedCases;
  const others = match.openCases.filter((c) => !named.some((n) => n.id === c.id));
  return (
    <Stack gap="md" component="section" aria-labelledby="counter-customer-title">
      <Paper withBorder p="md" radius="md">
        <Stack gap={4}>
          <Title order={2} size="h2" id="counter-customer-title" style={{ overflowWrap: 'anywhere' }}>
            {match.customer.displayName}
          </Title>
          <Text size="md" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {match.customer.identities.map((i) => i.displayValue).join(' · ') || t('counterMode.customer.noContact')}
          </Text>
        </Stack>
      </Paper>
      {named.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t(`counterMode.customer.named.${match.matchedBy === 'customer' ? 'case_number' : match.matchedBy}`, { count: named.length })}
          </Title>
          {named.map((c) => (
            <CounterCaseCard key={c.id} c={c} highlighted onSelect={() => onOpenCase(c)} />
          ))}
        </Stack>
      )}
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t(named.length ? 'counterMode.customer.otherOpenCases' : 'counterMode.customer.openCases', { count: others.length })}
        </Title>
        {others.length === 0 ? (
          <Text c="dimmed">{t('counterMode.customer.noOpenCase')}</Text>
        ) : (
          others.map((c) => <CounterCaseCard key={c.id} c={c} onSelect={() => onOpenCase(c)} />)
        )}
      </Stack>
      <Group>
        <Button size="xl" variant="outline" onClick={onNewCase} style={{ flex: '1 1 auto' }}>
          {t('counterMode.customer.newCase')}
        </Button>
      </Group>
    </Stack>
  );
}
