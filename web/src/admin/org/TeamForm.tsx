// Creating or changing a team (a queue of cases): its name and slug, its brand, who leads it
// (the one told of breaches), its members, and the calendar its cases are promised in.
import { MultiSelect, NativeSelect, SimpleGrid, Switch, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createTeamBody, updateTeamBody } from '../../../../src/modules/org/org.contract.ts';
import type { Team } from '../../api/contracts.ts';
import { referenceQueries } from '../../reference/reference.api.ts';
import { brands, calendars, teams } from '../admin.api.ts';
import { FormModal } from '../ui/FormModal.tsx';
import { useSchemaForm } from '../ui/useSchemaForm.ts';

const valuesOf = (team: Team | null) => ({
  slug: team?.slug ?? '',
  name: team?.name ?? '',
  description: team?.description ?? '',
  brandId: team?.brandId ?? '',
  leadUserId: team?.leadUserId ?? '',
  calendarId: team?.calendarId ?? '',
  memberIds: team?.memberIds ?? [],
  active: team?.active ?? true,
});

export function TeamForm({ team, onClose }: { team: Team | null; onClose: () => void }) {
  const { t } = useTranslation();
  const brandList = useQuery(brands.list);
  const calendarList = useQuery(calendars.list);
  const users = useQuery(referenceQueries.users);
  const initial = valuesOf(team);
  const form = useSchemaForm({
    initial,
    ...(team ? { changesFrom: initial, onUnchanged: onClose } : {}),
    schema: team ? updateTeamBody : createTeamBody,
    toBody: (v: ReturnType<typeof valuesOf>) => ({
      slug: v.slug.trim(),
      name: v.name,
      description: v.description.trim() || null,
      brandId: v.brandId || null,
      leadUserId: v.leadUserId || null,
      calendarId: v.calendarId || null,
      memberIds: v.memberIds,
      active: v.active,
    }),
    send: (body) => (team ? teams.update(team.id, body) : teams.create(body)),
    invalidates: [teams.key],
    onSaved: onClose,
    hints: { slug: t('admin.validation.slug') },
  });
  const { values, set, errors } = form;
  const people = (users.data ?? []).filter((u) => u.active || values.memberIds.includes(u.id)).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));

  return (
    <FormModal opened title={team ? t('admin.form.editNamed', { name: team.name }) : t('admin.teams.create')} onClose={onClose} onSubmit={form.onSubmit} formRef={form.formRef} saving={form.saving} error={form.error} isNew={!team}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('admin.teams.fields.name')} value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} required />
        <TextInput label={t('admin.teams.fields.slug')} description={t('admin.validation.slug')} value={values.slug} onChange={(e) => set('slug', e.currentTarget.value)} error={errors.slug} required />
      </SimpleGrid>
      <Textarea label={t('admin.teams.fields.description')} value={values.description} onChange={(e) => set('description', e.currentTarget.value)} error={errors.description} autosize minRows={2} />
      <NativeSelect
        label={t('admin.teams.fields.brand')}
        value={values.brandId}
        onChange={(e) => set('brandId', e.currentTarget.value)}
        data={[{ value: '', label: t('admin.teams.anyBrand') }, ...(brandList.data ?? []).map((b) => ({ value: b.id, label: b.name }))]}
        error={errors.brandId}
      />
      <MultiSelect label={t('admin.teams.fields.members')} data={people} value={values.memberIds} onChange={(v) => set('memberIds', v)} error={errors.memberIds} searchable clearable />
      <NativeSelect
        label={t('admin.teams.fields.lead')}
        description={t('admin.teams.leadHelp')}
        value={values.leadUserId}
        onChange={(e) => set('leadUserId', e.currentTarget.value)}
        data={[{ value: '', label: t('admin.form.none') }, ...people]}
        error={errors.leadUserId}
      />
      <NativeSelect
        label={t('admin.teams.fields.calendar')}
        value={values.calendarId}
        onChange={(e) => set('calendarId', e.currentTarget.value)}
        data={[{ value: '', label: t('admin.teams.defaultCalendar') }, ...(calendarList.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        error={errors.calendarId}
      />
      <Switch label={t('admin.form.activeLabel')} checked={values.active} onChange={(e) => set('active', e.currentTarget.checked)} />
    </FormModal>
  );
}
