// One order source: its settings (secrets write-only), the webhook address and which secret
// to paste into the shop, the connection test, reading a PrestaShop shop now, disabling or
// reactivating it, and the webhooks it sent lately with what became of each.
import { Button, CopyButton, Grid, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { ConnectionSettings } from '../ui/ConnectionSettings.tsx';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { useAdminAccess } from '../admin-access.ts';
import { AccountStateBadge } from '../channels/AccountStateBadge.tsx';
import { ConnectionTest } from '../channels/ConnectionTest.tsx';
import { AdminPage } from '../ui/AdminPage.tsx';
import { notifySaved } from '../ui/notify.ts';
import { QueryState } from '../ui/QueryState.tsx';
import { useSchemaForm } from '../ui/useSchemaForm.ts';
import { orderSources, sourceQuery, type OrderSource } from './order-sources.api.ts';
import { SourceFields } from './SourceFields.tsx';
import { sourceBody, sourceSchema, sourceValues, type ConnectedKind, type SourceValues } from './source-draft.ts';
import { WebhookDeliveries } from './WebhookDeliveries.tsx';

const route = getRouteApi('/signed-in/admin/order-sources/$sourceId');

/** Where the shop must send its webhooks, and with which secret. */
function WebhookAddress({ source }: { source: OrderSource }) {
  const { t } = useTranslation();
  if (!source.webhookUrl) return null;
  const kind = source.kind as 'shopify' | 'woocommerce';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="webhook-address-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="webhook-address-title">
          {t('admin.orderSources.webhook.title')}
        </Title>
        <Text size="sm">{t(`admin.orderSources.webhook.where.${kind}`)}</Text>
        <Group align="flex-end" gap="sm">
          <TextInput label={t('admin.orderSources.webhook.url')} value={source.webhookUrl} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={source.webhookUrl}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('admin.tokens.copied') : t('admin.tokens.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm">{t(`admin.orderSources.webhook.secret.${kind}`)}</Text>
      </Stack>
    </Paper>
  );
}

function SyncNow({ source }: { source: OrderSource }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sync = useMutation({
    mutationFn: () => orderSources.sync(source.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: orderSources.key }),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sync-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="sync-title">
          {t('admin.orderSources.sync.title')}
        </Title>
        <Text size="sm">{t('admin.orderSources.sync.help')}</Text>
        <Group>
          <Button variant="light" onClick={() => sync.mutate()} loading={sync.isPending} disabled={source.state !== 'active'}>
            {t('admin.orderSources.sync.run')}
          </Button>
        </Group>
        <div aria-live="polite">
          {sync.isError && <ProblemAlert error={sync.error} title={t('admin.orderSources.sync.failed')} />}
          {sync.data && <Text size="sm">{sync.data.queued ? t('admin.orderSources.sync.queued') : t('admin.orderSources.sync.alreadyQueued')}</Text>}
        </div>
      </Stack>
    </Paper>
  );
}

function SourceEditor({ source }: { source: OrderSource }) {
  const { t } = useTranslation();
  const access = useAdminAccess();
  const queryClient = useQueryClient();
  const one = sourceQuery(source.id).queryKey;
  const kind = source.kind as ConnectedKind;
  const form = useSchemaForm({
    initial: sourceValues(source),
    changesFrom: sourceValues(source),
    schema: sourceSchema(kind, false),
    toBody: (v: SourceValues) => sourceBody(v, source),
    send: (body) => orderSources.update(source.id, body),
    invalidates: [orderSources.key],
    onSaved: () => notifySaved(t('admin.form.saved')),
  });
  const state = useMutation({
    mutationFn: (next: 'active' | 'disabled') => orderSources.update(source.id, { state: next }),
    onSuccess: (after) => {
      queryClient.setQueryData(one, after);
      void queryClient.invalidateQueries({ queryKey: orderSources.key });
    },
  });

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="md">
          <ConnectionSettings
            form={form}
            label={t('admin.orderSources.settings')}
            failing={source.state === 'failing' ? { title: t('admin.orderSources.failingTitle'), detail: source.stateDetail, help: t('admin.orderSources.failingHelp') } : null}
            canSave={access.manage}
          >
            <SourceFields values={form.values} set={form.set} errors={form.errors} existing={source} readOnly={!access.manage} />
          </ConnectionSettings>
          <WebhookDeliveries sourceId={source.id} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="md">
          <WebhookAddress source={source} />
          <ConnectionTest accountId={source.id} enabled={access.manage} run={orderSources.test} help={t(`admin.orderSources.testHelp.${kind}`)} />
          {kind === 'prestashop' && access.manage && <SyncNow source={source} />}
          {access.manage && (
            <Paper withBorder p="md">
              <Stack gap="xs">
                {state.isError && <ProblemAlert error={state.error} title={t('admin.confirm.failed')} />}
                <Group>
                  {source.state === 'active' ? (
                    <Button variant="default" onClick={() => state.mutate('disabled')} loading={state.isPending}>
                      {t('admin.channels.disable')}
                    </Button>
                  ) : (
                    <Button variant="default" onClick={() => state.mutate('active')} loading={state.isPending}>
                      {t('admin.channels.reactivate')}
                    </Button>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {t('admin.orderSources.stateHelp')}
                </Text>
              </Stack>
            </Paper>
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

export function OrderSourcePage() {
  const { t } = useTranslation();
  const { sourceId } = route.useParams();
  const access = useAdminAccess();
  const source = useQuery(sourceQuery(sourceId));
  return (
    <AdminPage
      title={source.data?.name ?? t('admin.orderSources.one')}
      intro={source.data ? t(`admin.orderSources.kinds.${source.data.kind as ConnectedKind}`) : undefined}
      readOnly={!access.manage}
    >
      <Group justify="space-between">
        <RouterAnchor to="/admin/order-sources" size="sm">
          {t('admin.orderSources.back')}
        </RouterAnchor>
        {source.data && <AccountStateBadge state={source.data.state} />}
      </Group>
      <QueryState query={source} loading={t('admin.orderSources.loadingOne')} failed={t('admin.orderSources.loadOneFailed')}>
        {(s) => <SourceEditor key={`${s.id}:${s.updatedAt}`} source={s} />}
      </QueryState>
    </AdminPage>
  );
}
