// Every case of the customer, open ones first, on every channel and in every store: number
// (the link), subject, status, channel, store, date. The customer's first 50 come with the
// panel; "show all" pages through the rest.
import { Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openStatuses } from '../../../src/modules/cases/cases.contract.ts';
import type { CaseDto } from '../api/contracts.ts';
import { StatusBadge } from '../cases/CaseBadges.tsx';
import { useStores } from '../reference/stores.api.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { RouterAnchor } from '../ui/RouterAnchor.tsx';
import { CUSTOMER_CASE_PAGE, customerCasesQuery, type CustomerDetail } from './customers.api.ts';

const isOpen = (c: CaseDto) => (openStatuses as readonly string[]).includes(c.status);

function CaseItem({ c, current }: { c: CaseDto; current: boolean }) {
  const { t } = useTranslation();
  const stores = useStores();
  return (
    <List.Item data-case-number={c.number} aria-current={current ? 'true' : undefined}>
      <Stack gap={2}>
        <Group gap="xs" wrap="wrap">
          <RouterAnchor to="/cases/$caseId" params={{ caseId: c.id }} fw={700} size="sm" ff="monospace">
            {c.number}
          </RouterAnchor>
          {current && (
            <Badge size="sm" variant="outline" color="indigo.8" tt="none">
              {t('customerPanel.cases.current')}
            </Badge>
          )}
          <StatusBadge status={c.status} />
        </Group>
        <Text size="sm" lineClamp={2}>
          {c.subject}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`case.channel.${c.channel}`)} · {stores.name(c.storeId) ?? t('customerPanel.cases.noStore')} · <RelativeTime iso={c.createdAt} />
          {c.access !== 'full' && <> · {t('customerPanel.cases.readOnly')}</>}
        </Text>
      </Stack>
    </List.Item>
  );
}

function CaseGroup({ title, cases, currentCaseId, id }: { title: string; cases: CaseDto[]; currentCaseId?: string | undefined; id: string }) {
  if (cases.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" id={id}>
        {title}
      </Text>
      <List listStyleType="none" spacing="sm" aria-labelledby={id}>
        {cases.map((c) => (
          <CaseItem key={c.id} c={c} current={c.id === currentCaseId} />
        ))}
      </List>
    </Stack>
  );
}

export function CustomerCases({ customer, currentCaseId, level }: { customer: CustomerDetail; currentCaseId?: string | undefined; level: 2 | 3 }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const pages = useInfiniteQuery({ ...customerCasesQuery(customer.id), enabled: all });
  const cases = all && pages.data ? pages.data.pages.flatMap((p) => p.items) : customer.cases;
  const open = cases.filter(isOpen);
  const past = cases.filter((c) => !isOpen(c));
  const mayHaveMore = all ? pages.hasNextPage : customer.cases.length >= CUSTOMER_CASE_PAGE;

  return (
    <Stack gap="xs" component="section" aria-labelledby={`cases-${customer.id}`}>
      <Title order={level} size="h5" id={`cases-${customer.id}`}>
        {t('customerPanel.cases.title', { count: cases.length })}
      </Title>
      {cases.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('customerPanel.cases.none')}
        </Text>
      ) : (
        <>
          <CaseGroup id={`open-cases-${customer.id}`} title={t('customerPanel.cases.open', { count: open.length })} cases={open} currentCaseId={currentCaseId} />
          <CaseGroup id={`past-cases-${customer.id}`} title={t('customerPanel.cases.past', { count: past.length })} cases={past} currentCaseId={currentCaseId} />
        </>
      )}
      {pages.isError && <ProblemAlert error={pages.error} title={t('customerPanel.cases.loadFailed')} onRetry={() => void pages.refetch()} />}
      {mayHaveMore && (
        <Button
          variant="default"
          size="xs"
          loading={pages.isFetching}
          onClick={() => (all ? void pages.fetchNextPage() : setAll(true))}
        >
          {t('customerPanel.cases.more')}
        </Button>
      )}
    </Stack>
  );
}
