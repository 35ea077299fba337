// The audit log viewer (admins): every recorded action, newest first, said as a sentence,
// filtered by action, subject, person and dates, 50 at a time. Each entry opens on its raw
// details (what the server recorded) for those who need the exact values.
import { Button, Center, Code, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/relative-time.ts';
import { referenceQueries } from '../../reference/reference.api.ts';
import { brands, calendars, channelAccounts, slaPolicies, stores, teams } from '../admin.api.ts';
import { AdminPage } from '../ui/AdminPage.tsx';
import { AdminTable } from '../ui/AdminTable.tsx';
import { EmptyState, QueryState } from '../ui/QueryState.tsx';
import { auditQuery, type AuditFilters as Filters } from './audit.api.ts';
import { AuditFilters, noFilters, type AuditFilterValues } from './AuditFilters.tsx';
import { describeAudit, type NameOf } from './audit-words.ts';

/** A day in the browser's zone, as the instant it starts (or ends). */
const dayStart = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : undefined);
const dayEnd = (day: string) => (day ? new Date(`${day}T23:59:59.999`).toISOString() : undefined);

function filtersOf(v: AuditFilterValues): Filters {
  const f: Filters = {};
  if (v.action) f.action = v.action;
  if (v.targetType) f.targetType = v.targetType;
  if (v.targetId) f.targetId = v.targetId;
  if (v.actorUserId) f.actorUserId = v.actorUserId;
  const from = dayStart(v.from);
  const to = dayEnd(v.to);
  if (from) f.from = from;
  if (to) f.to = to;
  return f;
}

/** Names of the things entries are about, from the lists the other screens use. */
function useNames(): NameOf {
  const lists = {
    user: useQuery(referenceQueries.users).data,
    brand: useQuery(brands.list).data,
    store: useQuery(stores.list).data,
    team: useQuery(teams.list).data,
    calendar: useQuery(calendars.list).data,
    sla_policy: useQuery(slaPolicies.list).data,
    channel_account: useQuery(channelAccounts.list).data,
    reasons: useQuery(referenceQueries.reasons).data,
    steps: useQuery(referenceQueries.steps).data,
  } as Record<string, { id: string; name?: string; labelFr?: string }[] | undefined>;
  return (type, id) => {
    const found = lists[type]?.find((item) => item.id === id);
    return found ? (found.name ?? found.labelFr ?? null) : null;
  };
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<AuditFilterValues>(noFilters);
  const [debounced] = useDebouncedValue(values, 300);
  const log = useInfiniteQuery({ ...auditQuery(filtersOf(debounced)), placeholderData: keepPreviousData });
  const users = useQuery(referenceQueries.users).data ?? [];
  const nameOf = useNames();
  const [open, setOpen] = useState<string | null>(null);
  const actorName = (id: string | null, label: string) => (id ? (users.find((u) => u.id === id)?.name ?? label) : label);

  return (
    <AdminPage title={t('admin.audit.title')} intro={t('admin.audit.intro')}>
      <AuditFilters values={values} onChange={setValues} users={users} />
      <QueryState query={log} loading={t('admin.audit.loading')} failed={t('admin.audit.loadFailed')}>
        {(data) => {
          const entries = data.pages.flatMap((p) => p.items);
          if (entries.length === 0) return <EmptyState title={t('admin.audit.empty')} body={t('admin.audit.emptyBody')} />;
          return (
            <>
              <AdminTable caption={t('admin.audit.caption')} columns={[t('admin.audit.columns.when'), t('admin.audit.columns.what'), t('admin.audit.columns.from'), t('admin.audit.details')]} minWidth={860}>
                {entries.map((e) => {
                  const when = formatDateTime(e.at, i18n.language);
                  return (
                    <Table.Tr key={e.id} data-action={e.action}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <time dateTime={e.at}>{when}</time>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{describeAudit(e, actorName(e.actorUserId, e.actorLabel), t, nameOf)}</Text>
                        {open === e.id && (
                          <Code block mt="xs" style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto' }}>
                            {JSON.stringify({ action: e.action, actor: e.actorLabel, target: e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : null, details: e.details }, null, 2)}
                          </Code>
                        )}
                      </Table.Td>
                      <Table.Td>{e.ip ?? '—'}</Table.Td>
                      <Table.Td>
                        <Button size="compact-xs" variant="subtle" onClick={() => setOpen(open === e.id ? null : e.id)} aria-expanded={open === e.id} aria-label={t('admin.audit.detailsNamed', { when })}>
                          {t('admin.audit.details')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </AdminTable>
              {log.hasNextPage && (
                <Center>
                  <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                    {t('admin.form.loadMore')}
                  </Button>
                </Center>
              )}
            </>
          );
        }}
      </QueryState>
    </AdminPage>
  );
}
