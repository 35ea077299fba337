// A shop's latest webhook deliveries, newest first: the topic, when it came, what became of it
// (processed, ignored, failed, or still waiting) and why, in the shop's own words when it failed.
// Refreshed every few seconds, so the admin sees the shop's test webhook arrive.
import { Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RelativeTime } from '../../ui/RelativeTime.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { ToneBadge } from '../ui/ToneBadge.tsx';
import { webhooksQuery, type WebhookDelivery } from './order-sources.api.ts';

const tones = { received: 'info', processed: 'positive', ignored: 'neutral', failed: 'negative' } as const;

export function WebhookDeliveries({ sourceId }: { sourceId: string }) {
  const { t } = useTranslation();
  const deliveries = useQuery(webhooksQuery(sourceId));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="webhook-deliveries-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="webhook-deliveries-title">
          {t('admin.orderSources.deliveries.title')}
        </Title>
        <QueryState query={deliveries} loading={t('admin.orderSources.deliveries.loading')} failed={t('admin.orderSources.deliveries.loadFailed')}>
          {({ items }) =>
            items.length === 0 ? (
              <Text size="sm">{t('admin.orderSources.deliveries.none')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={520}>
                <Table verticalSpacing="xs">
                  <caption>
                    <VisuallyHidden>{t('admin.orderSources.deliveries.title')}</VisuallyHidden>
                  </caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('admin.orderSources.deliveries.topic')}</Table.Th>
                      <Table.Th scope="col">{t('admin.orderSources.deliveries.received')}</Table.Th>
                      <Table.Th scope="col">{t('admin.orderSources.deliveries.outcome')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((d: WebhookDelivery) => (
                      <Table.Tr key={d.id} data-delivery={d.state}>
                        <Table.Td>
                          <Text size="sm" ff="monospace">
                            {d.topic}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <RelativeTime iso={d.receivedAt} />
                        </Table.Td>
                        <Table.Td>
                          <ToneBadge tone={tones[d.state]}>{t(`admin.orderSources.deliveries.states.${d.state}`)}</ToneBadge>
                          {/* A processed delivery's detail ("created") says nothing the badge does not. */}
                          {d.detail && d.state !== 'processed' && (
                            <Text size="xs" mt={4}>
                              {d.state === 'failed' ? t('admin.orderSources.deliveries.why', { detail: d.detail }) : d.detail}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
      </Stack>
    </Paper>
  );
}
