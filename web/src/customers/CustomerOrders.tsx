// The customer's orders beside their cases: what they are worth (lifetime value per currency,
// orders, incidents, customer since), then every order from every channel — web shop, store
// till, marketplace — newest first, with its lines. Beside a case the agent links the case to
// the line it is about (the product, the purchase, the delivery) in one click. "Look up in the
// shops" asks the connected Shopify shops for past orders the webhooks never brought.
import { Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { RouterAnchor } from '../ui/RouterAnchor.tsx';
import { useStores } from '../reference/stores.api.ts';
import {
  customerOrdersQuery,
  customerValueQuery,
  formatDay,
  formatMoney,
  linkOrderLine,
  lookUpOrders,
  refreshOrders,
  type CustomerValueDto,
  type OrderDto,
  type OrderLine,
} from './orders.api.ts';

interface Props {
  customerId: string;
  /** The case on screen: its lines can be linked from here. */
  currentCaseId?: string | undefined;
  /** The reader may change that case (not another store's). */
  caseWritable: boolean;
  /** The reader may look up orders in the shops (customers.write). */
  canLookUp: boolean;
  level: 2 | 3;
}

function ValueSummary({ value }: { value: CustomerValueDto }) {
  const { t, i18n } = useTranslation();
  const worth = value.lifetimeValue.map((v) => formatMoney(v.amount, v.currency, i18n.language)).join(' + ');
  return (
    <Text size="sm" data-testid="customer-value">
      {t('customerPanel.orders.value', { count: value.orderCount, worth: worth || formatMoney(0, 'EUR', i18n.language) })}
      {' · '}
      {t('customerPanel.orders.incidents', { count: value.incidentCount })}
      {value.firstPurchaseAt && <> · {t('customerPanel.orders.since', { date: formatDay(value.firstPurchaseAt, i18n.language) })}</>}
    </Text>
  );
}

function LineItem({ line, order, currentCaseId, canLink, onLink, linking }: { line: OrderLine; order: OrderDto; currentCaseId?: string | undefined; canLink: boolean; onLink: () => void; linking: boolean }) {
  const { t, i18n } = useTranslation();
  const linkedHere = !!currentCaseId && line.cases.some((c) => c.id === currentCaseId);
  const elsewhere = line.cases.filter((c) => c.id !== currentCaseId);
  return (
    <List.Item data-order-line={line.id}>
      <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0}>
          <Text size="sm">
            {t('customerPanel.orders.line', { quantity: line.quantity, name: line.name })}
            {line.sku && (
              <Text span size="xs" c="dimmed" ff="monospace" ml={6}>
                {line.sku}
              </Text>
            )}
          </Text>
          <Text size="xs" c="dimmed">
            {formatMoney(line.totalAmount, order.currency, i18n.language)}
            {line.deliveredOn && <> · {t('customerPanel.orders.deliveredOn', { date: formatDay(line.deliveredOn, i18n.language) })}</>}
            {elsewhere.map((c) => (
              <span key={c.id}>
                {' · '}
                <RouterAnchor to="/cases/$caseId" params={{ caseId: c.id }} size="xs" ff="monospace">
                  {c.number}
                </RouterAnchor>
              </span>
            ))}
          </Text>
        </Stack>
        {linkedHere ? (
          <Badge size="sm" variant="outline" color="indigo.8" tt="none">
            {t('customerPanel.orders.linkedHere')}
          </Badge>
        ) : (
          canLink && (
            <Button size="compact-xs" variant="default" loading={linking} onClick={onLink} aria-label={t('customerPanel.orders.linkLabel', { name: line.name, number: order.number })}>
              {t('customerPanel.orders.link')}
            </Button>
          )
        )}
      </Group>
    </List.Item>
  );
}

