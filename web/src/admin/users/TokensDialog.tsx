// A user's API tokens: which exist (name, first characters, when made, last used, expiry),
// a new one — shown once, with a copy button, since only its digest is kept — and revoking.
import { Alert, Button, Code, CopyButton, Group, Modal, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createTokenBody } from '../../../../src/modules/access/access.contract.ts';
import type { User } from '../../api/contracts.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { RelativeTime } from '../../ui/RelativeTime.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { ToneBadge } from '../ui/ToneBadge.tsx';
import { useSchemaForm } from '../ui/useSchemaForm.ts';
import { createToken, revokeToken, tokensQuery, userKeys, type ApiToken, type CreatedToken } from './users.api.ts';

function NewToken({ created }: { created: CreatedToken }) {
  const { t } = useTranslation();
  return (
    <Alert color="indigo" variant="light" title={t('admin.tokens.createdTitle', { name: created.name })} role="status">
      <Stack gap="xs">
        <Text size="sm">{t('admin.tokens.createdBody')}</Text>
        <Group gap="xs" wrap="nowrap">
          <Code style={{ wordBreak: 'break-all' }} data-testid="new-token">
            {created.token}
          </Code>
          <CopyButton value={created.token}>
            {({ copied, copy }) => (
              <Button size="xs" variant={copied ? 'filled' : 'outline'} onClick={copy}>
                {copied ? t('admin.tokens.copied') : t('admin.tokens.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}

export function TokensDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const tokens = useQuery(tokensQuery(user.id));
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const form = useSchemaForm({
    initial: { name: '', days: '' as number | string },
    schema: createTokenBody,
    toBody: (v) => ({ name: v.name, userId: user.id, ...(v.days === '' ? {} : { expiresInDays: Number(v.days) }) }),
    send: createToken,
    invalidates: [userKeys.tokens(user.id)],
    onSaved: (token) => {
      setCreated(token);
      form.setValues({ name: '', days: '' });
    },
  });

  return (
    <Modal opened onClose={onClose} title={t('admin.tokens.title', { name: user.name })} size="xl" closeButtonProps={{ 'aria-label': t('admin.form.close') }}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('admin.tokens.intro')}
        </Text>
        {created && <NewToken created={created} />}
        <QueryState query={tokens} loading={t('admin.tokens.loading')} failed={t('admin.tokens.loadFailed')}>
          {(items) =>
            items.length === 0 ? (
              <Text size="sm">{t('admin.tokens.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table>
                  <caption style={{ captionSide: 'top', textAlign: 'start' }}>{t('admin.tokens.caption')}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      {['name', 'prefix', 'created', 'lastUsed', 'expires', 'actions'].map((c) => (
                        <Table.Th key={c} scope="col">
                          {t(`admin.tokens.columns.${c}` as 'admin.tokens.columns.name')}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((token) => (
                      <Table.Tr key={token.id}>
                        <Table.Td>{token.name}</Table.Td>
                        <Table.Td>
                          <Code>{token.prefix}…</Code>
                        </Table.Td>
                        <Table.Td>
                          <RelativeTime iso={token.createdAt} />
                        </Table.Td>
                        <Table.Td>{token.lastUsedAt ? <RelativeTime iso={token.lastUsedAt} /> : t('admin.tokens.never')}</Table.Td>
                        <Table.Td>{token.expiresAt ? <RelativeTime iso={token.expiresAt} /> : t('admin.tokens.noExpiry')}</Table.Td>
                        <Table.Td>
                          {token.revokedAt ? (
                            <ToneBadge tone="neutral">{t('admin.tokens.revoked')}</ToneBadge>
                          ) : (
                            <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(token)} aria-label={t('admin.tokens.revokeNamed', { name: token.name })}>
                              {t('admin.tokens.revoke')}
                            </Button>
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
        <form onSubmit={form.onSubmit} noValidate ref={form.formRef} aria-labelledby="new-token-title">
          <Stack gap="xs">
            <Title order={2} size="h5" id="new-token-title">
              {t('admin.tokens.new')}
            </Title>
            {form.error ? <ProblemAlert error={form.error} title={t('admin.tokens.createFailed')} /> : null}
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput label={t('admin.tokens.fields.name')} description={t('admin.tokens.nameHint')} value={form.values.name} onChange={(e) => form.set('name', e.currentTarget.value)} error={form.errors.name} />
              <NumberInput
                label={t('admin.tokens.fields.days')}
                description={t('admin.tokens.daysHint')}
                value={form.values.days}
                onChange={(v) => form.set('days', v)}
                error={form.errors.expiresInDays}
                min={1}
                max={3650}
                allowDecimal={false}
              />
            </Group>
            <Group>
              <Button type="submit" loading={form.saving}>
                {t('admin.tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
      {revoking && (
        <ConfirmDialog
          opened
          title={t('admin.tokens.revokeTitle', { name: revoking.name })}
          message={t('admin.tokens.revokeBody')}
          confirmLabel={t('admin.tokens.revoke')}
          onConfirm={() => revokeToken(revoking.id)}
          invalidates={[userKeys.tokens(user.id)]}
          onDone={() => setRevoking(null)}
          onClose={() => setRevoking(null)}
        />
      )}
    </Modal>
  );
}
