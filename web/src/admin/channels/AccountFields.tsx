// The fields of a channel account: what every account has (name, address, where its cases
// go: brand, store, team) and what its connector needs. Secrets are write-only: the field is
// empty, says whether one is saved, and an empty field keeps it.
import { Button, CopyButton, Fieldset, Group, NativeSelect, NumberInput, PasswordInput, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { referenceQueries } from '../../reference/reference.api.ts';
import { brands, stores, type ChannelAccount } from '../admin.api.ts';
import type { FieldErrors } from '../ui/form-errors.ts';
import { accountChannelKey, accountChannels, newWebhookSecret, type AccountChannel, type AccountValues } from './account-draft.ts';
import { MetaAccountFields } from './MetaAccountFields.tsx';

interface AccountFieldsProps {
  values: AccountValues;
  set: <K extends keyof AccountValues>(key: K, value: AccountValues[K]) => void;
  errors: FieldErrors;
  existing: ChannelAccount | null;
  readOnly?: boolean;
}

export function AccountFields({ values, set, errors, existing, readOnly = false }: AccountFieldsProps) {
  const { t } = useTranslation();
  const brandList = useQuery(brands.list);
  const storeList = useQuery(stores.list);
  const teamList = useQuery(referenceQueries.teams);
  const saved = (secret: string) => existing?.secretsSet.includes(secret) ?? false;
  const secretHelp = (secret: string) => (saved(secret) ? t('admin.channels.secretSaved') : t('admin.channels.secretNone'));
  const text = (key: 'name' | 'address' | 'imapHost' | 'imapUser' | 'imapFolder', error: string | undefined, extra: { description?: string; required?: boolean } = {}) => (
    <TextInput label={t(`admin.channels.fields.${key}`)} value={values[key]} onChange={(e) => set(key, e.currentTarget.value)} error={error} disabled={readOnly} {...extra} />
  );

  return (
    <Stack gap="sm">
      {!existing && (
        <NativeSelect
          label={t('admin.channels.fields.channel')}
          value={values.channel}
          onChange={(e) => set('channel', e.currentTarget.value as AccountChannel)}
          data={accountChannels.map((c) => ({ value: c, label: t(accountChannelKey(c)) }))}
          error={errors.channel}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {text('name', errors.name, { required: true })}
        {text('address', errors.address, { required: true, description: t(`admin.channels.addressHelp.${values.channel}`) })}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect label={t('admin.channels.fields.brand')} value={values.brandId} onChange={(e) => set('brandId', e.currentTarget.value)} data={[{ value: '', label: t('admin.channels.onlyBrand') }, ...(brandList.data ?? []).map((b) => ({ value: b.id, label: b.name }))]} error={errors.brandId} disabled={readOnly} />
        <NativeSelect label={t('admin.channels.fields.store')} value={values.storeId} onChange={(e) => set('storeId', e.currentTarget.value)} data={[{ value: '', label: t('admin.form.none') }, ...(storeList.data ?? []).map((s) => ({ value: s.id, label: s.name }))]} error={errors.storeId} disabled={readOnly} />
        <NativeSelect label={t('admin.channels.fields.team')} value={values.teamId} onChange={(e) => set('teamId', e.currentTarget.value)} data={[{ value: '', label: t('admin.form.none') }, ...(teamList.data ?? []).map((team) => ({ value: team.id, label: team.name }))]} error={errors.teamId} disabled={readOnly} />
      </SimpleGrid>

      {values.channel === 'email' && (
        <Fieldset legend={t('admin.channels.imap.title')} disabled={readOnly}>
          <Stack gap="xs">
            <Switch label={t('admin.channels.imap.enabled')} description={t('admin.channels.imap.help')} checked={values.imap} onChange={(e) => set('imap', e.currentTarget.checked)} />
            {values.imap && (
              <>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  {text('imapHost', errors['settings.imap.host'], { required: true })}
                  <NumberInput label={t('admin.channels.fields.imapPort')} value={values.imapPort} onChange={(v) => set('imapPort', v)} error={errors['settings.imap.port']} min={1} max={65535} allowDecimal={false} />
                  {text('imapFolder', errors['settings.imap.folder'])}
                </SimpleGrid>
                <Switch label={t('admin.channels.fields.imapSecure')} checked={values.imapSecure} onChange={(e) => set('imapSecure', e.currentTarget.checked)} />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  {text('imapUser', errors['settings.imap.user'], { required: true })}
                  <PasswordInput
                    label={t('admin.channels.fields.imapPassword')}
                    description={secretHelp('imapPassword')}
                    value={values.imapPassword}
                    onChange={(e) => set('imapPassword', e.currentTarget.value)}
                    error={errors['secrets.imapPassword']}
                    autoComplete="new-password"
                  />
                </SimpleGrid>
              </>
            )}
          </Stack>
        </Fieldset>
      )}

      {values.channel === 'chat' && (
        <Fieldset legend={t('admin.channels.chat.title')} disabled={readOnly}>
          <Stack gap="xs">
            <Textarea
              label={t('admin.channels.fields.allowedOrigins')}
              description={t('admin.channels.chat.originsHelp')}
              value={values.allowedOrigins}
              onChange={(e) => set('allowedOrigins', e.currentTarget.value)}
              error={Object.entries(errors).find(([field]) => field.startsWith('settings.allowedOrigins'))?.[1]}
              autosize
              minRows={2}
              required
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('admin.channels.fields.greetingFr')} value={values.greetingFr} onChange={(e) => set('greetingFr', e.currentTarget.value)} error={errors['settings.greeting.fr']} lang="fr" />
              <TextInput label={t('admin.channels.fields.greetingEn')} value={values.greetingEn} onChange={(e) => set('greetingEn', e.currentTarget.value)} error={errors['settings.greeting.en']} lang="en" />
            </SimpleGrid>
          </Stack>
        </Fieldset>
      )}

      {values.channel === 'phone' && (
        <Fieldset legend={t('admin.channels.phone.title')} disabled={readOnly}>
          <Group align="flex-end" gap="sm">
            {/* Shown in clear while it is typed or generated: it must be copied to the telephony system. */}
            <TextInput
              label={t('admin.channels.fields.webhookSecret')}
              description={existing ? secretHelp('webhookSecret') : t('admin.channels.phone.secretHelp')}
              value={values.webhookSecret}
              onChange={(e) => set('webhookSecret', e.currentTarget.value)}
              error={errors['secrets.webhookSecret']}
              autoComplete="off"
              spellCheck={false}
              style={{ flex: 1 }}
              required={!existing}
            />
            <Button variant="default" onClick={() => set('webhookSecret', newWebhookSecret())}>
              {t('admin.channels.phone.generate')}
            </Button>
            {values.webhookSecret && (
              <CopyButton value={values.webhookSecret}>
                {({ copied, copy }) => (
                  <Button variant="default" onClick={copy}>
                    {copied ? t('admin.tokens.copied') : t('admin.tokens.copy')}
                  </Button>
                )}
              </CopyButton>
            )}
          </Group>
        </Fieldset>
      )}

      {values.channel === 'sms' && <Fieldset legend={t('admin.channels.sms.title')}>{t('admin.channels.sms.help')}</Fieldset>}

      {values.channel === 'meta' && <MetaAccountFields values={values} set={set} errors={errors} existing={existing} readOnly={readOnly} />}
    </Stack>
  );
}