function OrderItem(props: { order: OrderDto; currentCaseId?: string | undefined; canLink: boolean; onLink: (line: OrderLine) => void; linkingId: string | null }) {
  const { order } = props;
  const { t, i18n } = useTranslation();
  const stores = useStores();
  const where = order.storeId ? (stores.name(order.storeId) ?? order.source.name) : order.source.name;
  return (
    <List.Item data-order-number={order.number}>
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={700} ff="monospace">
            {order.number}
          </Text>
          <Text size="sm">{formatMoney(order.totalAmount, order.currency, i18n.language)}</Text>
          {order.financialStatus && ['refunded', 'cancelled', 'voided', 'failed'].includes(order.financialStatus) && (
            <Badge size="sm" variant="outline" color="gray.8" tt="none">
              {t(`customerPanel.orders.status.${order.financialStatus as 'refunded'}`)}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t(`customerPanel.orders.channel.${order.salesChannel}`)} · {where} · {formatDay(order.purchasedAt, i18n.language)}
          {order.deliveredAt && <> · {t('customerPanel.orders.deliveredOn', { date: formatDay(order.deliveredAt, i18n.language) })}</>}
        </Text>
        <List listStyleType="none" spacing={4} pl="sm">
          {order.lines.map((line) => (
            <LineItem
              key={line.id}
              line={line}
              order={order}
              currentCaseId={props.currentCaseId}
              canLink={props.canLink}
              onLink={() => props.onLink(line)}
              linking={props.linkingId === line.id}
            />
          ))}
        </List>
      </Stack>
    </List.Item>
  );
}

export function CustomerOrders({ customerId, currentCaseId, caseWritable, canLookUp, level }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const value = useQuery(customerValueQuery(customerId));
  const pages = useInfiniteQuery(customerOrdersQuery(customerId));
  const link = useMutation({
    mutationFn: (line: OrderLine) => linkOrderLine(currentCaseId!, line.id),
    onSuccess: () => refreshOrders(queryClient, customerId, currentCaseId),
  });
  const lookUp = useMutation({ mutationFn: () => lookUpOrders(customerId), onSuccess: () => refreshOrders(queryClient, customerId) });
  const orders = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const titleId = `orders-${customerId}`;
  const found = lookUp.data?.items.reduce((n, i) => n + i.created, 0) ?? 0;
  const failed = lookUp.data?.items.filter((i) => i.error) ?? [];

  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId} data-testid="customer-orders">
      <Title order={level} size="h5" id={titleId}>
        {t('customerPanel.orders.title')}
      </Title>
      {value.data && <ValueSummary value={value.data} />}
      {value.isError && <ProblemAlert error={value.error} title={t('customerPanel.orders.valueFailed')} onRetry={() => void value.refetch()} />}
      {pages.isPending && (
        <Text size="sm" c="dimmed">
          {t('customerPanel.orders.loading')}
        </Text>
      )}
      {pages.isError && <ProblemAlert error={pages.error} title={t('customerPanel.orders.loadFailed')} onRetry={() => void pages.refetch()} />}
      {pages.isSuccess && orders.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('customerPanel.orders.none')}
        </Text>
      )}
      {orders.length > 0 && (
        <List listStyleType="none" spacing="sm">
          {orders.map((o) => (
            <OrderItem key={o.id} order={o} currentCaseId={currentCaseId} canLink={!!currentCaseId && caseWritable} onLink={(line) => link.mutate(line)} linkingId={link.isPending ? (link.variables?.id ?? null) : null} />
          ))}
        </List>
      )}
      {link.isError && <ProblemAlert error={link.error} title={t('customerPanel.orders.linkFailed')} />}
      <Group gap="xs">
        {pages.hasNextPage && (
          <Button variant="default" size="xs" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
            {t('customerPanel.orders.more')}
          </Button>
        )}
        {canLookUp && (
          <Button variant="subtle" size="xs" loading={lookUp.isPending} onClick={() => lookUp.mutate()}>
            {t('customerPanel.orders.lookUp')}
          </Button>
        )}
      </Group>
      {lookUp.isSuccess && (
        <Text size="xs" c="dimmed" role="status">
          {lookUp.data.items.length === 0 ? t('customerPanel.orders.lookUpNoShop') : t('customerPanel.orders.lookUpDone', { count: found })}
          {failed.map((f) => ` ${t('customerPanel.orders.lookUpFailed', { shop: f.name, reason: f.error ?? '' })}`).join('')}
        </Text>
      )}
      {lookUp.isError && <ProblemAlert error={lookUp.error} title={t('customerPanel.orders.lookUpError')} />}
    </Stack>
  );
}
