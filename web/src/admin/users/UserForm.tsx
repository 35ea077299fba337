// Creating or changing a user: name, e-mail, role, language, password, and the brands and
// stores they are limited to (none chosen: all). Nobody changes their own role, scope or
// activation (the API refuses it), so those fields are locked on one's own account.
import { MultiSelect, NativeSelect, PasswordInput, Switch, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createUserBody, roles, updateUserBody } from '../../../../src/modules/access/access.contract.ts';
import type { User } from '../../api/contracts.ts';
import { brands, stores } from '../admin.api.ts';
import { FormModal } from '../ui/FormModal.tsx';
import { useSchemaForm } from '../ui/useSchemaForm.ts';
import { createUser, updateUser, userChanged } from './users.api.ts';

type Role = (typeof roles)[number];

interface UserValues {
  email: string;
  name: string;
  role: Role;
  password: string;
  language: 'fr' | 'en';
  active: boolean;
  brandIds: string[];
  storeIds: string[];
}

const valuesOf = (u: User | null): UserValues => ({
  email: u?.email ?? '',
  name: u?.name ?? '',
  role: u?.role ?? 'agent',
  password: '',
  language: u?.language ?? 'fr',
  active: u?.active ?? true,
  brandIds: u?.brandIds ?? [],
  storeIds: u?.storeIds ?? [],
});

interface UserFormProps {
  user: User | null;
  selfId: string | undefined;
  onClose: () => void;
}

export function UserForm({ user, selfId, onClose }: UserFormProps) {
  const { t } = useTranslation();
  const self = !!user && user.id === selfId;
  const brandList = useQuery(brands.list);
  const storeList = useQuery(stores.list);
  const initial = valuesOf(user);
  const form = useSchemaForm({
    initial,
    ...(user ? { changesFrom: initial, onUnchanged: onClose } : {}),
    schema: user ? updateUserBody : createUserBody,
    toBody: (v: UserValues) => {
      const password = v.password ? { password: v.password } : {};
      if (!user) return { email: v.email.trim(), name: v.name, role: v.role, language: v.language, active: v.active, brandIds: v.brandIds, storeIds: v.storeIds, password: v.password };
      if (self) return { name: v.name, language: v.language, ...password };
      return { name: v.name, role: v.role, language: v.language, active: v.active, brandIds: v.brandIds, storeIds: v.storeIds, ...password };
    },
    send: (body) => (user ? updateUser(user.id, body) : createUser(body as Parameters<typeof createUser>[0])),
    invalidates: userChanged,
    onSaved: onClose,
  });
  const { values, set, errors } = form;
  const brandName = new Map((brandList.data ?? []).map((b) => [b.id, b.name]));
  const storeGroups = [...new Set((storeList.data ?? []).map((s) => s.brandId))].map((brandId) => ({
    group: brandName.get(brandId) ?? brandId,
    items: (storeList.data ?? []).filter((s) => s.brandId === brandId).map((s) => ({ value: s.id, label: `${s.name} (${s.code})` })),
  }));

  return (
    <FormModal
      opened
      title={user ? t('admin.form.editNamed', { name: user.name }) : t('admin.users.create')}
      onClose={onClose}
      onSubmit={form.onSubmit}
      formRef={form.formRef}
      saving={form.saving}
      error={form.error}
      isNew={!user}
    >
      <TextInput label={t('admin.users.fields.name')} value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} required />
      <TextInput
        label={t('admin.users.fields.email')}
        type="email"
        value={values.email}
        onChange={(e) => set('email', e.currentTarget.value)}
        error={errors.email}
        disabled={!!user}
        description={user ? t('admin.users.emailFixed') : undefined}
        required
      />
      <NativeSelect
        label={t('admin.users.fields.role')}
        description={t(`admin.users.roleHelp.${values.role}`)}
        value={values.role}
        onChange={(e) => set('role', e.currentTarget.value as Role)}
        data={roles.map((r) => ({ value: r, label: t(`admin.users.roles.${r}`) }))}
        error={errors.role}
        disabled={self}
      />
      <NativeSelect
        label={t('admin.users.fields.language')}
        value={values.language}
        onChange={(e) => set('language', e.currentTarget.value as 'fr' | 'en')}
        data={[
          { value: 'fr', label: 'Français' },
          { value: 'en', label: 'English' },
        ]}
        error={errors.language}
      />
      <PasswordInput
        label={t('admin.users.fields.password')}
        description={user ? t('admin.users.passwordKeep') : t('admin.users.passwordRule')}
        value={values.password}
        onChange={(e) => set('password', e.currentTarget.value)}
        error={errors.password}
        autoComplete="new-password"
        required={!user}
      />
      <MultiSelect
        label={t('admin.users.fields.brands')}
        description={t('admin.users.scopeHelp')}
        data={(brandList.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
        value={values.brandIds}
        onChange={(v) => set('brandIds', v)}
        error={errors.brandIds}
        disabled={self}
        searchable
        clearable
      />
      <MultiSelect
        label={t('admin.users.fields.stores')}
        description={t('admin.users.storesHelp')}
        data={storeGroups}
        value={values.storeIds}
        onChange={(v) => set('storeIds', v)}
        error={errors.storeIds}
        disabled={self}
        searchable
        clearable
      />
      <Switch label={t('admin.users.fields.active')} checked={values.active} onChange={(e) => set('active', e.currentTarget.checked)} disabled={self} />
      {self && (
        <Text size="sm" c="dimmed">
          {t('admin.users.selfLocked')}
        </Text>
      )}
    </FormModal>
  );
}
