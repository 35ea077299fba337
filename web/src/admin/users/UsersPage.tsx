// Users and roles: everyone who signs in, their role, the brands and stores they are limited
// to, whether they may still sign in; admins create, change and deactivate them and manage
// their API tokens. Managers read the list.
import { Button, Center, Group, NativeSelect, Paper, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../../src/modules/access/access.contract.ts';
import type { User } from '../../api/contracts.ts';
import { RelativeTime } from '../../ui/RelativeTime.tsx';
import { useAdminAccess } from '../admin-access.ts';
import { brands, namesById, stores } from '../admin.api.ts';
import { ActiveBadge } from '../ui/ActiveBadge.tsx';
import { AdminPage } from '../ui/AdminPage.tsx';
import { AdminTable } from '../ui/AdminTable.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { NameCell } from '../ui/NameCell.tsx';
import { EmptyState, QueryState } from '../ui/QueryState.tsx';
import { TokensDialog } from './TokensDialog.tsx';
import { UserForm } from './UserForm.tsx';
import { deactivateUser, userChanged, userListQueryOptions, type UserFilters } from './users.api.ts';

type Editing = { user: User | null } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const access = useAdminAccess();
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const [active, setActive] = useState('true');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const filters: UserFilters = { ...(debouncedQ ? { q: debouncedQ } : {}), ...(role ? { role: role as UserFilters['role'] } : {}), ...(active ? { active: active as 'true' | 'false' } : {}) };
  const list = useInfiniteQuery({ ...userListQueryOptions(filters), placeholderData: keepPreviousData });
  const brandName = namesById(useQuery(brands.list).data, (b) => b.name);
  const storeName = namesById(useQuery(stores.list).data, (s) => s.name);
  const [editing, setEditing] = useState<Editing>(null);
  const [tokensOf, setTokensOf] = useState<User | null>(null);
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const selfId = access.me?.id;

  const scopeOf = (u: User) => {
    const parts = [...u.brandIds.map((id) => brandName(id) ?? id), ...u.storeIds.map((id) => storeName(id) ?? id)];
    return parts.length ? parts.join(', ') : t('admin.users.allScope');
  };

  return (
    <AdminPage
      title={t('admin.users.title')}
      intro={t('admin.users.intro')}
      readOnly={!access.manageUsers}
      actions={<Button onClick={() => setEditing({ user: null })}>{t('admin.users.create')}</Button>}
    >
      <Paper withBorder p="md" role="search" aria-label={t('admin.users.filters')}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput type="search" label={t('admin.users.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={{ base: '100%', sm: 260 }} />
          <NativeSelect
            label={t('admin.users.fields.role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
            data={[{ value: '', label: t('admin.form.all') }, ...roles.map((r) => ({ value: r, label: t(`admin.users.roles.${r}`) }))]}
          />
          <NativeSelect
            label={t('admin.table.status')}
            value={active}
            onChange={(e) => setActive(e.currentTarget.value)}
            data={[
              { value: 'true', label: t('admin.users.activeOnly') },
              { value: 'false', label: t('admin.users.inactiveOnly') },
              { value: '', label: t('admin.form.all') },
            ]}
          />
        </Group>
      </Paper>
      <QueryState query={list} loading={t('admin.users.loading')} failed={t('admin.users.loadFailed')}>
        {(data) => {
          const users = data.pages.flatMap((p) => p.items);
          if (users.length === 0) return <EmptyState title={t('admin.users.empty')} body={t('admin.users.emptyBody')} />;
          return (
            <>
              <AdminTable caption={t('admin.users.caption')} columns={[t('admin.users.fields.name'), t('admin.users.fields.role'), t('admin.users.fields.scope'), t('admin.users.fields.lastLogin'), t('admin.table.status'), t('admin.table.actions')]} minWidth={880}>
                {users.map((u) => (
                  <Table.Tr key={u.id} data-user-email={u.email}>
                    <NameCell name={u.name} sub={u.email} />
                    <Table.Td>{t(`admin.users.roles.${u.role}`)}</Table.Td>
                    <Table.Td maw={280}>
                      <Text size="sm" lineClamp={2}>
                        {scopeOf(u)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{u.lastLoginAt ? <RelativeTime iso={u.lastLoginAt} /> : t('admin.users.neverSignedIn')}</Table.Td>
                    <Table.Td>
                      <ActiveBadge active={u.active} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {access.manageUsers && (
                          <Button size="xs" variant="subtle" onClick={() => setEditing({ user: u })} aria-label={t('admin.form.editNamed', { name: u.name })}>
                            {t('admin.form.edit')}
                          </Button>
                        )}
                        {(access.manageUsers || u.id === selfId) && (
                          <Button size="xs" variant="subtle" onClick={() => setTokensOf(u)} aria-label={t('admin.tokens.openNamed', { name: u.name })}>
                            {t('admin.tokens.open')}
                          </Button>
                        )}
                        {access.manageUsers && u.active && u.id !== selfId && (
                          <Button size="xs" variant="subtle" color="red" onClick={() => setDeactivating(u)} aria-label={t('admin.users.deactivateNamed', { name: u.name })}>
                            {t('admin.users.deactivate')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </AdminTable>
              {list.hasNextPage && (
                <Center>
                  <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                    {t('admin.form.loadMore')}
                  </Button>
                </Center>
              )}
            </>
          );
        }}
      </QueryState>
      {editing && <UserForm user={editing.user} selfId={selfId} onClose={() => setEditing(null)} />}
      {tokensOf && <TokensDialog user={tokensOf} onClose={() => setTokensOf(null)} />}
      {deactivating && (
        <ConfirmDialog
          opened
          title={t('admin.users.deactivateTitle', { name: deactivating.name })}
          message={t('admin.users.deactivateBody')}
          confirmLabel={t('admin.users.deactivate')}
          onConfirm={() => deactivateUser(deactivating.id)}
          invalidates={userChanged}
          onDone={() => setDeactivating(null)}
          onClose={() => setDeactivating(null)}
        />
      )}
    </AdminPage>
  );
}
