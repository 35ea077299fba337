// Order sources: the shops whose orders come in by themselves (Shopify and WooCommerce send
// webhooks, PrestaShop is read every few minutes), each with its state and what it did lately.
// A new source opens on its own page, where the webhook address to paste into the shop is and
// its connection can be tested. Built like the channel accounts' screens.
import { Button, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RelativeTime } from '../../ui/RelativeTime.tsx';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { useAdminAccess } from '../admin-access.ts';
import { brands, namesById, stores } from '../admin.api.ts';
import { AccountStateBadge } from '../channels/AccountStateBadge.tsx';
import { AdminPage } from '../ui/AdminPage.tsx';
import { AdminTable } from '../ui/AdminTable.tsx';
import { FormModal } from '../ui/FormModal.tsx';
import { EmptyState, QueryState } from '../ui/QueryState.tsx';
import { useEditing } from '../ui/useEditing.ts';
import { useSchemaForm } from '../ui/useSchemaForm.ts';
import { orderSources, type OrderSourceListItem } from './order-sources.api.ts';
import { SourceFields } from './SourceFields.tsx';
import { sourceBody, sourceSchema, sourceValues, type ConnectedKind, type SourceValues } from './source-draft.ts';

function NewSource({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useSchemaForm({
    initial: sourceValues(null),
    schema: (body: { kind: ConnectedKind }) => sourceSchema(body.kind, true),
    toBody: (v: SourceValues) => sourceBody(v, null) as { kind: ConnectedKind },
    send: (body) => orderSources.create(body),
    invalidates: [orderSources.key],
    onSaved: (created) => void navigate({ to: '/admin/order-sources/$sourceId', params: { sourceId: created.id } }),
  });
  return (
    <FormModal opened title={t('admin.orderSources.create')} onClose={onClose} onSubmit={form.onSubmit} formRef={form.formRef} saving={form.saving} error={form.error} isNew size="xl">
      <SourceFields values={form.values} set={form.set} errors={form.errors} existing={null} />
    </FormModal>
  );
}

/** "3 today · 1 failed this week", or what PrestaShop last read. */
function Activity({ source }: { source: OrderSourceListItem }) {
  const { t } = useTranslation();
  const a = source.activity;
  if (source.kind === 'prestashop') return <Text size="sm">{a.lastReadUpTo ? t('admin.orderSources.readUpTo', { at: a.lastReadUpTo }) : t('admin.orderSources.notReadYet')}</Text>;
  return (
    <>
      <Text size="sm">{a.lastWebhookAt ? <RelativeTime iso={a.lastWebhookAt} /> : t('admin.orderSources.noWebhookYet')}</Text>
      {a.lastWebhookAt && (
        <Text size="xs" c="dimmed">
          {t('admin.orderSources.webhooksToday', { count: a.webhooksLastDay })}
        </Text>
      )}
    </>
  );
}

export function OrderSourcesPage() {
  const { t } = useTranslation();
  const access = useAdminAccess();
  const list = useQuery(orderSources.list);
  const brandName = namesById(useQuery(brands.list).data, (b) => b.name);
  const storeName = namesById(useQuery(stores.list).data, (s) => s.name);
  const ui = useEditing<OrderSourceListItem>();
  // The POS file imports are sources too; they have their own screen.
  const shops = (items: OrderSourceListItem[]) => items.filter((s) => s.kind !== 'file_import');

  return (
    <AdminPage title={t('admin.orderSources.title')} intro={t('admin.orderSources.intro')} readOnly={!access.manage} actions={access.manage ? <Button onClick={ui.create}>{t('admin.orderSources.create')}</Button> : undefined}>
      <QueryState query={list} loading={t('admin.orderSources.loading')} failed={t('admin.orderSources.loadFailed')}>
        {(items) =>
          shops(items).length === 0 ? (
            <EmptyState title={t('admin.orderSources.empty')} body={t('admin.orderSources.emptyBody')} />
          ) : (
            <AdminTable
              caption={t('admin.orderSources.title')}
              columns={[t('admin.orderSources.fields.name'), t('admin.orderSources.fields.kind'), t('admin.orderSources.fields.brand'), t('admin.orderSources.fields.store'), t('admin.table.status'), t('admin.orderSources.lastActivity'), t('admin.orderSources.failures')]}
              minWidth={960}
            >
              {shops(items).map((s) => (
                <Table.Tr key={s.id} data-source={s.id}>
                  <Table.Td>
                    <RouterAnchor to="/admin/order-sources/$sourceId" params={{ sourceId: s.id }} fw={600}>
                      {s.name}
                    </RouterAnchor>
                  </Table.Td>
                  <Table.Td>{t(`admin.orderSources.kinds.${s.kind as ConnectedKind}`)}</Table.Td>
                  <Table.Td>{brandName(s.brandId) ?? '—'}</Table.Td>
                  <Table.Td>{storeName(s.storeId) ?? '—'}</Table.Td>
                  <Table.Td>
                    <AccountStateBadge state={s.state} />
                    {s.stateDetail && (
                      <Text size="xs" c="dimmed" lineClamp={2} maw={260}>
                        {s.stateDetail}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Activity source={s} />
                  </Table.Td>
                  <Table.Td>
                    {s.activity.failedLastWeek > 0 ? (
                      <Text size="sm" c="red.9" fw={600}>
                        {t('admin.orderSources.failedThisWeek', { count: s.activity.failedLastWeek })}
                      </Text>
                    ) : (
                      <Text size="sm">{t('admin.orderSources.noFailure')}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </AdminTable>
          )
        }
      </QueryState>
      {ui.editing && <NewSource onClose={ui.close} />}
    </AdminPage>
  );
}
