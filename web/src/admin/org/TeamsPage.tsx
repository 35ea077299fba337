// Teams: the queues cases are routed to, who is in each, who leads it, and the calendar its
// promises are made in.
import { Button, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../api/contracts.ts';
import { useReferenceNames } from '../../reference/reference.api.ts';
import { useAdminAccess } from '../admin-access.ts';
import { brands, calendars, namesById, teams } from '../admin.api.ts';
import { ActiveBadge } from '../ui/ActiveBadge.tsx';
import { AdminPage } from '../ui/AdminPage.tsx';
import { AdminTable } from '../ui/AdminTable.tsx';
import { DeleteDialog } from '../ui/ConfirmDialog.tsx';
import { NameCell } from '../ui/NameCell.tsx';
import { EmptyState, QueryState } from '../ui/QueryState.tsx';
import { RowActions } from '../ui/RowActions.tsx';
import { useEditing } from '../ui/useEditing.ts';
import { TeamForm } from './TeamForm.tsx';

export function TeamsPage() {
  const { t } = useTranslation();
  const access = useAdminAccess();
  const list = useQuery(teams.list);
  const names = useReferenceNames();
  const brandName = namesById(useQuery(brands.list).data, (b) => b.name);
  const calendarName = namesById(useQuery(calendars.list).data, (c) => c.name);
  const ui = useEditing<Team>();

  return (
    <AdminPage title={t('admin.teams.title')} intro={t('admin.teams.intro')} readOnly={!access.manage} actions={<Button onClick={ui.create}>{t('admin.teams.create')}</Button>}>
      <QueryState query={list} loading={t('admin.teams.loading')} failed={t('admin.teams.loadFailed')}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState title={t('admin.teams.empty')} body={t('admin.teams.emptyBody')} />
          ) : (
            <AdminTable
              caption={t('admin.teams.title')}
              columns={[t('admin.teams.fields.name'), t('admin.teams.fields.brand'), t('admin.teams.fields.lead'), t('admin.teams.fields.members'), t('admin.teams.fields.calendar'), t('admin.table.status'), t('admin.table.actions')]}
              minWidth={900}
            >
              {items.map((team) => (
                <Table.Tr key={team.id} data-team-slug={team.slug}>
                  <NameCell name={team.name} sub={team.description} />
                  <Table.Td>{brandName(team.brandId) ?? t('admin.teams.anyBrand')}</Table.Td>
                  <Table.Td>{names.user(team.leadUserId) ?? t('admin.form.none')}</Table.Td>
                  <Table.Td maw={260}>
                    <Text size="sm" lineClamp={2}>
                      {team.memberIds.length ? team.memberIds.map((id) => names.user(id) ?? id).join(', ') : t('admin.teams.noMembers')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{calendarName(team.calendarId) ?? t('admin.teams.defaultCalendar')}</Table.Td>
                  <Table.Td>
                    <ActiveBadge active={team.active} />
                  </Table.Td>
                  <Table.Td>{access.manage && <RowActions name={team.name} onEdit={() => ui.edit(team)} onDelete={() => ui.remove(team)} />}</Table.Td>
                </Table.Tr>
              ))}
            </AdminTable>
          )
        }
      </QueryState>
      {ui.editing && <TeamForm team={ui.editing.item} onClose={ui.close} />}
      <DeleteDialog item={ui.deleting} name={(team) => team.name} onDelete={(team) => teams.remove(team.id)} invalidates={[teams.key]} onClose={ui.close} />
    </AdminPage>
  );
}
