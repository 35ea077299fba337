// The fields of an order source: what every shop has (name, brand, store, sales channel) and
// what its kind needs to be reached. Secrets are write-only: the field is empty, says whether
// one is saved, and an empty field keeps it.
import { Fieldset, NativeSelect, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { brands, stores } from '../admin.api.ts';
import type { FieldErrors } from '../ui/form-errors.ts';
import type { OrderSource } from './order-sources.api.ts';
import { connectedKinds, secretNames, type ConnectedKind, type SourceValues } from './source-draft.ts';

interface SourceFieldsProps {
  values: SourceValues;
  set: <K extends keyof SourceValues>(key: K, value: SourceValues[K]) => void;
  errors: FieldErrors;
  existing: OrderSource | null;
  readOnly?: boolean;
}

type TextKey = 'name' | 'shopDomain' | 'apiVersion' | 'siteUrl' | 'shopUrl' | 'since' | 'timeZone';

export function SourceFields({ values, set, errors, existing, readOnly = false }: SourceFieldsProps) {
  const { t } = useTranslation();
  const brandList = useQuery(brands.list);
  const storeList = useQuery(stores.list);
  const text = (key: TextKey, error: string | undefined, extra: { description?: string; required?: boolean; placeholder?: string; type?: string } = {}) => (
    <TextInput label={t(`admin.orderSources.fields.${key}`)} value={values[key]} onChange={(e) => set(key, e.currentTarget.value)} error={error} disabled={readOnly} {...extra} />
  );
  const saved = (secret: string) => existing?.secretsSet.includes(secret) ?? false;

  return (
    <Stack gap="sm">
      {!existing && (
        <NativeSelect
          label={t('admin.orderSources.fields.kind')}
          value={values.kind}
          onChange={(e) => set('kind', e.currentTarget.value as ConnectedKind)}
          data={connectedKinds.map((k) => ({ value: k, label: t(`admin.orderSources.kinds.${k}`) }))}
          error={errors.kind}
        />
      )}
      {text('name', errors.name, { required: true })}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect label={t('admin.orderSources.fields.brand')} value={values.brandId} onChange={(e) => set('brandId', e.currentTarget.value)} data={[{ value: '', label: t('admin.form.none') }, ...(brandList.data ?? []).map((b) => ({ value: b.id, label: b.name }))]} error={errors.brandId} disabled={readOnly} />
        <NativeSelect label={t('admin.orderSources.fields.store')} value={values.storeId} onChange={(e) => set('storeId', e.currentTarget.value)} data={[{ value: '', label: t('admin.form.none') }, ...(storeList.data ?? []).map((s) => ({ value: s.id, label: s.name }))]} error={errors.storeId} disabled={readOnly} />
        <NativeSelect
          label={t('admin.orderSources.fields.salesChannel')}
          value={values.salesChannel}
          onChange={(e) => set('salesChannel', e.currentTarget.value as SourceValues['salesChannel'])}
          data={(['online', 'store', 'marketplace'] as const).map((c) => ({ value: c, label: t(`admin.orderSources.salesChannels.${c}`) }))}
          error={errors.salesChannel}
          disabled={readOnly}
        />
      </SimpleGrid>

      <Fieldset legend={t(`admin.orderSources.kinds.${values.kind}`)} disabled={readOnly}>
        <Stack gap="xs">
          {values.kind === 'shopify' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {text('shopDomain', errors['settings.shopDomain'], { required: true, placeholder: 'garden-world.myshopify.com' })}
              {text('apiVersion', errors['settings.apiVersion'], { description: t('admin.orderSources.help.apiVersion') })}
            </SimpleGrid>
          )}
          {values.kind === 'woocommerce' && text('siteUrl', errors['settings.siteUrl'], { placeholder: 'https://boutique.example.fr' })}
          {values.kind === 'prestashop' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {text('shopUrl', errors['settings.shopUrl'], { required: true, placeholder: 'https://boutique.example.fr', description: t('admin.orderSources.help.shopUrl') })}
              {text('since', errors['settings.since'], { type: 'date', description: t('admin.orderSources.help.since') })}
            </SimpleGrid>
          )}
          {text('timeZone', errors['settings.timeZone'], { placeholder: 'Europe/Paris', description: t('admin.orderSources.help.timeZone') })}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {secretNames[values.kind].map((name) => (
              <PasswordInput
                key={name}
                label={t(`admin.orderSources.secrets.${name}` as 'admin.orderSources.secrets.webhookSecret')}
                description={[t(`admin.orderSources.secretHelp.${values.kind}.${name}` as 'admin.orderSources.secretHelp.shopify.webhookSecret'), existing ? (saved(name) ? t('admin.channels.secretSaved') : t('admin.channels.secretNone')) : null].filter(Boolean).join(' ')}
                value={values.secrets[name] ?? ''}
                onChange={(e) => set('secrets', { ...values.secrets, [name]: e.currentTarget.value })}
                error={errors[`secrets.${name}`]}
                autoComplete="new-password"
                required={!existing && name !== 'accessToken'}
              />
            ))}
          </SimpleGrid>
        </Stack>
      </Fieldset>
    </Stack>
  );
}
