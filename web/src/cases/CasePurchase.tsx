// What the case is about, bought where and when: the order lines it is linked to (the product,
// the order, the purchase and delivery dates the rulebook counts from), each one unlinked in a
// click. Lines are linked from the customer's orders in the panel below. Once one is, what the
// rulebook says about it.
import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/contracts.ts';
import { caseOrderLinesQuery, formatDay, formatMoney, refreshOrders, unlinkOrderLine } from '../customers/orders.api.ts';
import { PolicyVerdictPanel } from '../policies/PolicyVerdictPanel.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';

export function CasePurchase({ c }: { c: CaseDto }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const lines = useQuery(caseOrderLinesQuery(c.id));
  const unlink = useMutation({
    mutationFn: (lineId: string) => unlinkOrderLine(c.id, lineId),
    onSuccess: () => refreshOrders(queryClient, c.customer.id, c.id),
  });
  const writable = c.access === 'full';
  const titleId = `purchase-${c.id}`;
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={titleId} data-testid="case-purchase">
      <Stack gap="xs">
        <Title order={2} size="h4" id={titleId}>
          {t('casePurchase.title')}
        </Title>
        {lines.isError && <ProblemAlert error={lines.error} title={t('casePurchase.loadFailed')} onRetry={() => void lines.refetch()} />}
        {lines.isSuccess && lines.data.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('casePurchase.none')}
          </Text>
        )}
        {lines.isSuccess && lines.data.length > 0 && (
          <List listStyleType="none" spacing="xs">
            {lines.data.map(({ line, order }) => (
              <List.Item key={line.id} data-linked-line={line.id}>
                <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={0}>
                    <Text size="sm" fw={700}>
                      {line.name}
                      {line.sku && (
                        <Text span size="xs" c="dimmed" ff="monospace" fw={400} ml={6}>
                          {line.sku}
                        </Text>
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('casePurchase.order', { number: order.number, source: order.source.name, price: formatMoney(line.totalAmount, order.currency, i18n.language) })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('casePurchase.bought', { date: formatDay(order.purchasedAt, i18n.language) })}
                      {' · '}
                      {line.deliveredOn || order.deliveredAt
                        ? t('casePurchase.delivered', { date: formatDay(line.deliveredOn ?? order.deliveredAt!, i18n.language) })
                        : t('casePurchase.notDelivered')}
                    </Text>
                  </Stack>
                  {writable && (
                    <Button size="compact-xs" variant="subtle" color="red" loading={unlink.isPending && unlink.variables === line.id} onClick={() => unlink.mutate(line.id)} aria-label={t('casePurchase.unlinkLabel', { name: line.name })}>
                      {t('casePurchase.unlink')}
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {unlink.isError && <ProblemAlert error={unlink.error} title={t('casePurchase.unlinkFailed')} />}
        {lines.isSuccess && lines.data.length > 0 && <PolicyVerdictPanel caseId={c.id} />}
      </Stack>
    </Paper>
  );
}
