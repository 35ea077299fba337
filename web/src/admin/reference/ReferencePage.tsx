// Contact reasons and after-sales steps: the lists cases are sorted by and the tracking page
// follows, with their French and English labels and their order. Keys are for integrations and
// never change; an item is retired by deactivating it (cases keep it). Turning one on or off
// shows at once and is undone if the server refuses.
import { Button, Checkbox, NumberInput, SimpleGrid, Switch, Table, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createReferenceBody, updateReferenceBody } from '../../../../src/modules/cases/reference.contract.ts';
import type { ReferenceItem } from '../../api/contracts.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { useAdminAccess } from '../admin-access.ts';
import { reasons, steps, type Resource } from '../admin.api.ts';
import { AdminPage } from '../ui/AdminPage.tsx';
import { AdminTable } from '../ui/AdminTable.tsx';
import { FormModal } from '../ui/FormModal.tsx';
import { EmptyState, QueryState } from '../ui/QueryState.tsx';
import { RowActions } from '../ui/RowActions.tsx';
import { useEditing } from '../ui/useEditing.ts';
import { useSchemaForm } from '../ui/useSchemaForm.ts';

type Kind = 'reasons' | 'steps';

function ReferenceForm({ kind, resource, item, onClose }: { kind: Kind; resource: Resource<ReferenceItem>; item: ReferenceItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const initial = { key: item?.key ?? '', labelFr: item?.labelFr ?? '', labelEn: item?.labelEn ?? '', position: item?.position ?? (100 as number | string), active: item?.active ?? true, final: item?.final ?? false };
  const form = useSchemaForm({
    initial,
    ...(item ? { changesFrom: initial, onUnchanged: onClose } : {}),
    schema: item ? updateReferenceBody : createReferenceBody,
    toBody: (v) => ({
      ...(item ? {} : { key: v.key.trim() }),
      labelFr: v.labelFr,
      labelEn: v.labelEn,
      position: v.position === '' ? undefined : Number(v.position),
      active: v.active,
      ...(kind === 'steps' ? { final: v.final } : {}),
    }),
    send: (body) => (item ? resource.update(item.id, body) : resource.create(body)),
    invalidates: [resource.key],
    onSaved: onClose,
    hints: { key: t('admin.validation.key') },
  });
  const { values, set, errors } = form;
  return (
    <FormModal opened title={item ? t('admin.form.editNamed', { name: item.labelFr }) : t(`admin.reference.${kind}.create`)} onClose={onClose} onSubmit={form.onSubmit} formRef={form.formRef} saving={form.saving} error={form.error} isNew={!item}>
      <TextInput label={t('admin.reference.fields.key')} description={item ? t('admin.reference.keyFixed') : t('admin.reference.keyHelp')} value={values.key} onChange={(e) => set('key', e.currentTarget.value)} error={errors.key} disabled={!!item} required />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('admin.reference.fields.labelFr')} value={values.labelFr} onChange={(e) => set('labelFr', e.currentTarget.value)} error={errors.labelFr} lang="fr" required />
        <TextInput label={t('admin.reference.fields.labelEn')} value={values.labelEn} onChange={(e) => set('labelEn', e.currentTarget.value)} error={errors.labelEn} lang="en" required />
      </SimpleGrid>
      <NumberInput label={t('admin.reference.fields.position')} description={t('admin.reference.positionHelp')} value={values.position} onChange={(v) => set('position', v)} error={errors.position} min={0} max={10_000} allowDecimal={false} w={200} />
      <Switch label={t('admin.form.activeLabel')} checked={values.active} onChange={(e) => set('active', e.currentTarget.checked)} />
      {kind === 'steps' && <Checkbox label={t('admin.reference.fields.final')} description={t('admin.reference.finalHelp')} checked={values.final} onChange={(e) => set('final', e.currentTarget.checked)} />}
    </FormModal>
  );
}

function ReferenceScreen({ kind, resource }: { kind: Kind; resource: Resource<ReferenceItem> }) {
  const { t } = useTranslation();
  const access = useAdminAccess();
  const queryClient = useQueryClient();
  const list = useQuery(resource.list);
  const ui = useEditing<ReferenceItem>();
  const toggle = useMutation({
    mutationFn: (item: ReferenceItem) => resource.update(item.id, { active: !item.active }),
    onMutate: async (item) => {
      await queryClient.cancelQueries({ queryKey: resource.key });
      const before = queryClient.getQueryData<ReferenceItem[]>(resource.key);
      queryClient.setQueryData<ReferenceItem[]>(resource.key, (old) => old?.map((i) => (i.id === item.id ? { ...i, active: !item.active } : i)));
      return { before };
    },
    onError: (_e, _item, context) => queryClient.setQueryData(resource.key, context?.before),
    onSettled: () => queryClient.invalidateQueries({ queryKey: resource.key }),
  });
  const columns = [t('admin.reference.fields.position'), t('admin.reference.fields.key'), t('admin.reference.fields.labelFr'), t('admin.reference.fields.labelEn'), ...(kind === 'steps' ? [t('admin.reference.fields.final')] : []), t('admin.form.activeLabel'), t('admin.table.actions')];

  return (
    <AdminPage title={t(`admin.reference.${kind}.title`)} intro={t(`admin.reference.${kind}.intro`)} readOnly={!access.manage} actions={<Button onClick={ui.create}>{t(`admin.reference.${kind}.create`)}</Button>}>
      {toggle.isError && <ProblemAlert error={toggle.error} title={t('admin.reference.toggleFailed')} />}
      <QueryState query={list} loading={t('admin.reference.loading')} failed={t('admin.reference.loadFailed')}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState title={t('admin.reference.empty')} />
          ) : (
            <AdminTable caption={t(`admin.reference.${kind}.title`)} columns={columns} minWidth={720}>
              {items.map((item) => (
                <Table.Tr key={item.id} data-key={item.key}>
                  <Table.Td>{item.position}</Table.Td>
                  <Table.Td>
                    <code>{item.key}</code>
                  </Table.Td>
                  <Table.Td lang="fr">{item.labelFr}</Table.Td>
                  <Table.Td lang="en">{item.labelEn}</Table.Td>
                  {kind === 'steps' && <Table.Td>{item.final ? t('admin.reference.finalYes') : ''}</Table.Td>}
                  <Table.Td>
                    <Switch checked={item.active} onChange={() => toggle.mutate(item)} disabled={!access.manage} aria-label={t('admin.reference.activeNamed', { name: item.labelFr })} />
                  </Table.Td>
                  <Table.Td>{access.manage && <RowActions name={item.labelFr} onEdit={() => ui.edit(item)} />}</Table.Td>
                </Table.Tr>
              ))}
            </AdminTable>
          )
        }
      </QueryState>
      {ui.editing && <ReferenceForm kind={kind} resource={resource} item={ui.editing.item} onClose={ui.close} />}
    </AdminPage>
  );
}

export function ReasonsPage() {
  return <ReferenceScreen kind="reasons" resource={reasons} />;
}

export function StepsPage() {
  return <ReferenceScreen kind="steps" resource={steps} />;
}
