// Stores: every point of sale of a brand — stores, e-shops, marketplaces, dealers,
// warehouses — with where they are (country and region decide the public holidays), their
// time zone and the calendar their cases are promised in. Filtered by brand and kind.
import { Button, Group, NativeSelect, Paper, Table } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { storeKinds } from '../../../../src/modules/org/org.contract.ts';
import { useAdminAccess } from '../admin-access.ts';
import { brands, calendars, filteredList, namesById, stores, type Store } from '../admin.api.ts';
import { ActiveBadge } from '../ui/ActiveBadge.tsx';
import { AdminPage } from '../ui/AdminPage.tsx';
import { AdminTable } from '../ui/AdminTable.tsx';
import { DeleteDialog } from '../ui/ConfirmDialog.tsx';
import { NameCell } from '../ui/NameCell.tsx';
import { EmptyState, QueryState } from '../ui/QueryState.tsx';
import { RowActions } from '../ui/RowActions.tsx';
import { useEditing } from '../ui/useEditing.ts';
import { StoreForm } from './StoreForm.tsx';

export function StoresPage() {
  const { t } = useTranslation();
  const access = useAdminAccess();
  const [brandId, setBrandId] = useState('');
  const [kind, setKind] = useState('');
  const list = useQuery({ ...filteredList(stores, { brandId, kind }), placeholderData: keepPreviousData });
  const brandList = useQuery(brands.list);
  const brandName = namesById(brandList.data, (b) => b.name);
  const calendarName = namesById(useQuery(calendars.list).data, (c) => c.name);
  const ui = useEditing<Store>();

  return (
    <AdminPage title={t('admin.stores.title')} intro={t('admin.stores.intro')} readOnly={!access.manage} actions={<Button onClick={ui.create}>{t('admin.stores.create')}</Button>}>
      <Paper withBorder p="md" role="search" aria-label={t('admin.stores.filters')}>
        <Group gap="sm" wrap="wrap">
          <NativeSelect
            label={t('admin.stores.fields.brand')}
            value={brandId}
            onChange={(e) => setBrandId(e.currentTarget.value)}
            data={[{ value: '', label: t('admin.form.all') }, ...(brandList.data ?? []).map((b) => ({ value: b.id, label: b.name }))]}
          />
          <NativeSelect
            label={t('admin.stores.fields.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value)}
            data={[{ value: '', label: t('admin.form.all') }, ...storeKinds.map((k) => ({ value: k, label: t(`admin.stores.kinds.${k}`) }))]}
          />
        </Group>
      </Paper>
      <QueryState query={list} loading={t('admin.stores.loading')} failed={t('admin.stores.loadFailed')}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState title={t('admin.stores.empty')} body={t('admin.stores.emptyBody')} />
          ) : (
            <AdminTable
              caption={t('admin.stores.title')}
              columns={[t('admin.stores.fields.name'), t('admin.stores.fields.kind'), t('admin.stores.fields.brand'), t('admin.stores.place'), t('admin.stores.fields.timezone'), t('admin.stores.fields.calendar'), t('admin.table.status'), t('admin.table.actions')]}
              minWidth={980}
            >
              {items.map((s) => (
                <Table.Tr key={s.id} data-store-code={s.code}>
                  <NameCell name={s.name} sub={s.code} />
                  <Table.Td>{t(`admin.stores.kinds.${s.kind}`)}</Table.Td>
                  <Table.Td>{brandName(s.brandId) ?? s.brandId}</Table.Td>
                  <Table.Td>{[s.city, s.country, s.region].filter(Boolean).join(' · ')}</Table.Td>
                  <Table.Td>{s.timezone}</Table.Td>
                  <Table.Td>{calendarName(s.calendarId) ?? t('admin.stores.calendarInheritShort')}</Table.Td>
                  <Table.Td>
                    <ActiveBadge active={s.active} />
                  </Table.Td>
                  <Table.Td>{access.manage && <RowActions name={s.name} onEdit={() => ui.edit(s)} onDelete={() => ui.remove(s)} />}</Table.Td>
                </Table.Tr>
              ))}
            </AdminTable>
          )
        }
      </QueryState>
      {ui.editing && <StoreForm store={ui.editing.item} onClose={ui.close} />}
      <DeleteDialog item={ui.deleting} name={(s) => s.name} onDelete={(s) => stores.remove(s.id)} invalidates={[stores.key]} onClose={ui.close} />
    </AdminPage>
  );
}
