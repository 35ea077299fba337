// A customer's own page (/customers/{id}): the customer panel as a page, reached from the
// case page, the customer search or a merge.
import { Paper, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../ui/PageHeading.tsx';
import { RouterAnchor } from '../ui/RouterAnchor.tsx';
import { customerQuery } from './customers.api.ts';
import { CustomerPanel } from './CustomerPanel.tsx';

const route = getRouteApi('/signed-in/customers/$customerId');

export function CustomerPage() {
  const { t } = useTranslation();
  const { customerId } = route.useParams();
  // The same query as the panel's: one request, the name for the heading.
  const found = useQuery(customerQuery(customerId));
  return (
    <Stack gap="md" maw={880}>
      <RouterAnchor to="/customers" size="sm">
        ← {t('customerPanel.search.back')}
      </RouterAnchor>
      <PageHeading documentTitle={found.data?.displayName ?? t('customerPanel.pageTitle')}>{found.data?.displayName ?? t('customerPanel.pageTitle')}</PageHeading>
      <Paper withBorder p="md">
        <CustomerPanel customerId={customerId} variant="page" />
      </Paper>
    </Stack>
  );
}
