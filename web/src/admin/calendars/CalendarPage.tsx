// One calendar, edited with its promise in view: weekly hours, holidays, closed days and
// exceptional openings on the left; on the right, live, what a customer would be promised with
// the calendar as saved and as edited, and the year's public holidays. Saving changes the
// promises of cases opened afterwards; open cases keep theirs.
import { Alert, Button, Grid, Group, Select, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarSpecSchema, updateCalendarBody } from '../../../../src/modules/sla/sla.contract.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { useAdminAccess } from '../admin-access.ts';
import { calendars, type Calendar } from '../admin.api.ts';
import { AdminPage } from '../ui/AdminPage.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { useSchemaForm } from '../ui/useSchemaForm.ts';
import { draftOf, specOf, type CalendarDraft } from './calendar-draft.ts';
import { calendarQuery } from './calendars.api.ts';
import { ClosuresEditor } from './ClosuresEditor.tsx';
import { HolidayList } from './HolidayList.tsx';
import { PromisePreview } from './PromisePreview.tsx';
import { timeZones } from './time-zones.ts';
import { WeekHoursEditor } from './WeekHoursEditor.tsx';
import { notifySaved } from '../ui/notify.ts';

const route = getRouteApi('/signed-in/admin/calendars/$calendarId');

function CalendarEditor({ calendar }: { calendar: Calendar }) {
  const { t } = useTranslation();
  const access = useAdminAccess();
  const readOnly = !access.manage;
  const [saved, setSaved] = useState(calendar);
  const form = useSchemaForm({
    initial: draftOf(calendar),
    changesFrom: draftOf(saved),
    schema: updateCalendarBody,
    toBody: (d: CalendarDraft) => {
      const { timezone, hours, holidays, openings } = specOf(d);
      return { name: d.name, timezone, hours, holidays, openings };
    },
    send: (body) => calendars.update(calendar.id, body) as Promise<Calendar>,
    invalidates: [calendars.key],
    onSaved: (after) => {
      setSaved(after);
      notifySaved(t('admin.calendars.saved', { name: after.name }));
    },
    hints: { timezone: t('admin.validation.timezone') },
  });
  const { values: draft, setValues, errors } = form;
  const change = (changes: Partial<CalendarDraft>) => setValues((d) => ({ ...d, ...changes }));
  const spec = specOf(draft);
  const draftValid = calendarSpecSchema.safeParse(spec).success;
  const dirty = JSON.stringify(spec) !== JSON.stringify(specOf(draftOf(saved))) || draft.name !== saved.name;

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <form onSubmit={form.onSubmit} noValidate ref={form.formRef} aria-label={t('admin.calendars.editorLabel')}>
          <Stack gap="md">
            {form.error ? <ProblemAlert error={form.error} title={t('admin.form.saveFailed')} /> : null}
            <Group gap="sm" align="flex-start" wrap="wrap">
              <TextInput label={t('admin.calendars.fields.name')} value={draft.name} onChange={(e) => change({ name: e.currentTarget.value })} error={errors.name} disabled={readOnly} />
              <Select label={t('admin.calendars.fields.timezone')} data={timeZones()} value={draft.timezone} onChange={(v) => v && change({ timezone: v })} error={errors.timezone} searchable allowDeselect={false} disabled={readOnly} />
            </Group>
            <WeekHoursEditor hours={draft.hours} onChange={(hours) => change({ hours })} readOnly={readOnly} error={errors.hours} />
            <ClosuresEditor draft={draft} onChange={change} readOnly={readOnly} />
            {!readOnly && (
              <Group>
                <Button type="submit" loading={form.saving} disabled={!dirty}>
                  {t('admin.calendars.save')}
                </Button>
                {dirty && (
                  <Button variant="subtle" onClick={() => setValues(draftOf(saved))}>
                    {t('admin.calendars.discard')}
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="md" style={{ position: 'sticky', top: 76 }}>
          <PromisePreview saved={specOf(draftOf(saved))} draft={spec} draftValid={draftValid} />
          <HolidayList draft={draft} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

export function CalendarPage() {
  const { t } = useTranslation();
  const { calendarId } = route.useParams();
  const access = useAdminAccess();
  const calendar = useQuery(calendarQuery(calendarId));
  return (
    <AdminPage
      title={calendar.data ? calendar.data.name : t('admin.calendars.one')}
      intro={t('admin.calendars.editorIntro')}
      readOnly={!access.manage}
    >
      <RouterAnchor to="/admin/calendars" size="sm">
        {t('admin.calendars.back')}
      </RouterAnchor>
      <QueryState query={calendar} loading={t('admin.calendars.loadingOne')} failed={t('admin.calendars.loadOneFailed')}>
        {(c) => (
          <>
            {c.isDefault && (
              <Alert variant="light" color="indigo" title={t('admin.calendars.default')}>
                {t('admin.calendars.defaultHelp')}
              </Alert>
            )}
            <CalendarEditor key={c.id} calendar={c} />
          </>
        )}
      </QueryState>
    </AdminPage>
  );
}
