// Creating or changing a store (or an e-shop, marketplace, dealer, warehouse): its brand, code,
// kind, address, country and region (they decide its public holidays), time zone, contacts,
// and the calendar its cases are promised in.
import { Group, NativeSelect, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createStoreBody, storeKinds, updateStoreBody } from '../../../../src/modules/org/org.contract.ts';
import { brands, calendars, stores, type Store } from '../admin.api.ts';
import { timeZones } from '../calendars/time-zones.ts';
import { FormModal } from '../ui/FormModal.tsx';
import { useSchemaForm } from '../ui/useSchemaForm.ts';

type Kind = (typeof storeKinds)[number];

const text = (v: string | null | undefined) => v ?? '';
/** An empty optional field is sent as null ("none"), never as an empty string. */
const orNull = (v: string) => (v.trim() ? v.trim() : null);

function valuesOf(s: Store | null, brandId: string) {
  return {
    brandId: s?.brandId ?? brandId,
    code: text(s?.code),
    name: text(s?.name),
    kind: (s?.kind ?? 'store') as Kind,
    addressLine1: text(s?.addressLine1),
    addressLine2: text(s?.addressLine2),
    postalCode: text(s?.postalCode),
    city: text(s?.city),
    country: s?.country ?? 'FR',
    region: text(s?.region),
    timezone: s?.timezone ?? 'Europe/Paris',
    phone: text(s?.phone),
    email: text(s?.email),
    calendarId: text(s?.calendarId),
    active: s?.active ?? true,
  };
}
type StoreValues = ReturnType<typeof valuesOf>;

export function StoreForm({ store, onClose }: { store: Store | null; onClose: () => void }) {
  const { t } = useTranslation();
  const brandList = useQuery(brands.list);
  const calendarList = useQuery(calendars.list);
  const initial = valuesOf(store, brandList.data?.[0]?.id ?? '');
  const form = useSchemaForm({
    initial,
    ...(store ? { changesFrom: initial, onUnchanged: onClose } : {}),
    schema: store ? updateStoreBody : createStoreBody,
    toBody: (v: StoreValues) => {
      const fields = {
        code: v.code.trim(),
        name: v.name,
        kind: v.kind,
        addressLine1: orNull(v.addressLine1),
        addressLine2: orNull(v.addressLine2),
        postalCode: orNull(v.postalCode),
        city: orNull(v.city),
        country: v.country.trim().toUpperCase(),
        region: orNull(v.region),
        timezone: v.timezone,
        phone: orNull(v.phone),
        email: orNull(v.email),
        calendarId: v.calendarId || null,
        active: v.active,
      };
      return store ? fields : { brandId: v.brandId, ...fields };
    },
    send: (body) => (store ? stores.update(store.id, body) : stores.create(body)),
    invalidates: [stores.key],
    onSaved: onClose,
    hints: { code: t('admin.stores.codeRule'), country: t('admin.stores.countryRule'), region: t('admin.stores.regionRule'), timezone: t('admin.validation.timezone') },
  });
  const { values, set, errors } = form;
  const field = (key: keyof StoreValues & string, extra: { required?: boolean; description?: string; type?: string } = {}) => (
    <TextInput label={t(`admin.stores.fields.${key}` as 'admin.stores.fields.name')} value={String(values[key])} onChange={(e) => set(key, e.currentTarget.value as never)} error={errors[key]} {...extra} />
  );

  return (
    <FormModal opened title={store ? t('admin.form.editNamed', { name: store.name }) : t('admin.stores.create')} onClose={onClose} onSubmit={form.onSubmit} formRef={form.formRef} saving={form.saving} error={form.error} isNew={!store} size="xl">
      {!store && (
        <NativeSelect
          label={t('admin.stores.fields.brand')}
          value={values.brandId}
          onChange={(e) => set('brandId', e.currentTarget.value)}
          data={[{ value: '', label: t('admin.stores.chooseBrand') }, ...(brandList.data ?? []).map((b) => ({ value: b.id, label: b.name }))]}
          error={errors.brandId}
          required
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {field('name', { required: true })}
        {field('code', { required: true, description: t('admin.stores.codeHelp') })}
      </SimpleGrid>
      <NativeSelect label={t('admin.stores.fields.kind')} value={values.kind} onChange={(e) => set('kind', e.currentTarget.value as Kind)} data={storeKinds.map((k) => ({ value: k, label: t(`admin.stores.kinds.${k}`) }))} error={errors.kind} />
      {field('addressLine1')}
      {field('addressLine2')}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {field('postalCode')}
        {field('city')}
        {field('country', { required: true, description: t('admin.stores.countryHelp') })}
        {field('region', { description: t('admin.stores.regionHelp') })}
      </SimpleGrid>
      <Select
        label={t('admin.stores.fields.timezone')}
        data={timeZones()}
        value={values.timezone}
        onChange={(v) => set('timezone', v ?? '')}
        error={errors.timezone}
        searchable
        required
        allowDeselect={false}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {field('phone', { type: 'tel' })}
        {field('email', { type: 'email' })}
      </SimpleGrid>
      <NativeSelect
        label={t('admin.stores.fields.calendar')}
        description={t('admin.stores.calendarHelp')}
        value={values.calendarId}
        onChange={(e) => set('calendarId', e.currentTarget.value)}
        data={[{ value: '', label: t('admin.stores.calendarInherit') }, ...(calendarList.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        error={errors.calendarId}
      />
      <Group>
        <Switch label={t('admin.form.activeLabel')} checked={values.active} onChange={(e) => set('active', e.currentTarget.checked)} />
      </Group>
    </FormModal>
  );
}
