// The customer panel: who the customer is on every channel, every case they had or have
// (whatever the channel or the store), their orders from every channel with what they are
// worth, and the suggestions that another record is the same person, with the merge previewed
// before it is made. Beside the case on the case page (where the case is linked to the order
// line it is about), and the body of the customer's own page.
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionQuery } from '../auth/session.ts';
import { isApiError } from '../api/http.ts';
import { LoadingState } from '../ui/LoadingState.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { RouterAnchor } from '../ui/RouterAnchor.tsx';
import { customerQuery, type CustomerDetail } from './customers.api.ts';
import { CustomerCases } from './CustomerCases.tsx';
import { CustomerIdentities } from './CustomerIdentities.tsx';
import { CustomerOrders } from './CustomerOrders.tsx';
import { MergeSuggestions } from './MergeSuggestions.tsx';
import { MergeWithCustomer } from './MergeWithCustomer.tsx';

interface Props {
  customerId: string;
  /** The case page's case, marked in the list. */
  currentCaseId?: string;
  /** The reader may change that case: its order line can be linked from the orders. */
  caseWritable?: boolean;
  /** On the case page the panel is a section (its title an h2); on the customer's page, the page itself. */
  variant: 'beside-case' | 'page';
}

export function CustomerPanel({ customerId, currentCaseId, caseWritable = false, variant }: Props) {
  const { t } = useTranslation();
  const found = useQuery(customerQuery(customerId));
  const titleId = `customer-panel-${customerId}`;

  if (found.isPending) return <LoadingState label={t('customerPanel.loading')} />;
  if (found.isError && !found.data) {
    return <ProblemAlert error={found.error} title={isApiError(found.error, 404) ? t('customerPanel.notFound') : t('customerPanel.loadFailed')} onRetry={() => void found.refetch()} />;
  }
  const body = <PanelBody customer={found.data} currentCaseId={currentCaseId} caseWritable={caseWritable} level={variant === 'page' ? 2 : 3} />;
  if (variant === 'page') return body;
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={titleId} data-testid="customer-panel">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" wrap="nowrap" gap="xs">
          <Title order={2} size="h4" id={titleId} style={{ overflowWrap: 'anywhere' }}>
            {found.data.displayName}
          </Title>
          <RouterAnchor to="/customers/$customerId" params={{ customerId: found.data.id }} size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('customerPanel.openPage')}
          </RouterAnchor>
        </Group>
        {found.isError && <ProblemAlert error={found.error} title={t('customerPanel.refreshFailed')} onRetry={() => void found.refetch()} />}
        {body}
      </Stack>
    </Paper>
  );
}

function PanelBody({ customer, currentCaseId, caseWritable, level }: { customer: CustomerDetail; currentCaseId?: string | undefined; caseWritable: boolean; level: 2 | 3 }) {
  const { t } = useTranslation();
  const { data: me } = useQuery(sessionQuery);
  const navigate = useNavigate();
  const [mergeWith, setMergeWith] = useState<string | null>(null);
  const canEdit = !!me?.permissions.includes('customers.write');
  const canMerge = !!me?.permissions.includes('customers.merge');
  // On the customer's own page, a merge that absorbed this record leads to the survivor's page.
  const merged = (survivorId: string) => {
    if (level === 2 && survivorId !== customer.id) void navigate({ to: '/customers/$customerId', params: { customerId: survivorId }, replace: true });
  };
  return (
    <Stack gap="md">
      {customer.company && (
        <Text size="sm" c="dimmed">
          {customer.company}
        </Text>
      )}
      <CustomerIdentities customer={customer} canEdit={canEdit} level={level} onOwnedByOther={(id) => canMerge && setMergeWith(id)} />
      {canMerge && <MergeSuggestions customer={customer} level={level} onMerged={merged} />}
      {canMerge && (
        <MergeWithCustomer
          key={mergeWith ?? 'search'}
          customer={customer}
          level={level}
          proposedId={mergeWith}
          onMerged={merged}
          onClose={() => setMergeWith(null)}
        />
      )}
      <CustomerCases customer={customer} currentCaseId={currentCaseId} level={level} />
      <CustomerOrders customerId={customer.id} currentCaseId={currentCaseId} caseWritable={caseWritable} canLookUp={canEdit} level={level} />
      {customer.notes && (
        <Stack gap={2}>
          <Title order={level} size="h5">
            {t('customerPanel.notes')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {customer.notes}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
