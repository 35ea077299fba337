// One case as the counter lists it: a large card to touch, saying what it is about, where it
// stands, where it came from (opened by e-mail, on the web form, at another store…) and when.
import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/contracts.ts';
import { StatusBadge } from '../cases/CaseBadges.tsx';
import { useStores } from '../reference/stores.api.ts';
import { RelativeTime } from '../ui/RelativeTime.tsx';

export function CounterCaseCard({ c, onSelect, highlighted }: { c: CaseDto; onSelect: () => void; highlighted?: boolean }) {
  const { t } = useTranslation();
  const stores = useStores();
  const where = stores.name(c.storeId) ?? t('counterMode.case.online');
  return (
    <UnstyledButton onClick={onSelect} className="mantine-focus-auto" style={{ display: 'block', width: '100%', borderRadius: 8 }} data-case-number={c.number}>
      <Paper withBorder p="md" radius="md" bg={highlighted ? 'indigo.0' : undefined} style={{ borderColor: highlighted ? 'var(--mantine-color-indigo-8)' : undefined }}>
        <Stack gap={6}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text fw={700} ff="monospace" size="lg">
              {c.number}
            </Text>
            <Group gap="xs">
              <StatusBadge status={c.status} />
              <Badge variant="outline" color="gray.7" radius="sm" tt="none">
                {t(`case.channel.${c.channel}`)}
              </Badge>
            </Group>
          </Group>
          <Text size="lg" fw={500} lineClamp={2}>
            {c.subject}
          </Text>
          <Text size="sm" c="dimmed">
            {where} · {t('counterMode.case.opened')} <RelativeTime iso={c.createdAt} />
          </Text>
        </Stack>
      </Paper>
    </UnstyledButton>
  );
}
