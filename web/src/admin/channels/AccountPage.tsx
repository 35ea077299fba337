// One channel account (the address the admins' "channel down" e-mail links to): its state and
// why it fails, the connection test, its settings to change (secrets write-only), and
// disabling, reactivating or removing it.
import { Button, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { ConnectionSettings } from '../ui/ConnectionSettings.tsx';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { useAdminAccess } from '../admin-access.ts';
import { channelAccounts, type ChannelAccount } from '../admin.api.ts';
import { AdminPage } from '../ui/AdminPage.tsx';
import { DeleteDialog } from '../ui/ConfirmDialog.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { useSchemaForm } from '../ui/useSchemaForm.ts';
import { accountBody, accountChannelKey, accountSchema, accountValues, type AccountChannel, type AccountValues } from './account-draft.ts';
import { AccountFields } from './AccountFields.tsx';
import { AccountStateBadge } from './AccountStateBadge.tsx';
import { accountQuery } from './channels.api.ts';
import { ConnectionTest } from './ConnectionTest.tsx';
import { notifySaved } from '../ui/notify.ts';

const route = getRouteApi('/signed-in/admin/channels/$accountId');

function AccountEditor({ account }: { account: ChannelAccount }) {
  const { t } = useTranslation();
  const access = useAdminAccess();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState<ChannelAccount | null>(null);
  const one = accountQuery(account.id).queryKey;
  const form = useSchemaForm({
    initial: accountValues(account),
    changesFrom: accountValues(account),
    schema: accountSchema(account.channel as AccountChannel, false),
    toBody: (v: AccountValues) => accountBody(v, account),
    send: (body) => channelAccounts.update(account.id, body),
    invalidates: [channelAccounts.key],
    onSaved: () => notifySaved(t('admin.form.saved')),
  });
  const state = useMutation({
    mutationFn: (next: 'active' | 'disabled') => channelAccounts.update(account.id, { state: next }),
    onSuccess: (after) => {
      queryClient.setQueryData(one, after);
      void queryClient.invalidateQueries({ queryKey: channelAccounts.key });
    },
  });

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="md">
          <ConnectionSettings
            form={form}
            label={t('admin.channels.settings')}
            failing={account.state === 'failing' ? { title: t('admin.channels.failingTitle'), detail: account.stateDetail, help: t('admin.channels.failingHelp') } : null}
            canSave={access.manage}
          >
            <AccountFields values={form.values} set={form.set} errors={form.errors} existing={account} readOnly={!access.manage} />
          </ConnectionSettings>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="md">
          <ConnectionTest accountId={account.id} enabled={access.manage} />
          {access.manage && (
            <Paper withBorder p="md">
              <Stack gap="xs">
                {state.isError && <ProblemAlert error={state.error} title={t('admin.confirm.failed')} />}
                <Group>
                  {account.state === 'active' ? (
                    <Button variant="default" onClick={() => state.mutate('disabled')} loading={state.isPending}>
                      {t('admin.channels.disable')}
                    </Button>
                  ) : (
                    <Button variant="default" onClick={() => state.mutate('active')} loading={state.isPending}>
                      {t('admin.channels.reactivate')}
                    </Button>
                  )}
                  <Button variant="subtle" color="red" onClick={() => setDeleting(account)}>
                    {t('admin.form.delete')}
                  </Button>
                </Group>
                <Text size="xs" c="dimmed">
                  {t('admin.channels.stateHelp')}
                </Text>
              </Stack>
            </Paper>
          )}
        </Stack>
      </Grid.Col>
      <DeleteDialog
        item={deleting}
        name={(a) => a.name}
        onDelete={async (a) => {
          await channelAccounts.remove(a.id);
          await navigate({ to: '/admin/channels' });
        }}
        invalidates={[channelAccounts.key]}
        onClose={() => setDeleting(null)}
      />
    </Grid>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const { accountId } = route.useParams();
  const access = useAdminAccess();
  const account = useQuery(accountQuery(accountId));
  return (
    <AdminPage title={account.data?.name ?? t('admin.channels.one')} intro={account.data ? `${t(accountChannelKey(account.data.channel))} · ${account.data.address}` : undefined} readOnly={!access.manage}>
      <Group justify="space-between">
        <RouterAnchor to="/admin/channels" size="sm">
          {t('admin.channels.back')}
        </RouterAnchor>
        {account.data && <AccountStateBadge state={account.data.state} />}
      </Group>
      <QueryState query={account} loading={t('admin.channels.loadingOne')} failed={t('admin.channels.loadOneFailed')}>
        {(a) => <AccountEditor key={`${a.id}:${a.updatedAt}`} account={a} />}
      </QueryState>
    </AdminPage>
  );
}
