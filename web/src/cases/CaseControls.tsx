// Moving the case on: status, SAV step, contact reason, priority, team and assignee. The
// change is sent with the version the agent was looking at (If-Match) and shown at once
// (optimistic); if the server refuses it the case goes back as it was, with the reason, and
// if someone changed the case meanwhile (412) the agent is told, with the fresh case in front of them.
import { Alert, Button, NativeSelect, Paper, Stack, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { caseStatuses, priorities } from '../../../src/modules/cases/cases.contract.ts';
import type { CaseDto, CaseStatus, Priority, UpdateCaseInput } from '../api/contracts.ts';
import { isApiError } from '../api/http.ts';
import { referenceLabel, useReferenceNames } from '../reference/reference.api.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { useCaseUpdate } from './useCaseUpdate.ts';

interface Fields {
  status: CaseStatus;
  priority: Priority;
  /** Keys and ids; '' for none. */
  step: string;
  reason: string;
  teamId: string;
  assigneeId: string;
}

const fieldsOf = (c: CaseDto): Fields => ({
  status: c.status,
  priority: c.priority,
  step: c.step?.key ?? '',
  reason: c.reason?.key ?? '',
  teamId: c.teamId ?? '',
  assigneeId: c.assigneeId ?? '',
});

/** Edits start from the case as the agent saw it; that version goes in If-Match. */
interface Draft {
  base: Fields;
  baseVersion: number;
  values: Fields;
}

export function CaseControls({ c }: { c: CaseDto }) {
  const { t, i18n } = useTranslation();
  const names = useReferenceNames();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [stale, setStale] = useState(false);
  const save = useCaseUpdate(c.id, {
    // The form shows the refusal itself (below); a stale picture is set aside.
    toast: false,
    onRefused: (error) => {
      if (!isApiError(error, 412)) return;
      setStale(true);
      setDraft(null);
    },
  });
  const values = draft?.values ?? fieldsOf(c);

  const edit = (changes: Partial<Fields>) => {
    setStale(false);
    setDraft((d) => {
      const start = d ?? { base: fieldsOf(c), baseVersion: c.version, values: fieldsOf(c) };
      return { ...start, values: { ...start.values, ...changes } };
    });
  };

  const changes: UpdateCaseInput = {};
  const optimistic: Partial<CaseDto> = {};
  if (draft) {
    const { base, values: v } = draft;
    if (v.status !== base.status) optimistic.status = changes.status = v.status;
    if (v.priority !== base.priority) optimistic.priority = changes.priority = v.priority;
    if (v.teamId !== base.teamId) optimistic.teamId = changes.teamId = v.teamId || null;
    if (v.assigneeId !== base.assigneeId) optimistic.assigneeId = changes.assigneeId = v.assigneeId || null;
    // Steps and reasons are shown by label: optimistic only when the label is known.
    const labelled = (items: typeof names.steps, key: string) => {
      const item = items.find((i) => i.key === key);
      return item ? { id: item.id, key: item.key, label: referenceLabel(item, i18n.language) } : undefined;
    };
    if (v.step !== base.step) {
      changes.step = v.step || null;
      const step = v.step ? labelled(names.steps, v.step) : null;
      if (step !== undefined) optimistic.step = step;
    }
    if (v.reason !== base.reason) {
      changes.reason = v.reason || null;
      const reason = v.reason ? labelled(names.reasons, v.reason) : null;
      if (reason !== undefined) optimistic.reason = reason;
    }
  }
  const dirty = Object.keys(changes).length > 0;

  const options = (items: typeof names.steps, current: string, own: CaseDto['step']) => {
    const list = [{ value: '', label: t('case.none') }, ...items.filter((s) => s.active || s.key === current).map((s) => ({ value: s.key, label: referenceLabel(s, i18n.language) }))];
    // Until the list arrives, the case's own value must still be the selected option.
    if (own && !list.some((o) => o.value === own.key)) list.push({ value: own.key, label: own.label });
    return list;
  };
  const byId = (items: { id: string; name: string }[], current: string, none: string) => {
    const list = [{ value: '', label: none }, ...items.map((i) => ({ value: i.id, label: i.name }))];
    if (current && !list.some((o) => o.value === current)) list.push({ value: current, label: t('case.unknownUser') });
    return list;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft || !dirty) return;
    save.mutate({ version: draft.baseVersion, changes, optimistic }, { onSuccess: () => setDraft(null) });
  };

  return (
    <Paper component="section" withBorder p="md" aria-labelledby="controls-title">
      <Title order={2} size="h4" id="controls-title" mb="sm">
        {t('controls.title')}
      </Title>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {stale && (
            <Alert color="orange" variant="light" role="alert" title={t('controls.staleTitle')}>
              {t('controls.staleBody')}
            </Alert>
          )}
          {save.isError && !isApiError(save.error, 412) && <ProblemAlert error={save.error} title={t('controls.saveFailed')} />}
          <NativeSelect
            label={t('case.fields.status')}
            value={values.status}
            onChange={(e) => edit({ status: e.currentTarget.value as CaseStatus })}
            data={caseStatuses.map((s) => ({ value: s, label: t(`case.status.${s}`) }))}
          />
          <NativeSelect label={t('case.fields.step')} value={values.step} onChange={(e) => edit({ step: e.currentTarget.value })} data={options(names.steps, values.step, c.step)} />
          <NativeSelect label={t('case.fields.reason')} value={values.reason} onChange={(e) => edit({ reason: e.currentTarget.value })} data={options(names.reasons, values.reason, c.reason)} />
          <NativeSelect
            label={t('case.fields.priority')}
            value={values.priority}
            onChange={(e) => edit({ priority: e.currentTarget.value as Priority })}
            data={priorities.map((p) => ({ value: p, label: t(`case.priority.${p}`) }))}
          />
          <NativeSelect label={t('case.fields.team')} value={values.teamId} onChange={(e) => edit({ teamId: e.currentTarget.value })} data={byId(names.teams, values.teamId, t('case.none'))} />
          <NativeSelect
            label={t('case.fields.assignee')}
            value={values.assigneeId}
            onChange={(e) => edit({ assigneeId: e.currentTarget.value })}
            data={byId(names.users.filter((u) => u.active || u.id === values.assigneeId), values.assigneeId, t('case.unassigned'))}
          />
          <Button type="submit" disabled={!dirty} loading={save.isPending}>
            {t('controls.save')}
          </Button>
          {dirty && (
            <Button variant="subtle" onClick={() => setDraft(null)}>
              {t('controls.cancel')}
            </Button>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
