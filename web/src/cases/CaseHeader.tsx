// The case at a glance: number, subject and badges (header), then the facts an agent looks
// for — customer, reason, step, team, assignee, tags — as a description list.
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/contracts.ts';
import { useReferenceNames } from '../reference/reference.api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { PriorityBadge, StatusBadge } from './CaseBadges.tsx';

export function CaseHeader({ c }: { c: CaseDto }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  return (
    <Paper component="header" withBorder p="md">
      <Stack gap="xs">
        <PageHeading size="h2" documentTitle={`${c.number} · ${c.subject}`}>
          <Text component="span" display="block" size="sm" fw={700} c="dimmed" ff="monospace">
            {c.number}
          </Text>
          {c.subject}
        </PageHeading>
        <Group gap="xs">
          <StatusBadge status={c.status} />
          <PriorityBadge priority={c.priority} />
          <Badge variant="outline" color="gray.7" radius="sm" tt="none">
            {t(`case.channel.${c.channel}`)}
          </Badge>
          {c.step && (
            <Badge variant="outline" color="indigo.8" radius="sm" tt="none">
              {t('case.stepBadge', { step: names.step(c.step.key) })}
            </Badge>
          )}
        </Group>
        <Group gap="xs" component="nav" aria-label={t('case.ticket.title')}>
          <Text size="sm" fw={600} component="span">
            {t('case.ticket.title')}
          </Text>
          {(['receipt', 'a4'] as const).map((format) => (
            <Anchor key={format} size="sm" href={`/api/v1/cases/${encodeURIComponent(c.id)}/ticket.pdf?format=${format}`} target="_blank" rel="noopener" data-ticket={format}>
              {t(`case.ticket.${format}`)}
            </Anchor>
          ))}
        </Group>
        {c.access !== 'full' && (
          <Text size="sm" c="orange.9">
            {t('case.historyOnly')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" fw={700} c="dimmed" tt="uppercase">
        {term}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

export function CaseDetails({ c }: { c: CaseDto }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const none = (
    <Text span c="dimmed" size="sm">
      {t('case.none')}
    </Text>
  );
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="case-details-title">
      <Title order={2} size="h4" id="case-details-title" mb="sm">
        {t('case.details')}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 2, md: 1, lg: 2 }} spacing="sm" m={0}>
        <Fact term={t('case.fields.customer')}>{c.customer.displayName}</Fact>
        <Fact term={t('case.fields.reason')}>{c.reason ? names.reason(c.reason.key) : none}</Fact>
        <Fact term={t('case.fields.step')}>{c.step ? names.step(c.step.key) : none}</Fact>
        <Fact term={t('case.fields.team')}>{c.teamId ? (names.team(c.teamId) ?? t('case.unknownTeam')) : none}</Fact>
        <Fact term={t('case.fields.assignee')}>{c.assigneeId ? (names.user(c.assigneeId) ?? t('case.unknownUser')) : t('case.unassigned')}</Fact>
        <Fact term={t('case.fields.tags')}>
          {c.tags.length ? (
            <Group gap={4} component="span">
              {c.tags.map((tag) => (
                <Badge key={tag} variant="filled" color="gray.2" autoContrast size="sm" radius="sm" tt="none" component="span">
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : (
            none
          )}
        </Fact>
        {c.orderRef && <Fact term={t('case.fields.orderRef')}>{c.orderRef}</Fact>}
        <Fact term={t('case.fields.createdAt')}>
          <RelativeTime iso={c.createdAt} />
        </Fact>
        <Fact term={t('case.fields.lastActivity')}>
          <RelativeTime iso={c.lastActivityAt} />
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}
