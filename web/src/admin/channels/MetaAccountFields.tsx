// A Meta account's own fields: the Page, Instagram and WhatsApp ids, the app's secrets
// (write-only; the verify token shown while typed, to be copied into the Meta app), and the
// WhatsApp template catalogue — the approved templates agents may send once the 24-hour window
// has closed — listed, added by hand, removed, or read from Meta.
import { ActionIcon, Badge, Button, CopyButton, Fieldset, Group, NativeSelect, PasswordInput, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSyncDto } from '../../../../src/channels/meta/meta.contract.ts';
import { templateCategories, variablesIn, whatsappTemplate } from '../../../../src/channels/meta/meta.settings.ts';
import { api } from '../../api/http.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { channelAccounts, type ChannelAccount } from '../admin.api.ts';
import type { FieldErrors } from '../ui/form-errors.ts';
import { notifySaved } from '../ui/notify.ts';
import { metaSecretNames, newWebhookSecret, type AccountValues } from './account-draft.ts';

interface Props {
  values: AccountValues;
  set: <K extends keyof AccountValues>(key: K, value: AccountValues[K]) => void;
  errors: FieldErrors;
  existing: ChannelAccount | null;
  readOnly: boolean;
}

const syncTemplates = (id: string) => api<TemplateSyncDto>(`/api/v1/channel-accounts/${encodeURIComponent(id)}/whatsapp-templates/sync`, { method: 'POST' });

