// Channel accounts: every mailbox, SMS number, chat widget and phone line customers reach us
// by, where their cases go, and whether they work. A new account opens on its own page, where
// its connection can be tested.
import { Button, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RelativeTime } from '../../ui/RelativeTime.tsx';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { useReferenceNames } from '../../reference/reference.api.ts';
import { useAdminAccess } from '../admin-access.ts';
import { brands, channelAccounts, namesById, stores, type ChannelAccount } from '../admin.api.ts';
import { AdminPage } from '../ui/AdminPage.tsx';
import { AdminTable } from '../ui/AdminTable.tsx';
import { FormModal } from '../ui/FormModal.tsx';
import { EmptyState, QueryState } from '../ui/QueryState.tsx';
import { useEditing } from '../ui/useEditing.ts';
import { useSchemaForm } from '../ui/useSchemaForm.ts';
import { accountBody, accountChannelKey, accountSchema, accountValues, type AccountValues } from './account-draft.ts';
import { AccountFields } from './AccountFields.tsx';
import { AccountStateBadge } from './AccountStateBadge.tsx';

function NewAccount({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useSchemaForm({
    initial: accountValues(null),
    schema: (body) => accountSchema(body.channel, true),
    toBody: (v: AccountValues) => ({ ...accountBody(v, null), channel: v.channel }),
    send: (body) => channelAccounts.create(body),
    invalidates: [channelAccounts.key],
    onSaved: (created) => void navigate({ to: '/admin/channels/$accountId', params: { accountId: created.id } }),
  });
  return (
    <FormModal opened title={t('admin.channels.create')} onClose={onClose} onSubmit={form.onSubmit} formRef={form.formRef} saving={form.saving} error={form.error} isNew size="xl">
      <AccountFields values={form.values} set={form.set} errors={form.errors} existing={null} />
    </FormModal>
  );
}

export function ChannelAccountsPage() {
  const { t } = useTranslation();
  const access = useAdminAccess();
  const list = useQuery(channelAccounts.list);
  const names = useReferenceNames();
  const brandName = namesById(useQuery(brands.list).data, (b) => b.name);
  const storeName = namesById(useQuery(stores.list).data, (s) => s.name);
  const ui = useEditing<ChannelAccount>();
  const routing = (a: ChannelAccount) => [brandName(a.brandId), storeName(a.storeId), names.team(a.teamId)].filter(Boolean).join(' · ') || t('admin.channels.defaultRouting');

  return (
    <AdminPage title={t('admin.channels.title')} intro={t('admin.channels.intro')} readOnly={!access.manage} actions={<Button onClick={ui.create}>{t('admin.channels.create')}</Button>}>
      <QueryState query={list} loading={t('admin.channels.loading')} failed={t('admin.channels.loadFailed')}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState title={t('admin.channels.empty')} body={t('admin.channels.emptyBody')} />
          ) : (
            <AdminTable caption={t('admin.channels.title')} columns={[t('admin.channels.fields.name'), t('admin.channels.fields.channel'), t('admin.channels.fields.address'), t('admin.channels.routing'), t('admin.channels.lastInbound'), t('admin.table.status')]} minWidth={900}>
              {items.map((a) => (
                <Table.Tr key={a.id} data-account={a.address}>
                  <Table.Td>
                    <RouterAnchor to="/admin/channels/$accountId" params={{ accountId: a.id }} fw={600}>
                      {a.name}
                    </RouterAnchor>
                  </Table.Td>
                  <Table.Td>{t(accountChannelKey(a.channel))}</Table.Td>
                  <Table.Td>{a.address}</Table.Td>
                  <Table.Td>{routing(a)}</Table.Td>
                  <Table.Td>{a.lastInboundAt ? <RelativeTime iso={a.lastInboundAt} /> : t('admin.tokens.never')}</Table.Td>
                  <Table.Td>
                    <AccountStateBadge state={a.state} />
                    {a.stateDetail && (
                      <Text size="xs" c="dimmed" lineClamp={2} maw={260}>
                        {a.stateDetail}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </AdminTable>
          )
        }
      </QueryState>
      {ui.editing && <NewAccount onClose={ui.close} />}
    </AdminPage>
  );
}
