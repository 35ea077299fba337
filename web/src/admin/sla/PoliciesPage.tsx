// SLA policies, in the order they are tried: a new case takes the first active policy whose
// conditions hold. Each row says what it applies to and what it promises; admins reorder them
// (shown at once, undone if the server refuses), create, change and delete them.
import { Button, Group, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { referenceLabel, useReferenceNames } from '../../reference/reference.api.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { useAdminAccess } from '../admin-access.ts';
import { brands, calendars, namesById, slaPolicies, stores, type SlaPolicy } from '../admin.api.ts';
import { ActiveBadge } from '../ui/ActiveBadge.tsx';
import { AdminPage } from '../ui/AdminPage.tsx';
import { AdminTable } from '../ui/AdminTable.tsx';
import { DeleteDialog } from '../ui/ConfirmDialog.tsx';
import { EmptyState, QueryState } from '../ui/QueryState.tsx';
import { RowActions } from '../ui/RowActions.tsx';
import { useEditing } from '../ui/useEditing.ts';
import { PolicyForm } from './PolicyForm.tsx';
import { reordered, targetMetrics, targetText } from './policy-draft.ts';

export function PoliciesPage() {
  const { t, i18n } = useTranslation();
  const access = useAdminAccess();
  const queryClient = useQueryClient();
  const list = useQuery(slaPolicies.list);
  const names = useReferenceNames();
  const brandName = namesById(useQuery(brands.list).data, (b) => b.name);
  const storeName = namesById(useQuery(stores.list).data, (s) => s.name);
  const calendarName = namesById(useQuery(calendars.list).data, (c) => c.name);
  const ui = useEditing<SlaPolicy>();

  // Reordering is safe to show before the server answers: it only changes positions, and the
  // previous order comes back if a write is refused.
  const move = useMutation({
    mutationFn: (changes: [string, number][]) => Promise.all(changes.map(([id, position]) => slaPolicies.update(id, { position }))),
    onMutate: async (changes) => {
      await queryClient.cancelQueries({ queryKey: slaPolicies.key });
      const before = queryClient.getQueryData<SlaPolicy[]>(slaPolicies.list.queryKey);
      const position = new Map(changes);
      queryClient.setQueryData<SlaPolicy[]>(slaPolicies.list.queryKey, (old) =>
        (old ?? []).map((p) => ({ ...p, position: position.get(p.id) ?? p.position })).sort((a, b) => a.position - b.position || a.id.localeCompare(b.id)),
      );
      return { before };
    },
    onError: (_error, _changes, context) => queryClient.setQueryData(slaPolicies.list.queryKey, context?.before),
    onSettled: () => queryClient.invalidateQueries({ queryKey: slaPolicies.key }),
  });

  const conditionsOf = (p: SlaPolicy): string => {
    const c = p.conditions;
    const parts = [
      ...(c.priorities ?? []).map((x) => t(`case.priority.${x as 'low'}`)),
      ...(c.channels ?? []).map((x) => t(`case.channel.${x as 'email'}`)),
      ...(c.reasons ?? []).map((key) => {
        const reason = names.reasons.find((r) => r.key === key);
        return reason ? referenceLabel(reason, i18n.language) : key;
      }),
      ...(c.brandIds ?? []).map((id) => brandName(id) ?? id),
      ...(c.storeIds ?? []).map((id) => storeName(id) ?? id),
    ];
    return parts.length ? parts.join(', ') : t('admin.sla.everyCase');
  };

  return (
    <AdminPage title={t('admin.sla.title')} intro={t('admin.sla.intro')} readOnly={!access.manage} actions={<Button onClick={ui.create}>{t('admin.sla.create')}</Button>}>
      {move.isError && <ProblemAlert error={move.error} title={t('admin.sla.moveFailed')} />}
      <QueryState query={list} loading={t('admin.sla.loading')} failed={t('admin.sla.loadFailed')}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState title={t('admin.sla.empty')} body={t('admin.sla.emptyBody')} />
          ) : (
            <AdminTable caption={t('admin.sla.caption')} columns={[t('admin.sla.order'), t('admin.sla.fields.name'), t('admin.sla.conditions.title'), t('admin.sla.targets.title'), t('admin.sla.fields.calendar'), t('admin.table.status'), t('admin.table.actions')]} minWidth={1000}>
              {items.map((p, i) => (
                <Table.Tr key={p.id} data-policy={p.name}>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" fw={600} w={20}>
                        {i + 1}
                      </Text>
                      {access.manage && (
                        <>
                          <Button size="compact-xs" variant="default" disabled={i === 0 || move.isPending} onClick={() => move.mutate(reordered(items, i, i - 1))} aria-label={t('admin.sla.moveUp', { name: p.name })}>
                            ↑
                          </Button>
                          <Button size="compact-xs" variant="default" disabled={i === items.length - 1 || move.isPending} onClick={() => move.mutate(reordered(items, i, i + 1))} aria-label={t('admin.sla.moveDown', { name: p.name })}>
                            ↓
                          </Button>
                        </>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td fw={600}>{p.name}</Table.Td>
                  <Table.Td maw={260}>
                    <Text size="sm">{conditionsOf(p)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {targetMetrics
                      .filter((m) => p.targets[m])
                      .map((m) => (
                        <Text size="sm" key={m}>
                          {t(`admin.sla.metrics.${m}`)} : {targetText(p.targets[m], t)}
                        </Text>
                      ))}
                  </Table.Td>
                  <Table.Td>{calendarName(p.calendarId) ?? t('admin.sla.calendarOfCaseShort')}</Table.Td>
                  <Table.Td>
                    <ActiveBadge active={p.active} />
                  </Table.Td>
                  <Table.Td>{access.manage && <RowActions name={p.name} onEdit={() => ui.edit(p)} onDelete={() => ui.remove(p)} />}</Table.Td>
                </Table.Tr>
              ))}
            </AdminTable>
          )
        }
      </QueryState>
      {ui.editing && <PolicyForm policy={ui.editing.item} onClose={ui.close} />}
      <DeleteDialog item={ui.deleting} name={(p) => p.name} onDelete={(p) => slaPolicies.remove(p.id)} invalidates={[slaPolicies.key]} onClose={ui.close} />
    </AdminPage>
  );
}