function TemplateCatalogue({ values, set, existing, readOnly }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const empty = { name: '', language: 'fr', category: 'UTILITY' as (typeof templateCategories)[number], body: '' };
  const [draft, setDraft] = useState(empty);
  const [draftErrors, setDraftErrors] = useState<Record<string, string>>({});
  const sync = useMutation({
    mutationFn: () => syncTemplates(existing!.id),
    onSuccess: (r) => {
      notifySaved(t('admin.channels.meta.templates.synced', { added: r.added.length, removed: r.removed.length, skipped: r.skipped.length }));
      // The account reloads with its new catalogue (the form starts again from it).
      void queryClient.invalidateQueries({ queryKey: channelAccounts.key });
    },
  });
  const canSync = !!existing?.settings.wabaId && existing.secretsSet.includes('whatsappToken');

  const add = () => {
    const parsed = whatsappTemplate.safeParse({ ...draft, variables: variablesIn(draft.body) });
    const errors: Record<string, string> = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    if (parsed.success && values.templates.some((x) => x.name === parsed.data.name && x.language === parsed.data.language)) errors.name = t('admin.channels.meta.templates.duplicate');
    setDraftErrors(errors);
    if (!parsed.success || Object.keys(errors).length) return;
    set('templates', [...values.templates, parsed.data]);
    setDraft(empty);
  };

  return (
    <Fieldset legend={t('admin.channels.meta.templates.title')} disabled={readOnly}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('admin.channels.meta.templates.help')}
        </Text>
        {values.templates.length === 0 ? (
          <Text size="sm">{t('admin.channels.meta.templates.none')}</Text>
        ) : (
          <Table aria-label={t('admin.channels.meta.templates.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.channels.meta.templates.name')}</Table.Th>
                <Table.Th>{t('admin.channels.meta.templates.body')}</Table.Th>
                <Table.Th>{t('admin.channels.meta.templates.variables')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {values.templates.map((tpl) => (
                <Table.Tr key={`${tpl.name}:${tpl.language}`}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {tpl.name}
                    </Text>
                    <Group gap={4}>
                      <Badge size="xs" variant="light">
                        {tpl.language}
                      </Badge>
                      <Badge size="xs" variant="outline">
                        {t(`admin.channels.meta.templates.categories.${tpl.category}`)}
                      </Badge>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{tpl.body}</Text>
                  </Table.Td>
                  <Table.Td>{tpl.variables}</Table.Td>
                  <Table.Td>
                    {!readOnly && (
                      <ActionIcon variant="subtle" color="red" aria-label={t('admin.channels.meta.templates.remove', { name: tpl.name, language: tpl.language })} onClick={() => set('templates', values.templates.filter((x) => x !== tpl))}>
                        ✕
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {!readOnly && (
          <Stack gap="xs" role="group" aria-label={t('admin.channels.meta.templates.add')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('admin.channels.meta.templates.name')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} error={draftErrors.name} spellCheck={false} />
              <TextInput label={t('admin.channels.meta.templates.language')} value={draft.language} onChange={(e) => setDraft({ ...draft, language: e.currentTarget.value })} error={draftErrors.language} spellCheck={false} />
              <NativeSelect
                label={t('admin.channels.meta.templates.category')}
                value={draft.category}
                onChange={(e) => setDraft({ ...draft, category: e.currentTarget.value as typeof draft.category })}
                data={templateCategories.map((c) => ({ value: c, label: t(`admin.channels.meta.templates.categories.${c}`) }))}
              />
            </SimpleGrid>
            <Textarea
              label={t('admin.channels.meta.templates.body')}
              description={t('admin.channels.meta.templates.bodyHelp', { count: variablesIn(draft.body) })}
              value={draft.body}
              onChange={(e) => setDraft({ ...draft, body: e.currentTarget.value })}
              error={draftErrors.body}
              autosize
              minRows={2}
            />
            <Group>
              <Button variant="default" onClick={add}>
                {t('admin.channels.meta.templates.add')}
              </Button>
              {canSync && (
                <Button variant="light" onClick={() => sync.mutate()} loading={sync.isPending}>
                  {t('admin.channels.meta.templates.sync')}
                </Button>
              )}
            </Group>
            {sync.isError && <ProblemAlert error={sync.error} title={t('admin.channels.meta.templates.syncFailed')} />}
            <Text size="xs" c="dimmed">
              {t('admin.channels.meta.templates.saveHelp')}
            </Text>
          </Stack>
        )}
      </Stack>
    </Fieldset>
  );
}

export function MetaAccountFields(props: Props) {
  const { t } = useTranslation();
  const { values, set, errors, existing, readOnly } = props;
  const id = (key: 'pageId' | 'instagramId' | 'whatsappPhoneNumberId' | 'wabaId' | 'graphVersion', required = false) => (
    <TextInput
      label={t(`admin.channels.meta.fields.${key}`)}
      value={values[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={errors[`settings.${key}`]}
      required={required}
      inputMode={key === 'graphVersion' ? undefined : 'numeric'}
      spellCheck={false}
    />
  );
  const secret = (name: (typeof metaSecretNames)[number]) => {
    const saved = existing?.secretsSet.includes(name) ?? false;
    const field = {
      label: t(`admin.channels.meta.fields.${name}`),
      description: saved ? t('admin.channels.secretSaved') : t(`admin.channels.meta.help.${name}`),
      value: values.metaSecrets[name],
      onChange: (e: ChangeEvent<HTMLInputElement>) => set('metaSecrets', { ...values.metaSecrets, [name]: e.currentTarget.value }),
      error: errors[`secrets.${name}`],
      required: !existing && name !== 'whatsappToken',
      autoComplete: 'off',
    };
    return name === 'verifyToken' ? <TextInput {...field} spellCheck={false} style={{ flex: 1 }} /> : <PasswordInput {...field} autoComplete="new-password" />;
  };

  return (
    <>
      <Fieldset legend={t('admin.channels.meta.title')} disabled={readOnly}>
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('admin.channels.meta.intro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {id('pageId', true)}
            {id('instagramId')}
            {id('whatsappPhoneNumberId')}
            {id('wabaId')}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {secret('appSecret')}
            {secret('pageAccessToken')}
            {secret('whatsappToken')}
            {id('graphVersion')}
          </SimpleGrid>
          {/* Shown in clear while typed or generated: it is copied into the Meta app's webhook settings. */}
          <Group align="flex-end" gap="sm">
            {secret('verifyToken')}
            <Button variant="default" onClick={() => set('metaSecrets', { ...values.metaSecrets, verifyToken: newWebhookSecret() })}>
              {t('admin.channels.phone.generate')}
            </Button>
            {values.metaSecrets.verifyToken && (
              <CopyButton value={values.metaSecrets.verifyToken}>
                {({ copied, copy }) => (
                  <Button variant="default" onClick={copy}>
                    {copied ? t('admin.tokens.copied') : t('admin.tokens.copy')}
                  </Button>
                )}
              </CopyButton>
            )}
          </Group>
        </Stack>
      </Fieldset>
      {(values.whatsappPhoneNumberId.trim() || values.templates.length > 0) && <TemplateCatalogue {...props} />}
    </>
  );
}
