// Creating or changing an SLA policy: which cases it applies to (every condition given must
// hold; none given: every case), its targets per metric, the calendar they count in, the
// statuses that pause the clocks, when agents are warned, and what a breach does.
import { Checkbox, Fieldset, Group, MultiSelect, NativeSelect, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { channels, priorities } from '../../../../src/modules/cases/cases.contract.ts';
import { createPolicyBody, updatePolicyBody } from '../../../../src/modules/sla/sla.contract.ts';
import { referenceLabel, useReferenceNames } from '../../reference/reference.api.ts';
import { brands, calendars, slaPolicies, stores, type SlaPolicy } from '../admin.api.ts';
import { errorAt } from '../ui/form-errors.ts';
import { FormModal } from '../ui/FormModal.tsx';
import { useSchemaForm } from '../ui/useSchemaForm.ts';
import { pausable, policyBody, policyValues, targetMetrics, targetUnits, type PolicyValues, type TargetUnit } from './policy-draft.ts';

export function PolicyForm({ policy, onClose }: { policy: SlaPolicy | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const names = useReferenceNames();
  const brandList = useQuery(brands.list);
  const storeList = useQuery(stores.list);
  const calendarList = useQuery(calendars.list);
  const initial = policyValues(policy);
  const form = useSchemaForm({
    initial,
    ...(policy ? { changesFrom: initial, onUnchanged: onClose } : {}),
    schema: policy ? updatePolicyBody : createPolicyBody,
    toBody: policyBody,
    send: (body) => (policy ? slaPolicies.update(policy.id, body) : slaPolicies.create(body)),
    invalidates: [slaPolicies.key],
    onSaved: onClose,
    hints: { targets: t('admin.sla.targetsRule') },
  });
  const { values, set, errors } = form;
  const setTarget = (metric: (typeof targetMetrics)[number], change: Partial<PolicyValues['targets']['firstReply']>) =>
    set('targets', { ...values.targets, [metric]: { ...values.targets[metric], ...change } });

  return (
    <FormModal opened title={policy ? t('admin.form.editNamed', { name: policy.name }) : t('admin.sla.create')} onClose={onClose} onSubmit={form.onSubmit} formRef={form.formRef} saving={form.saving} error={form.error} isNew={!policy} size="xl">
      <Group align="flex-end">
        <TextInput label={t('admin.sla.fields.name')} value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} required style={{ flex: 1 }} />
        <Switch label={t('admin.form.activeLabel')} checked={values.active} onChange={(e) => set('active', e.currentTarget.checked)} mb={8} />
      </Group>

      <Fieldset legend={t('admin.sla.conditions.title')}>
        <Stack gap="xs">
          <Checkbox.Group label={t('admin.sla.conditions.priorities')} value={values.priorities} onChange={(v) => set('priorities', v as PolicyValues['priorities'])}>
            <Group gap="md" mt={4}>
              {priorities.map((p) => (
                <Checkbox key={p} value={p} label={t(`case.priority.${p}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <MultiSelect label={t('admin.sla.conditions.channels')} data={channels.map((c) => ({ value: c, label: t(`case.channel.${c}`) }))} value={values.channels} onChange={(v) => set('channels', v)} searchable clearable />
          <MultiSelect label={t('admin.sla.conditions.reasons')} data={names.reasons.map((r) => ({ value: r.key, label: referenceLabel(r, i18n.language) }))} value={values.reasons} onChange={(v) => set('reasons', v)} searchable clearable />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect label={t('admin.sla.conditions.brands')} data={(brandList.data ?? []).map((b) => ({ value: b.id, label: b.name }))} value={values.brandIds} onChange={(v) => set('brandIds', v)} searchable clearable />
            <MultiSelect label={t('admin.sla.conditions.stores')} data={(storeList.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }))} value={values.storeIds} onChange={(v) => set('storeIds', v)} searchable clearable />
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('admin.sla.targets.title')}>
        <Stack gap="xs">
          {errors.targets && (
            <Text c="red.8" size="sm" role="alert">
              {errors.targets}
            </Text>
          )}
          {targetMetrics.map((metric) => {
            const label = t(`admin.sla.metrics.${metric}`);
            const path = `targets.${metric}.${values.targets[metric].unit}`;
            return (
              <Group key={metric} gap="sm" align="flex-end" wrap="wrap">
                <NativeSelect
                  w={220}
                  label={label}
                  value={values.targets[metric].unit}
                  onChange={(e) => setTarget(metric, { unit: e.currentTarget.value as TargetUnit | '' })}
                  data={[{ value: '', label: t('admin.sla.noTarget') }, ...targetUnits.map((u) => ({ value: u, label: t(`admin.sla.units.${u}`) }))]}
                />
                {values.targets[metric].unit && (
                  <NumberInput
                    w={140}
                    label={t('admin.sla.targets.amountShort')}
                    aria-label={t('admin.sla.targets.amount', { metric: label })}
                    value={values.targets[metric].amount}
                    onChange={(v) => setTarget(metric, { amount: v })}
                    error={errorAt(errors, path)}
                    min={1}
                    allowDecimal={values.targets[metric].unit !== 'businessDays'}
                  />
                )}
              </Group>
            );
          })}
        </Stack>
      </Fieldset>

      <NativeSelect
        label={t('admin.sla.fields.calendar')}
        description={t('admin.sla.calendarHelp')}
        value={values.calendarId}
        onChange={(e) => set('calendarId', e.currentTarget.value)}
        data={[{ value: '', label: t('admin.sla.calendarOfCase') }, ...(calendarList.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        error={errors.calendarId}
      />
      <Checkbox.Group label={t('admin.sla.fields.pausing')} description={t('admin.sla.pausingHelp')} value={values.pausingStatuses} onChange={(v) => set('pausingStatuses', v as PolicyValues['pausingStatuses'])}>
        <Group gap="md" mt={4}>
          {pausable.map((s) => (
            <Checkbox key={s} value={s} label={t(`case.status.${s}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <NumberInput label={t('admin.sla.fields.warn')} description={t('admin.sla.warnHelp')} value={values.warnBeforeMinutes} onChange={(v) => set('warnBeforeMinutes', v)} error={errors.warnBeforeMinutes} min={0} max={10_080} allowDecimal={false} w={240} />

      <Fieldset legend={t('admin.sla.escalation.title')}>
        <Stack gap="xs">
          <Switch label={t('admin.sla.escalation.notifyLead')} checked={values.notifyLead} onChange={(e) => set('notifyLead', e.currentTarget.checked)} />
          <Switch label={t('admin.sla.escalation.raisePriority')} checked={values.raisePriority} onChange={(e) => set('raisePriority', e.currentTarget.checked)} />
          <NativeSelect
            label={t('admin.sla.escalation.moveTo')}
            value={values.moveToTeamId}
            onChange={(e) => set('moveToTeamId', e.currentTarget.value)}
            data={[{ value: '', label: t('admin.sla.escalation.stay') }, ...names.teams.map((team) => ({ value: team.id, label: team.name }))]}
            error={errors['escalation.moveToTeamId']}
          />
        </Stack>
      </Fieldset>
    </FormModal>
  );
}
