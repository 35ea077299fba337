// Brands: the companies whose after-sales service runs here. Each case, store and user scope
// belongs to one. Admins create, rename, deactivate, and delete an unused brand.
import { Button, Switch, Table, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createBrandBody, updateBrandBody } from '../../../../src/modules/org/org.contract.ts';
import { useAdminAccess } from '../admin-access.ts';
import { brands, type Brand } from '../admin.api.ts';
import { ActiveBadge } from '../ui/ActiveBadge.tsx';
import { AdminPage } from '../ui/AdminPage.tsx';
import { AdminTable } from '../ui/AdminTable.tsx';
import { DeleteDialog } from '../ui/ConfirmDialog.tsx';
import { FormModal } from '../ui/FormModal.tsx';
import { EmptyState, QueryState } from '../ui/QueryState.tsx';
import { RowActions } from '../ui/RowActions.tsx';
import { useEditing } from '../ui/useEditing.ts';
import { useSchemaForm } from '../ui/useSchemaForm.ts';

function BrandForm({ brand, onClose }: { brand: Brand | null; onClose: () => void }) {
  const { t } = useTranslation();
  const initial = { slug: brand?.slug ?? '', name: brand?.name ?? '', active: brand?.active ?? true };
  const form = useSchemaForm({
    initial,
    ...(brand ? { changesFrom: initial, onUnchanged: onClose } : {}),
    schema: brand ? updateBrandBody : createBrandBody,
    toBody: (v) => ({ slug: v.slug.trim(), name: v.name, active: v.active }),
    send: (body) => (brand ? brands.update(brand.id, body) : brands.create(body)),
    invalidates: [brands.key],
    onSaved: onClose,
    hints: { slug: t('admin.validation.slug') },
  });
  const { values, set, errors } = form;
  return (
    <FormModal opened title={brand ? t('admin.form.editNamed', { name: brand.name }) : t('admin.brands.create')} onClose={onClose} onSubmit={form.onSubmit} formRef={form.formRef} saving={form.saving} error={form.error} isNew={!brand}>
      <TextInput label={t('admin.brands.fields.name')} value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} required />
      <TextInput label={t('admin.brands.fields.slug')} description={t('admin.brands.slugHelp')} value={values.slug} onChange={(e) => set('slug', e.currentTarget.value)} error={errors.slug} required />
      <Switch label={t('admin.form.activeLabel')} checked={values.active} onChange={(e) => set('active', e.currentTarget.checked)} />
    </FormModal>
  );
}

export function BrandsPage() {
  const { t } = useTranslation();
  const access = useAdminAccess();
  const list = useQuery(brands.list);
  const ui = useEditing<Brand>();
  return (
    <AdminPage title={t('admin.brands.title')} intro={t('admin.brands.intro')} readOnly={!access.manage} actions={<Button onClick={ui.create}>{t('admin.brands.create')}</Button>}>
      <QueryState query={list} loading={t('admin.brands.loading')} failed={t('admin.brands.loadFailed')}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState title={t('admin.brands.empty')} body={t('admin.brands.emptyBody')} />
          ) : (
            <AdminTable caption={t('admin.brands.title')} columns={[t('admin.brands.fields.name'), t('admin.brands.fields.slug'), t('admin.table.status'), t('admin.table.actions')]} minWidth={560}>
              {items.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td fw={600}>{b.name}</Table.Td>
                  <Table.Td>{b.slug}</Table.Td>
                  <Table.Td>
                    <ActiveBadge active={b.active} />
                  </Table.Td>
                  <Table.Td>{access.manage && <RowActions name={b.name} onEdit={() => ui.edit(b)} onDelete={() => ui.remove(b)} />}</Table.Td>
                </Table.Tr>
              ))}
            </AdminTable>
          )
        }
      </QueryState>
      {ui.editing && <BrandForm brand={ui.editing.item} onClose={ui.close} />}
      <DeleteDialog item={ui.deleting} name={(b) => b.name} onDelete={(b) => brands.remove(b.id)} invalidates={[brands.key]} onClose={ui.close} />
    </AdminPage>
  );
}
