// Business calendars: the opening hours, public holidays and closed days promises are made in.
// One is the default (cases of a store or team without their own); admins create one (from
// the default's hours), open one to edit it with its promise preview, make one the default,
// and delete one nothing uses.
import { Button, Select, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createCalendarBody } from '../../../../src/modules/sla/sla.contract.ts';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { useAdminAccess } from '../admin-access.ts';
import { calendars, type Calendar } from '../admin.api.ts';
import { AdminPage } from '../ui/AdminPage.tsx';
import { AdminTable } from '../ui/AdminTable.tsx';
import { ConfirmDialog, DeleteDialog } from '../ui/ConfirmDialog.tsx';
import { FormModal } from '../ui/FormModal.tsx';
import { EmptyState, QueryState } from '../ui/QueryState.tsx';
import { RowActions } from '../ui/RowActions.tsx';
import { ToneBadge } from '../ui/ToneBadge.tsx';
import { useEditing } from '../ui/useEditing.ts';
import { useSchemaForm } from '../ui/useSchemaForm.ts';
import { weekdays } from './calendar-draft.ts';
import { timeZones } from './time-zones.ts';

/** "lun.–ven. 09:00–12:30, 13:30–18:00 · sam. 09:00–12:30": days with the same hours together. */
function hoursSummary(c: Calendar, t: TFunction): string {
  const groups: { days: (typeof weekdays)[number][]; hours: string }[] = [];
  for (const day of weekdays) {
    const hours = (c.hours[day] ?? []).map(([a, b]) => `${a}–${b}`).join(', ');
    if (!hours) continue;
    const last = groups[groups.length - 1];
    if (last && last.hours === hours) last.days.push(day);
    else groups.push({ days: [day], hours });
  }
  const short = (d: (typeof weekdays)[number]) => t(`admin.calendars.daysShort.${d}`);
  return groups.map((g) => `${g.days.length > 1 ? `${short(g.days[0]!)}–${short(g.days[g.days.length - 1]!)}` : short(g.days[0]!)} ${g.hours}`).join(' · ');
}

function NewCalendar({ from, onClose }: { from: Calendar | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useSchemaForm({
    initial: { name: '', timezone: from?.timezone ?? 'Europe/Paris' },
    schema: createCalendarBody,
    // A new calendar starts from the default's week and holidays, to change from there.
    toBody: (v) => ({ name: v.name, timezone: v.timezone, hours: from?.hours ?? { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '18:00']] }, holidays: from?.holidays ?? { country: 'FR', region: null, extra: [] } }),
    send: (body) => calendars.create(body),
    invalidates: [calendars.key],
    onSaved: (created) => void navigate({ to: '/admin/calendars/$calendarId', params: { calendarId: created.id } }),
    hints: { timezone: t('admin.validation.timezone') },
  });
  return (
    <FormModal opened title={t('admin.calendars.create')} onClose={onClose} onSubmit={form.onSubmit} formRef={form.formRef} saving={form.saving} error={form.error} isNew>
      <Text size="sm" c="dimmed">
        {t('admin.calendars.createHelp', { name: from?.name ?? '' })}
      </Text>
      <TextInput label={t('admin.calendars.fields.name')} value={form.values.name} onChange={(e) => form.set('name', e.currentTarget.value)} error={form.errors.name} required />
      <Select label={t('admin.calendars.fields.timezone')} data={timeZones()} value={form.values.timezone} onChange={(v) => v && form.set('timezone', v)} error={form.errors.timezone} searchable allowDeselect={false} />
    </FormModal>
  );
}

export function CalendarsPage() {
  const { t } = useTranslation();
  const access = useAdminAccess();
  const list = useQuery(calendars.list);
  const ui = useEditing<Calendar>();
  const [promoting, setPromoting] = useState<Calendar | null>(null);
  const fallback = list.data?.find((c) => c.isDefault);

  return (
    <AdminPage title={t('admin.calendars.title')} intro={t('admin.calendars.intro')} readOnly={!access.manage} actions={<Button onClick={ui.create}>{t('admin.calendars.create')}</Button>}>
      <QueryState query={list} loading={t('admin.calendars.loading')} failed={t('admin.calendars.loadFailed')}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState title={t('admin.calendars.empty')} />
          ) : (
            <AdminTable caption={t('admin.calendars.title')} columns={[t('admin.calendars.fields.name'), t('admin.calendars.fields.hours'), t('admin.calendars.fields.holidays'), t('admin.calendars.fields.timezone'), t('admin.table.actions')]} minWidth={860}>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <RouterAnchor to="/admin/calendars/$calendarId" params={{ calendarId: c.id }} fw={600}>
                      {c.name}
                    </RouterAnchor>{' '}
                    {c.isDefault && (
                      <ToneBadge tone="info" size="sm">
                        {t('admin.calendars.default')}
                      </ToneBadge>
                    )}
                  </Table.Td>
                  <Table.Td maw={320}>
                    <Text size="sm">{hoursSummary(c, t)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {c.holidays?.country ? t(`admin.calendars.holidays.countries.${c.holidays.country as 'FR'}`) : t('admin.calendars.holidays.noCountry')}
                    {c.holidays?.region ? ` (${c.holidays.region})` : ''}
                    {c.holidays?.extra.length ? ` · ${t('admin.calendars.closures.count', { count: c.holidays.extra.length })}` : ''}
                  </Table.Td>
                  <Table.Td>{c.timezone}</Table.Td>
                  <Table.Td>
                    {access.manage && (
                      <RowActions name={c.name} onDelete={c.isDefault ? undefined : () => ui.remove(c)}>
                        {!c.isDefault && (
                          <Button size="xs" variant="subtle" onClick={() => setPromoting(c)} aria-label={t('admin.calendars.makeDefaultNamed', { name: c.name })}>
                            {t('admin.calendars.makeDefault')}
                          </Button>
                        )}
                      </RowActions>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </AdminTable>
          )
        }
      </QueryState>
      {ui.editing && <NewCalendar from={fallback} onClose={ui.close} />}
      <DeleteDialog item={ui.deleting} name={(c) => c.name} onDelete={(c) => calendars.remove(c.id)} invalidates={[calendars.key]} onClose={ui.close} />
      {promoting && (
        <ConfirmDialog
          opened
          title={t('admin.calendars.makeDefaultTitle', { name: promoting.name })}
          message={t('admin.calendars.makeDefaultBody')}
          confirmLabel={t('admin.calendars.makeDefault')}
          color="indigo"
          onConfirm={() => calendars.update(promoting.id, { isDefault: true })}
          invalidates={[calendars.key]}
          onDone={() => setPromoting(null)}
          onClose={() => setPromoting(null)}
        />
      )}
    </AdminPage>
  );
}
