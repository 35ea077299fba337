// Moving the case on: status, priority, SAV step. The change is sent with the version the
// agent was looking at (If-Match); if someone changed the case meanwhile, the server
// answers 412 and the agent is told, with the fresh case in front of them.
import { Alert, Button, NativeSelect, Paper, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { caseStatuses, priorities } from '../../../src/modules/cases/cases.contract.ts';
import type { CaseDto, CaseStatus, Priority, UpdateCaseInput } from '../api/contracts.ts';
import { isApiError } from '../api/http.ts';
import { referenceLabel, useReferenceNames } from '../reference/reference.api.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { updateCase } from './cases.api.ts';
import { caseKeys } from './cases.keys.ts';

interface Fields {
  status: CaseStatus;
  priority: Priority;
  /** Step key; '' for none. */
  step: string;
}

const fieldsOf = (c: CaseDto): Fields => ({ status: c.status, priority: c.priority, step: c.step?.key ?? '' });

/** Edits start from the case as the agent saw it; that version goes in If-Match. */
interface Draft {
  base: Fields;
  baseVersion: number;
  values: Fields;
}

export function CaseControls({ c }: { c: CaseDto }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const names = useReferenceNames();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [stale, setStale] = useState(false);
  const values = draft?.values ?? fieldsOf(c);

  const edit = (changes: Partial<Fields>) => {
    setStale(false);
    setDraft((d) => {
      const start = d ?? { base: fieldsOf(c), baseVersion: c.version, values: fieldsOf(c) };
      return { ...start, values: { ...start.values, ...changes } };
    });
  };

  const changes: UpdateCaseInput = {};
  if (draft) {
    if (draft.values.status !== draft.base.status) changes.status = draft.values.status;
    if (draft.values.priority !== draft.base.priority) changes.priority = draft.values.priority;
    if (draft.values.step !== draft.base.step) changes.step = draft.values.step || null;
  }
  const dirty = Object.keys(changes).length > 0;

  const stepOptions = [
    { value: '', label: t('case.none') },
    ...names.steps.filter((s) => s.active || s.key === values.step).map((s) => ({ value: s.key, label: referenceLabel(s, i18n.language) })),
  ];
  // Until the step list arrives, the case's own step must still be the selected option.
  if (c.step && !stepOptions.some((o) => o.value === c.step?.key)) stepOptions.push({ value: c.step.key, label: c.step.label });

  const save = useMutation({
    mutationFn: (d: { version: number; changes: UpdateCaseInput }) => updateCase(c.id, d.version, d.changes),
    onSuccess: (updated) => {
      queryClient.setQueryData(caseKeys.detail(c.id), updated);
      setDraft(null);
      void queryClient.invalidateQueries({ queryKey: caseKeys.events(c.id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
    },
    onError: (error) => {
      if (isApiError(error, 412)) {
        // The agent decided on an old picture: show them the current one and let them decide again.
        setStale(true);
        setDraft(null);
        void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
        void queryClient.invalidateQueries({ queryKey: caseKeys.events(c.id) });
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft && dirty) save.mutate({ version: draft.baseVersion, changes });
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
          <NativeSelect
            label={t('case.fields.priority')}
            value={values.priority}
            onChange={(e) => edit({ priority: e.currentTarget.value as Priority })}
            data={priorities.map((p) => ({ value: p, label: t(`case.priority.${p}`) }))}
          />
          <NativeSelect
            label={t('case.fields.step')}
            value={values.step}
            onChange={(e) => edit({ step: e.currentTarget.value })}
            data={stepOptions}
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
